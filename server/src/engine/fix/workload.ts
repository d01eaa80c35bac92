// Fix proposals over pod specs and containers, built from the edit primitives. Where a setting
// is inherited (runAsNonRoot, seccompProfile), it goes where Kubernetes precedence makes one
// edit do the most good: the pod securityContext when no container sets it itself, else the
// container that needs it.
import { YAMLMap } from 'yaml';
import { ContainerView, InheritedField, PodSpecView } from '../model/workload';
import { Proposal } from '../rule';
import { isTrue } from '../model/yaml-nav';
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
