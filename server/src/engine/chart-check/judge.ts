// Judging a chart: render it with each value set (values.yaml alone, then each extra values
// file), lint the rendered objects like any manifest, and report every finding at the chart
// source that produced it (map-finding.ts). A finding that holds in several value sets is one
// finding naming the sets it holds in. Pure: the front end hands in the chart's files, so the
// CLI reads them from disk and the language server from its open documents first.
import { Finding, lintParsed, ResolvedConfig } from '../lint';
import { ParsedFile, parseFile } from '../model/parse';
import { ChartDocument, ChartFile, ChartRenderOptions, renderChart } from '../render/helm';
import { WorkspaceIndex } from '../workspace';
import { ObjectSummary, summarizeFile } from '../workspace/summary';
import { mapFinding, SourceSpan, ValueOrigin } from './map-finding';

/** A value set: `values.yaml` alone (no file), or with one more values file (chart-relative path). */
export interface ValueSet { name: string; path?: string; text?: string }

export interface ChartJudgeOptions {
  sets: readonly ValueSet[];
  /** The lint configuration for a chart file (relative path). */
  config(path: string): ResolvedConfig;
  /** The URI a rendered document is linted under (its objects' identity in the workspace model). */
  uriOf(path: string, set: string, index: number): string;
  /**
   * The model of the rest of the repository, which cross-object rules read with the chart's
   * objects. The first value set that renders stays in it (the chart's default install, seen by
   * the repository's other files); every other set is judged with its own objects in place of
   * those, then taken out: each set is an install of its own, so one set's bindings or
   * NetworkPolicies never count for another's pods. Default: a new model per set.
   */
  workspace?: WorkspaceIndex;
  /** Further render options (release name, --set...); a value set's file comes before `valueFiles`. */
  render?: ChartRenderOptions;
}

export interface ChartFinding {
  /** The finding on the rendered document (of the first value set it holds in). */
  finding: Finding;
  set: string;
  /** Every value set it holds in, in the order of the sets. */
  sets: string[];
  document: ChartDocument;
  parsed: ParsedFile;
  /** All findings of that rendered document, in lint order (fingerprints number repeats). */
  documentFindings: readonly Finding[];
  /** Where it is reported. */
  at: SourceSpan;
  /** The values node that set the printed value, when a values file set it. */
  value?: ValueOrigin;
  /** Whether a template action or literal template text produced the offending text. */
  printedBy?: 'action' | 'text';
  /** The finding's related places that are other rendered objects of the chart, in its sources. */
  related?: ChartRelated[];
  /** The templates whose output it was found in (several when a shared helper printed it). */
  templates: string[];
}

export interface ChartRelated { at: SourceSpan; message: string }

/** A value set the chart cannot render with; `at`: the template position of a template error. */
export interface SetFailure { set: ValueSet; error: string; at?: { path: string; line: number; col: number } }

/** A successful render, kept for fixes (which re-render with edited files). */
export interface SetRender { set: ValueSet; documents: ChartDocument[]; sources: Map<string, { path: string; text: string }> }

export interface ChartJudgement { findings: ChartFinding[]; failures: SetFailure[]; renders: SetRender[]; sets: readonly ValueSet[] }

/**
 * The value sets of a chart from its file list: values.yaml, then each value file the user names
 * (`.kube-harden.yaml` `helm:`, the editor's kubeHarden.helm.values; paths in the chart folder),
 * then each ci/*-values.yaml (chart-testing's convention). `missing` gets each named file the
 * chart does not hold.
 */
