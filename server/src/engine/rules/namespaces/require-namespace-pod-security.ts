import { setIn } from '../../fix/map';
import { metadataOf, nameNode } from '../../model/object';
import { get, getMap, keyOf, str } from '../../model/yaml-nav';
import { MessageProposal, defineRule } from '../../rule';
import { SYSTEM_NAMESPACES } from '../../workspace/domains/network';
import { PSA_DOC, PSS_DOC } from '../references';
import { WORKLOAD_HOST_ACCESS_READS } from '../../workspace/reads';

const PREFIX = 'pod-security.kubernetes.io/';
const LEVELS = ['privileged', 'baseline', 'restricted'];

export default defineRule({
  id: 'require-namespace-pod-security',
  title: 'Namespaces enforce a Pod Security level',
  category: 'namespaces',
  severity: 'warning',
  pss: null,
  level: 'baseline',
  covers: ['NS04'],
  equivalents: { kubescape: ['C-0192', 'C-0193', 'C-0194', 'C-0195', 'C-0196', 'C-0199', 'C-0202', 'C-0203', 'C-0204'] },
  kinds: ['Namespace'],
  messages: {
    missing: 'Namespace "{{namespace}}" enforces no Pod Security level: any pod may be created in it. Add the '
      + 'label pod-security.kubernetes.io/enforce: restricted (or baseline).',
    missingHostAccess: 'Namespace "{{namespace}}" enforces no Pod Security level: any pod may be created in it. '
      + '{{workloads}} {{need}} host access that baseline refuses ({{access}}), so the namespace can enforce '
      + 'only privileged: label it pod-security.kubernetes.io/enforce: privileged with warn and audit at '
      + 'baseline, or move those workloads to a namespace of their own and enforce restricted here.',
    privileged: 'Namespace "{{namespace}}" enforces the privileged Pod Security level, which admits privileged pods '
      + 'and host access. Keep only node agents that need it here, or enforce baseline or restricted.',
    invalid: 'Namespace "{{namespace}}" sets pod-security.kubernetes.io/enforce to "{{value}}", which is not a Pod Security level: use restricted or baseline.',
  },
  fixMessages: {
    addRestricted: 'Add Pod Security Admission labels (enforce restricted)',
    setRestricted: 'Set Pod Security Admission labels (enforce restricted)',
    addBaseline: 'Add Pod Security Admission labels (enforce baseline, warn and audit restricted)',
    setBaseline: 'Set Pod Security Admission labels (enforce baseline, warn and audit restricted)',
    addPrivileged: 'Add Pod Security Admission labels (enforce privileged, warn and audit baseline)',
  },
  docs: {
    summary: 'Pod Security Admission applies the Pod Security Standards to the pods of a namespace only when the '
      + 'namespace says so with the `pod-security.kubernetes.io/enforce` label (unless the cluster sets a '
      + 'default). Without it, whatever the manifests in the repository look like, anyone who can create pods '
      + 'there can create privileged ones. Kube Harden also reads the label to decide which level a workload '
      + 'in that namespace is checked at. `privileged` is reported as information: it is sometimes needed '
      + '(CNI, CSI and monitoring agents) but turns the checks off. Where the namespace\'s workloads in the '
      + 'workspace need host access that baseline refuses (privileged containers, host namespaces, hostPath '
      + 'volumes, host ports), the finding names them and recommends `privileged` with `warn` and `audit` at '
      + 'baseline (or moving them out), since enforcing restricted would stop them. The `enforce-version` '
      + 'label is not required: without it (or with `latest`) the newest policy applies, which is the '
      + 'stricter choice; pinning trades that for stable upgrades. The cluster\'s own namespaces '
      + '(kube-system, kube-public, kube-node-lease) are not checked, nor is a kustomize patch that leaves '
      + 'the label to its base.',
    remediation: 'Add `pod-security.kubernetes.io/enforce: restricted` to the Namespace\'s labels (or `baseline` while '
      + 'workloads are migrated), with `audit` and `warn` labels at `restricted` to see what would still '
      + 'fail, and optionally the `-version` labels to pin the policy version.',
    references: [PSA_DOC, PSS_DOC, 'https://kubernetes.io/docs/tasks/configure-pod-container/enforce-standards-namespace-labels/'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
`,
    correct: `apiVersion: v1
kind: ConfigMap
metadata:
  name: shop
`,
  },
  fix: null,
  workspaceReads: WORKLOAD_HOST_ACCESS_READS,
  checkObject({ object, policy, workspace: { index, self }, report }) {
    if (object.group !== '' || !object.name || SYSTEM_NAMESPACES.has(object.name)) return;
    const meta = metadataOf(object);
    const labels = getMap(meta, 'labels', object.doc);
    const enforce = get(labels, `${PREFIX}enforce`, object.doc);
    const value = str(enforce);
    const data = { namespace: object.name };
    const version = `v1.${policy.minor}`;
    // Starting points the user picks from, so suggestions: enforcing a level can stop pods that
    // run today from being re-created.
    const labelled = (messageId: string, level: string, watch: string): MessageProposal => ({
      messageId,
      edits: ({ text, doc }) => meta && setIn(text, doc, meta, ['labels'], {
        [`${PREFIX}enforce`]: level, [`${PREFIX}enforce-version`]: version,
        [`${PREFIX}audit`]: watch, [`${PREFIX}audit-version`]: version,
        [`${PREFIX}warn`]: watch, [`${PREFIX}warn-version`]: version,
      }),
    });
    const suggestions = (verb: 'Add' | 'Set'): MessageProposal[] => [
      labelled(verb === 'Add' ? 'addRestricted' : 'setRestricted', 'restricted', 'restricted'),
      labelled(verb === 'Add' ? 'addBaseline' : 'setBaseline', 'baseline', 'restricted'),
    ];
    if (value === undefined) {
      // A patch that leaves the label out keeps the base's.
      if (index.isPatch(self.uri)) return;
      const at = keyOf(meta, 'labels', object.doc) ?? nameNode(object);
      // Recommending restricted where node agents live would stop them: say what can be enforced.
      const agents = index.workloadsIn(object.name).filter(w => w.pod?.hostAccess?.length);
      if (agents.length > 0) {
        const names = agents.slice(0, 3).map(w => `${w.kind} "${w.name ?? '(unnamed)'}"`);
        const workloads = names.join(', ') + (agents.length > 3 ? ` and ${agents.length - 3} more` : '');
        const access = [...new Set(agents.flatMap(w => w.pod!.hostAccess!))].join(', ');
        report({
          messageId: 'missingHostAccess', data: { ...data, workloads, need: agents.length === 1 ? 'needs' : 'need', access }, at,
          suggestions: [labelled('addPrivileged', 'privileged', 'baseline')],
        });
        return;
      }
      report({ messageId: 'missing', data, at, suggestions: suggestions('Add') });
    } else if (value === 'privileged') {
      report({ messageId: 'privileged', data, at: enforce!.value, severity: 'info', suggestions: suggestions('Set') });
    } else if (!LEVELS.includes(value)) {
      report({ messageId: 'invalid', data: { ...data, value }, at: enforce!.value, suggestions: suggestions('Set') });
    }
  },
});
