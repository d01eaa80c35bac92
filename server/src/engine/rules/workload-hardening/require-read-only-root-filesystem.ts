import { isMap } from 'yaml';
import { setIn } from '../../fix/map';
import { deepestFirst, emptyDirMountEdits, inTitle, setInContainer } from '../../fix/workload';
import { podVolumes } from '../../model/volumes';
import { ContainerView, PodSpecView } from '../../model/workload';
import { get, getSeq, isFalse, isTrue, seqItems, str } from '../../model/yaml-nav';
import { defineRule, MessageProposal } from '../../rule';
import { OWASP_K01 } from '../references';

export default defineRule({
  id: 'require-read-only-root-filesystem',
  title: 'Containers should run with a read-only root filesystem',
  category: 'workload-hardening',
  severity: 'warning',
  pss: null,
  level: 'restricted',
  optIn: true,
  covers: ['H01'],
  equivalents: {
    kubeLinter: ['no-read-only-root-fs'], checkov: ['CKV_K8S_22'], trivy: ['KSV014'], kubescape: ['C-0017'],
    polaris: ['notReadOnlyRootFilesystem'], kubesec: ['ReadOnlyRootFilesystem'],
  },
  messages: {
    writable: '{{container}} sets readOnlyRootFilesystem: false: set it to true and mount an emptyDir where the program writes.',
    notSet: '{{container}} has a writable root filesystem: set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the program writes.',
  },
  fixMessages: {
    readOnlyWithTmp: 'Set readOnlyRootFilesystem: true and mount an emptyDir at /tmp in {{where}}',
  },
  defaultReason: 'Opt-in (and part of the restricted preset only), on merit, although kube-linter, Polaris, Checkov, '
    + 'Trivy and Kubescape report it by default: it narrows what an intruder who already runs code in the '
    + 'container can change (Trivy rates it low), rather than stopping an attack, and the writable emptyDir '
    + 'most images need (/tmp) remains a place to drop tools; the Pod Security Standards leave it out of '
    + 'restricted because whether a program can run with it depends on where the program writes, which the '
    + 'manifest does not show.',
  docs: {
    summary: 'With a writable root filesystem an intruder can drop tools and binaries into the container, change '
      + 'its configuration and persist until the pod is replaced. Every scanner checks it, and images often '
      + 'need only /tmp writable. A reviewer asks for it, but does not block a manifest without it — and on '
      + 'by default, "Harden this workload" would set it and stop every image that writes to its own '
      + 'filesystem. Windows pods are skipped: the API server rejects the field there.',
    remediation: 'Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` volume at each path the '
      + 'program writes to (/tmp, caches, pid files). The suggestion adds one for /tmp.',
    references: [OWASP_K01, 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/', 'https://kubernetes.io/docs/concepts/storage/volumes/#emptydir'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx:1.27
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx:1.27
    securityContext:
      readOnlyRootFilesystem: true
`,
  },
  // An image that writes outside its mounted volumes fails once the root filesystem is read-only.
  fix: { safety: 'unsafe', risk: 'may stop an app that writes outside its mounted volumes' },
  checkPod({ pod, report }) {
    if (pod.isWindows) return;
    for (const c of pod.containers) {
      const v = c.sc('readOnlyRootFilesystem');
      if (isTrue(v)) continue;
      const fix = setInContainer(c, ['securityContext', 'readOnlyRootFilesystem'], true);
      const suggestion = withTmp(pod, c);
      report({
        messageId: isFalse(v) ? 'writable' : 'notSet',
        data: { container: c.label },
        at: v?.value ?? c.anchor('securityContext', 'readOnlyRootFilesystem'),
        fix,
        suggestions: suggestion ? [suggestion] : [],
      });
    }
  },
});

/**
 * Read-only root plus an emptyDir at /tmp, the directory most programs write to. Not offered when
 * the container already mounts something at /tmp (the fix alone is then the whole change).
 */
function withTmp(pod: PodSpecView, c: ContainerView): MessageProposal | undefined {
  const mounts = seqItems(getSeq(c.node, 'volumeMounts', pod.doc), pod.doc);
  if (mounts.some(m => isMap(m.value) && str(get(m.value, 'mountPath', pod.doc))?.replace(/\/+$/, '') === '/tmp')) return undefined;
  const taken = new Set(podVolumes(pod).map(v => str(get(v.node, 'name', pod.doc))));
  let name = 'tmp';
  for (let i = 2; taken.has(name); i++) name = `tmp-${i}`;
  const what = inTitle(c.label);
  return {
    messageId: 'readOnlyWithTmp', data: { where: what },
    edits: ({ text, doc }) => {
      const ro = setIn(text, doc, c.node, ['securityContext', 'readOnlyRootFilesystem'], true);
      const tmp = emptyDirMountEdits(text, doc, pod, c, name, '/tmp');
      return ro && tmp ? deepestFirst([...ro, ...tmp]) : undefined;
    },
  };
}
