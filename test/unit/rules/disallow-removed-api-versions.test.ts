import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('disallow-removed-api-versions', {
  valid: [
    {
      name: 'current versions',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: c
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: pdb
      `,
    },
    {
      name: 'not yet removed in the targeted version (1.24)',
      version: 'v1.24',
      code: yaml`
        apiVersion: batch/v1beta1
        kind: CronJob
        metadata:
          name: c
      `,
    },
  ],
  invalid: [
    {
      name: 'a built-in kind under another built-in group is named, not silently unchecked',
      code: yaml`
        apiVersion: v1
        kind: Deployment
        metadata:
          name: web
        ---
        apiVersion: apps/v1
        kind: Service
        metadata:
          name: web
        ---
        apiVersion: serving.knative.dev/v1
        kind: Service
        metadata:
          name: fn
      `,
      errors: [
        {
          messageId: 'unknownVersion', line: 1, column: 13, endLine: 1, endColumn: 15, fixTitle: 'Change apiVersion to apps/v1',
          message: 'Unknown apiVersion v1 for kind Deployment: the API server rejects it, and no rule checked this object as a Deployment. Use apps/v1.',
        },
        { messageId: 'unknownVersion', line: 6, column: 13, endLine: 6, endColumn: 20, data: { kind: 'Service', article: 'a', apiVersion: 'apps/v1', expected: 'v1' } },
      ],
      output: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        ---
        apiVersion: serving.knative.dev/v1
        kind: Service
        metadata:
          name: fn
      `,
    },
    {
      name: 'mechanical migrations are fixed; a PDB with a selector is mechanical',
      code: yaml`
        apiVersion: batch/v1beta1 # old cluster
        kind: CronJob
        metadata:
          name: c
        ---
        apiVersion: "policy/v1beta1"
        kind: PodDisruptionBudget
        metadata:
          name: pdb
        spec:
          minAvailable: 1
          selector:
            matchLabels: {app: web}
      `,
      errors: [
        { messageId: 'mechanical', line: 1, column: 13, endLine: 1, endColumn: 26, data: { kind: 'CronJob', apiVersion: 'batch/v1beta1', removedIn: 25, replacement: 'batch/v1', note: '' } },
        { messageId: 'mechanical', line: 6, column: 13, endLine: 6, endColumn: 29 },
      ],
      output: yaml`
        apiVersion: batch/v1 # old cluster
        kind: CronJob
        metadata:
          name: c
        ---
        apiVersion: "policy/v1"
        kind: PodDisruptionBudget
        metadata:
          name: pdb
        spec:
          minAvailable: 1
          selector:
            matchLabels: {app: web}
      `,
    },
    {
      name: 'a kind that starts with a vowel reads "an"',
      code: yaml`
        apiVersion: v1
        kind: Ingress
        metadata:
          name: web
      `,
      errors: [{
        messageId: 'unknownVersion', line: 1, column: 13, endLine: 1, endColumn: 15,
        message: 'Unknown apiVersion v1 for kind Ingress: the API server rejects it, and no rule checked this object as an Ingress. Use networking.k8s.io/v1.',
      }],
      output: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web
      `,
    },
    {
      name: 'rewrites: Ingress backends, a Deployment selector, a PDB with an empty selector',
      code: yaml`
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata:
          name: i
        ---
        apiVersion: apps/v1beta1
        kind: Deployment
        metadata:
          name: d
        ---
        apiVersion: policy/v1beta1
        kind: PodDisruptionBudget
        metadata:
          name: pdb
        spec:
          selector: {}
      `,
      errors: [
        { messageId: 'rewrite', line: 1, column: 13, endLine: 1, endColumn: 31, data: { kind: 'Ingress', apiVersion: 'extensions/v1beta1', removedIn: 22, replacement: 'networking.k8s.io/v1', note: 'backends become service.name / service.port.number, and every path needs a pathType' } },
        { messageId: 'rewrite', line: 6, column: 13, endLine: 6, endColumn: 25 },
        { messageId: 'rewrite', line: 11, column: 13, endLine: 11, endColumn: 27 },
      ],
    },
  ],
});
