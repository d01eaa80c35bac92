import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const WEB = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    selector:
      matchLabels:
        app: web
    template:
      metadata:
        labels:
          app: web
          version: v2
      spec:
        containers:
        - name: web
          image: nginx:1.27
`;

const policy = (selector: string, extra = '') => yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: web
    ${extra}
  spec:
    podSelector:
      ${selector}
    policyTypes: [Ingress]
`;

const WEB_IN_SHOP = WEB.replace('  name: web\n', '  name: web\n  namespace: shop\n');

/** The policy the suggestion creates for WEB, as a file of its own. */
const POLICY_WEB = yaml`
  # Allows Deployment "web" traffic from and to pods of its own namespace, and DNS.
  # Narrow it to the peers and ports the workload really uses.
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: web
  spec:
    podSelector:
      matchLabels:
        app: web
    policyTypes:
    - Ingress
    - Egress
    ingress:
    - from:
      - podSelector: {}
    egress:
    - to:
      - podSelector: {}
    - to:
      - namespaceSelector:
          matchLabels:
            kubernetes.io/metadata.name: kube-system
        podSelector:
          matchLabels:
            k8s-app: kube-dns
      ports:
      - protocol: UDP
        port: 53
      - protocol: TCP
        port: 53
`;
const POLICY_WEB_DOC = `---\n${POLICY_WEB}`;

const MIGRATE = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: migrate\n        image: migrate:1.0\n';
const MIGRATE_POLICY = POLICY_WEB.replace('Deployment "web"', 'Job "migrate"').replace('name: web\n', 'name: migrate\n').replace('app: web', 'job-name: migrate');

const REPORT = yaml`
  apiVersion: batch/v1
  kind: CronJob
  metadata:
      name: report
  spec:
      schedule: "0 * * * *"
      jobTemplate:
          spec:
              template:
                  metadata:
                      labels:
                          app: report
                  spec:
                      restartPolicy: Never
                      containers:
                          - name: report
                            image: busybox:1.36
                            args: [date]
  ---
`;

const REPORT_POLICY = yaml`
  # Allows CronJob "report" traffic from and to pods of its own namespace, and DNS.
  # Narrow it to the peers and ports the workload really uses.
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
      name: report
  spec:
      podSelector:
          matchLabels:
              app: report
      policyTypes: [Ingress, Egress]
      ingress:
          - from:
                - podSelector: {}
      egress:
          - to:
                - podSelector: {}
          - to:
                - namespaceSelector:
                      matchLabels:
                          kubernetes.io/metadata.name: kube-system
                  podSelector:
                      matchLabels:
                          k8s-app: kube-dns
            ports:
                - protocol: UDP
                  port: 53
                - protocol: TCP
                  port: 53
`;

const LEGACY = yaml`
  apiVersion: v1
  kind: ReplicationController
  metadata:
    name: legacy
    namespace: shop
  spec:
    selector:
      app: legacy
    template:
      metadata:
        labels:
          app: legacy
          pod-template-hash: abc
      spec:
        containers:
        - name: app
          image: nginx:1.27
`;

/** The workload's own selector, not the template's hash label, and the namespace it names. */
const LEGACY_POLICY = POLICY_WEB.replace('Deployment "web"', 'ReplicationController "legacy"').replace('name: web\n', 'name: legacy\n  namespace: shop\n').replace('app: web', 'app: legacy');


/** A namespace-less workload of another app, as installers ship them. */
const ARGO_SERVER = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: argocd-server
  spec:
    selector:
      matchLabels: {app: argocd-server}
    template:
      metadata:
        labels: {app: argocd-server}
      spec:
        containers:
        - name: server
          image: argoproj/argocd:v2.13.0
