import { ruleTester } from '../../helpers/rule-tester';

const svc = (spec: string, annotations = '') =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n${annotations ? `  annotations:\n${annotations}` : ''}spec:\n${spec}  selector: {app: web}\n  ports:\n  - port: 443\n`;

ruleTester('restrict-exposed-services', {
  valid: [
    svc(''),
    svc('  type: ClusterIP\n'),
    { name: 'a load balancer limited to its clients\' CIDRs', code: svc('  type: LoadBalancer\n  loadBalancerSourceRanges: [203.0.113.0/24]\n') },
    { name: 'source ranges by the cloud annotation', code: svc('  type: LoadBalancer\n', '    service.beta.kubernetes.io/load-balancer-source-ranges: "203.0.113.0/24,198.51.100.0/24"\n') },
    { name: 'an internal AWS load balancer', code: svc('  type: LoadBalancer\n', '    service.beta.kubernetes.io/aws-load-balancer-scheme: internal\n') },
    { name: 'an internal GKE load balancer', code: svc('  type: LoadBalancer\n', '    networking.gke.io/load-balancer-type: "Internal"\n') },
    { name: 'an internal Azure load balancer', code: svc('  type: LoadBalancer\n', '    service.beta.kubernetes.io/azure-load-balancer-internal: "true"\n') },
    { name: 'a kustomize patch setting the type leaves the source ranges to the base', code: svc('  type: LoadBalancer\n'), files: { 'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- base.yaml\npatches:\n- path: ./case.yaml\n  target: {kind: Service}\n' } },
    { name: 'ExternalName points outward, it exposes nothing', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  type: ExternalName\n  externalName: db.example.com\n' },
  ],
  invalid: [
    {
      name: 'an open load balancer',
      code: svc('  type: LoadBalancer\n'),
      errors: [{ messageId: 'openLoadBalancer', line: 6, column: 9, endLine: 6, endColumn: 21, severity: 'warning', data: { name: 'web' } }],
    },
    {
      name: 'source ranges that include the whole internet limit nothing',
      code: svc('  type: LoadBalancer\n  loadBalancerSourceRanges:\n  - 10.0.0.0/8\n  - 0.0.0.0/0\n'),
      errors: [{ messageId: 'openLoadBalancer', line: 6, column: 9, endLine: 6, endColumn: 21, severity: 'warning' }],
    },
    {
      name: 'an internal annotation set to false does not make it internal',
      code: svc('  type: "LoadBalancer"\n', '    service.beta.kubernetes.io/azure-load-balancer-internal: "false"\n'),
      errors: [{ messageId: 'openLoadBalancer', line: 8, column: 9, endLine: 8, endColumn: 23, severity: 'warning' }],
    },
    {
      name: 'NodePort is information',
      code: svc('  type: NodePort\n'),
      errors: [{ messageId: 'nodePort', line: 6, column: 9, endLine: 6, endColumn: 17, severity: 'info' }],
    },
  ],
});
