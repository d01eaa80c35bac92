// A chart as Helm's loader reads it (pkg/chart/v2/loader): Chart.yaml, values.yaml, templates/,
// charts/ (subchart folders), crds/ and every other file as .Files, after .helmignore.
import { goYamlValue } from '../../model/go-yaml-stream';
import { fromJsonLike, GoMap, Value } from '../gotemplate';
import { isTable, mergeMaps } from './coalesce';
import { documentBounds } from '../../model/kubectl-text';
import { HelmIgnore } from './helmignore';

/** A file of the chart, path relative to the chart folder with `/` separators. */
export interface ChartFile { path: string; text: string }

/** How much of a chart folder is read, so a hostile or enormous chart cannot exhaust memory. */
export const CHART_LIMITS = { maxFiles: 5000, maxFileBytes: 4 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024, maxDepth: 24 };

/** A packaged subchart (`charts/x.tgz`) at a chart-relative path. */
export function isPackagedSubchart(path: string): boolean {
  return /(^|\/)charts\/[^/]+\.(tgz|tar\.gz)$/.test(path);
}

/** A chart file's text as the readers hand it over: Chart.yaml and values.yaml without a byte-order mark. */
export function chartFileText(path: string, text: string): string {
  return text.startsWith('\uFEFF') && /(^|\/)(Chart|values)\.yaml$/.test(path) ? text.slice(1) : text;
}

export interface Dependency {
  name: string;
  version?: string;
  alias?: string;
  condition?: string;
  tags: string[];
  importValues: Value[];
  enabled: boolean;
}

export interface Chart {
  /** The name templates see (an alias replaces it). */
  name: string;
  /** Chart.yaml as read. */
  metadata: GoMap;
  values: GoMap;
  /** values.yaml's text, to point at the line of a key. */
  valuesText?: string;
  templates: ChartFile[];
  /** Everything else (crds/, README, config files): what `.Files` serves. */
  files: ChartFile[];
  dependencies: Chart[];
  deps: Dependency[];
  /** Folder of this chart under the root chart's folder ('' for the root). */
  dir: string;
  /** Subcharts Helm would unpack from an archive: not rendered here. */
  packaged: string[];
}

export class ChartError extends Error {}

/**
 * A values file as Helm's LoadValues reads it (pkg/chart/v2/loader/load.go): cut into documents
 * as apimachinery's YAMLReader cuts a stream, each read alone into a map, the maps merged in order
 * (MergeMaps: maps key by key, anything else replaced). A document that is no map fails the file.
 */
