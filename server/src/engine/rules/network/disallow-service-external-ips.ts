import { specOf } from '../../model/object';
import { getSeq, keyOf, seqItems, str } from '../../model/yaml-nav';
import { defineRule } from '../../rule';

export default defineRule({
  id: 'disallow-service-external-ips',
  title: 'Services do not set externalIPs',
  category: 'network',
  severity: 'error',
  pss: null,
  level: 'baseline',
  covers: ['NET10'],
  equivalents: { trivy: ['KSV108'] },
  kinds: ['Service'],
  messages: {
    externalIPs: 'Service "{{name}}" sets spec.externalIPs ({{ips}}): kube-proxy then sends every node\'s traffic for '
      + 'those addresses to this Service, which can intercept another workload\'s or an external host\'s '
      + 'traffic (CVE-2020-8554). Remove externalIPs; use a LoadBalancer or an Ingress.',
  },
  docs: {
    summary: 'Any address written in `spec.externalIPs` makes kube-proxy on every node route traffic for that IP '
      + 'and port to the Service\'s pods, with no check that the address belongs to the Service\'s owner. '
      + 'Whoever can create a Service can thereby capture traffic meant for other Services or for hosts '
      + 'outside the cluster (CVE-2020-8554, a design flaw with no patch). Clusters are advised to block the '
      + 'field with the DenyServiceExternalIPs admission plugin.',
    remediation: 'Remove `spec.externalIPs`. Expose the Service with `type: LoadBalancer`, an Ingress or a Gateway; '
      + 'where externalIPs are truly needed, allow specific addresses with an admission policy.',
    references: ['https://github.com/kubernetes/kubernetes/issues/97076', 'https://kubernetes.io/docs/concepts/services-networking/service/#external-ips'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
  - port: 80
  externalIPs:
  - 192.0.2.10
  - 192.0.2.11
`,
    correct: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  externalIPs: []
  ports:
  - port: 80
`,
  },
  fix: null,
  checkObject({ object, report }) {
    if (object.group !== '') return;
    const spec = specOf(object);
    const ips = seqItems(getSeq(spec, 'externalIPs', object.doc), object.doc).map(r => str(r)).filter((ip): ip is string => !!ip);
    if (ips.length === 0) return;
    report({ messageId: 'externalIPs', data: { name: object.name ?? '(unnamed)', ips: ips.join(', ') }, at: keyOf(spec, 'externalIPs', object.doc)! });
  },
});
