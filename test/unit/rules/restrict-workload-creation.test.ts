import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const END = 'any subject bound to it can run any pod, with any service account of the namespace and its Secrets. Grant it only to deployment pipelines and controllers, with Pod Security admission enforced in the namespace.';

// One rule entry, judged with the wildcard-verbs rule on (it answers) and off (this rule does).
const ALL_VERBS_ON_JOBS = yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: Role
  metadata:
    name: jobs
    namespace: ci
  rules:
  - apiGroups: ["*"]
    resources:
    - jobs
    verbs: ["*"]
`;

ruleTester('restrict-workload-creation', {
  valid: [
    {
      name: '"*" verbs on jobs: the wildcard-verbs finding answers for RB09',
      code: ALL_VERBS_ON_JOBS,
    },
    {
      name: 'deployments in the core group do not exist: the rule grants nothing',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: wrong-group
        rules:
        - apiGroups: [""]
          resources: ["deployments", "jobs"]
          verbs: ["create"]
      `,
    },
    {
      name: 'reading and scaling workloads',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: scaler
        rules:
        - apiGroups: ["apps"]
          resources: ["deployments", "deployments/scale"]
          verbs: ["get", "update"]
        - apiGroups: ["metrics.k8s.io"]
          resources: ["pods"]
          verbs: ["create"]
      `,
    },
  ],
  invalid: [
    {
      name: 'pods in the core group, workloads in apps and batch',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: deployer
        rules:
        - apiGroups: [""]
          resources: ["pods"]
          verbs: ["create"]
        - apiGroups: ["apps", "batch"]
          resources: ["deployments", "cronjobs"]
          verbs: ["create", "update"]
      `,
      errors: [
        { messageId: 'create', line: 7, column: 15, endLine: 7, endColumn: 21, severity: 'warning', covers: ['RB09'], message: `ClusterRole "deployer" grants "create" on "pods" in every namespace: ${END}` },
        { messageId: 'create', line: 10, column: 15, endLine: 10, endColumn: 28, message: `ClusterRole "deployer" grants "create" on "deployments", "cronjobs" in every namespace: ${END}` },
      ],
    },
    {
      name: 'a Role with every API group, the wildcard-verbs rule off: reported here',
      settings: { rules: { 'disallow-wildcard-verbs': 'off' } },
      code: ALL_VERBS_ON_JOBS,
      errors: [{ messageId: 'create', line: 9, column: 5, endLine: 9, endColumn: 9, message: `Role "jobs" grants "*" on "jobs" in namespace "ci": ${END}` }],
    },
  ],
});
