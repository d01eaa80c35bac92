// Replacing an entry where it stands: a disallowed volume source becomes `emptyDir: {}` on the
// line where `nfs:` was, a scalar `seccompProfile: RuntimeDefault` becomes the map the API wants,
// a list item `all` becomes `ALL`. The entry keeps its place; the replaced value goes with its
// lines (a comment on those lines describes what is gone).
import { Document, isMap, isScalar, isSeq, Node, YAMLMap, YAMLSeq } from 'yaml';
import { findPair, resolveAlias } from '../model/yaml-nav';
import { renderOptionsFor } from './common';
import { TextEdit } from './edit';
import { contentEnd, hasMerge, hasProps, isShared, ownPairs, resolveTarget, Target } from './nodes';
import { blockMapLines, renderFlow, renderKey, renderScalar, YamlScalar, YamlValue } from './render';
import { styleFor } from './style';
import { columnOf, lineEnd } from './text';

function sameValue(node: unknown, value: YamlValue): boolean {
  const js = isScalar(node) || isMap(node) || isSeq(node) ? node.toJSON() : undefined;
  return JSON.stringify(js) === JSON.stringify(value);
}

/**
 * Replaces the entry `key: ...` of `map` with `newKey: value` at the same place: in a block map
 * the new entry is written in the map's style from the key's column and the old value's lines go
 * (through the end of the line its value ends on); in a flow map the entry is swapped in place.
 * [] when `key` is absent (nothing left to replace) or already holds `value` under `newKey`;
 * undefined when `key` is written twice or only merged in, `newKey` is another key that exists,
 * or the map is shared through an alias.
 */
export function replaceKey(text: string, doc: Document, target: Target<YAMLMap>, key: string, newKey: string, value: YamlValue): TextEdit[] | undefined {
  const map = resolveTarget(target, doc, isMap);
  if (!map || isShared(doc, map)) return undefined;
  const pairs = ownPairs(map, key);
  if (pairs.length === 0) return findPair(map, key, doc) ? undefined : [];
  if (pairs.length > 1 || hasMerge(map)) return undefined;
  if (newKey !== key && findPair(map, newKey, doc)) return undefined;
  const pair = pairs[0];
  if (newKey === key && sameValue(pair.value, value)) return [];
  const k = pair.key;
  if (!isScalar(k) || !k.range || hasProps(k) || (pair.value && hasProps(pair.value as Node))) return undefined;
  const start = k.range[0];
  const opts = renderOptionsFor(map, doc);
  if (map.flow) return [{ start, end: contentEnd(pair), newText: `${renderKey(newKey, opts)}: ${renderFlow(value, opts)}` }];
  let end = contentEnd(pair);
  // A block scalar's range takes in its final line break, which belongs to the next line.
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  const style = styleFor(text, doc, map);
  const col = columnOf(text, start);
  const lines = blockMapLines({ [newKey]: value }, col, style, opts);
  return [{ start, end: lineEnd(text, end), newText: lines.join(style.eol).slice(col) }];
}

/**
 * Replaces the scalar item at `index` of a sequence with `value`, over the item's own range (a
 * trailing comment survives), keeping its quoting. [] when it already holds `value`; undefined
 * for an alias, a collection, a tagged or anchored item, or a shared sequence.
 */
export function replaceItem(_text: string, doc: Document, target: Target<YAMLSeq>, index: number, value: YamlScalar): TextEdit[] | undefined {
  const seq = resolveTarget(target, doc, isSeq);
  if (!seq || isShared(doc, seq) || !Number.isInteger(index) || index < 0 || index >= seq.items.length) return undefined;
  const item = seq.items[index];
  if (!isScalar(item) || resolveAlias(item, doc) !== item || hasProps(item) || !item.range || isShared(doc, item)) return undefined;
  if ((item.value ?? null) === value) return [];
  const quote = typeof value === 'string' && typeof item.value === 'string'
    ? (item.type === 'QUOTE_DOUBLE' ? 'double' : item.type === 'QUOTE_SINGLE' ? 'single' : 'plain')
    : renderOptionsFor(seq, doc).quote;
  return [{ start: item.range[0], end: item.range[1], newText: renderScalar(value, { quote }) }];
}
