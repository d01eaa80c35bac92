import { str } from '../../model/yaml-nav';
import { defineRule } from '../../rule';

export default defineRule({
  id: 'disallow-default-service-account',
  title: 'Workloads run under their own ServiceAccount',
  category: 'service-accounts',
  severity: 'info',
  pss: null,
  optIn: true,
  covers: ['SA03'],
  equivalents: { kubeLinter: ['default-service-account'], kubesec: ['ServiceAccountName'] },
  messages: {
    implicit: 'The pod runs as the namespace\'s default ServiceAccount (serviceAccountName is not set): give the '
      + 'workload its own ServiceAccount so its permissions are its own.',
    explicit: 'The pod names the default ServiceAccount: give the workload its own ServiceAccount so its permissions are its own.',
  },
  defaultReason: 'Off by default (info): harmless while the default account has no bindings and no automounted token '
    + '(see disallow-service-account-token-automount), which is the common case.',
  docs: {
    summary: 'Every pod of a namespace that does not name a ServiceAccount shares `default`; a Role bound to it for one workload is granted to all.',
    remediation: 'Create a ServiceAccount per workload and set `serviceAccountName` in the pod spec.',
    references: ['https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts'],
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
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  serviceAccountName: api
  containers:
  - name: app
    image: nginx:1.27
`,
  },
  fix: null,
  checkPod({ pod, report }) {
    const name = pod.field('serviceAccountName') ?? pod.field('serviceAccount');
    const v = str(name);
    if (!name || v === '') report({ messageId: 'implicit', at: name?.site ?? pod.anchor('serviceAccountName') });
    else if (v === 'default') report({ messageId: 'explicit', at: name.site });
  },
});
