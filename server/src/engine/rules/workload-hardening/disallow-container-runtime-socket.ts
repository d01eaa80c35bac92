import { isRuntimeSocketPath } from '../../model/host-path-classes';
import { hostPathVolumes } from '../../model/host-paths';
import { defineRule } from '../../rule';
import { OWASP_K01 } from '../references';

export default defineRule({
  id: 'disallow-container-runtime-socket',
  title: 'Pods must not mount the container runtime socket',
  category: 'workload-hardening',
  severity: 'error',
  pss: null,
  covers: ['X03'],
  equivalents: { kubeLinter: ['docker-sock'], checkov: ['CKV_K8S_27'], trivy: ['KSV006'], kubescape: ['C-0074'], kubesec: ['DockerSock'] },
  messages: {
    socket: '{{volume}} mounts the container runtime socket "{{path}}": remove the hostPath volume; whoever '
      + 'reaches the runtime can start a privileged container on the node.',
    socketFolder: '{{volume}} mounts "{{path}}", the folder of the container runtime socket: remove the hostPath volume; '
      + 'whoever reaches the runtime can start a privileged container on the node.',
  },
  defaultReason: 'On by default: a reviewer blocks it even for build tools.',
  docs: {
    summary: 'The Docker, containerd, CRI-O and cri-dockerd sockets accept commands to create containers with any '
      + 'settings, so a container that can reach one is root on the node, whatever its own securityContext '
      + 'says. Matched: any path ending in docker.sock, containerd.sock, crio.sock or cri-dockerd.sock, the '
      + 'runtimes\' socket directories under /run and /var/run, and /run or /var/run themselves.',
    remediation: 'Remove the hostPath volume. Build images with a daemonless builder (BuildKit rootless, kaniko, '
      + 'buildah) and read container state through the Kubernetes API or the kubelet\'s metrics instead of '
      + 'the runtime socket.',
    references: [OWASP_K01, 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath'],
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
  - name: v0
    hostPath:
      path: /var/run/docker.sock
  - name: v1
    hostPath:
      path: /run/containerd/containerd.sock
  - name: v2
    hostPath:
      path: /var/run/crio/crio.sock
  - name: v3
    hostPath:
      path: /var/run/docker
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
      path: /run/app.sock
  - name: v1
    hostPath:
      path: /var/run/secrets
  - name: v2
    hostPath:
      path: /run/udev
  - name: v3
    hostPath:
      path: /var/lib/docker-tools
  - name: v4
    hostPath:
      path: /var/log/containers
`,
  },
  fix: null, // the workload must be redesigned; there is nothing to put in the volume's place
  checkPod({ pod, report }) {
    for (const v of hostPathVolumes(pod)) {
      if (v.normalized !== undefined && isRuntimeSocketPath(v.normalized)) {
        // A socket file's path names the runtime; any other matched path is a folder that holds one.
        const messageId = /\.sock$/.test(v.normalized) ? 'socket' : 'socketFolder';
        report({ messageId, data: { volume: v.label, path: v.normalized }, at: v.path!.value });
      }
    }
  },
});
