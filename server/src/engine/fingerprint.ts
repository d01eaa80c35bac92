// A finding's identity that survives unrelated edits: the rule, the object it is about (apiVersion,
// kind, namespace, name) and the path of the node it points at inside that object, never a line
// number. SARIF's partialFingerprints and the CLI's baseline both match findings by it, so moving
// a block, adding a comment above it or reordering documents does not make an old finding new.
//
// Sequence items are named by their `name` (containers, volumes, env vars, ports) when they have
// one, else by their index: inserting a container before another keeps the other's identity.
import { isMap, isPair, isScalar, isSeq, Node } from 'yaml';
import type { Finding } from './lint';
import { objectAt, ParsedFile } from './model/parse';

/** The path from the object's root to the node holding `offset`: keys, `name=<n>` or indexes. */
export function nodePathAt(root: Node | null | undefined, offset: number): string[] {
  const path: string[] = [];
  let node: unknown = root;
  for (let depth = 0; depth < 256 && node; depth++) {
    if (isMap(node)) {
      const pair = node.items.find(p => isPair(p) && spans(p.key, p.value, offset));
      if (!pair) break;
      const key = isScalar(pair.key) ? String(pair.key.value) : '?';
      path.push(key);
      // On the key itself: the finding is about this key (a missing value, a key to remove).
      if (isScalar(pair.key) && pair.key.range && offset < pair.key.range[1]) break;
      node = pair.value;
    } else if (isSeq(node)) {
      const i = node.items.findIndex(item => within(item, offset));
      if (i < 0) break;
      const item = node.items[i];
      const name = isMap(item) ? item.get('name') : undefined;
      path.push(typeof name === 'string' || typeof name === 'number' ? `name=${name}` : String(i));
      node = item;
    } else break;
  }
  return path;
}

/** True when `offset` is inside the node (an empty node holds its start). */
export function within(node: unknown, offset: number): boolean {
  const r = (node as Node | null)?.range;
  return !!r && r[0] <= offset && offset < Math.max(r[1], r[0] + 1);
}

/** True when `offset` is inside a map entry, from its key to the end of its value. */
export function spans(key: unknown, value: unknown, offset: number): boolean {
  const start = (key as Node | null)?.range?.[0];
  const end = (value as Node | null)?.range?.[1] ?? (key as Node | null)?.range?.[1];
  return start !== undefined && end !== undefined && start <= offset && offset < Math.max(end, start + 1);
}

/**
 * The identity string of a finding in a file: `rule|apiVersion|kind|namespace|name|path`.
 * Findings that share it (one rule twice on the same node) are told apart by the caller's
 * occurrence count, in file order.
 */
export function findingIdentity(parsed: ParsedFile, finding: Finding, places?: IdentityPlaces): string {
  const [start, end] = finding.offsets;
  const o = finding.object;
  // Several rules point at one node (a container missing several settings): its place is found once.
  const at = `${start}:${end}:${o.docIndex}`;
  let place = places?.get(at);
  if (place === undefined) {
    const object = objectAt(parsed, start, end);
    const root = object ? object.node : parsed.documents[o.docIndex]?.doc.contents;
    place = { apiVersion: object?.apiVersion ?? '', path: nodePathAt(root, start).join('/') };
    places?.set(at, place);
  }
  return [finding.ruleId, place.apiVersion, o.kind, o.namespace ?? '', o.name ?? `#${o.docIndex}`, place.path].join('|');
}

/** What findingIdentity found of each span of one parsed file, for the next finding on it (a new Map per file). */
export type IdentityPlaces = Map<string, { apiVersion: string; path: string }>;
