// `helmCharts:` (Kustomize's HelmChartInflationGenerator, `kustomize build --enable-helm`): each
// entry's chart, found under `helmGlobals.chartHome` (default `charts`), rendered in process by the
// Helm renderer as Kustomize runs `helm template`, its objects added after the other generators'.
// A chart that is not there locally would be pulled from its repository: nothing is fetched here,
// so it is a note at the entry and its objects are missing. A node of an inflated object has as
// its origin the kustomization's values node that set it, else the entry (helm-origins.ts).
import { parseGoYamlStream } from '../../model/go-yaml-stream';
import { CHART_LIMITS, ChartFile, chartFileText, isPackagedSubchart, releaseNameFromTemplate, renderChart } from '../helm';
import { KustomizeError } from './errors';
import { FileSource, joinPath } from './file-source';
import { Kustomization, listField, stringField } from './kustomization';
import { readInRoot } from './load-restrictions';
import { get, isMap, KMap, KNode, Origin, Plain, str, strings, toPlain } from './model';
import { placeInflated } from './helm-origins';
import { RenderNote } from './notes';
import { parseWholeText } from './parse';
import { Resource } from './resource';

/**
 * The objects of `k`'s charts, in entry order, each marked as Helm's (the namespace transformers
 * leave them to the chart). `inherited`: the namespace of the nearest enclosing kustomization that
 * sets one, which a chart without its own (or its kustomization's) is rendered into.
 */
export function inflateHelmCharts(fs: FileSource, k: Kustomization, inherited: string | undefined, notes: RenderNote[]): Resource[] {
  const entries = listField(k, 'helmCharts');
  if (entries.length === 0) return [];
  const out: Resource[] = [];
  for (const entry of entries) {
    const at: Origin = entry.origin ?? { file: k.file, range: [0, 0] };
    if (!isMap(entry)) throw new KustomizeError(`invalid helmCharts entry in ${k.file}`, at, 'malformed-kustomization');
    out.push(...inflate(fs, k, entry, at, inherited, notes));
  }
  return out;
}

/**
 * The folder a helmCharts entry's chart is read from (undefined without a name): a pulled chart
 * lands in `<chartHome>/<name>-<version>/<name>`, a vendored one is `<chartHome>/<name>`
 * (`helmGlobals.chartHome`, default `charts`).
 */
export function chartFolderOf(k: Kustomization, entry: KNode): string | undefined {
  const field = (name: string) => str(get(entry, name));
  const name = field('name');
  if (!name) return undefined;
  const version = field('version');
  return joinPath(joinPath(k.dir, version && field('repo') ? `${chartHomeOf(k)}/${name}-${version}` : chartHomeOf(k)), name);
}

const chartHomeOf = (k: Kustomization): string => str(get(get(k.node, 'helmGlobals'), 'chartHome')) || 'charts';