`;

/** WEB beside a policy of its namespace that selects other pods: reported with or without enable-all. */
const MISSED_BY_DB_POLICY = {
  code: WEB,
  files: { 'policies/db.yaml': policy('matchLabels: {app: db}') },
  errors: [{
    messageId: 'notSelected', line: 4, column: 9, endLine: 4, endColumn: 12,
    related: [{ file: 'policies/db.yaml', line: 4, column: 9, endLine: 4, endColumn: 12, message: 'NetworkPolicy "web" applies in namespace "default" but does not select these pods.' }],
    suggestions: [{ title: 'Create a NetworkPolicy for Deployment "web"', output: WEB + POLICY_WEB_DOC.replace('name: web\n', 'name: web-2\n'), newFile: { name: 'web-network-policy.yaml', text: POLICY_WEB.replace('name: web\n', 'name: web-2\n') } }],
  }],
};

ruleTester('require-network-policy', {
  valid: [
    {
      name: 'a policy in the same file selects the pods by matchLabels',
      code: `${WEB}---\n${policy('matchLabels: {app: web}')}`,
    },
    {
      name: 'a policy in another file of the workspace',
      code: WEB,
      files: { 'policies/web.yaml': policy('matchLabels: {app: web}') },
    },
    {
      name: 'matchExpressions select the pods',
      code: WEB,
      files: { 'np.yaml': policy('matchExpressions: [{key: version, operator: In, values: [v1, v2]}]') },
    },
    {
      name: 'a policy without podSelector selects every pod of its namespace',
      code: WEB,
      files: { 'np.yaml': 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: all\nspec:\n  policyTypes: [Ingress]\n' },
    },
    {
      name: 'a CiliumNetworkPolicy counts, its k8s: key prefix read as Cilium does',
      code: WEB,
      files: {
        'cnp.yaml': yaml`
          apiVersion: cilium.io/v2
          kind: CiliumNetworkPolicy
          metadata:
            name: web
          spec:
            endpointSelector:
              matchLabels:
                k8s:app: web
            ingress:
            - fromEndpoints:
              - matchLabels:
                  app: front
        `,
      },
    },
    {
      name: 'a CiliumClusterwideNetworkPolicy scoped to the namespace by its pod label',
      code: WEB_IN_SHOP,
      files: {
        'ccnp.yaml': yaml`
          apiVersion: cilium.io/v2
          kind: CiliumClusterwideNetworkPolicy
          metadata:
            name: shop-default-deny
          spec:
            endpointSelector:
              matchLabels:
                k8s:io.kubernetes.pod.namespace: shop
            ingress:
            - {}
        `,
      },
    },
    {
      name: 'a Calico NetworkPolicy counts',
      code: WEB,
      files: {
        'calico.yaml': yaml`
          apiVersion: projectcalico.org/v3
          kind: NetworkPolicy
          metadata:
            name: web
          spec:
            selector: app == 'web' && has(version)
            types: [Ingress]
        `,
      },
    },
    {
      name: 'a Calico GlobalNetworkPolicy limited to the namespace by its namespaceSelector',
      code: WEB_IN_SHOP,
      files: {
        'gnp.yaml': yaml`
          apiVersion: crd.projectcalico.org/v1
          kind: GlobalNetworkPolicy
          metadata:
            name: shop
          spec:
            namespaceSelector: projectcalico.org/name == 'shop'
            selector: all()
            types: [Ingress, Egress]
        `,
      },
    },
    {
      name: 'a kustomization places the workload in the namespace of the policy',
      code: WEB,
      files: {
        'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: shop\nresources:\n- case.yaml\n',
        'np.yaml': policy('{}', 'namespace: shop'),
      },
    },
    {
      name: 'the Job controller labels its pods with the Job\'s name, which a policy may select',
      code: MIGRATE,
      files: { 'np.yaml': policy('matchLabels: {batch.kubernetes.io/job-name: migrate}') },
    },
    {
      name: 'host-network pods are outside the reach of NetworkPolicies',
      code: WEB.replace('      containers:', '      hostNetwork: true\n      containers:'),
    },
    {
      name: 'the cluster\'s own namespaces are not checked',
      code: WEB.replace('  name: web\n', '  name: web\n  namespace: kube-system\n'),
    },
    {
      name: 'a PodTemplate runs no pods',
      code: yaml`
        apiVersion: v1
        kind: PodTemplate
        metadata:
          name: t
        template:
          metadata:
            labels: {app: t}
          spec:
            containers:
            - name: app
              image: nginx:1.27
      `,
    },
    {
      name: 'not a workload',
      code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n',
    },
    {
      name: 'a kustomize patch is a partial object: its policy is the base\'s business',
      code: WEB,
      files: { 'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- base.yaml\npatchesStrategicMerge:\n- case.yaml\n' },
    },
    {
      name: 'not part of the baseline preset',
      level: 'baseline',
      code: WEB,
    },
    {
      name: 'by default, a namespace without policies of its own in the workspace is left to the namespace rules',
      code: WEB,
      settings: { enableAll: false },
    },
    {
      name: 'by default, a cluster-wide policy for other pods does not make the namespace one whose policies live here',
      code: WEB,
      settings: { enableAll: false },
      files: { 'ccnp.yaml': 'apiVersion: cilium.io/v2\nkind: CiliumClusterwideNetworkPolicy\nmetadata:\n  name: db\nspec:\n  endpointSelector:\n    matchLabels: {app: db}\n  ingress:\n  - {}\n' },
    },
    {
      name: 'by default, a namespace whose policies live here, one of which selects the pods',
      code: WEB,
      settings: { enableAll: false },
      files: { 'policies/db.yaml': policy('matchLabels: {app: db}'), 'policies/web.yaml': policy('matchLabels: {app: web}').replace('name: web', 'name: web-ingress') },
    },
    {
      // Argo CD's install.yaml: namespace-less workloads and the policies written for them, applied
      // with `kubectl -n argocd`. Unrelated apps beside it are applied into namespaces of their own.
      name: 'by default, an installer elsewhere bundles namespace-less workloads with their policies: not this namespace\'s policies',
      code: WEB,
      settings: { enableAll: false },
      files: { 'installers/argocd.yaml': `${ARGO_SERVER}---\n${policy('matchLabels: {app: argocd-server}').replace('name: web', 'name: argocd-server')}` },
    },
    {
      name: 'by default, such an installer in the same folder does not count either',
      code: WEB,
      settings: { enableAll: false },
      files: { 'argocd-install.yaml': `${ARGO_SERVER}---\n${policy('matchLabels: {app: argocd-server}').replace('name: web', 'name: argocd-server')}` },
    },
  ],
  invalid: [
    {
      name: 'a policy naming the namespace explicitly counts, even bundled with other workloads',
      code: WEB,
      settings: { enableAll: false },
      files: { 'installers/db.yaml': `${ARGO_SERVER}---\n${policy('matchLabels: {app: db}', 'namespace: default')}` },
      errors: [{
        messageId: 'notSelected', line: 4, column: 9, endLine: 4, endColumn: 12,
        related: [{ file: 'installers/db.yaml', line: 19, column: 9, endLine: 19, endColumn: 12, message: 'NetworkPolicy "web" applies in namespace "default" but does not select these pods.' }],
        suggestions: MISSED_BY_DB_POLICY.errors[0].suggestions,
      }],
    },
    {
      name: 'no policy at all: a policy for the workload is offered, appended or as a new file',
      code: WEB,
      errors: [{ messageId: 'notSelected', line: 4, column: 9, endLine: 4, endColumn: 12, suggestions: [{ title: 'Create a NetworkPolicy for Deployment "web"', output: WEB + POLICY_WEB_DOC, newFile: { name: 'web-network-policy.yaml', text: POLICY_WEB } }] }],
    },
    { name: 'the namespace\'s policy in another file selects other pods: it is pointed at', ...MISSED_BY_DB_POLICY },
    { name: 'by default too: the namespace\'s policies live in the workspace and none selects these pods', ...MISSED_BY_DB_POLICY, settings: { enableAll: false } },
    {
      name: 'turned on by a severity in the settings, it reports a namespace without any policy',
      code: WEB,
      settings: { enableAll: false, rules: { 'require-network-policy': 'error' } },
      errors: [{ messageId: 'notSelected', line: 4, column: 9, endLine: 4, endColumn: 12, severity: 'error', suggestions: [{ title: 'Create a NetworkPolicy for Deployment "web"', output: WEB + POLICY_WEB_DOC, newFile: { name: 'web-network-policy.yaml', text: POLICY_WEB } }] }],
    },
    {
      name: 'a policy selecting the pods in another namespace does not count',
      code: WEB_IN_SHOP,
      files: { 'np.yaml': policy('{}', 'namespace: prod') },
      errors: [{ messageId: 'notSelected', line: 4, column: 9, endLine: 4, endColumn: 12, data: { kind: 'Deployment', name: 'web', namespace: 'shop' }, suggestions: [{ title: 'Create a NetworkPolicy for Deployment "web"', output: WEB_IN_SHOP + POLICY_WEB_DOC.replace('name: web\n', 'name: web\n  namespace: shop\n'), newFile: { name: 'web-network-policy.yaml', text: POLICY_WEB.replace('name: web\n', 'name: web\n  namespace: shop\n') } }] }],
    },
    {
      name: 'a kustomization moves the workload away from the policy\'s namespace',
      code: WEB,
      files: {
        'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: shop\nresources:\n- case.yaml\n',
        'other/np.yaml': policy('{}'),
      },
      errors: [{ messageId: 'notSelected', line: 4, column: 9, endLine: 4, endColumn: 12, data: { kind: 'Deployment', name: 'web', namespace: 'shop' }, suggestions: [{ title: 'Create a NetworkPolicy for Deployment "web"', output: WEB + POLICY_WEB_DOC, newFile: { name: 'web-network-policy.yaml', text: POLICY_WEB } }] }],
    },
    {
      name: 'Cilium and Calico policies that select other pods do not count',
      code: WEB,
      files: {
        'cnp.yaml': 'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: db\nspec:\n  endpointSelector:\n    matchLabels: {app: db}\n  ingress:\n  - {}\n',
        'calico.yaml': "apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata:\n  name: api\nspec:\n  selector: app == 'api'\n",
        'host.yaml': 'apiVersion: cilium.io/v2\nkind: CiliumClusterwideNetworkPolicy\nmetadata:\n  name: host\nspec:\n  nodeSelector: {}\n  ingress:\n  - fromEntities: [cluster]\n',
      },
      errors: [{
        messageId: 'notSelected', line: 4, column: 9, endLine: 4, endColumn: 12,
        related: [
          { file: 'calico.yaml', line: 4, column: 9, endLine: 4, endColumn: 12, message: 'Calico NetworkPolicy "api" applies in namespace "default" but does not select these pods.' },
          { file: 'cnp.yaml', line: 4, column: 9, endLine: 4, endColumn: 11, message: 'CiliumNetworkPolicy "db" applies in namespace "default" but does not select these pods.' },
        ],
        suggestions: [{ title: 'Create a NetworkPolicy for Deployment "web"', output: WEB + POLICY_WEB_DOC, newFile: { name: 'web-network-policy.yaml', text: POLICY_WEB } }],
      }],
    },
    {
      name: 'a Job without template labels: the policy offered selects its pods by the job-name label',
      code: MIGRATE,
      errors: [{
        messageId: 'notSelected', line: 4, column: 9, endLine: 4, endColumn: 16,
        suggestions: [{ title: 'Create a NetworkPolicy for Job "migrate"', output: `${MIGRATE}---\n${MIGRATE_POLICY}`, newFile: { name: 'migrate-network-policy.yaml', text: MIGRATE_POLICY } }],
      }],
    },
    {
      name: 'a labelless Pod can only be isolated with all its namespace: no policy is offered',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: lone\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n',
      errors: [{ messageId: 'notSelected', line: 4, column: 9, endLine: 4, endColumn: 13 }],
    },
    {
      name: 'CRLF and no final newline: the appended policy keeps both',
      code: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\n  labels: {app: p}\r\nspec:\r\n  containers:\r\n  - name: app\r\n    image: nginx:1.27',
      errors: [{
        messageId: 'notSelected', line: 4, column: 9, endLine: 4, endColumn: 10,
        suggestions: [{
          title: 'Create a NetworkPolicy for Pod "p"',
          output: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\n  labels: {app: p}\r\nspec:\r\n  containers:\r\n  - name: app\r\n    image: nginx:1.27\r\n---\r\n'
            + policyFor('Pod "p"', 'p', 'app: p').trimEnd().split('\n').join('\r\n'),
          newFile: { name: 'p-network-policy.yaml', text: policyFor('Pod "p"', 'p', 'app: p').split('\n').join('\r\n') },
        }],
      }],
    },
    {
      name: 'four-space indentation, indented and flow lists, an empty last document: the policy is written alike, in it',
      code: REPORT,
      errors: [{
        messageId: 'notSelected', line: 4, column: 11, endLine: 4, endColumn: 17,
        suggestions: [{
          title: 'Create a NetworkPolicy for CronJob "report"',
          output: `${REPORT}${REPORT_POLICY}`,
          newFile: { name: 'report-network-policy.yaml', text: REPORT_POLICY },
        }],
      }],
    },
    {
      name: 'a ReplicationController\'s plain selector is what the policy selects',
      code: LEGACY,
      errors: [{
        messageId: 'notSelected', line: 4, column: 9, endLine: 4, endColumn: 15,
        suggestions: [{ title: 'Create a NetworkPolicy for ReplicationController "legacy"', output: `${LEGACY}---\n${LEGACY_POLICY}`, newFile: { name: 'legacy-network-policy.yaml', text: LEGACY_POLICY } }],
      }],
    },
    {
      name: 'a JSON manifest cannot take a YAML document after it: only a new file could hold the policy, so nothing is offered',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "j", "labels": {"app": "j"}}, "spec": {"containers": [{"name": "app", "image": "nginx:1.27"}]}}\n',
      errors: [{ messageId: 'notSelected', line: 1, column: 58, endLine: 1, endColumn: 61 }],
    },
  ],
});

function policyFor(workload: string, name: string, labels: string): string {
  return POLICY_WEB.replace('Deployment "web"', workload).replace('name: web\n', `name: ${name}\n`).replace('app: web', labels);
}
