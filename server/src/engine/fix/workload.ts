// Fix proposals over pod specs and containers, built from the edit primitives. Where a setting
// is inherited (runAsNonRoot, seccompProfile), it goes where Kubernetes precedence makes one
// edit do the most good: the pod securityContext when no container sets it itself, else the
// container that needs it.
import { Document, YAMLMap } from 'yaml';
import { ContainerView, InheritedField, PodSpecView } from '../model/workload';
import { Proposal } from '../rule';
import { getSeq, isTrue } from '../model/yaml-nav';
import { TextEdit } from './edit';
import { appendItem } from './seq';
import { setIn } from './map';
import { removeKey } from './remove';
import { YamlValue } from './render';

/** `a.b: value` for titles. */
function show(path: readonly string[], value: YamlValue): string {
  const v = typeof value === 'object' && value !== null ? JSON.stringify(value).replace(/"/g, '') : String(value);
  return `${path.join('.')}: ${v}`;
}

export function setInContainer(c: ContainerView, path: readonly string[], value: YamlValue): Proposal {
  return {
    title: `Set ${show(path, value)} in ${c.label.charAt(0).toLowerCase()}${c.label.slice(1)}`,
    edits: ({ text, doc }) => setIn(text, doc, c.node, path, value),
  };
}

export function setInPod(pod: PodSpecView, path: readonly string[], value: YamlValue): Proposal {
  return {
    title: `Set ${show(path, value)} in the pod spec`,
    edits: ({ text, doc }) => setIn(text, doc, pod.spec, path, value),
  };
}

/**
 * Sets an inherited securityContext field for container `c`: at pod level when no container and
 * not the pod sets the field at all (so one edit covers every container), else on `c` itself.
 */
export function setInherited(pod: PodSpecView, c: ContainerView, field: InheritedField, value: YamlValue): Proposal {
  const anySet = pod.sc(field) !== undefined || pod.containers.some(x => x.sc(field) !== undefined);
  return anySet ? setInContainer(c, ['securityContext', field], value) : setInPod(pod, ['securityContext', field], value);
}

/** Removes `key` from `map` (and a parent map it leaves empty, up to `stopAt` levels). */
export function removeFrom(map: YAMLMap, key: string, title: string): Proposal {
  return {
    title,
    edits: ({ text, doc }) => removeKey(text, doc, map, key),
  };
}

/**
 * `allowPrivilegeEscalation: false`. The API server rejects it next to `privileged: true`, so on
 * a privileged container the fix turns privileged off too (both are safe edits).
 */
export function disableEscalation(c: ContainerView): Proposal {
  return isTrue(c.sc('privileged'))
    ? setInContainer(c, ['securityContext'], { privileged: false, allowPrivilegeEscalation: false })
    : setInContainer(c, ['securityContext', 'allowPrivilegeEscalation'], false);
}

/**
 * Edits that mount a new emptyDir volume at `mountPath` in container `c`: a `volumeMounts` entry
 * and a `spec.volumes` entry named `name`. Undefined when either list cannot be edited in place.
 * Insertions that land after the same line are ordered deepest first, so an item appended to a
 * list that ends on that line stays in it and a new key of the container follows it.
 */
export function emptyDirMountEdits(text: string, doc: Document, pod: PodSpecView, c: ContainerView, name: string, mountPath: string): TextEdit[] | undefined {
  const mounts = getSeq(c.node, 'volumeMounts', doc);
  const mount = { name, mountPath };
  const m = mounts ? appendItem(text, doc, mounts, mount) : setIn(text, doc, c.node, ['volumeMounts'], [mount]);
  const vols = getSeq(pod.spec, 'volumes', doc);
  const volume = { name, emptyDir: {} };
  const v = vols ? appendItem(text, doc, vols, volume) : setIn(text, doc, pod.spec, ['volumes'], [volume]);
  return m && v ? [...m, ...v] : undefined;
}

/**
 * Orders edits so that, at one offset, the more deeply nested insertion comes first. A list item
 * counts as nested under a key at its dash's column (`volumeMounts:` / `- name: tmp`).
 */
export function deepestFirst(edits: readonly TextEdit[]): TextEdit[] {
  const indent = (e: TextEdit) => {
    const m = /^([ ]*)(- )?/.exec(e.newText.replace(/^(\r?\n)+/, ''))!;
    return m[1].length + (m[2] ? 1 : 0);
  };
  return [...edits].sort((a, b) => a.start - b.start || a.end - b.end || indent(b) - indent(a));
}