export function chartValueSets(files: readonly ChartFile[], named: readonly string[] = [], missing?: (file: string) => void): ValueSet[] {
  const sets: ValueSet[] = [{ name: 'values.yaml' }];
  for (const name of named) {
    const rel = name.replace(/^\.\//, '');
    const f = files.find(x => x.path === rel);
    if (!f) missing?.(rel);
    else if (rel !== 'values.yaml' && !sets.some(s => s.path === rel)) sets.push({ name: rel, path: rel, text: f.text });
  }
  const ci = files.filter(f => /^ci\/[^/]+-values\.ya?ml$/.test(f.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const f of ci) if (!sets.some(s => s.path === f.path)) sets.push({ name: f.path, path: f.path, text: f.text });
  return sets;
}


/**
 * A chart judged one value set at a time, so a front end can yield between sets (the language
 * server keeps answering while a chart with many ci/ sets renders) and stop when an edit
 * supersedes the work.
 */
export class ChartJudging {
  readonly judgement: ChartJudgement;
  private readonly workspace: WorkspaceIndex | undefined;
  private readonly byPath: Map<string, string>;
  private readonly seen = new Map<string, ChartFinding>();
  /** The first rendered set's objects, kept in the caller's model. */
  private kept: Array<[string, ObjectSummary[]]> | undefined;

  constructor(private readonly files: ChartFile[], private readonly opts: ChartJudgeOptions) {
    this.judgement = { findings: [], failures: [], renders: [], sets: opts.sets };
    this.workspace = opts.workspace;
    this.byPath = new Map(files.map(f => [f.path, f.text]));
  }

  judgeSet(set: ValueSet): void {
    const { opts, judgement: out } = this;
    const workspace = this.workspace ?? new WorkspaceIndex();
    // The set's own file first: values the user passes (-f, --set...) override the chart's sets.
    const valueFiles = [...(set.text !== undefined ? [{ name: set.name, text: set.text }] : []), ...(opts.render?.valueFiles ?? [])];
    const r = renderChart(this.files, { ...opts.render, valueFiles, includeCrds: true });
    if (!r.ok) {
      out.failures.push({ set, error: r.error, ...(r.at ? { at: r.at } : {}) });
      return;
    }
    out.renders.push({ set, documents: r.documents, sources: r.sources });
    const uris = r.documents.map((doc, i) => opts.uriOf(doc.path, set.name, i));
    // One parse per rendered document: the model's summaries and the lint share it.
    const parsed = r.documents.map(doc => parseFile(doc.content));
    const own: Array<[string, ObjectSummary[]]> = [];
    const summaries: Array<ObjectSummary[] | undefined> = parsed.map((p, i) => {
      try { const s = summarizeFile(uris[i], p); own.push([uris[i], s]); return s; } catch { return undefined; }
    });
    const first = this.workspace !== undefined && this.kept === undefined;
    if (this.workspace && !first) for (const [uri] of this.kept!) workspace.removeFile(uri);
    for (const [uri, summaries] of own) workspace.setFile(uri, summaries);
    if (first) this.kept = own;
    const valueFile = set.path !== undefined && set.text !== undefined ? { path: set.path, text: set.text } : undefined;
    const fileText = (p: string) => this.byPath.get(p);
    /** A place in another rendered document of this set (the binding an RBAC finding names), in the chart's sources. */
    const relatedIn = (f: Finding): ChartRelated[] => f.related.flatMap(rel => {
      const k = uris.indexOf(rel.uri);
      if (k < 0) return [];
      const lines = parsed[k].lines;
      const m = mapFinding({ offsets: [lines.offsetAt(rel.range.start), lines.offsetAt(rel.range.end)] }, r.documents[k], r.sources, valueFile, fileText);
      return m ? [{ at: m.at, message: rel.message }] : [];
    });
    r.documents.forEach((doc, i) => {
      const sum = summaries[i];
      const findings = lintParsed(parsed[i], opts.config(doc.path), { uri: uris[i], workspace, ...(sum ? { summaries: sum } : {}) }).findings;
      for (const f of findings) {
        const m = mapFinding(f, doc, r.sources, valueFile, fileText);
        const at: SourceSpan = m?.at ?? {
          path: doc.path,
          start: { line: f.range.start.line + 1, column: f.range.start.character + 1 },
          end: { line: f.range.end.line + 1, column: f.range.end.character + 1 },
          startOffset: doc.offset + f.offsets[0], endOffset: doc.offset + f.offsets[1],
        };
        const key = `${at.path}|${at.start.line}|${at.start.column}|${f.ruleId}|${f.message}`;
        const have = this.seen.get(key);
        if (have) {
          if (!have.sets.includes(set.name)) have.sets.push(set.name);
          if (!have.templates.includes(doc.path)) have.templates.push(doc.path);
          continue;
        }
        const judged: ChartFinding = { finding: f, set: set.name, sets: [set.name], document: doc, parsed: parsed[i], documentFindings: findings, at, templates: [doc.path] };
        const related = relatedIn(f);
        if (related.length) judged.related = related;
        if (m?.value) judged.value = m.value;
        if (m?.printedBy) judged.printedBy = m.printedBy;
        this.seen.set(key, judged);
        out.findings.push(judged);
      }
    });
    if (this.workspace && !first) {
      for (const [uri] of own) workspace.removeFile(uri);
      for (const [uri, summaries] of this.kept!) workspace.setFile(uri, summaries);
    }
  }
}

export function judgeChart(files: ChartFile[], opts: ChartJudgeOptions): ChartJudgement {
  const judging = new ChartJudging(files, opts);
  for (const set of opts.sets) judging.judgeSet(set);
  return judging.judgement;
}

/**
 * The note a message carries in brackets: the value sets it holds in when not every set the chart
 * rendered with, and for a finding in a helper file, the templates whose output it is in.
 */
export function chartNote(f: ChartFinding, judgement: ChartJudgement): string | undefined {
  const all = judgement.sets.length;
  const notes: string[] = [];
  if (all > 1 && f.sets.length < all) notes.push(`value sets: ${f.sets.join(', ')}`);
  if (!f.templates.includes(f.at.path)) notes.push(`${f.templates.length > 1 ? 'templates' : 'template'}: ${f.templates.join(', ')}`);
  return notes.length ? notes.join('; ') : undefined;
}
