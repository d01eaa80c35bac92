// What a host directory exposes, by path. Kept as data so that the three host-access rules agree
// on which of them owns a path (the most specific one reports it; no path is reported twice).
import { isUnder } from './host-paths';

/**
 * Container runtime sockets and the directories that hold them: whoever can talk to the runtime
 * can start a privileged container on the node. kube-linter matches any path ending in
 * docker.sock; Kubescape C-0074 lists the containerd and CRI-O sockets; the `/run` spellings and
 * cri-dockerd are ours (`/var/run` is a symlink to `/run` on current distributions).
 */
export const RUNTIME_SOCKET_PATHS: readonly string[] = [
  '/var/run/docker.sock', '/run/docker.sock', '/var/run/docker', '/run/docker',
  '/run/containerd/containerd.sock', '/var/run/containerd/containerd.sock', '/run/containerd', '/var/run/containerd',
  '/var/run/crio/crio.sock', '/run/crio/crio.sock', '/var/run/crio', '/run/crio',
  '/var/run/cri-dockerd.sock', '/run/cri-dockerd.sock',
];
/** Mounting the parent directory exposes every socket in it. */
const RUNTIME_SOCKET_PARENTS = ['/var/run', '/run'];

export function isRuntimeSocketPath(p: string): boolean {
  if (/(^|\/)(docker|cri-dockerd|containerd|crio)\.sock$/.test(p)) return true;
  return RUNTIME_SOCKET_PATHS.some(s => isUnder(p, s)) || RUNTIME_SOCKET_PARENTS.includes(p);
}

/**
 * Cloud credentials on nodes: AKS keeps its service principal in /etc/kubernetes/azure.json
 * (Kubescape C-0020); CLI credential directories `.aws`, `.azure` and `.config/gcloud` hold keys
 * wherever a home directory is (`/root/.aws`, `/home/ci/.aws`, `/.aws`).
 */
export function isCloudCredentialPath(p: string): boolean {
  if (isUnder(p, '/etc/kubernetes/azure.json')) return true;
  return /(^|\/)(\.aws|\.azure|\.config\/gcloud)(\/|$)/.test(p);
}

/**
 * System directories: `/`, `/boot`, `/dev`, `/etc`, `/lib`, `/proc`, `/sys`, `/usr` (kube-linter,
 * Trivy KSV121) and `/var/lib/docker` (Trivy), matched with everything below them (they match
 * exactly, so `/etc/kubernetes` slips through); `/var/lib/kubelet` (pod secrets and kubelet
 * credentials), `/root`, `/home` and `/var/lib/containerd` are ours.
 */
export const SENSITIVE_HOST_DIRS: readonly string[] = [
  '/boot', '/dev', '/etc', '/lib', '/lib64', '/proc', '/sys', '/usr', '/var/lib/docker', '/var/lib/containerd',
  '/var/lib/kubelet', '/root', '/home',
];

/**
 * The sensitive directory `p` is, lies under, or contains (`/var` holds `/var/lib/kubelet`), or
 * undefined. Only `/` itself matches `/`.
 */
export function sensitiveDirOf(p: string): string | undefined {
  if (p === '/') return '/';
  return SENSITIVE_HOST_DIRS.find(d => isUnder(p, d)) ?? SENSITIVE_HOST_DIRS.find(d => isUnder(d, p));
}
