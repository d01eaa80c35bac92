// Node agents: the DaemonSets that are privileged because their job is the node itself (CNI
// plugins, CSI node plugins, kube-proxy, log and metrics collectors). Hardening one must not take
// away what it runs on: `calico-node` without the host network leaves the cluster without
// networking, node-exporter without the host PID namespace reports nothing. "Harden this
// workload" leaves their privileges alone and says so.
import { K8sObject } from '../model/parse';
import { addedCapabilities } from '../model/capabilities';
import { hostPathVolumes } from '../model/host-paths';
import { podSpecOf } from '../model/workload';
import { get, isTrue, num, str } from '../model/yaml-nav';

/** Namespaces that hold the cluster's own machinery. */
const SYSTEM_NAMESPACE = /^(kube-system|kube-flannel|calico-system|tigera-operator|cilium|cilium-system|longhorn-system|monitoring|.*-monitoring|logging|.*-logging|gpu-operator|.*-csi|csi-.*|openshift-.*)$/;

/** Image names of node agents: networking, storage, device plugins, log and metrics collectors. */
const AGENT_IMAGE = /(calico|cilium|flannel|weave|antrea|kube-proxy|kube-router|multus|\bcni\b|-cni|csi|node-driver-registrar|longhorn|rook|ceph|node-exporter|node_exporter|fluent|filebeat|promtail|vector|datadog|newrelic|falco|nvidia|device-plugin|node-problem-detector|kindnet)/i;

/**
 * Fixes that take away what a node agent runs on: these rules' fixes remove or flip privileges
 * the author wrote (or, for drop ALL and non-root, take away the root and default capabilities
 * agents rely on). "Harden this workload" leaves them out for a node agent.
 */
export const NODE_AGENT_KEEPS: readonly string[] = [
  'disallow-privileged-containers', 'disallow-host-network', 'disallow-host-pid', 'disallow-host-ipc', 'disallow-host-ports',
  'disallow-writable-host-mounts', 'disallow-dangerous-capabilities', 'disallow-non-default-capabilities',
  'restrict-capabilities-to-net-bind-service', 'require-drop-all-capabilities', 'require-capability-drop', 'require-drop-net-raw',
  'require-run-as-non-root', 'disallow-unmasked-proc-mount', 'restrict-proc-mount', 'disallow-unconfined-seccomp',
  'restrict-apparmor-profile', 'restrict-selinux-options', 'require-read-only-root-filesystem',
];

export interface NodeAgent {
  /** The host access it has, in the manifest's words: `privileged`, `hostNetwork`, `hostPort`, `hostPath`, `added capabilities`. */
  keeps: string[];
}

/**
 * The object as a node agent: a DaemonSet with host namespaces, privileged containers, host
 * ports or host paths that lives in a system namespace or runs an agent's image. Undefined for
 * anything else (an ordinary Deployment that asks for `privileged` is hardened as any other).
 */
export function nodeAgentOf(object: K8sObject): NodeAgent | undefined {
  if (object.kind !== 'DaemonSet') return undefined;
  const pod = podSpecOf(object);
  if (!pod) return undefined;
  const keeps: string[] = [];
  if (pod.containers.some(c => isTrue(c.sc('privileged')))) keeps.push('privileged');
  for (const f of ['hostNetwork', 'hostPID', 'hostIPC']) if (isTrue(pod.field(f))) keeps.push(f);
  if (pod.containers.some(c => c.ports().some(p => (num(get(p, 'hostPort', pod.doc)) ?? 0) !== 0))) keeps.push('hostPort');
  if (hostPathVolumes(pod).length > 0) keeps.push('hostPath');
  if (pod.containers.some(c => addedCapabilities(c).length > 0)) keeps.push('added capabilities');
  if (keeps.length === 0) return undefined;
  const images = pod.containers.map(c => str(c.field('image')) ?? '');
  const system = SYSTEM_NAMESPACE.test(object.namespace ?? '');
  return system || images.some(i => AGENT_IMAGE.test(i)) ? { keeps } : undefined;
}
