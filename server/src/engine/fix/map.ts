// Setting values in maps: replace a scalar where it is written, or insert the missing part of a
// path (`securityContext:` / `  runAsNonRoot: true`) after the line on which the map's last
// value ends, in the map's own style (block at its keys' column, or flow).
import { Document, isAlias, isMap, isPair, isScalar, isSeq, Pair, Scalar, YAMLMap } from 'yaml';
import { findPair } from '../model/yaml-nav';
import { Ctx, flowAppend, flowFill, renderOptionsFor } from './common';
import { TextEdit } from './edit';
import { contentEnd, hasProps, isNullScalar, isShared, resolveTarget, Target } from './nodes';
import {
  blockMapLines, blockValueLines, inlineValue, isObjectValue, isScalarValue, Quote, renderFlow, renderKey, renderScalar,
  YamlScalar, YamlValue,
} from './render';
import { styleFor } from './style';
import { colonAfter, insertionAfterLine, keyColumn, linesText } from './text';

/**
 * Replaces the value of an existing `key` of `map` (a scalar, or nothing after the colon) with
 * `value`, over the scalar's own range so a trailing comment survives. Undefined when the key is
 * missing, comes from a `<<` merge, or holds an alias, a collection or an explicitly tagged value.
 */
export function setScalar(text: string, doc: Document, target: Target<YAMLMap>, key: string, value: YamlScalar): TextEdit[] | undefined {
  const map = resolveTarget(target, doc, isMap);
  if (!map || isShared(doc, map)) return undefined;
  const hit = findPair(map, key, doc);
  if (!hit || hit.merged) return undefined;
  return replaceScalar({ text, doc }, map, hit.pair, value);
}

/**
 * Makes `path` (keys below `target`) hold `value`: replaces an existing scalar, fills an empty
 * value (`securityContext:`), or inserts the missing keys with intermediate maps. An object value
 * is merged into an existing map key by key. Returns [] when nothing needs changing, undefined
 * when the change cannot be made where the reader sees it (aliases, merges, a non-map on the way,
 * an existing list or map that differs: use the sequence primitives for lists).
 */
export function setIn(text: string, doc: Document, target: Target<YAMLMap>, path: readonly string[], value: YamlValue): TextEdit[] | undefined {
  const map = resolveTarget(target, doc, isMap);
  if (!map || path.length === 0) return undefined;
  return setInMap({ text, doc }, map, path, value);
}

function nest(path: readonly string[], value: YamlValue): YamlValue {
  return path.reduceRight<YamlValue>((v, k) => ({ [k]: v }), value);
}

function setInMap(ctx: Ctx, map: YAMLMap, path: readonly string[], value: YamlValue): TextEdit[] | undefined {
  if (isShared(ctx.doc, map)) return undefined;
  const [key, ...rest] = path;
  const hit = findPair(map, key, ctx.doc);
  if (!hit) return insertEntries(ctx, map, { [key]: nest(rest, value) });
  if (hit.merged) return undefined;
  const { pair } = hit;
  const v = pair.value;
  if (isAlias(v)) return undefined;
  if (rest.length > 0) {
    if (isMap(v)) return setInMap(ctx, v, rest, value);
    if (v == null || isNullScalar(v)) return fillEmpty(ctx, map, pair, nest(rest, value));
    return undefined;
  }
  if (isScalarValue(value)) return v == null || isScalar(v) ? replaceScalar(ctx, map, pair, value) : undefined;
  if (v == null || isNullScalar(v)) return fillEmpty(ctx, map, pair, value);
  if (isObjectValue(value) && isMap(v)) return mergeInto(ctx, v, value);
  if (Array.isArray(value) && isSeq(v) && sameList(v.toJSON(), value)) return [];
  return undefined;
}

