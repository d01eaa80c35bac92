// Helm charts in the editor: a chart's templates, helpers, values files and Chart.yaml get their
// diagnostics from the rendered chart, not from their own text. The chart is read from the open
// documents first, then the disk (unsaved text counts), rendered with each value set, linted,
// and each finding published on the chart file that produced it. Editing any of them re-renders
// the chart (debounced) and re-publishes the diagnostics of all its open files.
import * as path from 'node:path';
import { CodeAction, CodeActionParams, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ChartFile, ChartJudging, chartValueSets, ChartJudgement, LintConfig, ResolvedConfig, resolveConfig } from '../../engine';
import { ChartReadError, readChartFiles } from '../../host/chart-files';
import { chartFileRole, chartOf } from '../../host/chart-root';
import { AdaptiveDebounce } from '../debounce';
import { describeError, RateLimitedLog } from '../log';
import { helmValuesFor, SettingsStore } from '../settings';
import { diskUri, fsPathOf } from '../uris';
import type { CodeActionClient } from '../codeActions';
import { chartQuickFixes } from './helm-actions';
import { chartDiagnostics, RENDER_CODE } from './helm-diagnostics';
import { yieldToEventLoop } from '../slices';

export interface HelmDeps {
  document(uri: string): TextDocument | undefined;
  all(): TextDocument[];
  settings: SettingsStore;
  publish(params: PublishDiagnosticsParams): void;
  docsHref(ruleId: string): string;
  log: RateLimitedLog;
  /** The wait after an edit before the chart re-renders (ms). */
  debounceMs: number;
  resolve?: (config: LintConfig) => ResolvedConfig;
  /** The value files the user names for the chart in folder `dir` (paths in it): more value sets. */
  namedValues?(dir: string): string[];
  /**
   * Whether a kustomization's rendered root inflates the chart in folder `dir` (helmCharts): its
   * findings are then those of the root's output, published on the kustomization's files.
   */
  inflated?(dir: string, config: ResolvedConfig): boolean;
  /** Resolves once the workspace's first indexing is done (or has taken long): the kustomizations are known then. */
  ready?(): Promise<void>;
}

/** A chart as judged for one state of its open documents. */
export interface ChartRun {
  dir: string;
  /** The open documents' versions it was rendered from. */
  versions: Map<string, number>;
  files: ChartFile[];
  config: ResolvedConfig;
  judgement: ChartJudgement;
}

interface ChartState {
  timer?: NodeJS.Timeout;
  token: number;
  run?: ChartRun;
  pending?: { key: string; run: Promise<ChartRun | undefined> };
  published: Set<string>;
}

/** Where a document sits in a chart, if it is a chart file that renders. */
export function chartPlace(uri: string): { dir: string; rel: string } | undefined {
  const file = fsPathOf(uri);
  if (!file) return undefined;
  const dir = chartOf(file);
  if (!dir) return undefined;
  const rel = path.relative(dir, file).split(path.sep).join('/');
  return chartFileRole(rel) ? { dir, rel } : undefined;
}

export class HelmCharts {
  private readonly charts = new Map<string, ChartState>();
  private nextToken = 1;
  private disposed = false;
  private readonly seen = new Set<string>();
  /** The wait after an edit follows what rendering the chart costs, as a document's lint does. */
  private readonly debounce: AdaptiveDebounce;

  constructor(private readonly deps: HelmDeps) {
    this.debounce = new AdaptiveDebounce(deps.debounceMs);
  }

  /** This document's diagnostics come from its chart's render. */
  claims(doc: TextDocument): boolean {
    return chartPlace(doc.uri) !== undefined;
  }

  /** An open chart file's text changed: its first sight renders now, edits after a pause. */
  changed(doc: TextDocument): void {
    const place = chartPlace(doc.uri);
    if (!place) return;
    const first = !this.seen.has(doc.uri);
    this.seen.add(doc.uri);
    this.schedule(place.dir, first ? 0 : this.debounce.delay(place.dir));
  }

  closed(uri: string): void {
    this.seen.delete(uri);
    const place = chartPlace(uri);
    if (!place) return;
    const state = this.charts.get(place.dir);
    if (state?.published.delete(uri)) this.deps.publish({ uri, diagnostics: [] });
    // The closed editor's text no longer counts: the disk's does.
    if (state) this.schedule(place.dir, 0);
  }

  /**
   * A kustomization changed: whether it inflates a chart (then judged through it) may have
   * changed; the open charts publish again after a pause (what they render is kept).
   */
  kustomizationChanged(): void {
    for (const dir of this.openCharts()) this.schedule(dir, this.debounce.delay(dir));
  }

  /** Settings changed: every chart with an open file again. */
  revalidateAll(): void {
    for (const dir of this.openCharts()) this.schedule(dir, 0);
  }

