import { imageOf, matchesRegistry } from '../../model/image';
import { defineRule } from '../../rule';

export default defineRule({
  id: 'require-trusted-registry',
  title: 'Images come from a trusted registry',
  category: 'images',
  severity: 'warning',
  pss: null,
  covers: ['IMG04'],
  equivalents: { trivy: ['KSV125'], kubescape: ['C-0078'] },
  messages: {
    untrusted: '{{container}} pulls "{{image}}" from {{registry}}, which is not in kubeHarden.trustedRegistries: '
      + 'mirror the image into a trusted registry ({{trusted}}).',
  },
  docs: {
    summary: 'An image from an arbitrary registry bypasses the scanning, signing and retention an organisation '
      + 'applies to its own. Active only when the `trustedRegistries` setting lists registries (empty by '
      + 'default, so the rule says nothing until configured — there is no sensible global default). Entries '
      + 'are a registry host (`ghcr.io`, `registry.local:5000`), `*.` for any subdomain (`*.azurecr.io`), or '
      + 'a repository prefix (`ghcr.io/acme`, `docker.io/library`). Hosts are read as Docker does: `nginx` is '
      + '`docker.io/library/nginx`, `index.docker.io` is `docker.io`, `localhost:5000/x` is on '
      + '`localhost:5000`.',
    remediation: 'Mirror or rebuild the image into a trusted registry and reference it there, or add the registry to `trustedRegistries` after review.',
    references: ['https://kubernetes.io/docs/concepts/containers/images/', 'https://owasp.org/www-project-kubernetes-top-ten/2022/en/src/K02-supply-chain-vulnerabilities'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: bitnami/redis:7.2
  - name: b
    image: ghcr.io/acme-evil/api:1.0
  - name: c
    image: localhost:5000/app:1
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: ghcr.io/acme/api:1.0
  - name: b
    image: prod.azurecr.io/b:2
`,
    settings: { trustedRegistries: ['ghcr.io/acme', '*.azurecr.io', 'docker.io/library'] },
  },
  fix: null,
  checkPod({ pod, config, report }) {
    const trusted = config.trustedRegistries ?? [];
    if (trusted.length === 0) return;
    for (const c of pod.containers) {
      const found = imageOf(c);
      if (!found || trusted.some(p => matchesRegistry(found.image, p))) continue;
      report({
        messageId: 'untrusted',
        data: { container: c.label, image: found.image.raw, registry: found.image.registry, trusted: trusted.join(', ') },
        at: found.ref.site,
      });
    }
  },
});
