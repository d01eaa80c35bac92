import { setScalar } from '../../fix/map';
import { get, getIn } from '../../model/yaml-nav';
import { isMap } from 'yaml';
import { defineRule } from '../../rule';
import { removedApi } from '../../model/removed-apis';
import { misplacedKind } from '../../model/builtin-kinds';

export default defineRule({
  id: 'disallow-removed-api-versions',
  title: 'Objects must use API versions the cluster still serves',
  category: 'misc',
  severity: 'warning',
  pss: null,
  covers: ['M01'],
  equivalents: { kubeLinter: ['no-extensions-v1beta'], trivy: ['KSV107'] },
  messages: {
    mechanical: '{{kind}} uses {{apiVersion}}, removed in Kubernetes 1.{{removedIn}}: use {{replacement}} (nothing else changes).',
    rewrite: '{{kind}} uses {{apiVersion}}, removed in Kubernetes 1.{{removedIn}}: migrate to {{replacement}}; {{note}}.',
    unknownVersion: 'Unknown apiVersion {{apiVersion}} for kind {{kind}}: the API server rejects it, and no rule checked '
      + 'this object as {{article}} {{kind}}. Use {{expected}}.',
  },
  fixMessages: {
    changeApiVersion: 'Change apiVersion to {{replacement}}',
  },
  docs: {
    summary: 'An object written for an API version the cluster no longer serves is rejected at apply time, and an '
      + 'old version often brings weaker defaults with it. Versions are compared with the configured Pod '
      + 'Security version (the cluster version the manifests target; `latest` by default): a version removed '
      + 'after it is not reported. On by default. PodSecurityPolicy is left to disallow-pod-security-policy, '
      + 'which says what replaces it. A built-in kind written with another built-in group\'s apiVersion '
      + '(`apiVersion: v1` on a Deployment) is reported too: the API server rejects it, and no other rule '
      + 'reads it as what its kind says, so it would otherwise pass unchecked.',
    remediation: 'Change apiVersion to the replacement. The fix does it where only apiVersion changes; where fields '
      + 'moved (Ingress backends, HPA metrics, a required Deployment selector, webhook fields) the message '
      + 'says what to rewrite.',
    references: ['https://kubernetes.io/docs/reference/using-api/deprecation-guide/'],
  },
  examples: {
    incorrect: `apiVersion: batch/v1beta1 # old cluster
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
    correct: `apiVersion: batch/v1 # old cluster
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
  // The cluster may predate the replacement version (policy/v1 needs 1.21, batch/v1 CronJob 1.21).
  fix: { safety: 'unsafe', risk: 'check the new API version accepts every field you set' },
  checkObject({ object, policy, report }) {
    const expected = misplacedKind(object.group, object.kind);
    const apiVersionNode = get(object.node, 'apiVersion', object.doc);
    if (expected && apiVersionNode) {
      report({
        messageId: 'unknownVersion', data: { kind: object.kind, article: /^[AEIOU]/.test(object.kind) ? 'an' : 'a', apiVersion: object.apiVersion, expected }, at: apiVersionNode.value,
        fix: { messageId: 'changeApiVersion', data: { replacement: expected }, edits: ({ text, doc }) => setScalar(text, doc, object.node, 'apiVersion', expected) },
      });
      return;
    }
    const api = removedApi(object.apiVersion, object.kind);
    if (!api || api.removedIn > policy.minor) return;
    const at = get(object.node, 'apiVersion', object.doc);
    if (!at) return;
    const selector = getIn(object.node, ['spec', 'selector'], object.doc);
    const mechanical = api.mechanical && !(api.unlessEmptySelector && !(selector && isMap(selector.value) && selector.value.items.length > 0));
    const data = { kind: object.kind, apiVersion: object.apiVersion, removedIn: api.removedIn, replacement: api.replacement, note: api.note ?? '' };
    report({
      messageId: mechanical ? 'mechanical' : 'rewrite', data, at: at.value,
      fix: mechanical
        ? { messageId: 'changeApiVersion', data: { replacement: api.replacement }, edits: ({ text, doc }) => setScalar(text, doc, object.node, 'apiVersion', api.replacement) }
        : undefined,
    });
  },
});
