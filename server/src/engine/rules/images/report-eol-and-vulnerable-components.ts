import { imageOf } from '../../model/image';
import { defineRule } from '../../rule';

/** `v2.2.3`, `2.2.3-debian` -> [2, 2, 3]; undefined for tags that are not versions. */
function version(tag: string | undefined): number[] | undefined {
  const m = tag && /^v?(\d+)\.(\d+)\.(\d+)/.exec(tag);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

function cmp(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

const within = (v: number[], lo: number[], hi: number[]) => cmp(v, lo) >= 0 && cmp(v, hi) <= 0;

// Fixed versions from the advisories; only the ranges the catalogue rows name.
const VULNERABLE: ReadonlyArray<{ name: string; cve: string; image: RegExp; affected: (v: number[]) => boolean; fixed: string }> = [
  {
    name: 'Argo CD', cve: 'CVE-2022-24348', image: /(^|\/)argocd$/, fixed: '2.1.9 / 2.2.4 or later',
    affected: v => cmp(v, [2, 1, 9]) < 0 || within(v, [2, 2, 0], [2, 2, 3]),
  },
  { name: 'Grafana', cve: 'CVE-2022-39328', image: /(^|\/)grafana(-enterprise)?$/, fixed: '9.2.4 or later', affected: v => within(v, [9, 2, 0], [9, 2, 3]) },
  { name: 'Kyverno', cve: 'CVE-2022-47633', image: /(^|\/)kyverno$/, fixed: '1.8.5 or later', affected: v => within(v, [1, 8, 3], [1, 8, 4]) },
];

// IngressNightmare (March 2025): unauthenticated code execution through the admission webhook,
// fixed in v1.11.5 and v1.12.1. Every earlier release is affected, and 1.12.0.
const INGRESS_NIGHTMARE = 'CVE-2025-1974, CVE-2025-1097, CVE-2025-1098, CVE-2025-24513, CVE-2025-24514';
const ingressNightmare = (v: number[]) => cmp(v, [1, 11, 5]) < 0 || within(v, [1, 12, 0], [1, 12, 0]);

export default defineRule({
  id: 'report-eol-and-vulnerable-components',
  title: 'End-of-life and known-vulnerable platform components',
  category: 'images',
  severity: 'info',
  pss: null,
  covers: ['IMG10', 'IMG11'],
  equivalents: { kubescape: ['C-0292', 'C-0081', 'C-0090', 'C-0091'] },
  messages: {
    ingressNginx: '{{container}} runs the ingress-nginx controller ("{{image}}"): the project is retired (no security '
      + 'fixes after March 2026); plan a move to another Ingress or Gateway API controller.',
    vulnerable: '{{container}} runs {{name}} {{version}}, affected by {{cve}}: upgrade to {{fixed}}.',
    ingressNightmare: '{{container}} runs the ingress-nginx controller {{version}}, affected by IngressNightmare ({{cves}}: '
      + 'code execution through the admission webhook, without authentication, and every Secret of the '
      + 'cluster with it): upgrade to v1.11.5, v1.12.1 or later now, and plan a move off the retired project.',
  },
  defaultReason: 'Reported as info (on by default, never blocking): the image tag says which version runs, but a reviewer must weigh the upgrade.',
  docs: {
    summary: 'Platform components with a known, exploitable vulnerability or no more security fixes. Covers the '
      + 'ingress-nginx controller (retired by Kubernetes SIG Network; no fixes after March 2026; versions '
      + 'before v1.11.5, and v1.12.0, are affected by the IngressNightmare flaws CVE-2025-1974, -1097, -1098, '
      + '-24513 and -24514, unauthenticated code execution through the admission webhook, reported as a '
      + 'warning) and the versions the catalogue names: Argo CD before 2.1.9 and 2.2.0–2.2.3 (CVE-2022-24348, '
      + 'path traversal to other apps\' secrets), Grafana 9.2.0–9.2.3 (CVE-2022-39328, auth bypass), Kyverno '
      + '1.8.3–1.8.4 (CVE-2022-47633, signature verification bypass). An image scanner covers the rest.',
    remediation: 'Upgrade to a fixed version; for ingress-nginx, plan the migration to a maintained controller (the '
      + 'Gateway API implementations, or another Ingress controller).',
    references: [
      'https://kubernetes.io/blog/2025/11/11/ingress-nginx-retirement/',
      'https://kubernetes.io/blog/2025/03/24/ingress-nginx-cve-2025-1974/',
      'https://nvd.nist.gov/vuln/detail/CVE-2022-24348',
      'https://nvd.nist.gov/vuln/detail/CVE-2022-39328',
      'https://nvd.nist.gov/vuln/detail/CVE-2022-47633',
    ],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: registry.k8s.io/ingress-nginx/controller:v1.9.4
  - name: a
    image: quay.io/argoproj/argocd:v2.2.3
  - name: g
    image: grafana/grafana:9.2.1
  - name: k
    image: ghcr.io/kyverno/kyverno:v1.8.4
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: quay.io/argoproj/argocd:v2.2.4
  - name: g
    image: grafana/grafana:9.2.4
  - name: k
    image: ghcr.io/kyverno/kyverno:v1.8.5
`,
  },
  fix: null,
  checkPod({ pod, report }) {
    for (const c of pod.containers) {
      const found = imageOf(c);
      if (!found) continue;
      const { image, ref } = found;
      const v = version(image.tag);
      if (/(^|\/)ingress-nginx\/controller(-chroot)?$/.test(image.repository)) {
        // A critical, remotely exploitable flaw outranks the retirement notice: one finding, a warning.
        if (v && ingressNightmare(v)) report({ messageId: 'ingressNightmare', data: { container: c.label, version: image.tag!, cves: INGRESS_NIGHTMARE }, at: ref.site, covers: ['IMG10', 'IMG11'], severity: 'warning' });
        else report({ messageId: 'ingressNginx', data: { container: c.label, image: image.raw }, at: ref.site, covers: ['IMG10'] });
        continue;
      }
      const hit = v && VULNERABLE.find(x => x.image.test(image.repository) && x.affected(v));
      if (hit) {
        report({ messageId: 'vulnerable', data: { container: c.label, name: hit.name, version: image.tag!, cve: hit.cve, fixed: hit.fixed }, at: ref.site, covers: ['IMG11'] });
      }
    }
  },
});
