// Removing keys and list items with their whole lines. Comments on other lines stay where they
// are; a collection left empty becomes `{}` / `[]`, or its key goes too when asked.
import { Document, isMap, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { findPair, getIn, resolveAlias } from '../model/yaml-nav';
import { Ctx, deleteLines, flowBrackets, RemoveOptions, removeFlowEntries } from './common';
import { TextEdit } from './edit';
import { contentEnd, hasMerge, hasProps, holdsShared, isShared, ownPairs, parentOf, resolveTarget, startOf, Target } from './nodes';
import { YamlScalar } from './render';
import { colonAfter, firstOnLine, insertionAfterLine, lineStart, nextLineStart, skipSpaces } from './text';

/**
 * Removes `key` from `map` with its whole line(s), multi-line values included. [] when the key
 * is absent; undefined when it is only inherited through `<<` (the value lives elsewhere), when
 * the map has a merge that could supply the key again, or when the key is written twice
 * (removing one would bring the other into effect).
 */
export function removeKey(text: string, doc: Document, target: Target<YAMLMap>, key: string, opts: RemoveOptions = {}): TextEdit[] | undefined {
  const map = resolveTarget(target, doc, isMap);
  if (!map) return undefined;
  const pairs = ownPairs(map, key);
  if (pairs.length === 0) return findPair(map, key, doc) ? undefined : [];
  if (pairs.length > 1 || hasMerge(map)) return undefined;
  return removePair({ text, doc }, map, pairs[0], opts);
}

/** Removes the items at `indices` of a sequence (block: their lines; flow: with their commas). */
export function removeItems(text: string, doc: Document, target: Target<YAMLSeq>, indices: readonly number[], opts: RemoveOptions = {}): TextEdit[] | undefined {
  const seq = resolveTarget(target, doc, isSeq);
  if (!seq || isShared(doc, seq)) return undefined;
  const set = new Set(indices);
  if ([...set].some(i => !Number.isInteger(i) || i < 0 || i >= seq.items.length)) return undefined;
  if (set.size === 0) return [];
  if ([...set].some(i => holdsShared(doc, seq.items[i]))) return undefined;
  const ctx = { text, doc };
  if (set.size === seq.items.length) return emptied(ctx, seq, opts);
  if (seq.flow) return removeFlowEntries(text, seq, set);
  // Line blocks of the items; adjacent ones are joined first, so a run that reaches the end of a
  // file without final newline takes the line break before the run, not one inside it.
  const blocks: Array<{ from: number; end: number }> = [];
  for (const i of [...set].sort((a, b) => a - b)) {
    const item = seq.items[i];
    const s = startOf(item);
    if (s < 0) return undefined;
    let dash = s - 1;
    while (dash >= 0 && ' \t\r\n'.includes(text[dash])) dash--;
    // A compact nested item (`- - x`) shares its line with the outer dash: not removed by line.
    if (dash < 0 || text[dash] !== '-' || !firstOnLine(text, dash)) return undefined;
    const from = lineStart(text, dash);
    const last = blocks[blocks.length - 1];
    if (last && insertionAfterLine(text, last.end).at === from) last.end = contentEnd(item);
    else blocks.push({ from, end: contentEnd(item) });
  }
  return blocks.map(b => deleteLines(text, b.from, b.end));
}

export function removeItem(text: string, doc: Document, target: Target<YAMLSeq>, index: number, opts: RemoveOptions = {}): TextEdit[] | undefined {
  return removeItems(text, doc, target, [index], opts);
}

/**
 * Removes every item equal to `value` from the list at `path` below `map` (`drop`,
 * `add: [NET_RAW]`...). [] when the list or the item is absent.
 */
export function removeFromSeq(text: string, doc: Document, target: Target<YAMLMap>, path: readonly string[], value: YamlScalar, opts: RemoveOptions = {}): TextEdit[] | undefined {
  const map = resolveTarget(target, doc, isMap);
  if (!map) return undefined;
  const ref = getIn(map, path, doc);
  if (!ref) return [];
  if (ref.viaAlias || !isSeq(ref.value)) return undefined;
  const indices: number[] = [];
  ref.value.items.forEach((raw, i) => {
    const item = resolveAlias(raw, doc);
    if (isScalar(item) && (item.value ?? null) === value) indices.push(i);
  });
  return removeItems(text, doc, ref.value, indices, opts);
}

function removePair(ctx: Ctx, map: YAMLMap, pair: Pair, opts: RemoveOptions): TextEdit[] | undefined {
  const { text, doc } = ctx;
  if (isShared(doc, map) || holdsShared(doc, pair)) return undefined;
  if (map.items.length === 1) return emptied(ctx, map, opts);
  const index = map.items.indexOf(pair);
  if (map.flow) return removeFlowEntries(text, map, new Set([index]));
  const key = pair.key as Scalar;
  if (!isScalar(key) || !key.range) return undefined;
  const ks = key.range[0];
  const end = contentEnd(pair);
  if (firstOnLine(text, ks)) return [deleteLines(text, lineStart(text, ks), end)];
  // The first key of a map that is a sequence item (`- name: app`): the next line's content
  // moves up beside the dash, so the item keeps its `- ` and the other keys their column.
  if (index !== 0 || !/^ *(- +)+$/.test(text.slice(lineStart(text, ks), ks))) return undefined;
  const after = insertionAfterLine(text, end);
  if (after.atEof) return undefined;
  let f = after.at;
  for (;;) {
    const nl = nextLineStart(text, f);
    if (nl < 0 || text.slice(f, nl).trim() !== '') break;
    f = nl;
  }
  return [{ start: ks, end: skipSpaces(text, f), newText: '' }];
}

/** Edits that leave `node` (a map or list losing all its entries) empty, or remove its key. */
function emptied(ctx: Ctx, node: YAMLMap | YAMLSeq, opts: RemoveOptions): TextEdit[] | undefined {
  const { text, doc } = ctx;
  const p = parentOf(doc, node);
  if (!p) return undefined;
  if (opts.ifEmpty === 'removeParent' && p.kind === 'pair') {
    if (hasMerge(p.map) || ownPairs(p.map, String(p.key.value)).length > 1) return undefined;
    return removePair(ctx, p.map, p.pair, opts);
  }
  const empty = isMap(node) ? '{}' : '[]';
  if (node.flow) {
    const br = flowBrackets(text, node);
    return br && [{ start: br.open + 1, end: br.close, newText: '' }];
  }
  const first = node.items[0];
  const start = isMap(node) ? startOf((first as Pair).key) : node.range?.[0] ?? -1;
  if (start < 0) return undefined;
  const end = contentEnd(node);
  if (p.kind === 'pair' && !p.map.flow && !hasProps(node) && p.key.range && firstOnLine(text, start) && lineStart(text, start) > p.key.range[0]) {
    // `securityContext:` + lines below -> `securityContext: {}`, a comment on the key's line kept.
    const colon = colonAfter(text, p.key.range[1]);
    if (colon !== undefined) return [{ start: colon, end: colon, newText: ' ' + empty }, deleteLines(text, lineStart(text, start), end)];
  }
  return [{ start, end, newText: empty }];
}
