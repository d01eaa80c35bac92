import { specOf } from '../../model/object';
import { loadBalancerLimited } from '../../model/service-exposure';
import { get, str } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { NAMESPACE_ONLY } from '../../workspace/reads';

export default defineRule({
  id: 'restrict-exposed-services',
  title: 'Services are not exposed outside the cluster without a source restriction',
  category: 'network',
  // NodePort is a deliberate choice more often than a mistake; an open load balancer is the warning.
  severity: 'info',
  pss: null,
  level: 'restricted',
  covers: ['NET09'],
  equivalents: { kubeLinter: ['exposed-services'] },
  kinds: ['Service'],
  messages: {
    nodePort: 'Service "{{name}}" is of type NodePort: it is reachable on a port of every node, from wherever the '
      + 'nodes are reachable. Use ClusterIP behind an Ingress or Gateway, or make sure the node ports are '
      + 'firewalled.',
    openLoadBalancer: 'Service "{{name}}" is of type LoadBalancer with no loadBalancerSourceRanges: the load balancer '
      + 'admits every address, usually the whole internet. Set spec.loadBalancerSourceRanges to the client '
      + 'CIDRs, or make the load balancer internal.',
  },
  docs: {
    summary: 'A Service of type LoadBalancer gets an external load balancer that, unless '
      + '`loadBalancerSourceRanges` (or the cloud\'s source-range annotation) limits it, accepts connections '
      + 'from any address; a NodePort Service opens the same port on every node. Either puts the pods behind '
      + 'it on the network outside the cluster, past any Ingress authentication, TLS or WAF. Load balancers '
      + 'made internal by their cloud annotation (AWS, GCP, Azure, OCI, IBM, OpenStack) or limited to source '
      + 'ranges are not reported; NodePort is reported as information.',
    remediation: 'Prefer `type: ClusterIP` behind an Ingress or Gateway. When a load balancer is needed, set '
      + '`spec.loadBalancerSourceRanges` to the CIDRs of its clients, or make it internal with the cloud '
      + 'provider\'s annotation. Keep node ports closed at the node firewall.',
    references: ['https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types', 'https://kubernetes.io/docs/tasks/access-application-cluster/configure-cloud-provider-firewall/'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector: {app: web}
  ports:
  - port: 443
`,
    correct: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
  - port: 443
`,
  },
  fix: null,
  workspaceReads: NAMESPACE_ONLY,
  checkObject({ object, workspace: { index, self }, report }) {
    if (object.group !== '') return;
    const spec = specOf(object);
    const type = get(spec, 'type', object.doc);
    const data = { name: object.name ?? '(unnamed)' };
    if (str(type) === 'NodePort') {
      report({ messageId: 'nodePort', data, at: type!.value });
      return;
    }
    if (str(type) !== 'LoadBalancer' || loadBalancerLimited(object)) return;
    // A patch that sets the type may leave the source ranges to the base it patches.
    if (index.isPatch(self.uri)) return;
    report({ messageId: 'openLoadBalancer', data, at: type!.value, severity: 'warning' });
  },
});
