// hostPath volumes and the container mounts that use them, shared by the host-access rules
// (writable host mounts, sensitive directories, runtime sockets, cloud credentials).
import { isMap, YAMLMap } from 'yaml';
import { podVolumes, VolumeView } from './volumes';
import { ContainerView, PodSpecView } from './workload';
import { get, getMap, getSeq, Ref, seqItems, str } from './yaml-nav';

export interface HostPathVolume extends VolumeView {
  name: string | undefined;
  /** The `hostPath.path` value, when written as a scalar. */
  path: Ref | undefined;
  /** The path as the kubelet resolves it: repeated and trailing slashes and `.` segments gone. */
  normalized: string | undefined;
}

/**
 * The volumes with a hostPath source. A null `hostPath:` is no source at all (Kubernetes then
 * defaults the volume to emptyDir), so it is not one.
 */
export function hostPathVolumes(pod: PodSpecView): HostPathVolume[] {
  const out: HostPathVolume[] = [];
  for (const v of podVolumes(pod)) {
    if (!get(v.node, 'hostPath', pod.doc)) continue;
    const path = get(getMap(v.node, 'hostPath', pod.doc), 'path', pod.doc);
    const text = str(path);
    out.push({ ...v, name: str(get(v.node, 'name', pod.doc)), path, normalized: text === undefined ? undefined : normalizeHostPath(text) });
  }
  return out;
}

/**
 * `//etc/./kubernetes/` -> `/etc/kubernetes`. The API server rejects `..` segments in a hostPath,
 * so they are left alone rather than resolved.
 */
export function normalizeHostPath(p: string): string {
  const parts = p.split('/').filter(s => s !== '' && s !== '.');
  return '/' + parts.join('/');
}

/** True when `path` is `dir` or lies below it (`/etc` covers `/etc/ssl`, not `/etcd`). */
export function isUnder(path: string, dir: string): boolean {
  return dir === '/' ? true : path === dir || path.startsWith(dir + '/');
}

export interface HostMount {
  container: ContainerView;
  /** The volumeMounts entry. */
  node: YAMLMap;
  volume: HostPathVolume;
  /** The mount's `name` value (the reference to the volume). */
  nameRef: Ref;
}

/** Every container mount of a hostPath volume, in container order. */
export function hostMounts(pod: PodSpecView): HostMount[] {
  const volumes = hostPathVolumes(pod);
  const out: HostMount[] = [];
  if (volumes.length === 0) return out;
  for (const c of pod.containers) {
    for (const item of seqItems(getSeq(c.node, 'volumeMounts', pod.doc), pod.doc)) {
      if (!isMap(item.value)) continue;
      const nameRef = get(item.value, 'name', pod.doc);
      const name = str(nameRef);
      // Volume names are unique in a valid pod; the last one wins if they are not.
      const volume = [...volumes].reverse().find(v => v.name !== undefined && v.name === name);
      if (volume && nameRef) out.push({ container: c, node: item.value, volume, nameRef });
    }
  }
  return out;
}
