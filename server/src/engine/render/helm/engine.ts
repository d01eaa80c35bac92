// Helm's template engine (pkg/engine/engine.go): every template of the chart tree in one set,
// each rendered with its chart's scope (.Values of that subchart, .Chart, .Files, .Template),
// library charts contributing only their helpers.
import { budgetClock, GoMap, GoStruct, HELM_FUNCS, OriginRange, parseTemplates, render, TemplateError, TemplateSet, Value, def, FuncDef, unsupported } from '../gotemplate';
import { Chart, chartObject } from './chart';
import { isTable } from './coalesce';
import { filesObject } from './files-object';
import { formatExecError, formatParseError } from './errors';
import { toToml } from './to-toml';

/** A rendered template: its Helm name (`chart/charts/sub/templates/x.yaml`) and where it lives. */
export interface RenderedFile {
  name: string;
  /** The file on disk, relative to the root chart's folder. */
  path: string;
  text: string;
  origins: OriginRange[];
}

export interface EngineResult {
  files: RenderedFile[];
  error?: { message: string; template: TemplateError };
  /** Every template's Helm name -> its file under the root chart and its text (helpers too). */
  sources: Map<string, { path: string; text: string }>;
}

interface Renderable { name: string; path: string; text: string; data: GoMap; basePath: string }

/** Helm's extra functions that need no render context. */
const EXTRA_FUNCS: Record<string, FuncDef> = {
  // `helm template` has no cluster: lookup finds nothing.
  lookup: def(['string', 'string', 'string', 'string'], () => ({})),
  toToml: def(['any'], ([v]) => toToml(v)),
  mustToToml: def(['any'], ([v]) => toToml(v)),
  // Helm 3.17+ functions this renderer does not carry (a yaml.v3 emitter, a TOML parser): refused
  // where called, so a chart using them is reported as such rather than as calling an unknown name.
  toYamlPretty: unsupported('toYamlPretty'),
  fromToml: unsupported('fromToml'),
};

export interface EngineLimits { budgetMs: number; maxOutput: number }

/** Builds the scope of each chart and lists its templates, as recAllTpls does. */
function allTemplates(root: Chart, top: GoMap): Renderable[] {
  const out: Renderable[] = [];
  const walk = (chart: Chart, parent: GoMap | undefined, fullPath: string): GoMap => {
    const parentValues = parent ? parent.Values : top.Values;
    const values = !parent ? parentValues : isTable(parentValues) && isTable(parentValues[chart.name]) ? parentValues[chart.name] : {};
    const subcharts: GoMap = {};
    const data: GoMap = {
      Chart: chartObject(chart), Files: filesObject(chart.files), Release: top.Release, Capabilities: top.Capabilities,
      Values: values, Subcharts: subcharts,
    };
    for (const sub of chart.dependencies) subcharts[sub.name] = walk(sub, data, `${fullPath}/charts/${sub.name}`);
    const library = chart.metadata.type === 'library';
    for (const t of chart.templates) {
      const baseName = t.path.slice(t.path.lastIndexOf('/') + 1);
      if (library && !baseName.startsWith('_')) continue;
      out.push({
        name: `${fullPath}/${t.path}`, path: `${chart.dir ? chart.dir + '/' : ''}${t.path}`, text: t.text, data,
        basePath: `${fullPath}/templates`,
      });
    }
    return data;
  };
  walk(root, undefined, root.name);
  return out;
}

/** sortTemplates: deeper paths first, then by name descending (so a parent's helpers parse last and win). */
function sortTemplates(list: Renderable[]): Renderable[] {
  const depth = (s: string) => s.split('/').length;
  return [...list].sort((a, b) => depth(b.name) - depth(a.name) || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/**
 * The last few template sets parsed, by their names and texts: a chart rendered with several
 * value sets (and again at the next keystroke in a values file) parses its templates once.
 * A render never changes the set it is given (it copies the trees it adds `tpl` text to).
 */
const parsedSets: Array<{ key: string; set: TemplateSet }> = [];
const PARSED_SETS_KEPT = 4;

function parsedSet(sorted: Renderable[]): TemplateSet {
  const key = sorted.map(r => `${r.name}\u0000${r.text}`).join('\u0001');
  const at = parsedSets.findIndex(p => p.key === key);
  if (at >= 0) {
    const [hit] = parsedSets.splice(at, 1);
    parsedSets.unshift(hit);
    return hit.set;
  }
  const set = parseTemplates(sorted.map(r => ({ name: r.name, text: r.text })), { funcs: { ...HELM_FUNCS, ...EXTRA_FUNCS } });
  parsedSets.unshift({ key, set });
  if (parsedSets.length > PARSED_SETS_KEPT) parsedSets.pop();
  return set;
}

export function renderTemplates(root: Chart, top: GoMap, limits: EngineLimits): EngineResult {
  const sorted = sortTemplates(allTemplates(root, top));
  const sources = new Map(sorted.map(r => [r.name, { path: r.path, text: r.text }]));
  const set = parsedSet(sorted);
  if (set.errors.length) {
    const e = set.errors[0];
    return { files: [], error: { message: formatParseError(e), template: e }, sources };
  }
  const files: RenderedFile[] = [];
  const deadline = budgetClock() + limits.budgetMs;
  let produced = 0;
  for (const r of sorted) {
    const baseName = r.name.slice(r.name.lastIndexOf('/') + 1);
    if (baseName.startsWith('_')) continue;
    const data: GoMap = { ...r.data, Template: new GoStruct('common.Template', new Map([['Name', r.name], ['BasePath', r.basePath]])) as unknown as Value };
    const result = render(set, r.name, data, {
      missingkey: 'zero', noValue: '', budgetMs: Math.max(1, deadline - budgetClock()), maxOutput: Math.max(1, limits.maxOutput - produced),
    });
    if (!result.ok) return { files, error: { message: formatExecError(result.error), template: result.error }, sources };
    produced += result.text.length;
    files.push({ name: r.name, path: r.path, text: result.text, origins: result.origins });
  }
  return { files, sources };
}