function inflate(fs: FileSource, k: Kustomization, entry: KMap, at: Origin, inherited: string | undefined, notes: RenderNote[]): Resource[] {
  const field = (name: string) => str(get(entry, name));
  const name = field('name') ?? '';
  const dir = chartFolderOf(k, entry);
  if (name === '' || dir === undefined) throw new KustomizeError('chart name cannot be empty', at, 'malformed-kustomization');
  const repo = field('repo');
  if (fs.kindOf(dir) !== 'dir') {
    if (!repo) throw new KustomizeError(`no repo specified for pull, no chart found at '${dir}'`, at, 'missing-resource');
    notes.push({ kind: 'helm', message: `Helm chart "${name}" is not rendered: it is not in ${chartHomeOf(k)}/ and would be pulled from ${repo} (nothing is fetched over the network; vendor it with "helm pull --untar")`, at });
    return [];
  }
  // Read every time, also when the render is kept: a kept build records what it read (build-memo.ts).
  const files = chartFiles(fs, dir, at);
  const values = valuesOf(fs, k, entry, dir, at);
  const valueFiles = [values.file];
  // The kustomization's own values, the one that wins first: the later additional files, then these.
  const sources: Array<() => KNode | undefined> = [];
  for (const extra of strings(get(entry, 'additionalValuesFiles'))) {
    const read = readInRoot(fs, k, extra, at);
    valueFiles.push({ name: extra, text: read.text });
    sources.unshift(() => valuesTree(read.text, read.file));
  }
  sources.push(...values.sources);
  const options = {
    releaseName: releaseNameOf(field('releaseName'), field('nameTemplate'), at),
    namespace: field('namespace') || stringField(k, 'namespace')?.value || inherited || undefined,
    valueFiles,
    apiVersions: strings(get(entry, 'apiVersions')),
    kubeVersion: field('kubeVersion'),
    includeCrds: field('includeCRDs') === 'true',
    skipTests: field('skipTests') === 'true',
  };
  const skipHooks = field('skipHooks') === 'true';
  // The inline values with their places: a finding on a value they set is marked there.
  const key = JSON.stringify([dir, at, options, skipHooks, get(entry, 'valuesInline') ?? null]);
  const hit = rendered.get(key);
  if (hit && hit.files.length === files.length && hit.files.every((f, i) => f.path === files[i].path && f.text === files[i].text)) {
    rendered.delete(key);
    rendered.set(key, hit);
    return hit.resources.map((r) => r.share());
  }
  const result = renderChart(files, options);
  // Helm's message names the template and its position.
  if (!result.ok) throw new KustomizeError(`Helm chart "${name}": ${result.error}`, at, 'other');
  const kept: Resource[] = [];
  const decided = sources.map((source) => source()).filter((n): n is KNode => n !== undefined);
  for (const doc of result.documents) {
    if (skipHooks && doc.hook) continue;
    for (const parsed of parseWholeText(doc.content, `${dir}/${doc.path}`, true)) {
      if (!isMap(parsed.node) || parsed.node.entries.length === 0) continue;
      // Kept, and handed out as copies that copy the tree on their first write (resource.ts).
      const r = new Resource(placeInflated(parsed.node, doc, decided, at), at, true);
      r.helmGenerated = true;
      kept.push(r);
    }
  }
  rendered.set(key, { files, resources: kept });
  if (rendered.size > KEPT_RENDERS) rendered.delete(rendered.keys().next().value!);
  return kept.map((r) => r.share());
}

/**
 * The last renders, by chart, entry and options: a keystroke in a patch of the same root renders
 * the root again, not its charts (a large chart takes longer to render than the rest together).
 */
const rendered = new Map<string, { files: ChartFile[]; resources: Resource[] }>();
const KEPT_RENDERS = 16;

/** `helm template <releaseName>`, else `--name-template`, else the name Helm prints for none. */
function releaseNameOf(releaseName: string | undefined, nameTemplate: string | undefined, at: Origin): string {
  if (releaseName) return releaseName;
  if (nameTemplate) {
    const n = releaseNameFromTemplate(nameTemplate);
    if ('error' in n) throw new KustomizeError(`nameTemplate: ${n.error}`, at, 'malformed-kustomization');
    return n.name;
  }
  // Kustomize asks Helm to generate a name (the chart's name and a timestamp): never the same twice.
  return 'release-name';
}

/**
 * The values file Kustomize hands Helm: `valuesFile` (default the chart's own values.yaml) as it
 * is, or merged with `valuesInline` by `valuesMerge`: `override` (the default: inline wins),
 * `merge` (the file wins), `replace` (inline alone; Helm still starts from the chart's defaults).
 */
