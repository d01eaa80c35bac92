import { isMap } from 'yaml';
import { inTitle } from '../../fix/workload';
import { removeVolume, replaceWithEmptyDir } from '../../fix/volumes';
import { podVolumes } from '../../model/volumes';
import { get, keyOf, str } from '../../model/yaml-nav';
import { defineRule, Proposal } from '../../rule';
import { PSS_REFERENCES } from '../references';

export default defineRule({
  id: 'disallow-host-path-volumes',
  title: 'Pods must not mount hostPath volumes',
  category: 'pod-security',
  severity: 'warning',
  pss: { level: 'baseline', check: 'hostPathVolumes', since: 0 },
  covers: ['B07'],
  equivalents: { pss: ['hostPathVolumes'], trivy: ['KSV023'], kubescape: ['C-0048'], polaris: ['hostPathSet'] },
  messages: {
    hostPath: '{{volume}} mounts a path of the node (hostPath): use a persistentVolumeClaim, configMap, secret or emptyDir volume instead.',
  },
  docs: {
    summary: 'A hostPath volume exposes the node\'s filesystem to the container: the container runtime socket, '
      + 'kubelet credentials, other pods\' data, /proc and /sys. Writable host paths are a direct route to '
      + 'taking over the node, and even read-only ones leak secrets. Both Pod Security levels forbid them.',
    remediation: 'Replace the hostPath volume with a persistentVolumeClaim (for data that must persist), an emptyDir '
      + '(scratch space), or a configMap / secret / projected volume (configuration). Node agents that '
      + 'genuinely need host access belong in a dedicated namespace with a privileged policy.',
    references: [...PSS_REFERENCES, 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath'],
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
  volumes:
  - name: logs
    hostPath:
      path: /var/log
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx:1.27
  volumes:
  - name: v
    hostPath:
`,
  },
  // No single right replacement for a host directory: suggestions only, never applied in bulk.
  fix: null,
  checkPod({ pod, report }) {
    for (const v of podVolumes(pod)) {
      // A null `hostPath:` decodes to no source at all; Kubernetes then defaults the volume to emptyDir.
      const source = get(v.node, 'hostPath', pod.doc);
      if (!source) continue;
      const what = inTitle(v.label);
      const suggestions: Proposal[] = [];
      // An emptyDir can stand in for a directory the workload only needs as scratch space; it
      // cannot stand in for a socket, a device or a single file, so none is offered for those.
      const type = isMap(source.value) ? (str(get(source.value, 'type', pod.doc)) ?? '') : '';
      if (['', 'Directory', 'DirectoryOrCreate'].includes(type)) {
        suggestions.push(replaceWithEmptyDir(v.node, 'hostPath', `Replace hostPath with an empty pod-local directory (emptyDir) in ${what}`));
      }
      suggestions.push(removeVolume(pod, v.node, what));
      report({ messageId: 'hostPath', data: { volume: v.label }, at: keyOf(v.node, 'hostPath', pod.doc)!, suggestions });
    }
  },
});