  /** Files changed on disk (file: URIs): the charts holding them render again. */
  filesChanged(uris: readonly string[]): void {
    for (const uri of uris) {
      const file = fsPathOf(uri);
      if (!file) continue;
      for (const [dir, state] of this.charts) {
        if (file === dir || file.startsWith(dir + path.sep)) {
          // What was rendered is stale even though no open document changed.
          state.run = undefined;
          this.schedule(dir, this.deps.debounceMs);
        }
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const s of this.charts.values()) if (s.timer) clearTimeout(s.timer);
  }

  /** The chart's judgement for the current text of its open documents (rendered now if stale). */
  async current(uri: string): Promise<ChartRun | undefined> {
    const place = chartPlace(uri);
    if (!place) return undefined;
    const [settings] = await Promise.all([this.deps.settings.get(uri), this.deps.ready?.()]);
    if (!settings.enable) return undefined;
    const state = this.state(place.dir);
    const open = this.openDocuments(place.dir);
    const config = (this.deps.resolve ?? resolveConfig)(settings.config);
    if (state.run && state.run.config === config && sameVersions(state.run.versions, open)) return state.run;
    // One render at a time per chart state: a code action asking meanwhile waits for it.
    const key = versionKey(open, config);
    if (state.pending?.key === key) return state.pending.run;
    const run = this.render(place.dir, state, open, config, helmValuesFor(settings, place.dir));
    state.pending = { key, run };
    try { return await run; } finally { if (state.pending?.run === run) state.pending = undefined; }
  }

  /**
   * The diagnostics the chart's judgement gives one of its files, open or closed (the workspace
   * scan asks for closed ones); undefined when the file is no chart file or checking is off.
   */
  async diagnosticsOf(uri: string): Promise<Diagnostic[] | undefined> {
    const place = chartPlace(uri);
    if (!place) return undefined;
    const run = await this.current(uri);
    if (!run) return undefined;
    const open = this.openDocuments(place.dir);
    const texts = new Map(run.files.map(f => [f.path, f.text]));
    return chartDiagnostics(this.shown(run), new Set([place.rel]), p => uriFor(place.dir, p, open), p => texts.get(p), this.deps.docsHref).get(place.rel) ?? [];
  }

  /** Quick fixes for a chart file's diagnostics, proven against the current text of the chart. */
  async codeActions(params: CodeActionParams, client: CodeActionClient): Promise<CodeAction[]> {
    const uri = params.textDocument.uri;
    const place = chartPlace(uri);
    const doc = this.deps.document(uri);
    if (!place || !doc || !client.literals) return [];
    const version = doc.version;
    const run = await this.current(uri);
    // The document moved on meanwhile: the client asks again for the new version.
    if (!run || this.deps.document(uri)?.version !== version) return [];
    const open = this.openDocuments(place.dir);
    return chartQuickFixes(params, { ...run, judgement: this.shown(run) }, place.rel, rel => {
      const d = open.get(rel);
      return { uri: uriFor(place.dir, rel, open), version: d ? d.version : null };
    }, client);
  }

  /**
   * What the editor shows of a run: a chart a kustomization inflates is judged through it (as
   * `check` does), so its own render keeps only what stops it rendering. Asked at every use: the
   * kustomization may have changed since the chart rendered.
   */
  private shown(run: ChartRun): ChartJudgement {
    return this.deps.inflated?.(run.dir, run.config) ? { ...run.judgement, findings: [] } : run.judgement;
  }

  private state(dir: string): ChartState {
    let s = this.charts.get(dir);
    if (!s) this.charts.set(dir, s = { token: 0, published: new Set() });
    return s;
  }

  private openCharts(): Set<string> {
    const dirs = new Set<string>();
    for (const doc of this.deps.all()) {
      const place = chartPlace(doc.uri);
      if (place) dirs.add(place.dir);
    }
    return dirs;
  }

  /** The chart's open documents by relative path. */
  private openDocuments(dir: string): Map<string, TextDocument> {
    const out = new Map<string, TextDocument>();
    for (const doc of this.deps.all()) {
      const file = fsPathOf(doc.uri);
      if (!file || !file.startsWith(dir + path.sep)) continue;
      out.set(path.relative(dir, file).split(path.sep).join('/'), doc);
    }
    return out;
  }

  private schedule(dir: string, delayMs: number): void {
    if (this.disposed) return;
    const state = this.state(dir);
    if (state.timer) clearTimeout(state.timer);
    const token = state.token = this.nextToken++;
    const go = () => {
      state.timer = undefined;
      this.publishChart(dir, token).catch(e => this.deps.log.error('helm', `Checking the chart ${dir} failed: ${describeError(e)}`));
    };
    if (delayMs > 0) state.timer = setTimeout(go, delayMs);
    else go();
  }

  /**
   * Renders and judges the chart one value set at a time, yielding between sets; undefined when
   * an open document changed meanwhile (the newer text's render answers instead).
   */
  /** `named`: the value files the editor's kubeHarden.helm.values names for this chart. */
  private async render(dir: string, state: ChartState, open: Map<string, TextDocument>, config: ResolvedConfig, named: string[] = []): Promise<ChartRun | undefined> {
    // Read at every render (a few ms for a large chart): helpers, .Files and subcharts that no
    // watcher reports (the client watches manifests only) still count as they are on disk.
    let disk: ChartFile[];
    try { disk = readChartFiles(dir); } catch (e) {
      if (!(e instanceof ChartReadError)) throw e;
      const failure = { set: { name: 'values.yaml' }, error: e.message };
      const judgement: ChartJudgement = { findings: [], failures: [failure], renders: [], sets: [{ name: 'values.yaml' }] };
      return state.run = { dir, versions: versionsOf(open), files: [], config, judgement };
    }
    const files = overlay(disk, open);
    const versions = versionsOf(open);
    const missing: string[] = [];
    const sets = chartValueSets(files, [...(this.deps.namedValues?.(dir) ?? []), ...named], f => missing.push(f));
    const judging = new ChartJudging(files, { sets, config: () => config, uriOf: (p, set, i) => `${diskUri(path.join(dir, p))}#rendered-${set}-${i}` });
    // A value set the user named but the chart lacks was not judged: said on Chart.yaml.
    for (const f of missing) judging.judgement.failures.push({ set: { name: f }, error: `${f}: a value file named for this chart (.kube-harden.yaml helm:), not found in it` });
    let busy = 0;
    for (const [i, set] of sets.entries()) {
      if (i > 0) {
        await yieldToEventLoop();
        if (this.disposed || !sameVersions(versions, this.openDocuments(dir))) return undefined;
      }
      const started = performance.now();
      judging.judgeSet(set);
      busy += performance.now() - started;
    }
    this.debounce.record(dir, busy);
    return state.run = { dir, versions, files, config, judgement: judging.judgement };
  }

  private async publishChart(dir: string, token: number): Promise<void> {
    const state = this.state(dir);
    const open = this.openDocuments(dir);
    const claimed = [...open].filter(([rel]) => chartFileRole(rel));
    if (!claimed.length) return;
    const run = await this.current(claimed[0][1].uri);
    // A newer edit is on its way: its render publishes.
    if (state.token !== token) return;
    const texts = new Map((run?.files ?? []).map(f => [f.path, f.text]));
    const diagnostics = run
      ? chartDiagnostics(this.shown(run), new Set(claimed.map(([rel]) => rel)), p => uriFor(dir, p, open), p => texts.get(p), this.deps.docsHref)
      : new Map<string, never[]>();
    for (const [rel, doc] of claimed) {
      state.published.add(doc.uri);
      this.deps.publish({ uri: doc.uri, version: doc.version, diagnostics: diagnostics.get(rel) ?? [] });
    }
    for (const fail of run?.judgement.failures ?? []) {
      if (fail.at && !open.has(fail.at.path)) this.deps.log.warn(`helm:${dir}`, `${RENDER_CODE}: ${fail.error}`);
    }
  }
}

/** The URI of a chart file: the open document's own spelling, else the disk's. */
function uriFor(dir: string, rel: string, open: Map<string, TextDocument>): string {
  return open.get(rel)?.uri ?? diskUri(path.join(dir, ...rel.split('/')));
}

function versionKey(open: Map<string, TextDocument>, config: ResolvedConfig): string {
  let id = configIds.get(config);
  if (id === undefined) configIds.set(config, id = ++lastConfigId);
  return `${id}|${[...open.values()].map(d => `${d.uri}@${d.version}`).sort().join(',')}`;
}
const configIds = new WeakMap<ResolvedConfig, number>();
let lastConfigId = 0;

function versionsOf(open: Map<string, TextDocument>): Map<string, number> {
  return new Map([...open.values()].map(d => [d.uri, d.version]));
}

function sameVersions(a: Map<string, number>, open: Map<string, TextDocument>): boolean {
  if (a.size !== open.size) return false;
  for (const d of open.values()) if (a.get(d.uri) !== d.version) return false;
  return true;
}

/** The chart's files with open documents' text in place of the disk's (and files not yet saved). */
export function overlay(disk: readonly ChartFile[], open: Map<string, TextDocument>): ChartFile[] {
  const texts = new Map([...open].map(([rel, doc]) => [rel, doc.getText()]));
  const out = disk.map(f => (texts.has(f.path) ? { path: f.path, text: texts.get(f.path)! } : f));
  const have = new Set(disk.map(f => f.path));
  for (const [rel, text] of texts) if (!have.has(rel)) out.push({ path: rel, text });
  return out;
}
