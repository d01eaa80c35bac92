// `kube-harden check` on Helm charts: each chart folder is rendered in-process with its
// values.yaml and with each ci/*-values.yaml (chart-testing's convention), the rendered objects
// are linted like any manifest, and every finding is reported at the template line that produced
// the offending text: the action that printed it (naming the values file line that set the value)
// or the literal text around it. A chart that cannot render is reported as skipped.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ChartDocument, ConfigInput, Finding, lintParsed, locateValue, OriginRange, parseFile, renderChart, resolveConfig, summarizeFile, WorkspaceIndex } from '../engine';
import { readChartFiles } from '../host/chart-files';
import { CliFinding, fingerprints, RunNote } from './findings';
import { Io } from './io';

export interface ChartCheck { findings: CliFinding[]; skipped: number; charts: number; notes: RunNote[] }

/**
 * A chart folder: absolute, as the user named it (the base of the file names reported), and,
 * when only some of its templates were named, those templates (the findings reported).
 */
export interface ChartRoot { dir: string; display: string; only?: Set<string> }

const hasChartYaml = (dir: string) => fs.existsSync(path.join(dir, 'Chart.yaml'));

/** The outermost chart a file belongs to (a subchart renders through its parent), if any. */
function chartOf(file: string): string | undefined {
  let found: string | undefined;
  let dir = path.dirname(file);
  for (let depth = 0; depth < 24; depth++) {
    if (hasChartYaml(dir)) found = dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
    // Above a chart, only a parent chart's charts/ folder continues the chain.
    if (found && path.basename(dir) !== 'charts' && !hasChartYaml(dir)) break;
  }
  return found;
}

/**
 * Charts among the files found. A Chart.yaml, values.yaml or ci/ values file brings the whole
 * chart; templates named on their own bring the chart rendered, with only their findings reported.
 */
export function chartRoots(files: ReadonlyArray<{ absolute: string; display: string }>): ChartRoot[] {
  const roots = new Map<string, ChartRoot>();
  for (const f of files) {
    const dir = chartOf(f.absolute);
    if (!dir) continue;
    const rel = path.relative(dir, f.absolute);
    const parts = rel.split(path.sep);
    const template = parts.includes('templates');
    const whole = !template && (/^(Chart|values)\.yaml$/.test(path.basename(rel)) || /[\\/]?ci[\\/][^\\/]+-values\.ya?ml$/.test(rel));
    if (!template && !whole) continue;
    const display = f.display.endsWith(rel) ? f.display.slice(0, f.display.length - rel.length).replace(/[\\/]$/, '') || '.' : path.dirname(f.display);
    const root = roots.get(dir) ?? { dir, display, only: new Set<string>() };
    if (whole) root.only = undefined;
    else root.only?.add(path.resolve(f.absolute));
    roots.set(dir, root);
  }
  return [...roots.values()].sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
}

interface ValueSet { name: string; file?: string }

function valueSets(dir: string): ValueSet[] {
  const sets: ValueSet[] = [{ name: 'values.yaml' }];
  try {
    for (const f of fs.readdirSync(path.join(dir, 'ci')).sort()) if (/-values\.ya?ml$/.test(f)) sets.push({ name: `ci/${f}`, file: path.join(dir, 'ci', f) });
  } catch { /* no ci folder */ }
  return sets;
}

/** 1-based line and column of an offset in a text. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

function originAt(origins: OriginRange[], offset: number): OriginRange | undefined {
  return origins.find(o => offset >= o.start && offset < o.end) ?? origins.find(o => offset === o.end);
}

type Mapped = { path: string; start: { line: number; column: number }; end: { line: number; column: number }; note?: string };

/** Where in the chart's sources a finding on a rendered document points. */
function mapFinding(f: Finding, doc: ChartDocument, sources: Map<string, { path: string; text: string }>, dir: string, set: ValueSet): Mapped | undefined {
  const file = doc.file;
  if (!file) return undefined;
  const at = doc.offset + f.offsets[0];
  const o = originAt(file.origins, at);
  if (!o) return undefined;
  const src = sources.get(o.origin.file);
  if (!src) {
    // Text parsed by `tpl` has no file of its own: the innermost call site in a template stands for it.
    const site = [...o.origin.via].reverse().find(v => sources.has(v.file));
    if (!site) return undefined;
    const s = sources.get(site.file)!;
    return { path: s.path, start: position(s.text, site.start), end: position(s.text, site.end) };
  }
  if (o.origin.kind === 'text') {
    const start = o.origin.offset + (at - o.start);
    const end = Math.min(start + (f.offsets[1] - f.offsets[0]), o.origin.offset + (o.end - o.start));
    return { path: src.path, start: position(src.text, start), end: position(src.text, Math.max(end, start)) };
  }
  const mapped: Mapped = { path: src.path, start: position(src.text, o.origin.start), end: position(src.text, o.origin.end) };
  const vp = o.origin.path;
  if (vp && vp[0] === 'Values') {
    const key = vp.slice(1);
    const files = [set.file, path.join(dir, path.dirname(src.path).replace(/templates(\/.*)?$/, ''), 'values.yaml')].filter((x): x is string => !!x);
    for (const vf of files) {
      let text: string;
      try { text = fs.readFileSync(vf, 'utf8'); } catch { continue; }
      const hit = locateValue(text, key);
      if (hit) { mapped.note = `${path.relative(dir, vf).split(path.sep).join('/')}:${hit.line} sets .Values.${key.join('.')}`; break; }
    }
  }
  return mapped;
}

