import { isScalar } from 'yaml';
import { removeKey } from '../../fix/remove';
import { editableAt } from '../../fix/nodes';
import { keyOf, str } from '../../model/yaml-nav';
import { defineRule } from '../../rule';

export default defineRule({
  id: 'disallow-deprecated-service-account-field',
  title: 'Pods use serviceAccountName, not the deprecated serviceAccount',
  category: 'service-accounts',
  severity: 'info',
  pss: null,
  covers: ['SA06'],
  equivalents: { kubeLinter: ['deprecated-service-account-field'], kubescape: ['C-0294'] },
  messages: {
    deprecated: 'The pod spec uses the deprecated serviceAccount field: rename it to serviceAccountName.',
    duplicate: 'The pod spec sets the deprecated serviceAccount field beside serviceAccountName, to the same account "{{name}}": remove serviceAccount.',
    differs: 'The pod spec sets serviceAccount "{{old}}" but serviceAccountName "{{name}}": only serviceAccountName counts. Remove serviceAccount.',
  },
  fixMessages: {
    rename: 'Rename serviceAccount to serviceAccountName in the pod spec',
    remove: 'Remove serviceAccount from the pod spec',
  },
  defaultReason: 'On by default as info (a warning when the two disagree): the fix is mechanical and safe.',
  docs: {
    summary: '`spec.serviceAccount` is a deprecated alias of `serviceAccountName`; when both are set and differ, '
      + 'only `serviceAccountName` is used, so a reviewer can be misled about the identity the pod runs as.',
    remediation: 'Rename `serviceAccount` to `serviceAccountName`, or remove it when `serviceAccountName` is set. Both '
      + 'fixes keep the identity the pod runs as.',
    references: ['https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#security'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  serviceAccount: api # legacy
  containers:
  - name: app
    image: nginx:1.27
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  serviceAccountName: api # legacy
  containers:
  - name: app
    image: nginx:1.27
`,
  },
  fix: {
    safety: 'safe',
    safeBecause: 'Renaming `serviceAccount` to `serviceAccountName`, or removing it when `serviceAccountName` is set, '
      + 'is safe: the API server copies the deprecated field into an empty `serviceAccountName` and ignores '
      + 'it otherwise, so the pod runs as the same identity.',
  },
  checkPod({ pod, report }) {
    const old = pod.field('serviceAccount');
    const key = keyOf(pod.spec, 'serviceAccount', pod.doc);
    if (!old || !key || old.viaAlias) return;
    const name = pod.field('serviceAccountName');
    if (!name) {
      report({
        messageId: 'deprecated', at: key,
        fix: {
          messageId: 'rename',
          edits: ({ doc }) => (isScalar(key) && key.range && key.type === 'PLAIN' && editableAt(doc, pod.spec) ? [{ start: key.range[0], end: key.range[1], newText: 'serviceAccountName' }] : undefined),
        },
      });
      return;
    }
    const remove = { messageId: 'remove', edits: ({ text, doc }: { text: string; doc: typeof pod.doc }) => removeKey(text, doc, pod.spec, 'serviceAccount') };
    // Renaming it here would write serviceAccountName twice: the deprecated key is only removed.
    if (str(old) === str(name)) report({ messageId: 'duplicate', data: { name: str(name) ?? '' }, at: key, fix: remove });
    else report({ messageId: 'differs', data: { old: str(old) ?? '', name: str(name) ?? '' }, at: key, severity: 'warning', fix: remove });
  },
});
