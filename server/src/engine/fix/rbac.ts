// Edits to the lists of an RBAC rule: a `"*"` verb becomes the verbs it stands for, a dangerous
// verb goes. The API server rejects a rule with no verbs (and one with no resources and no
// nonResourceURLs), so removing a rule's last verb removes the whole rule instead.
import { Document, isScalar, isSeq, Scalar, YAMLSeq } from 'yaml';
import { resolveAlias, seqItems } from '../model/yaml-nav';
import { TextEdit } from './edit';
import { contentEnd, resolveTarget, Target } from './nodes';
import { removeItem } from './remove';
import { Quote, renderScalar } from './render';
import { replaceItem } from './replace';
import { styleFor } from './style';
import { columnOf, firstOnLine, insertionAfterLine, linesText } from './text';

function quoteOf(s: Scalar): Quote {
  return s.type === 'QUOTE_DOUBLE' ? 'double' : s.type === 'QUOTE_SINGLE' ? 'single' : 'plain';
}

function sharedQuote(seq: YAMLSeq, except: Scalar): Quote | undefined {
  const quotes = seq.items.filter((i): i is Scalar => i !== except && isScalar(i) && typeof i.value === 'string').map(quoteOf);
  return quotes.length > 0 && quotes.every(q => q === quotes[0]) ? quotes[0] : undefined;
}

/**
 * Replaces the scalar item at `index` of a list with `values` (those the list does not hold
 * yet), at its place and in the list's style: `["*"]` -> `["get", "list", "watch"]`; in a block
 * list the further values get their own `- ` lines below it. Undefined where replaceItem declines.
 */
export function replaceItemWithMany(text: string, doc: Document, target: Target<YAMLSeq>, index: number, values: readonly string[]): TextEdit[] | undefined {
  const seq = resolveTarget(target, doc, isSeq);
  if (!seq) return undefined;
  const others = new Set(seqItems(seq, doc).filter(r => r.site !== seq.items[index] && isScalar(r.value)).map(r => String((r.value as Scalar).value)));
  const add = [...new Set(values)].filter(v => !others.has(v));
  if (add.length === 0) return removeItem(text, doc, seq, index);
  // replaceItem declines aliases, tags, anchors and shared lists; its edit is rewritten below
  // because `*` must be quoted in YAML while the verbs that replace it need not: they follow the
  // quoting the list's other strings share, else the replaced item's.
  const checked = replaceItem(text, doc, seq, index, add[0]);
  if (!checked || checked.length === 0) return checked;
  const item = seq.items[index] as Scalar;
  const quote = sharedQuote(seq, item) ?? quoteOf(item);
  const rendered = add.map(v => renderScalar(v, { quote }));
  const [start, end] = [item.range![0], item.range![1]];
  const first: TextEdit = { start, end, newText: rendered[0] };
  if (rendered.length === 1) return [first];
  if (seq.flow) return [{ start, end, newText: rendered.join(', ') }];
  let dash = start - 1;
  while (dash >= 0 && text[dash] === ' ') dash--;
  // `- - x` or an item on the line after its dash: no line of its own to copy.
  if (dash < 0 || text[dash] !== '-' || !firstOnLine(text, dash)) return undefined;
  const prefix = ' '.repeat(columnOf(text, dash)) + text.slice(dash, start);
  const { at, atEof } = insertionAfterLine(text, contentEnd(item));
  return [first, { start: at, end: at, newText: linesText(rendered.slice(1).map(r => prefix + r), styleFor(text, doc, seq).eol, atEof) }];
}

/**
 * Removes verb item `index` from a rule's `verbs`; when it is the rule's only verb, removes the
 * rule (item `ruleIndex` of `rules`), which then grants nothing either way.
 */
export function removeVerb(text: string, doc: Document, rules: YAMLSeq, ruleIndex: number, verbs: YAMLSeq, index: number): TextEdit[] | undefined {
  const remaining = verbs.items.filter((raw, i) => {
    const v = resolveAlias(raw, doc);
    return i !== index && isScalar(v) && v.value != null;
  });
  return remaining.length > 0 ? removeItem(text, doc, verbs, index) : removeItem(text, doc, rules, ruleIndex);
}