/** Renders and lints every chart; findings come back in the CLI's shape, failures on stderr. */
export function checkCharts(roots: ChartRoot[], base: string, configFor: (absolute: string) => ConfigInput, workspace: WorkspaceIndex, io: Io): ChartCheck {
  const out: ChartCheck = { findings: [], skipped: 0, charts: 0, notes: [] };
  const skip = (file: string, reason: string, line?: number, col?: number) => {
    io.err(`kube-harden: skipped: ${file}${line ? `:${line}` : ''}${line && col ? `:${col}` : ''}: ${reason}\n`);
    out.notes.push({ level: 'error', message: `not rendered: ${reason}`, file, line });
    out.skipped++;
  };
  for (const { dir, display, only } of roots) {
    let files;
    try { files = readChartFiles(dir); } catch (e) {
      skip(path.join(display, 'Chart.yaml'), e instanceof Error ? e.message : String(e));
      continue;
    }
    out.charts++;
    const sets = valueSets(dir);
    // finding key -> the finding and the value sets it holds in
    const seen = new Map<string, { finding: CliFinding; sets: string[] }>();
    for (const set of sets) {
      const valueFiles = set.file ? [{ name: set.name, text: fs.readFileSync(set.file, 'utf8') }] : [];
      const r = renderChart(files, { valueFiles, includeCrds: true });
      if (!r.ok) {
        const reason = `${r.error.split('\n').map(l => l.trim()).join(' ')}${set.file ? ` (with ${set.name})` : ''}`;
        if (r.at) skip(path.join(display, r.at.path), reason, r.at.line, r.at.col);
        else skip(path.join(display, 'Chart.yaml'), reason);
        continue;
      }
      r.documents.forEach((doc, i) => {
        const uri = `${pathToFileURL(path.join(dir, doc.path)).href}#rendered-${set.name}-${i}`;
        try { workspace.setFile(uri, summarizeFile(uri, parseFile(doc.content))); } catch { /* judged below */ }
      });
      r.documents.forEach((doc, i) => {
        const uri = `${pathToFileURL(path.join(dir, doc.path)).href}#rendered-${set.name}-${i}`;
        const parsed = parseFile(doc.content);
        const result = lintParsed(parsed, resolveConfig(configFor(path.join(dir, doc.path))), { uri, workspace });
        const prints = fingerprints(path.relative(base, path.join(dir, doc.path)).split(path.sep).join('/'), parsed, result.findings);
        result.findings.forEach((f, k) => {
          const m = mapFinding(f, doc, r.sources, dir, set) ?? { path: doc.path, start: { line: f.range.start.line + 1, column: f.range.start.character + 1 }, end: { line: f.range.end.line + 1, column: f.range.end.character + 1 } };
          const file = path.join(display, m.path);
          if (only && !only.has(path.join(dir, m.path))) return;
          const finding: CliFinding = {
            file, rule: f.ruleId, severity: f.severity, message: m.note ? `${f.message} (${m.note})` : f.message,
            range: { start: m.start, end: m.end }, covers: [...f.covers], fix: null, fingerprint: prints[k],
          };
          const key = `${file}|${m.start.line}|${m.start.column}|${f.ruleId}|${f.message}`;
          const have = seen.get(key);
          if (have) { if (!have.sets.includes(set.name)) have.sets.push(set.name); } else seen.set(key, { finding, sets: [set.name] });
        });
      });
    }
    for (const { finding, sets: where } of seen.values()) {
      if (sets.length > 1 && where.length < sets.length) finding.message += ` [value sets: ${where.join(', ')}]`;
      out.findings.push(finding);
    }
  }
  return out;
}
