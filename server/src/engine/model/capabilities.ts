// Linux capabilities as a container's securityContext lists them, shared by the capability rules.
import { ContainerView } from './workload';
import { getMap, getSeq, Ref, seqItems, str } from './yaml-nav';

/**
 * The capabilities a container runtime grants by default, which the baseline level lets a
 * container add back after dropping them (policy/check_capabilities_baseline.go).
 */
export const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD',
  'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

/** The entries of a container's `securityContext.capabilities.add`, each with its text. */
export function addedCapabilities(c: ContainerView): Array<{ name: string; ref: Ref }> {
  const caps = getMap(c.securityContext, 'capabilities', c.pod.doc);
  const out: Array<{ name: string; ref: Ref }> = [];
  for (const ref of seqItems(getSeq(caps, 'add', c.pod.doc), c.pod.doc)) {
    const name = str(ref);
    if (name !== undefined) out.push({ name, ref });
  }
  return out;
}
