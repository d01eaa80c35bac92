import { isCloudCredentialPath, isRuntimeSocketPath, sensitiveDirOf } from '../../model/host-path-classes';
import { hostMounts, hostPathVolumes } from '../../model/host-paths';
import { get, isTrue } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { OWASP_K01 } from '../references';

export default defineRule({
  id: 'disallow-sensitive-host-paths',
  title: 'Pods must not mount sensitive host directories',
  category: 'workload-hardening',
  severity: 'error',
  pss: null,
  covers: ['X02'],
  equivalents: { kubeLinter: ['sensitive-host-mounts'], trivy: ['KSV121'], kubesec: ['ProcMount'] },
  messages: {
    sensitive: '{{volume}} mounts the node\'s "{{path}}" ({{dir}}): remove the hostPath volume, or narrow it to the '
      + 'single file or directory the container needs and mount it readOnly.',
    sensitiveReadOnly: '{{volume}} mounts the node\'s "{{path}}" ({{dir}}) read-only, which still lets the container read '
      + 'what is there: remove the hostPath volume, or narrow it to the single file or directory the '
      + 'container needs.',
    rootReadOnly: '{{volume}} mounts the node\'s whole root filesystem read-only, which still lets the container read '
      + 'every file of the node and connect to the container runtime socket under /run (a socket needs no write '
      + 'access to its mount): remove the hostPath volume, or narrow it to the single file or directory the container needs.',
  },
  defaultReason: 'On by default: the Pod Security rules report any hostPath; this rule says which ones hand over the node.',
  docs: {
    summary: 'System directories of the node hold what it takes to own it: /etc (kubelet and cluster credentials, '
      + 'users), /proc and /sys (kernel interfaces of every process), /dev (devices), /boot, /usr and /lib '
      + '(binaries that run as root), /var/lib/kubelet (every pod\'s secrets), /var/lib/docker and '
      + '/var/lib/containerd (every container\'s filesystem), /root and /home. A path is matched with '
      + 'everything below it (`/etc/kubernetes/pki`) and above it (`/var` holds /var/lib/kubelet), where '
      + 'kube-linter and Trivy compare exactly. Runtime sockets and cloud credential paths are left to their '
      + 'own rules.',
    remediation: 'Remove the hostPath volume. Configuration belongs in a configMap or secret, data in a '
      + 'persistentVolumeClaim. A node agent that needs one file should mount that file (`type: File`) '
      + 'read-only, not its directory.',
    references: [OWASP_K01, 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath'],
  },
  examples: {
    incorrect: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: c
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: app
            image: busybox:1.36
          volumes:
          - name: boot
            hostPath: {path: /boot, type: Directory}
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
  - name: v0
    hostPath:
      path: /var/run/docker.sock
  - name: v1
    hostPath:
      path: /run/containerd
  - name: v2
    hostPath:
      path: /root/.aws
  - name: v3
    hostPath:
      path: /etc/kubernetes/azure.json
`,
  },
  fix: null, // no single right replacement for a host directory
  checkPod({ pod, report }) {
    const mounts = hostMounts(pod);
    for (const v of hostPathVolumes(pod)) {
      const p = v.normalized;
      if (p === undefined || isRuntimeSocketPath(p) || isCloudCredentialPath(p)) continue;
      const dir = sensitiveDirOf(p);
      if (!dir) continue;
      // Advice to mount it readOnly is noise where every mount of the volume already is.
      const own = mounts.filter(m => m.volume.node === v.node);
      const readOnly = own.length > 0 && own.every(m => isTrue(get(m.node, 'readOnly', pod.doc)));
      // Read-only does not narrow the root: the runtime socket is reachable under it (/run).
      const messageId = readOnly ? (p === '/' ? 'rootReadOnly' : 'sensitiveReadOnly') : 'sensitive';
      report({ messageId, data: { volume: v.label, path: p, dir: describe(p, dir) }, at: v.path!.value });
    }
  },
});

function describe(path: string, dir: string): string {
  if (dir === '/') return 'the whole root filesystem';
  return path === dir || path.startsWith(dir + '/') ? `under ${dir}` : `it contains ${dir}`;
}
