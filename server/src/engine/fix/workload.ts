// Fix proposals over pod specs and containers, built from the edit primitives. Where a setting
// is inherited (runAsNonRoot, seccompProfile), it goes where Kubernetes precedence makes one
// edit do the most good: the pod securityContext when no container sets it itself, else the
// container that needs it.
import { Document, isCollection, isPair, isScalar, YAMLMap, YAMLSeq } from 'yaml';
import { ContainerView, InheritedField, PodSpecView } from '../model/workload';
import { EditContext, FixSafety, Proposal } from '../rule';
import { addedCapabilities } from '../model/capabilities';
import { findPair, getSeq, isTrue } from '../model/yaml-nav';
import { renderOptionsFor } from './common';
import { applyEdits, TextEdit } from './edit';
import { lineEnd, lineStart } from './text';
import { setIn, setScalar } from './map';
import { removeItem, removeKey } from './remove';
import { contentEnd, editableAt, holdsShared } from './nodes';
import { renderFlow, renderKey, YamlScalar, YamlValue } from './render';
import { appendItem } from './seq';

/** `a.b: value` for titles. */
function show(path: readonly string[], value: YamlValue): string {
  const v = typeof value === 'object' && value !== null ? JSON.stringify(value).replace(/"/g, '') : String(value);
  return `${path.join('.')}: ${v}`;
}

export function setInContainer(c: ContainerView, path: readonly string[], value: YamlValue): Proposal {
  return {
    title: `Set ${show(path, value)} in ${inTitle(c.label)}`,
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
  const anySet = pod.setsAnywhere(field);
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
 * `allowPrivilegeEscalation: false`, with the safety the caller judged (safe only where the field
 * is unset). The API server rejects it next to `privileged: true` or an added `CAP_SYS_ADMIN`
 * (compared exactly: `SYS_ADMIN` passes): no fix then, since taking either away is the author's
 * decision, made through disallow-privileged-containers or the capability rules (whose unsafe
 * fixes come first; the next pass then offers this one). A Windows pod (`spec.os.name: windows`)
 * may not set the field at all: an explicit value is removed (unsafe), an unset one has nothing to fix.
 */
export function disableEscalation(c: ContainerView, safety: FixSafety): Proposal | undefined {
  if (c.pod.isWindows) return c.sc('allowPrivilegeEscalation') ? { ...removeFromContainer(c, 'allowPrivilegeEscalation', 'Windows pods cannot set it'), safety: 'unsafe' } : undefined;
  if (isTrue(c.sc('privileged')) || addedCapabilities(c).some(a => a.name === 'CAP_SYS_ADMIN')) return undefined;
  return { ...setInContainer(c, ['securityContext', 'allowPrivilegeEscalation'], false), safety };
}

// --- Builders for the baseline rules: turning a setting off where it is written, removals that
// take emptied parents with them, and several changes that must land together to stay valid.

/** `container "app"`, `init container "x"`, `the pod spec` for titles. */
export function titleLabel(c: ContainerView | 'pod'): string {
  return c === 'pod' ? 'the pod spec' : inTitle(c.label);
}

export type EditBuilder = (ctx: EditContext) => TextEdit[] | undefined;

/** Several edits that only make sense together (one proposal): declined when any part declines. */
export function together(title: string, parts: readonly EditBuilder[]): Proposal {
  return {
    title,
    edits: ctx => {
      const out: TextEdit[] = [];
      for (const part of parts) {
        const e = part(ctx);
        if (!e) return undefined;
        out.push(...e);
      }
      return out;
    },
  };
}

/** The existing scalar `key` of `map` set to `value` in place (its trailing comment stays). */
export function setValue(map: YAMLMap, key: string, value: YamlScalar): EditBuilder {
  return ({ text, doc }) => setScalar(text, doc, map, key, value);
}

const commentLines = (text: string) => text.split(/\r?\n/).filter(l => /^\s*#/.test(l)).map(l => l.trim()).sort().join('\n');

/**
 * Whether `edits` keep every whole-line comment. Only the lines the edits touch are compared, so
 * the check costs the size of the edit, not of the file (a fix is built for every finding).
 */
function keepsComments(text: string, edits: readonly TextEdit[]): boolean {
  if (edits.length === 0) return true;
  const from = lineStart(text, Math.min(...edits.map(e => e.start)));
  const to = lineEnd(text, Math.max(...edits.map(e => e.end)));
  const region = text.slice(from, to);
  const shifted = edits.map(e => ({ start: e.start - from, end: e.end - from, newText: e.newText }));
  return commentLines(applyEdits(region, shifted).text) === commentLines(region);
}

/**
 * The first of `variants` (the most thorough first) whose edits keep every whole-line comment:
 * removing a map or list whole takes the comment lines inside it along, so a removal that would
 * also prune the parents it empties falls back to leaving them empty (`add: []`), comments kept.
 */
export function keepingComments(...variants: EditBuilder[]): EditBuilder {
  return ctx => {
    for (const variant of variants) {
      const edits = variant(ctx);
      if (edits && keepsComments(ctx.text, edits)) return edits;
    }
    return undefined;
  };
}

/**
 * Removes `key` from `map`; a map or list it leaves empty goes too, up to the container or pod
 * spec (`capabilities: {}` or `seLinuxOptions: {}` would only be noise), unless a comment line
 * would go with it.
 */
export function removePruning(map: YAMLMap, key: string): EditBuilder {
  return keepingComments(
    ({ text, doc }) => removeKey(text, doc, map, key, { ifEmpty: 'removeParent' }),
    ({ text, doc }) => removeKey(text, doc, map, key),
  );
}

/** Removes item `index` of `seq`; when it was the last, the list's key goes too (and emptied maps above it), comments permitting. */
export function removeItemPruning(seq: YAMLSeq, index: number): EditBuilder {
  return keepingComments(
    ({ text, doc }) => removeItem(text, doc, seq, index, { ifEmpty: 'removeParent' }),
    ({ text, doc }) => removeItem(text, doc, seq, index),
  );
}

/** True when a `#` comment sits in `text[start, end)`, scalars inside `node` (which may hold `#`) aside. */
function hasComment(text: string, start: number, end: number, node: unknown): boolean {
  const chars = text.slice(start, end).split('');
  const mask = (n: unknown, depth: number): void => {
    if (!n || typeof n !== 'object' || depth > 100) return;
    if (isPair(n)) { mask(n.key, depth + 1); mask(n.value, depth + 1); return; }
    if (isCollection(n)) { n.items.forEach(i => mask(i, depth + 1)); return; }
    const r = isScalar(n) ? n.range : undefined;
    if (r) for (let i = Math.max(r[0], start); i < Math.min(r[1], end); i++) chars[i - start] = 'x';
  };
  mask(node, 0);
  return /(^|\s)#/.test(chars.join(''));
}

/**
 * Replaces the entry `key` of `map` (key and whole value) with `newKey: value` where it is
 * written, in flow style (`hostPath: ...` -> `emptyDir: {}`). Declined when the entry comes from
 * a merge or an alias, `newKey` is already there, or a comment inside the value would go with it.
 */
export function replaceEntry(map: YAMLMap, key: string, newKey: string, value: YamlValue): EditBuilder {
  return ({ text, doc }) => {
    if (!editableAt(doc, map) || findPair(map, newKey, doc)) return undefined;
    const hit = findPair(map, key, doc);
    const k = hit?.pair.key;
    if (!hit || hit.merged || !isScalar(k) || !k.range || holdsShared(doc, hit.pair)) return undefined;
    const start = k.range[0];
    const end = contentEnd(hit.pair);
    if (hasComment(text, start, end, hit.pair)) return undefined;
    const opts = renderOptionsFor(map, doc);
    return [{ start, end, newText: `${renderKey(newKey, opts)}: ${renderFlow(value, opts)}` }];
  };
}

/**
 * Sets `type` of a seccompProfile or appArmorProfile map. The API accepts `localhostProfile` only
 * with type Localhost, so for any other type it goes in the same edit (replaced by the type when
 * there is no type to set, so the map never passes through empty).
 */
export function setProfileType(profile: YAMLMap, type: 'RuntimeDefault'): EditBuilder {
  return ctx => {
    const { text, doc } = ctx;
    if (!findPair(profile, 'localhostProfile', doc)) return setIn(text, doc, profile, ['type'], type);
    if (!findPair(profile, 'type', doc)) return replaceEntry(profile, 'localhostProfile', 'type', type)(ctx);
    const set = setIn(text, doc, profile, ['type'], type);
    const drop = removeKey(text, doc, profile, 'localhostProfile');
    return set && drop && [...set, ...drop];
  };
}

// --- Builders for the restricted rules.
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
  const anySet = pod.setsAnywhere(field);
  const path = ['securityContext', field, ...below];
  return anySet ? setInContainer(c, path, value) : setInPod(pod, path, value);
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
