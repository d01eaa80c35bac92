// Renders a chart as `helm template` does (Helm 3/4): values merged, dependencies resolved,
// templates executed, documents sorted, each under its `# Source:` comment. Pure: the caller
// hands over the chart's files.
import { GoMap, OriginRange, Value } from '../gotemplate';
import { capabilitiesObject, CapabilitiesError } from './capabilities';
import { Chart, ChartError, ChartFile, loadChart, readValues } from './chart';
import { coalesceChart, isTable, mergeMaps } from './coalesce';
import { processDependencies } from './dependencies';
import { renderTemplates, RenderedFile } from './engine';
import { Manifest, ManifestError, sortManifests } from './manifests';
import { parseSet, parseSetAs, StrvalsError } from './strvals';

/** A `--set-file` path that cannot be read. */
class SetFileError extends Error {}

export type { ChartFile, Chart } from './chart';
export type { RenderedFile } from './engine';
export type { Manifest } from './manifests';
export { DEFAULT_KUBE_VERSION } from './capabilities';
export { CHART_LIMITS, chartFileText, isPackagedSubchart, loadChart } from './chart';
export { releaseNameFromTemplate } from './name-template';
export { locateValue, locateValueNode } from './values-locate';
export type { ValueNode } from './values-locate';

export interface ChartRenderOptions {
  releaseName?: string;
  namespace?: string;
  /** `-f` files in order: a name for messages and the text. */
  valueFiles?: Array<{ name: string; text: string }>;
  /** `--set` and `--set-string` arguments in order. */
  set?: string[];
  setString?: string[];
  /** `--set-json` arguments (`key=<json>`), applied after the values files, before `--set`. */
  setJson?: string[];
  /** `--set-file` arguments (`key=<path>`), applied last; `readFile` gives a path's content. */
  setFile?: string[];
  readFile?: (path: string) => string;
  kubeVersion?: string;
  apiVersions?: string[];
  includeCrds?: boolean;
  skipTests?: boolean;
  /** Time budget of all templates together, ms (default 5000). */
  budgetMs?: number;
  /** Output size limit in characters (default 16 MiB). */
  maxOutput?: number;
}

/** A document of the output and where its text came from. */
export interface ChartDocument {
  /** `chart/templates/x.yaml` as in `# Source:`. */
  source: string;
  /** The file under the root chart's folder that produced it. */
  path: string;
  content: string;
  /** Offset of `content` in `file.text` (the template's whole output); absent for CRDs. */
  offset: number;
  file?: RenderedFile;
  kind: string;
  hook?: { events: string[] };
}

export type ChartRenderResult =
  | { ok: true; text: string; documents: ChartDocument[]; values: GoMap; sources: Map<string, { path: string; text: string }> }
  | { ok: false; error: string; partialText?: string; at?: { path: string; line: number; col: number } };

function userValues(opts: ChartRenderOptions): GoMap {
  let base: GoMap = {};
  for (const f of opts.valueFiles ?? []) {
    base = mergeMaps(base, readValues(f.text, `failed to parse ${f.name}`));
  }
  // Helm's order (pkg/cli/values MergeValues): -f files, --set-json, --set, --set-string, --set-file.
  const each = (flag: string, args: string[] | undefined, apply: (s: string) => void) => {
    for (const s of args ?? []) {
      try { apply(s); } catch (e) {
        if (e instanceof StrvalsError || e instanceof SetFileError) throw new ChartError(`failed parsing ${flag} data: ${e.message}`);
        throw e;
      }
    }
  };
  for (const s of opts.setJson ?? []) {
    const trimmed = s.trim();
    // A whole JSON object merges into the values; anything else is key=<json> pairs.
    if (trimmed.startsWith('{')) {
      let v: unknown;
      try { v = JSON.parse(trimmed); } catch { throw new ChartError(`failed parsing --set-json data JSON: ${s}`); }
      if (!isTable(v as Value)) throw new ChartError(`failed parsing --set-json data JSON: ${s}`);
      base = mergeMaps(base, v as GoMap);
      continue;
    }
    try { parseSetAs(s, base, { kind: 'json' }); } catch (e) {
      if (e instanceof StrvalsError) throw new ChartError(`failed parsing --set-json data ${s}`);
      throw e;
    }
  }
  each('--set', opts.set, s => parseSet(s, base));
  each('--set-string', opts.setString, s => parseSet(s, base, true));
  const read = (p: string) => {
    if (!opts.readFile) throw new SetFileError(`open ${p}: no file reader`);
    try { return opts.readFile(p); } catch (e) { throw new SetFileError(e instanceof Error ? e.message : String(e)); }
  };
  each('--set-file', opts.setFile, s => parseSetAs(s, base, { kind: 'file', read }));
  return base;
}

function crds(chart: Chart, fullPath: string): Array<{ source: string; path: string; content: string }> {
  const out = chart.files
    .filter(f => f.path.startsWith('crds/') && /\.(ya?ml|json)$/.test(f.path))
    .map(f => ({ source: `${fullPath}/${f.path}`, path: `${chart.dir ? chart.dir + '/' : ''}${f.path}`, content: f.text }));
  for (const sub of chart.dependencies) out.push(...crds(sub, `${fullPath}/charts/${sub.name}`));
  return out;
}

