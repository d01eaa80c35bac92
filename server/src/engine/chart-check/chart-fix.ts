// A finding's fix, moved from the rendered object to the chart file that owns the value: the
// values node a template printed (or the key path added to the values file, in its style), else
// the literal template text. Every candidate is proven before it is offered: the chart is
// rendered again with the edit, the finding must be gone, and every edited file must still
// read (a values file parses; a template renders to documents that parse).
import { Document, isMap, isScalar, isSeq, Node, parseDocument } from 'yaml';
import type { FixSafety } from '../rule';
import type { Finding, ResolvedConfig } from '../lint';
import { applyEdits, setIn, TextEdit, YamlValue } from '../fix';
import type { ChartFile, ChartRenderOptions } from '../render/helm';
import type { OriginRange } from '../render/gotemplate';
import { ChartFinding, ChartJudgement, judgeChart, ValueSet } from './judge';

/** Edits of one chart file (path relative to the chart folder). */
export interface ChartFileEdit { path: string; edits: TextEdit[] }

export interface ChartFix {
  title: string;
  safety: FixSafety;
  /** `values`: the values file is edited; `template`: the template's literal text. */
  where: 'values' | 'template';
  /**
   * A suggestion, offered but never applied in bulk: a block inserted into a template, where
   * the template's own logic (conditions, loops) may want it elsewhere.
   */
  suggestion: boolean;
  files: ChartFileEdit[];
}

export interface ChartFixOptions { config: ResolvedConfig; render?: ChartRenderOptions }

type Change = { path: Array<string | number>; value: YamlValue };

/** The node of a rendered document that lies within [from, to), outermost first, with its path. */
function nodeWithin(doc: Document, from: number, to: number): { path: Array<string | number>; node: Node } | undefined {
  const visit = (node: unknown, path: Array<string | number>): { path: Array<string | number>; node: Node } | undefined => {
    const r = (node as { range?: [number, number, number] } | null)?.range;
    if (r && r[0] >= from && r[1] <= to) return { path, node: node as Node };
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? pair.key.value : undefined;
        if (typeof k !== 'string' && typeof k !== 'number') continue;
        const hit = visit(pair.value, [...path, k]);
        if (hit) return hit;
      }
    } else if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) {
        const hit = visit(node.items[i], [...path, i]);
        if (hit) return hit;
      }
    }
    return undefined;
  };
  return visit(doc.contents, []);
}

function valueAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let v = root;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

/** What the edit added or changed below a node: undefined when it removed anything (values cannot say "unset"). */
function changesBetween(before: unknown, after: unknown, at: Array<string | number>): Change[] | undefined {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObj(before) && isObj(after)) {
    const out: Change[] = [];
    for (const k of Object.keys(before)) if (!(k in after)) return undefined;
    for (const [k, v] of Object.entries(after)) {
      const inner = changesBetween(before[k], v, [...at, k]);
      if (!inner) return undefined;
      out.push(...inner);
    }
    return out;
  }
  if (after === undefined) return undefined;
  return [{ path: at, value: after as YamlValue }];
}

const containing = (origins: OriginRange[], start: number, end: number, kind: 'action' | 'text') =>
  origins.filter(o => o.origin.kind === kind && o.start <= start && end <= o.end);

/**
 * The `.Values` action whose printed text holds [start, end). An insertion just after the line on
 * which such an action's output ends (a fix appends a key to the map `toYaml` printed) belongs
 * to it too.
 */
function valuesActionAt(origins: OriginRange[], output: string, start: number, end: number): OriginRange | undefined {
  const ofValues = (o: OriginRange) => o.origin.kind === 'action' && o.origin.path?.[0] === 'Values';
  const inside = containing(origins, start, end, 'action').find(ofValues);
  if (inside || start !== end) return inside;
  return origins.find(o => ofValues(o) && o.end <= start && /^[ \t]*\r?\n$/.test(output.slice(o.end, start)));
}

/** The fix as edits of the values file that set what the template printed. */
function valuesCandidate(cf: ChartFinding, rendered: TextEdit[], files: Map<string, string>): ChartFileEdit | undefined {
  const doc = cf.document;
  const origins = doc.file?.origins;
  if (!origins) return undefined;
  const before = parseDocument(doc.content, { version: '1.1' });
  const afterText = applyEdits(doc.content, rendered).text;
  const after = parseDocument(afterText, { version: '1.1' }).toJSON() as unknown;
  const changes: Change[] = [];
  const actions = new Set<OriginRange>();
  for (const e of rendered) {
    const o = valuesActionAt(origins, doc.file!.text, doc.offset + e.start, doc.offset + e.end);
    if (!o) return undefined;
    actions.add(o);
  }
  for (const o of actions) {
    if (o.origin.kind !== 'action' || !o.origin.path) return undefined;
    // A block collection's range runs past its last line break, which the action did not print.
    const to = o.end - doc.offset;
    const hit = nodeWithin(before, o.start - doc.offset, to + (/^[ \t]*\r?\n?/.exec(doc.content.slice(to))?.[0].length ?? 0));
    if (!hit) return undefined;
    const found = changesBetween(valueAt(before.toJSON(), hit.path), valueAt(after, hit.path), []);
    if (!found) return undefined;
    const base = o.origin.path.slice(1);
    changes.push(...found.map(c => ({ path: [...base, ...c.path], value: c.value })));
  }
  if (!changes.length) return undefined;
  const target = cf.value?.file ?? `${cf.document.path.replace(/templates\/.*$/, '')}values.yaml`;
  let text = files.get(target);
  if (text === undefined) return undefined;
  const original = text;
  let last: TextEdit[] = [];
  for (const c of changes) {
    if (c.path.some(p => typeof p !== 'string')) return undefined;
    const d = parseDocument(text, { version: '1.1' });
    if (d.errors.length || !isMap(d.contents)) return undefined;
    const edits = setIn(text, d, d.contents, c.path as string[], c.value);
    if (!edits) return undefined;
    text = applyEdits(text, edits).text;
    last = edits;
  }
  // One change keeps setIn's own edits (a scalar replaced whole); several become one span.
  return { path: target, edits: changes.length === 1 ? last : [wholeDiff(original, text)] };
}

