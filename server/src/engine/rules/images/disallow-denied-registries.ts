import { imageOf, matchesRegistry } from '../../model/image';
import { defineRule } from '../../rule';

export default defineRule({
  id: 'disallow-denied-registries',
  title: 'Images do not come from a denied registry',
  category: 'images',
  severity: 'warning',
  pss: null,
  covers: ['IMG05'],
  equivalents: { kubescape: ['C-0001'] },
  messages: {
    denied: '{{container}} pulls "{{image}}" from {{pattern}}, which kubeHarden.deniedRegistries forbids: use an image from an approved registry.',
  },
  docs: {
    summary: 'Some registries are known to be untrusted for an organisation (public mirrors, personal namespaces, '
      + 'a decommissioned registry). Active only when the `deniedRegistries` setting lists some (empty by '
      + 'default, so the rule is silent until configured). Entries take the same forms as '
      + '`trustedRegistries`: a host, `*.` for subdomains, or a repository prefix such as '
      + '`docker.io/someuser`.',
    remediation: 'Reference the image from an approved registry (mirror it there after review).',
    references: ['https://kubernetes.io/docs/concepts/containers/images/'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: randomuser/app:1
  - name: b
    image: quay.io/x/y:2
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: randomuser2/app:1
`,
    settings: { deniedRegistries: ['docker.io/randomuser', 'quay.io'] },
  },
  fix: null,
  checkPod({ pod, config, report }) {
    const denied = config.deniedRegistries ?? [];
    if (denied.length === 0) return;
    for (const c of pod.containers) {
      const found = imageOf(c);
      const pattern = found && denied.find(p => matchesRegistry(found.image, p));
      if (found && pattern) report({ messageId: 'denied', data: { container: c.label, image: found.image.raw, pattern }, at: found.ref.site });
    }
  },
});
