// The volumes of a pod spec, shared by the volume rules (hostPath, restricted volume types, and
// later the host-mount hardening rules).
import { isMap, YAMLMap } from 'yaml';
import { PodSpecView } from './workload';
import { get, getSeq, seqItems, str } from './yaml-nav';

export interface VolumeView {
  node: YAMLMap;
  /** `Volume "data"` (or `Volume #2` when unnamed), for messages. */
  label: string;
}

/** The entries of `spec.volumes`, aliases resolved. */
export function podVolumes(pod: PodSpecView): VolumeView[] {
  const out: VolumeView[] = [];
  seqItems(getSeq(pod.spec, 'volumes', pod.doc), pod.doc).forEach((item, i) => {
    if (!isMap(item.value)) return;
    const name = get(item.value, 'name', pod.doc);
    const label = str(name) !== undefined ? `Volume "${str(name)}"` : `Volume #${i + 1}`;
    out.push({ node: item.value, label });
  });
  return out;
}