function sameList(a: unknown, b: readonly YamlValue[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function mergeInto(ctx: Ctx, map: YAMLMap, obj: { readonly [key: string]: YamlValue }): TextEdit[] | undefined {
  if (isShared(ctx.doc, map)) return undefined;
  const edits: TextEdit[] = [];
  const missing: Record<string, YamlValue> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (!findPair(map, k, ctx.doc)) { missing[k] = v; continue; }
    const e = setInMap(ctx, map, [k], v);
    if (!e) return undefined;
    edits.push(...e);
  }
  // Edits inside a nested last value come first: an insertion at the same offset keeps its order.
  const ins = insertEntries(ctx, map, missing);
  return ins && [...edits, ...ins];
}

/** New keys for `map`, after the line on which its last value ends (block) or after its last entry (flow). */
function insertEntries(ctx: Ctx, map: YAMLMap, obj: { readonly [key: string]: YamlValue }): TextEdit[] | undefined {
  if (Object.keys(obj).length === 0) return [];
  const { text, doc } = ctx;
  const style = styleFor(text, doc, map);
  const opts = renderOptionsFor(map, doc);
  if (map.flow) {
    const entries = Object.entries(obj).map(([k, v]) => `${renderKey(k, opts)}: ${renderFlow(v, opts)}`);
    if (map.items.length > 0) return flowAppend(text, map, entries, style.eol);
    const e = flowFill(text, map, entries);
    return e && [e];
  }
  const first = map.items[0];
  if (!isPair(first) || !isScalar(first.key) || !first.key.range) return undefined;
  // The keys' column, not the line's indentation: for `- name: app` it is the column of `name`.
  const col = keyColumn(text, first.key.range[0]);
  const { at, atEof } = insertionAfterLine(text, contentEnd(map));
  return [{ start: at, end: at, newText: linesText(blockMapLines(obj, col, style, opts), style.eol, atEof) }];
}

function quoteFor(doc: Document, map: YAMLMap, old: unknown, value: YamlScalar): Quote | undefined {
  if (typeof value !== 'string') return undefined;
  if (isScalar(old) && typeof old.value === 'string') {
    if (old.type === 'QUOTE_DOUBLE') return 'double';
    if (old.type === 'QUOTE_SINGLE') return 'single';
    if (old.type === 'PLAIN') return 'plain';
  }
  return renderOptionsFor(map, doc).quote;
}

function replaceScalar(ctx: Ctx, map: YAMLMap, pair: Pair, value: YamlScalar): TextEdit[] | undefined {
  const v = pair.value;
  if (v != null && !isScalar(v)) return undefined;
  if (isScalar(v) && (v.value ?? null) === value) return [];
  if (isScalar(v) && isShared(ctx.doc, v)) return undefined;
  return replaceInline(ctx, pair, renderScalar(value, { quote: quoteFor(ctx.doc, map, v, value) }));
}

/** Puts `raw` as the value of `pair` on the key's line, replacing what is written there. */
function replaceInline(ctx: Ctx, pair: Pair, raw: string): TextEdit[] | undefined {
  const { text } = ctx;
  const v = pair.value;
  const key = pair.key as Scalar;
  if (!isScalar(key) || !key.range) return undefined;
  if (v == null || (isScalar(v) && v.range && v.range[0] === v.range[1])) {
    // Nothing after the colon (`securityContext:`): the empty value's offset can sit after an
    // anchor or at a trailing comment, so the new value goes right after the colon instead.
    if (v && hasProps(v)) return undefined;
    const colon = colonAfter(text, key.range[1]);
    if (colon === undefined) return undefined;
    return text[colon] === ' '
      ? [{ start: colon + 1, end: colon + 1, newText: raw }]
      : [{ start: colon, end: colon, newText: ' ' + raw }];
  }
  if (!isScalar(v) || !v.range || v.tag) return undefined;
  let end = v.range[1];
  // A block scalar's range takes in its final line break, which the next line needs.
  if (v.type === 'BLOCK_LITERAL' || v.type === 'BLOCK_FOLDED') while (end > v.range[0] && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return [{ start: v.range[0], end, newText: raw }];
}

/** Gives an empty value (`key:`, `key: ~`) a map or list: inline when it fits, else lines below the key. */
function fillEmpty(ctx: Ctx, map: YAMLMap, pair: Pair, value: YamlValue): TextEdit[] | undefined {
  const { text, doc } = ctx;
  const style = styleFor(text, doc, map);
  const opts = renderOptionsFor(map, doc);
  const inline = map.flow ? renderFlow(value, opts) : inlineValue(value, style, opts);
  if (inline !== undefined) return replaceInline(ctx, pair, inline);
  const v = pair.value;
  const key = pair.key;
  if (!isScalar(key) || !key.range || (isScalar(v) && (hasProps(v) || !v.range))) return undefined;
  const edits: TextEdit[] = [];
  let end = key.range[1];
  if (isScalar(v) && v.range && v.range[1] > v.range[0]) {
    // `key: ~` — the explicit null goes (with the space before it); a comment after it stays.
    const colon = colonAfter(text, key.range[1]);
    if (colon === undefined) return undefined;
    edits.push({ start: colon, end: v.range[1], newText: '' });
    end = v.range[1];
  }
  const lines = blockValueLines(value, keyColumn(text, key.range[0]), style, opts);
  const { at, atEof } = insertionAfterLine(text, end);
  edits.push({ start: at, end: at, newText: linesText(lines, style.eol, atEof) });
  return edits;
}