/** One edit from the first to the last differing character. */
function wholeDiff(a: string, b: string): TextEdit {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let ea = a.length, eb = b.length;
  while (ea > start && eb > start && a[ea - 1] === b[eb - 1]) { ea--; eb--; }
  return { start, end: ea, newText: b.slice(start, eb) };
}

/**
 * Where [start, end) of the output lies in a template's literal text. Whole lines inserted into
 * the blank end of an action's output (the indentation `{{- include ... | nindent 10 }}` prints
 * when the helper prints nothing) go after that action's line in the template, so whatever the
 * helper prints with other values stays where it was. The proof (a render) checks the result.
 */
function literalAt(origins: OriginRange[], output: string, start: number, end: number): { file: string; offset: number } | undefined {
  const o = containing(origins, start, end, 'text')[0];
  if (o && o.origin.kind === 'text') return { file: o.origin.file, offset: o.origin.offset + (start - o.start) };
  if (start !== end || output[start - 1] !== '\n') return undefined;
  const a = origins.find(r => r.origin.kind === 'action' && r.start < start && start <= r.end && /^\s*$/.test(output.slice(start, r.end)));
  const next = a && origins.find(r => r.origin.kind === 'text' && r.start === a.end && output[r.start] === '\n');
  if (!next || next.origin.kind !== 'text') return undefined;
  return { file: next.origin.file, offset: next.origin.offset + 1 };
}

/** The fix as edits of the template's literal text, when each rendered edit falls on such text. */
function templateCandidate(cf: ChartFinding, rendered: TextEdit[], sources: Map<string, { path: string; text: string }>): ChartFileEdit | undefined {
  const doc = cf.document;
  const out = doc.file;
  if (!out) return undefined;
  let path: string | undefined;
  const edits: TextEdit[] = [];
  for (const e of rendered) {
    const s = doc.offset + e.start, t = doc.offset + e.end;
    const at = literalAt(out.origins, out.text, s, t);
    if (!at) return undefined;
    const src = sources.get(at.file);
    if (!src || (path !== undefined && path !== src.path)) return undefined;
    path = src.path;
    edits.push({ start: at.offset, end: at.offset + (t - s), newText: e.newText });
  }
  return path ? { path, edits } : undefined;
}

const sameFinding = (a: Finding, b: Finding) =>
  a.ruleId === b.ruleId && a.messageId === b.messageId && a.message === b.message && a.object.kind === b.object.kind && a.object.name === b.object.name;

/** Renders the chart with the edit: the finding must be gone and the edited files must read. */
function proves(files: ChartFile[], edit: ChartFileEdit, cf: ChartFinding, judgement: ChartJudgement, opts: ChartFixOptions): boolean {
  const edited = files.map(f => (f.path === edit.path ? { path: f.path, text: applyEdits(f.text, edit.edits).text } : f));
  const text = edited.find(f => f.path === edit.path)?.text;
  if (text === undefined) return false;
  if (!edit.path.includes('templates/') && parseDocument(text, { version: '1.1' }).errors.length) return false;
  const set = judgement.sets.find(s => s.name === cf.set);
  if (!set) return false;
  const again: ValueSet = set.path === edit.path ? { ...set, text } : set;
  const j = judgeChart(edited, { sets: [again], config: () => opts.config, uriOf: (p, s, i) => `chart:///${p}#${s}-${i}`, ...(opts.render ? { render: opts.render } : {}) });
  if (j.failures.length || !j.renders.length) return false;
  // Every document the edited template renders still parses.
  if (edit.path.includes('templates/') && j.renders[0].documents.some(d => d.path === edit.path && parseDocument(d.content, { version: '1.1' }).errors.length)) return false;
  return !j.findings.some(f => sameFinding(f.finding, cf.finding) && f.document.source === cf.document.source);
}

/** The finding's fix in the chart's own files, proven, or undefined when none holds. */
export function chartFix(files: ChartFile[], judgement: ChartJudgement, cf: ChartFinding, opts: ChartFixOptions): ChartFix | undefined {
  const offer = cf.finding.fix;
  const rendered = offer?.edits();
  if (!offer || !rendered?.length) return undefined;
  const render = judgement.renders.find(r => r.set.name === cf.set);
  if (!render) return undefined;
  const texts = new Map(files.map(f => [f.path, f.text]));
  const values = valuesCandidate(cf, rendered, texts);
  if (values && proves(files, values, cf, judgement, opts)) {
    return { title: `${offer.title} in ${values.path}`, safety: offer.safety, where: 'values', suggestion: false, files: [values] };
  }
  const template = templateCandidate(cf, rendered, render.sources);
  if (template && proves(files, template, cf, judgement, opts)) {
    return { title: `${offer.title} in ${template.path}`, safety: offer.safety, where: 'template', suggestion: template.edits.every(e => e.start === e.end), files: [template] };
  }
  return undefined;
}
