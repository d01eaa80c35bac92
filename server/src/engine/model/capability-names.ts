// Capability names as people write them, and the dangerous ones with what each hands over.
import { isMap, YAMLSeq } from 'yaml';
import { ContainerView } from './workload';
import { getMap, getSeq, Ref, seqItems, str } from './yaml-nav';

/**
 * `CAP_SYS_ADMIN`, `sys_admin` and `SYS_ADMIN` name the same capability to the container runtime
 * (it upper-cases and prefixes them), though the Pod Security checks compare strings exactly.
 */
export function normalizeCapability(name: string): string {
  const upper = name.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice(4) : upper;
}

/** The entries of `capabilities.<list>` with their normalized names, the list and index. */
export function capabilityEntries(c: ContainerView, list: 'add' | 'drop'): Array<{ raw: string; name: string; ref: Ref; seq: YAMLSeq; index: number }> {
  const caps = getMap(c.securityContext, 'capabilities', c.pod.doc);
  const seq = getSeq(caps, list, c.pod.doc);
  if (!seq) return [];
  const out: Array<{ raw: string; name: string; ref: Ref; seq: YAMLSeq; index: number }> = [];
  seqItems(seq, c.pod.doc).forEach((ref, index) => {
    const raw = str(ref);
    if (raw !== undefined && !isMap(ref.value)) out.push({ raw, name: normalizeCapability(raw), ref, seq, index });
  });
  return out;
}

/** Catalogue rows and what the capability gives a process, for messages. */
export const DANGEROUS_CAPABILITIES: Readonly<Record<string, { row: string; why: string }>> = {
  SYS_ADMIN: { row: 'H02', why: 'mount filesystems, load BPF programs and escape the container in many ways' },
  ALL: { row: 'H03', why: 'every capability root has, which amounts to a privileged container' },
  NET_ADMIN: { row: 'H04', why: 'reconfigure interfaces, routes and firewall rules of the pod network' },
  SYS_MODULE: { row: 'H06', why: 'load kernel modules into the node\'s kernel' },
  SYS_PTRACE: { row: 'H07', why: 'trace and inject code into other processes' },
  SYS_RAWIO: { row: 'H07', why: 'raw access to devices and I/O ports' },
  SYS_BOOT: { row: 'H07', why: 'reboot the node' },
  MAC_ADMIN: { row: 'H07', why: 'change AppArmor/SELinux policy' },
  MAC_OVERRIDE: { row: 'H07', why: 'bypass AppArmor/SELinux policy' },
  BPF: { row: 'H07', why: 'load BPF programs into the kernel' },
  PERFMON: { row: 'H07', why: 'read kernel and other processes\' performance data' },
  SETPCAP: { row: 'H07', why: 'change the capabilities of processes, its own bounding set included' },
};
