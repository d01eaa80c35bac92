// Low UIDs and GIDs (H09, H10): where an effective runAsUser / runAsGroup is unset or at most
// 10000, reported once per node that decides it.
import { Node } from 'yaml';
import { ContainerView, PodSpecView } from './workload';
import { num, Ref } from './yaml-nav';

/**
 * IDs up to 10000 are where distributions put system accounts and the first human users, so a
 * container process with such an ID owns the same host files as that user after an escape or
 * through a hostPath mount. The tools disagree on 10000 itself (Checkov CKV_K8S_40 passes it,
 * Trivy KSV020/KSV021 and kubesec want more than 10000): we fail it, so that an ID that passes
 * here passes all three.
 */
export const HIGHEST_LOW_ID = 10000;
/** The `nonroot` user and group of distroless and Chainguard images. */
export const SUGGESTED_HIGH_ID = 65532;

export type IdField = 'runAsUser' | 'runAsGroup';

export type LowId =
  | { where: 'pod'; ref: Ref; value: number }
  | { where: 'container'; container: ContainerView; ref: Ref; value: number }
  | { where: 'unset'; container: ContainerView; at: Node };

/**
 * Each low effective ID once, on the node that decides it: a container's own value, the pod's
 * value (once, and only if some container inherits it), or for a container that inherits nothing
 * the container itself (the image's USER then applies, which is root unless the image says
 * otherwise). `zeroReportedElsewhere`: an explicit 0 is left to the root-user / root-group rules.
 * Windows pods may not set these fields; with `hostUsers: false` every ID maps to an unprivileged
 * host ID outside the host's user table.
 */
export function lowIds(pod: PodSpecView, field: IdField, zeroReportedElsewhere: boolean): LowId[] {
  if (pod.isWindows || pod.usesUserNamespace) return [];
  const isLow = (v: number | undefined): v is number => v !== undefined && v <= HIGHEST_LOW_ID && !(zeroReportedElsewhere && v === 0);
  const out: LowId[] = [];
  const podRef = pod.sc(field);
  const podValue = num(podRef);
  if (podRef && isLow(podValue) && pod.containers.some(c => c.sc(field) === undefined)) {
    out.push({ where: 'pod', ref: podRef, value: podValue });
  }
  for (const c of pod.containers) {
    const own = c.sc(field);
    const value = num(own);
    if (own && isLow(value)) out.push({ where: 'container', container: c, ref: own, value });
    else if (!own && !podRef) out.push({ where: 'unset', container: c, at: c.anchor('securityContext', field) });
  }
  return out;
}
