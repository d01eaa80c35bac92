import { OWASP_K03 } from '../references';
import { grantRule, RBAC_DOC, RBAC_GOOD_PRACTICES } from '../rbac-common';

export default grantRule({
  id: 'restrict-workload-creation',
  title: 'Roles do not create pods and workloads',
  severity: 'warning',
  level: 'restricted',
  covers: ['RB09'],
  equivalents: { kubeLinter: ['access-to-create-pods'], trivy: ['KSV048'], kubescape: ['C-0188'] },
  messages: {
    create: '{{kind}} "{{name}}" grants {{grant}}{{scope}}: any subject bound to it {{impact}}. Grant it only to '
      + 'deployment pipelines and controllers, with Pod Security admission enforced in the namespace.',
  },
  messageFor: { RB09: 'create' },
  docs: {
    summary: 'Creating a pod, directly or through a Deployment, StatefulSet, DaemonSet, ReplicaSet, '
      + 'ReplicationController, Job or CronJob, runs any image as any service account of the namespace with '
      + 'its Secrets mounted; where Pod Security admission is not enforced, also privileged and on the host.',
    remediation: 'Grant workload creation only to deployment pipelines and controllers, and enforce Pod Security '
      + 'admission (`restricted`) in the namespaces they deploy to.',
    references: [RBAC_GOOD_PRACTICES, RBAC_DOC, OWASP_K03],
  },
  examples: {
    incorrect: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: jobs
  namespace: ci
rules:
- apiGroups: ["batch"]
  resources: ["jobs"]
  verbs: ["create"]
`,
    correct: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: wrong-group
rules:
- apiGroups: [""]
  resources: ["deployments", "jobs"]
  verbs: ["create"]
`,
  },
});