/** What Helm's CheckDependencies refuses: a dependency in Chart.yaml with no chart in charts/. */
function missingDependency(chart: Chart): string | undefined {
  const packaged = chart.packaged[0];
  if (packaged) return `not rendered: packaged subchart ${chart.dir ? chart.dir + '/' : ''}charts/${packaged} (unpack it into charts/ to lint it)`;
  const missing = chart.deps.filter(d => !chart.dependencies.some(c => c.name === d.name));
  if (missing.length) return `found in Chart.yaml, but missing in charts/ directory: ${missing.map(d => d.name).join(', ')}`;
  for (const sub of chart.dependencies) {
    const m = missingDependency(sub);
    if (m) return m;
  }
  return undefined;
}

/** The origin of an output offset: the range holding it, else one ending there (the output's end). */
export function originAt(origins: OriginRange[], offset: number): OriginRange | undefined {
  return origins.find(o => offset >= o.start && offset < o.end) ?? origins.find(o => offset === o.end);
}

/**
 * The template position (1-based line, Go's 0-based column) that printed an offset of a rendered
 * file: the literal text there, else the action that printed it; undefined for text `tpl` parsed.
 */
function templatePosition(file: RenderedFile | undefined, sources: Map<string, { path: string; text: string }>, offset: number): { path: string; line: number; col: number } | undefined {
  const o = file && originAt(file.origins, offset);
  const src = o && sources.get(o.origin.file);
  if (!o || !src) return undefined;
  const at = o.origin.kind === 'text' ? o.origin.offset + (offset - o.start) : o.origin.start;
  const before = src.text.slice(0, at);
  return { path: src.path, line: before.split('\n').length, col: at - before.lastIndexOf('\n') - 1 };
}

export function renderChart(files: ChartFile[], opts: ChartRenderOptions = {}): ChartRenderResult {
  try {
    const chart = loadChart(files);
    if (chart.metadata.type === 'library') return { ok: false, error: 'library charts are not installable' };
    const missing = missingDependency(chart);
    if (missing) return { ok: false, error: missing };
    const vals = userValues(opts);
    processDependencies(chart, vals);
    const values = coalesceChart(chart, vals, false);
    const top: GoMap = {
      Values: values,
      Release: {
        Name: opts.releaseName ?? 'release-name', Namespace: opts.namespace ?? 'default', IsInstall: true, IsUpgrade: false,
        Revision: 1n, Service: 'Helm',
      },
      Capabilities: capabilitiesObject(opts) as unknown as Value,
    };
    const rendered = renderTemplates(chart, top, { budgetMs: opts.budgetMs ?? 5000, maxOutput: opts.maxOutput ?? 16 * 1024 * 1024 });
    if (rendered.error) {
      const t = rendered.error.template;
      const path = rendered.sources.get(t.template)?.path;
      return { ok: false, error: rendered.error.message, at: path ? { path, line: t.line, col: t.col } : undefined };
    }
    const templates = rendered.files.filter(f => !f.name.endsWith('NOTES.txt'));
    const byName = new Map(templates.map(f => [f.name, f]));
    let sorted: { manifests: Manifest[]; hooks: Manifest[] };
    try {
      sorted = sortManifests(templates);
    } catch (e) {
      if (e instanceof ManifestError) {
        const at = e.source !== undefined && e.outputOffset !== undefined ? templatePosition(byName.get(e.source), rendered.sources, e.outputOffset) : undefined;
        return { ok: false, error: e.message, ...(at ? { at } : {}) };
      }
      throw e;
    }
    const toDoc = (m: Manifest): ChartDocument => {
      const file = byName.get(m.source)!;
      return { source: m.source, path: file.path, content: m.content, offset: m.offset, file, kind: m.kind, hook: m.hook };
    };
    const documents: ChartDocument[] = [];
    let stream = '';
    if (opts.includeCrds) {
      for (const c of crds(chart, chart.name)) {
        stream += `---\n# Source: ${c.source}\n${c.content}\n`;
        documents.push({ source: c.source, path: c.path, content: c.content, offset: 0, kind: 'CustomResourceDefinition' });
      }
    }
    for (const m of sorted.manifests) {
      stream += `---\n# Source: ${m.source}\n${m.content}\n`;
      documents.push(toDoc(m));
    }
    let text = stream.trim() + '\n';
    for (const h of sorted.hooks) {
      if (opts.skipTests && h.hook!.events.some(e => e === 'test' || e === 'test-success')) continue;
      text += `---\n# Source: ${h.source}\n${h.content}\n`;
      documents.push(toDoc(h));
    }
    return { ok: true, text, documents, values, sources: rendered.sources };
  } catch (e) {
    if (e instanceof ChartError || e instanceof CapabilitiesError) return { ok: false, error: e.message };
    return { ok: false, error: `internal error: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export type { OriginRange };
