// Fix proposals over pod specs and containers, built from the edit primitives. Where a setting
// is inherited (runAsNonRoot, seccompProfile), it goes where Kubernetes precedence makes one
// edit do the most good: the pod securityContext when no container sets it itself, else the
// container that needs it.
import { YAMLMap } from 'yaml';
import { ContainerView, InheritedField, PodSpecView } from '../model/workload';
import { Proposal } from '../rule';
import { addedCapabilities } from '../model/capabilities';
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
 * a privileged container the fix turns privileged off too (both are safe edits). It also rejects
 * it next to an added `CAP_SYS_ADMIN` (compared exactly: `SYS_ADMIN` passes), whose removal is
 * not safe: no fix until the capability is gone. A Windows pod (`spec.os.name: windows`) may not
 * set the field at all: an explicit value is removed, an unset one has nothing to fix.
 */
export function disableEscalation(c: ContainerView): Proposal | undefined {
  if (c.pod.isWindows) return c.sc('allowPrivilegeEscalation') ? removeFromContainer(c, 'allowPrivilegeEscalation', 'Windows pods cannot set it') : undefined;
  if (addedCapabilities(c).some(a => a.name === 'CAP_SYS_ADMIN')) return undefined;
  return isTrue(c.sc('privileged'))
    ? setInContainer(c, ['securityContext'], { privileged: false, allowPrivilegeEscalation: false })
    : setInContainer(c, ['securityContext', 'allowPrivilegeEscalation'], false);
}

/** A label as it reads inside a title: `container "app"`, `init container "init"`, `volume "data"`. */
export function inTitle(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/**
 * Removes `securityContext.<field>` from container `c` (a securityContext it leaves empty goes
 * too). `why`, when given, ends the title in parentheses.
 */
export function removeFromContainer(c: ContainerView, field: string, why?: string): Proposal {
  return {
    title: `Remove ${field} from ${inTitle(c.label)}${why ? ` (${why})` : ''}`,
    edits: ({ text, doc }) => {
      const sc = c.securityContext;
      return sc ? removeKey(text, doc, sc, field, { ifEmpty: 'removeParent' }) : [];
    },
  };
}

/** Removes `spec.securityContext.<field>` (a securityContext it leaves empty goes too). */
export function removeFromPod(pod: PodSpecView, field: string, why?: string): Proposal {
  return {
    title: `Remove ${field} from the pod securityContext${why ? ` (${why})` : ''}`,
    edits: ({ text, doc }) => {
      const sc = pod.securityContext;
      return sc ? removeKey(text, doc, sc, field, { ifEmpty: 'removeParent' }) : [];
    },
  };
}

/**
 * setInherited for a value below the inherited field (`seccompProfile.type: RuntimeDefault`),
 * so the title names the leaf: at pod level when no container and not the pod sets the field.
 */
export function setInheritedAt(pod: PodSpecView, c: ContainerView, field: InheritedField, below: readonly string[], value: YamlValue): Proposal {
  const anySet = pod.sc(field) !== undefined || pod.containers.some(x => x.sc(field) !== undefined);
  const path = ['securityContext', field, ...below];
  return anySet ? setInContainer(c, path, value) : setInPod(pod, path, value);
}
