// The layout conventions of the file being edited, so inserted text looks like its neighbours:
// indentation unit, whether a block sequence's `-` is indented under its key, whether short
// lists are written `[a, b]`, and the line break. Local evidence (the map being edited) wins over
// the document, the document over the rest of the file.
import { Document, isMap, isPair, isScalar, isSeq, Node } from 'yaml';
import { parentOf } from './nodes';
import { columnOf, Eol, eolOf } from './text';

export interface Style {
  eol: Eol;
  /** Spaces a nested block map is indented by under its key. */
  indent: number;
  /** Columns a block sequence's `-` sits right of its key: 0 for `key:\n- x`, 2 for `key:\n  - x`. */
  seqIndent: number;
  /** Lists of scalars are written in flow style (`drop: [ALL]`) in this document. */
  flowSeqs: boolean;
}

interface Samples {
  indent: number[]; seqIndent: number[]; flowSeqs: number; blockSeqs: number;
  /** Collections still to visit: local evidence is a sample, so a fix near a huge list stays cheap. */
  budget: number;
}

/** Collections looked at around the node being edited (the whole document is sampled once, unbounded). */
const LOCAL_BUDGET = 64;

function sample(text: string, node: unknown, out: Samples, depth = 0): void {
  if (depth > 100 || out.budget <= 0) return;
  if (isMap(node) || isSeq(node)) out.budget--;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (out.budget <= 0) return;
      if (!isPair(pair)) continue;
      const v = pair.value;
      if (!node.flow && isScalar(pair.key) && pair.key.range) {
        const keyCol = columnOf(text, pair.key.range[0]);
        if (isMap(v) && !v.flow && v.items.length > 0 && v.range) {
          const d = columnOf(text, v.range[0]) - keyCol;
          if (d > 0) out.indent.push(d);
        } else if (isSeq(v) && !v.flow && v.items.length > 0 && v.range) {
          const d = columnOf(text, v.range[0]) - keyCol;
          if (d >= 0) out.seqIndent.push(d);
        }
      }
      sample(text, v, out, depth + 1);
    }
  } else if (isSeq(node)) {
    if (node.items.length > 0 && node.items.every(isScalar)) {
      if (node.flow) out.flowSeqs++; else out.blockSeqs++;
    }
    for (const item of node.items) {
      if (out.budget <= 0) return;
      sample(text, item, out, depth + 1);
    }
  }
}

/** The most frequent sample; ties go to the smaller value. */
function mode(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | undefined;
  let bestCount = 0;
  for (const [v, c] of counts) {
    if (c > bestCount || (c === bestCount && best !== undefined && v < best)) { best = v; bestCount = c; }
  }
  return best;
}

/** Indentation steps seen in the raw text (`key:` followed by a deeper line), for documents with no nesting. */
function textIndent(text: string): number | undefined {
  const lines = text.split('\n');
  const steps: number[] = [];
  for (let i = 0; i + 1 < lines.length && steps.length < 50; i++) {
    if (!/^ *[^ #-][^#]*:\s*(#.*)?\r?$/.test(lines[i])) continue;
    const next = lines[i + 1];
    if (/^\s*(#.*)?\r?$/.test(next) || /^ *- /.test(next)) continue;
    const d = /^ */.exec(next)![0].length - /^ */.exec(lines[i])![0].length;
    if (d > 0) steps.push(d);
  }
  return mode(steps);
}

const docCache = new WeakMap<Document, Samples>();

function docSamples(text: string, doc: Document): Samples {
  let s = docCache.get(doc);
  if (!s) {
    s = { indent: [], seqIndent: [], flowSeqs: 0, blockSeqs: 0, budget: Infinity };
    sample(text, doc.contents, s);
    docCache.set(doc, s);
  }
  return s;
}

/** The style to write new content under `near` (the map or sequence being edited) in. */
export function styleFor(text: string, doc: Document, near?: Node): Style {
  const local: Samples = { indent: [], seqIndent: [], flowSeqs: 0, blockSeqs: 0, budget: LOCAL_BUDGET };
  if (near) {
    sample(text, near, local);
    const p = parentOf(doc, near);
    if (p?.kind === 'pair' && !p.map.flow && p.key.range && near.range && isMap(near) && !near.flow) {
      const d = columnOf(text, near.range[0]) - columnOf(text, p.key.range[0]);
      if (d > 0) local.indent.push(d);
    }
  }
  const whole = docSamples(text, doc);
  const indent = mode(local.indent) ?? mode(whole.indent) ?? textIndent(text) ?? 2;
  const seqIndent = mode(local.seqIndent) ?? mode(whole.seqIndent) ?? indent;
  return { eol: eolOf(text), indent, seqIndent, flowSeqs: whole.flowSeqs > whole.blockSeqs };
}
