// What a pod asks of its node that the baseline Pod Security level refuses: the usual reasons a
// namespace of node agents (CNI, CSI, log and metrics collectors) can enforce only `privileged`.
// Not the whole baseline check list (AppArmor, SELinux, sysctls, /proc mounts also count); the
// host-level ones are what the namespace recommendation needs to name.
import { hostPathVolumes } from './host-paths';
import { PodSpecView } from './workload';
import { get, isTrue, num } from './yaml-nav';

export type HostAccess = 'privileged' | 'hostNetwork' | 'hostPID' | 'hostIPC' | 'hostPath' | 'hostPort';

/** The host access the pod asks for, in a fixed order; empty when it asks for none. */
export function hostAccessOf(pod: PodSpecView): HostAccess[] {
  const out: HostAccess[] = [];
  if (pod.containers.some(c => isTrue(c.sc('privileged')))) out.push('privileged');
  for (const field of ['hostNetwork', 'hostPID', 'hostIPC'] as const) if (isTrue(pod.field(field))) out.push(field);
  if (hostPathVolumes(pod).length > 0) out.push('hostPath');
  if (pod.containers.some(c => c.ports().some(p => (num(get(p, 'hostPort', pod.doc)) ?? 0) > 0))) out.push('hostPort');
  return out;
}
