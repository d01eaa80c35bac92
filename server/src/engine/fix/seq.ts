// Adding to lists in the list's own style: `[NET_RAW]` -> `[NET_RAW, ALL]`; a block list gets a
// new `- ALL` line at its dashes' column, after the line on which its last item ends.
import { Document, isMap, isScalar, isSeq, YAMLMap, YAMLSeq } from 'yaml';
import { getIn, seqItems } from '../model/yaml-nav';
import { flowAppend, flowFill, renderOptionsFor } from './common';
import { TextEdit } from './edit';
import { contentEnd, isShared, resolveTarget, startOf, Target } from './nodes';
import { setIn } from './map';
import { blockItemLines, renderFlow, YamlScalar, YamlValue } from './render';
import { styleFor } from './style';
import { columnOf, insertionAfterLine, linesText } from './text';

/** Appends `value` as the last item of a sequence. */
export function appendItem(text: string, doc: Document, target: Target<YAMLSeq>, value: YamlValue): TextEdit[] | undefined {
  const seq = resolveTarget(target, doc, isSeq);
  if (!seq || isShared(doc, seq)) return undefined;
  const style = styleFor(text, doc, seq);
  const opts = renderOptionsFor(seq, doc);
  if (seq.flow) {
    const item = renderFlow(value, opts);
    if (seq.items.length > 0) return flowAppend(text, seq, [item], style.eol);
    const e = flowFill(text, seq, [item]);
    return e && [e];
  }
  const dash = seq.range?.[0] ?? -1;
  if (seq.items.length === 0 || dash < 0 || text[dash] !== '-') return undefined;
  const first = startOf(seq.items[0]);
  // Follow the first item's gap after its dash (`- x` or `-   x`) when it sits on the dash's line.
  const sameLine = first > dash && !/[\r\n]/.test(text.slice(dash, first));
  const offset = sameLine ? Math.max(2, first - dash) : 2;
  const lines = blockItemLines(value, columnOf(text, dash), style, opts, offset);
  const { at, atEof } = insertionAfterLine(text, contentEnd(seq));
  return [{ start: at, end: at, newText: linesText(lines, style.eol, atEof) }];
}

/**
 * Makes the list at `path` below `map` contain `item` (`capabilities.drop` gets `ALL`): appended
 * to an existing list, or the list (and the maps above it) created. [] when already there.
 */
export function ensureInSeq(text: string, doc: Document, target: Target<YAMLMap>, path: readonly string[], item: YamlScalar): TextEdit[] | undefined {
  const map = resolveTarget(target, doc, isMap);
  if (!map) return undefined;
  const ref = getIn(map, path, doc);
  if (!ref) return setIn(text, doc, map, path, [item]);
  if (ref.viaAlias || !isSeq(ref.value)) return undefined;
  if (seqItems(ref.value, doc).some(r => isScalar(r.value) && (r.value.value ?? null) === item)) return [];
  return appendItem(text, doc, ref.value, item);
}