function valuesOf(fs: FileSource, k: Kustomization, entry: KMap, dir: string, at: Origin): { file: { name: string; text: string }; sources: Array<() => KNode | undefined> } {
  const named = str(get(entry, 'valuesFile'));
  const file = named ? readInRoot(fs, k, named, at) : { file: `${dir}/values.yaml`, text: fs.readFile(`${dir}/values.yaml`) };
  if (file.text === undefined) throw new KustomizeError(`open ${file.file}: no such file or directory`, at, 'missing-resource');
  const text = file.text;
  // The chart's own values.yaml is the vendored chart's: only a file the kustomization names is its own.
  const fromFile = named ? [() => valuesTree(text, file.file)] : [];
  const inline = get(entry, 'valuesInline');
  const merge = str(get(entry, 'valuesMerge')) || 'override';
  if (!['override', 'merge', 'replace'].includes(merge)) throw new KustomizeError('valuesMerge must be one of [merge override replace]', at, 'malformed-kustomization');
  if (!isMap(inline) || inline.entries.length === 0) return { file: { name: named ?? 'values.yaml', text }, sources: fromFile };
  const own = toPlain(inline) as Record<string, Plain>;
  const fromInline = () => inline;
  if (merge === 'replace') return { file: { name: 'valuesInline', text: JSON.stringify(own) }, sources: [fromInline] };
  // Kustomize reads the file as YAML 1.2 (go-yaml v3) to merge it, then writes the result.
  const values = readValues(text, file.file, at);
  const merged = merge === 'override' ? mergeValues(values, own) : mergeValues(own, values);
  return { file: { name: 'valuesInline', text: JSON.stringify(merged) }, sources: merge === 'override' ? [fromInline, ...fromFile] : [...fromFile, fromInline] };
}

/** A values file of the tree as nodes with their places; nothing when it does not read (Helm said so already). */
function valuesTree(text: string, file: string): KNode | undefined {
  try {
    return parseWholeText(text, file, false)[0]?.node;
  } catch {
    return undefined;
  }
}

function readValues(text: string, file: string, at: Origin): Record<string, Plain> {
  const doc = parseGoYamlStream(text, { version: '1.2', uniqueKeys: false })[0];
  if (doc?.errors.length) throw new KustomizeError(`could not parse values file into rnode: ${file}: ${doc.errors[0].message.split('\n')[0]}`, at, 'yaml-syntax');
  const value = doc?.toJS({ maxAliasCount: 100 }) as Plain | undefined;
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/**
 * `over` merged into `base` as Kustomize's merge2 does for values: maps field by field, anything
 * else (a list, a scalar) replaced, a null in `over` clearing the field.
 */
function mergeValues(base: Record<string, Plain>, over: Record<string, Plain>): Record<string, Plain> {
  const out: Record<string, Plain> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const was = out[key];
    if (value === null) delete out[key];
    else if (isPlainMap(value) && isPlainMap(was)) out[key] = mergeValues(was, value);
    else out[key] = value;
  }
  return out;
}

const isPlainMap = (v: Plain | undefined): v is Record<string, Plain> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every file of the chart folder, paths relative to it (a packaged subchart by name only: the renderer says it cannot read it). */
function chartFiles(fs: FileSource, dir: string, at: Origin): ChartFile[] {
  const out: ChartFile[] = [];
  let total = 0;
  const walk = (abs: string, rel: string, depth: number) => {
    if (depth > CHART_LIMITS.maxDepth) throw new KustomizeError(`Helm chart ${dir}: ${rel}: folders nested too deep`, at, 'other');
    for (const entry of fs.listDir(abs) ?? []) {
      const childAbs = `${abs}/${entry}`;
      const childRel = rel ? `${rel}/${entry}` : entry;
      const kind = fs.kindOf(childAbs);
      if (kind === 'dir') { walk(childAbs, childRel, depth + 1); continue; }
      if (kind !== 'file') continue;
      if (out.length >= CHART_LIMITS.maxFiles) throw new KustomizeError(`Helm chart ${dir}: more than ${CHART_LIMITS.maxFiles} files`, at, 'other');
      if (isPackagedSubchart(childRel)) { out.push({ path: childRel, text: '' }); continue; }
      const text = fs.readFile(childAbs) ?? '';
      total += text.length;
      if (total > CHART_LIMITS.maxTotalBytes) throw new KustomizeError(`Helm chart ${dir}: larger than ${CHART_LIMITS.maxTotalBytes} characters`, at, 'other');
      out.push({ path: childRel, text: chartFileText(childRel, text) });
    }
  };
  walk(dir, '', 0);
  return out;
}
