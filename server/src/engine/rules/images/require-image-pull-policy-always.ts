import { setInContainer } from '../../fix/workload';
import { imageOf, isPinned } from '../../model/image';
import { str } from '../../model/yaml-nav';
import { defineRule } from '../../rule';

export default defineRule({
  id: 'require-image-pull-policy-always',
  title: 'Images not pinned by digest are pulled on every start',
  category: 'images',
  severity: 'info',
  pss: null,
  optIn: true,
  covers: ['IMG03'],
  equivalents: { checkov: ['CKV_K8S_15'], kubescape: ['C-0075'], polaris: ['pullPolicyNotAlways'] },
  messages: {
    notAlways: '{{container}} pulls image "{{image}}" with imagePullPolicy {{policy}}: a copy cached on the node is '
      + 'used without checking the registry (or your pull credentials); set imagePullPolicy: Always or pin '
      + 'the image by digest.',
  },
  defaultReason: 'Off by default (info): on a single-tenant cluster with immutable tags the benefit is small, and '
    + '`Always` makes every start depend on the registry being reachable.',
  docs: {
    summary: 'With `IfNotPresent` (the default for a version tag) a node reuses any cached image of that name: a '
      + 're-pushed tag is not picked up, and a pod can start a private image another tenant pulled without '
      + 'holding the pull secret. `Always` makes the kubelet ask the registry (cheap when the digest is '
      + 'unchanged). Images pinned by digest are exempt: their content cannot change.',
    remediation: 'Set `imagePullPolicy: Always`, or pin the image by digest; on multi-tenant clusters enable the AlwaysPullImages admission plugin.',
    references: ['https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy', 'https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#alwayspullimages'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: nginx:1.27
  - name: b
    image: redis:7
    imagePullPolicy: IfNotPresent # cache
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: nginx:1.27
    imagePullPolicy: Always
  - name: b
    image: redis:7
    imagePullPolicy: Always # cache
`,
  },
  // Unsafe: with Always a pod no longer starts from the node's cache while the registry is down.
  fix: { safety: 'unsafe', risk: 'pods cannot start from a cached image while the registry is unreachable' },
  checkPod({ pod, report }) {
    for (const c of pod.containers) {
      const found = imageOf(c);
      if (!found || isPinned(found.image)) continue;
      const policyRef = c.field('imagePullPolicy');
      const policy = str(policyRef);
      if (policy === 'Always') continue;
      // Unset means Always for latest or no tag (the kubelet's default), IfNotPresent otherwise.
      const tag = found.image.tag;
      if (policy === undefined && (tag === undefined || tag === 'latest')) continue;
      report({
        messageId: 'notAlways', data: { container: c.label, image: found.image.raw, policy: policy ?? 'IfNotPresent (the default for a tagged image)' },
        at: policyRef?.site ?? found.ref.site,
        fix: policyRef?.viaAlias ? undefined : setInContainer(c, ['imagePullPolicy'], 'Always'),
      });
    }
  },
});
