// Kustomize's dotted field paths ("spec.template.spec.containers.[name=app].image"): list items
// by index, by "[field=value]" or all ("*"), with optional creation of what is missing.
import { get, isMap, isNull, isSeq, KMap, KNode, KSeq, map, Origin, scalar, set, str } from './model';
import { appendAll } from '../../util/arrays';

/**
 * Splits a field path as kyaml's SmarterPathSplitter does: on dots, except an escaped one
 * (`\.`) and those inside brackets. A bracketed part that holds a dot keeps its brackets only
 * when it selects a list item ("[name=a.b]"); otherwise it is a map key ("[a.b/c]" is "a.b/c").
 * Parts are trimmed and empty ones dropped, as its path matcher does.
 */
export function splitFieldPath(path: string): string[] {
  let pieces = path.split('.');
  if (pieces.length > 1 && pieces[0] === '') pieces = pieces.slice(1);
  const unescaped = [pieces[0]];
  for (const p of pieces.slice(1)) {
    const last = unescaped.length - 1;
    if (unescaped[last].endsWith('\\')) unescaped[last] = unescaped[last].slice(0, -1) + '.' + p;
    else unescaped.push(p);
  }
  const parts: string[] = [];
  for (let i = 0; i < unescaped.length; i++) {
    const part = unescaped[i];
    if (!part.startsWith('[') || part.endsWith(']')) { parts.push(part); continue; }
    const bracketed = [part];
    while (i < unescaped.length - 1) {
      bracketed.push(unescaped[++i]);
      if (unescaped[i].endsWith(']')) break;
    }
    const joined = bracketed.join('.');
    parts.push(joined.includes('=') ? joined : joined.replace(/^[[\]]+|[[\]]+$/g, ''));
  }
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

export interface Slot { node: KNode; replace(v: KNode): void }

/** The nodes a path reaches; with `create`, missing map fields and keyed items are made. */
export function findSlots(root: KNode, parts: string[], create: boolean, origin?: Origin): Slot[] {
  let slots: Slot[] = [{ node: root, replace: () => undefined }];
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    const next: Slot[] = [];
    for (const s of slots) appendAll(next, step(s.node, part, create, last, origin));
    slots = next;
  });
  return slots;
}

function step(n: KNode, part: string, create: boolean, last: boolean, origin?: Origin): Slot[] {
  const keyed = /^\[([^=\]]*)=(.*)\]$/.exec(part);
  if (isSeq(n)) {
    if (part === '*' || part === '[*]') return n.items.map((_, i) => seqSlot(n, i));
    if (/^[0-9]+$/.test(part)) return Number(part) < n.items.length ? [seqSlot(n, Number(part))] : [];
    if (keyed) {
      const [, k, v] = keyed;
      const hits = n.items.map((x, i) => [x, i] as const).filter(([x]) => isMap(x) && str(get(x, k)) === v).map(([, i]) => seqSlot(n, i));
      if (hits.length || !create) return hits;
      const item = map([{ key: k, value: scalar(v, origin), keyOrigin: origin }], origin);
      n.items.push(item);
      return [seqSlot(n, n.items.length - 1)];
    }
    return [];
  }
  if (!isMap(n)) return [];
  if (part === '*') return n.entries.map((e) => mapSlot(n, e.key));
  const child = get(n, part);
  if (child === undefined || (isNull(child) && !last)) {
    if (!create) return [];
    set(n, part, last ? scalar('', origin, 'null') : map([], origin), origin);
  }
  return [mapSlot(n, part)];
}

const seqSlot = (s: KSeq, i: number): Slot => ({ node: s.items[i], replace: (v) => { s.items[i] = v; } });
const mapSlot = (m: KMap, k: string): Slot => ({ node: get(m, k)!, replace: (v) => set(m, k, v) });

