import { setIn } from '../../fix/map';
import { get, isFalse, keyOf } from '../../model/yaml-nav';
import { defineRule } from '../../rule';

export default defineRule({
  id: 'disallow-service-account-automount',
  title: 'ServiceAccounts do not automount their token by default',
  category: 'service-accounts',
  severity: 'info',
  pss: null,
  covers: ['SA02'],
  equivalents: { checkov: ['CKV_K8S_41'], kubescape: ['C-0034', 'C-0189', 'C-0190', 'C-0225'] },
  kinds: ['ServiceAccount'],
  messages: {
    automount: 'ServiceAccount "{{name}}" lets every pod that uses it mount its token: set '
      + 'automountServiceAccountToken: false here, and true only in pods that call the API.',
  },
  fixMessages: {
    disableAutomount: 'Set automountServiceAccountToken: false on ServiceAccount "{{name}}"',
  },
  defaultReason: 'On by default: a warning for the namespace\'s `default` account (which no workload should need a '
    + 'token of — Checkov checks only that one), info for the others.',
  docs: {
    summary: 'A ServiceAccount without `automountServiceAccountToken: false` gives its token to every pod that '
      + 'uses it, unless each pod opts out. Turning it off on the account makes "no token" the default and '
      + 'leaves the decision to the few pods that need the API.',
    remediation: 'Set `automountServiceAccountToken: false` on the ServiceAccount; pods that call the API set '
      + '`automountServiceAccountToken: true` in their spec. The fix is unsafe: pods relying on the automatic '
      + 'token lose it.',
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: ServiceAccount
metadata:
  name: default
  namespace: shop
`,
    correct: `apiVersion: v1
kind: ServiceAccount
metadata:
  name: default
  namespace: shop
automountServiceAccountToken: false
`,
  },
  fix: { safety: 'unsafe', risk: 'pods that call the Kubernetes API need the token mounted explicitly' },
  checkObject({ object, report }) {
    if (object.group !== '') return;
    const v = get(object.node, 'automountServiceAccountToken', object.doc);
    if (isFalse(v)) return;
    const at = v?.site ?? keyOf(object.node, 'metadata', object.doc) ?? keyOf(object.node, 'kind', object.doc);
    if (!at) return;
    const name = object.name ?? '(unnamed)';
    report({
      messageId: 'automount', data: { name }, at,
      severity: name === 'default' ? 'warning' : undefined,
      fix: v?.viaAlias ? undefined : {
        messageId: 'disableAutomount', data: { name },
        edits: ({ text, doc }) => setIn(text, doc, object.node, ['automountServiceAccountToken'], false),
      },
    });
  },
});