export function readValues(text: string, failure: string): GoMap {
  let values: GoMap = {};
  for (const [start, end] of documentBounds(text)) {
    let v: Value;
    try {
      v = fromJsonLike(goYamlValue(text.slice(start, end)));
    } catch (e) {
      throw new ChartError(`${failure}: cannot unmarshal yaml document: error converting YAML to JSON: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
    if (v === null) continue;
    if (!isTable(v)) throw new ChartError(`${failure}: cannot unmarshal yaml document: error unmarshaling JSON: json: cannot unmarshal ${Array.isArray(v) ? 'array' : goJsonType(v)} into Go value of type map[string]interface {}`);
    values = mergeMaps(values, v);
  }
  return values;
}

/** encoding/json's name for a value's JSON type in an unmarshal error. */
function goJsonType(v: Value): string {
  return typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : 'number';
}

/** Reads YAML as Helm does through sigs.k8s.io/yaml: YAML 1.1, numbers as float64. */
export function readYaml(text: string, file: string): Value {
  try {
    return fromJsonLike(goYamlValue(text));
  } catch (e) {
    throw new ChartError(`cannot load ${file}: error converting YAML to JSON: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
}

const VALID_TYPES = new Set(['', 'application', 'library']);
const NOT_FILES = new Set(['Chart.yaml', 'values.yaml', 'values.schema.json', 'requirements.yaml', 'requirements.lock', 'Chart.lock']);

function str(v: Value): string | undefined {
  return typeof v === 'string' ? v : v === undefined || v === null ? undefined : String(v);
}

function readDeps(list: Value): Dependency[] {
  if (!Array.isArray(list)) return [];
  return list.filter(isTable).map(d => ({
    name: str(d.name) ?? '',
    version: str(d.version),
    alias: str(d.alias),
    condition: str(d.condition),
    tags: Array.isArray(d.tags) ? d.tags.map(t => String(t)) : [],
    importValues: Array.isArray(d['import-values']) ? d['import-values'] : [],
    enabled: true,
  }));
}

/** Loads a chart from its files (paths relative to the chart folder). */
export function loadChart(files: ChartFile[], dir = ''): Chart {
  const byPath = new Map(files.map(f => [f.path, f]));
  const ignore = new HelmIgnore(byPath.get('.helmignore')?.text);
  const kept = files.filter(f => !ignore.ignores(f.path));
  const chartYaml = kept.find(f => f.path === 'Chart.yaml');
  const where = dir || '.';
  if (!chartYaml) throw new ChartError(`${where}: Chart.yaml file is missing`);
  const metadata = readYaml(chartYaml.text, `${dir ? dir + '/' : ''}Chart.yaml`);
  if (!isTable(metadata)) throw new ChartError('validation: chart.metadata is required');
  if (!str(metadata.name)) throw new ChartError('validation: chart.metadata.name is required');
  if (!VALID_TYPES.has(str(metadata.type) ?? '')) throw new ChartError('validation: chart.metadata.type must be application or library');
  if (!metadata.apiVersion) throw new ChartError('validation: chart.metadata.apiVersion is required');

  const valuesFile = kept.find(f => f.path === 'values.yaml');
  const values = valuesFile ? readValues(valuesFile.text, `cannot load ${dir ? dir + '/' : ''}values.yaml`) : {};
  let deps = readDeps(metadata.dependencies);
  const requirements = kept.find(f => f.path === 'requirements.yaml');
  if (metadata.apiVersion === 'v1' && requirements) {
    const r = readYaml(requirements.text, 'requirements.yaml');
    if (isTable(r)) deps = readDeps(r.dependencies);
  }

  const chart: Chart = {
    name: str(metadata.name)!, metadata, values: isTable(values) ? values : {}, valuesText: valuesFile?.text,
    templates: [], files: [], dependencies: [], deps, dir, packaged: [],
  };
  const subFiles = new Map<string, ChartFile[]>();
  for (const f of kept) {
    if (f.path.startsWith('templates/')) chart.templates.push(f);
    else if (f.path.startsWith('charts/')) {
      const rest = f.path.slice('charts/'.length);
      const slash = rest.indexOf('/');
      if (slash < 0) {
        if (/\.(tgz|tar\.gz)$/.test(rest)) chart.packaged.push(rest);
        continue;
      }
      const name = rest.slice(0, slash);
      if (!subFiles.has(name)) subFiles.set(name, []);
      subFiles.get(name)!.push({ path: rest.slice(slash + 1), text: f.text });
    } else if (!NOT_FILES.has(f.path)) chart.files.push(f);
  }
  for (const [name, sub] of [...subFiles].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!sub.some(f => f.path === 'Chart.yaml')) continue; // not a chart: Helm's loader skips it too
    chart.dependencies.push(loadChart(sub, `${dir ? dir + '/' : ''}charts/${name}`));
  }
  return chart;
}

/** Template of `.Chart`: Chart.yaml's fields under Helm's Go names (Metadata struct). */
export function chartObject(chart: Chart): GoMap {
  const m = chart.metadata;
  const names: Record<string, string> = {
    name: 'Name', home: 'Home', sources: 'Sources', version: 'Version', description: 'Description',
    keywords: 'Keywords', maintainers: 'Maintainers', icon: 'Icon', apiVersion: 'APIVersion',
    condition: 'Condition', tags: 'Tags', appVersion: 'AppVersion', deprecated: 'Deprecated',
    annotations: 'Annotations', kubeVersion: 'KubeVersion', dependencies: 'Dependencies', type: 'Type',
  };
  const out: GoMap = {};
  for (const [k, goName] of Object.entries(names)) {
    const v = m[k];
    // A Go struct has every field: absent ones are zero values.
    out[goName] = v === undefined ? (k === 'deprecated' ? false : ['sources', 'keywords', 'maintainers', 'dependencies'].includes(k) ? null : k === 'annotations' ? null : '') : v;
  }
  out.Name = chart.name;
  return out;
}
