// `kube-harden check` on Helm charts: each chart folder is rendered in-process with its
// values.yaml and with each ci/*-values.yaml (chart-testing's convention), the rendered objects
// are linted like any manifest, and every finding is reported at the template line that produced
// the offending text: the action that printed it (naming the values file line that set the value)
// or the literal text around it. A chart that cannot render is reported as skipped.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as fs from 'node:fs';
import { ChartFinding, ChartRenderOptions, chartValueSets, ConfigInput, judgeChart, resolveConfig, chartNote, WorkspaceIndex } from '../engine';
import { ChartValueFlags, UsageError } from './args';
import { readChartFiles } from '../host/chart-files';
import { CliFinding, fingerprints, RunNote } from './findings';
import { Io } from './io';
import type { ChartRoot } from './renderer-roots';

export interface ChartCheck { findings: CliFinding[]; skipped: number; charts: number; notes: RunNote[] }

/** Renders and lints every chart; findings come back in the CLI's shape, failures on stderr. */
/**
 * `namedValues`: the value files the repository file names for a chart folder (paths in it).
 */
export function checkCharts(roots: ChartRoot[], base: string, configFor: (absolute: string) => ConfigInput, workspace: WorkspaceIndex, io: Io, values?: ChartValueFlags, namedValues: (dir: string) => string[] = () => []): ChartCheck {
  const out: ChartCheck = { findings: [], skipped: 0, charts: 0, notes: [] };
  let render: ChartRenderOptions | undefined;
  if (values) {
    // Read once: the same values apply to every chart. Paths are relative to the working folder, as Helm reads them.
    const cwd = io.cwd ?? process.cwd();
    const valueFiles = values.valueFiles.map(f => {
      try { return { name: f, text: fs.readFileSync(path.resolve(cwd, f), 'utf8') }; } catch (e) {
        throw new UsageError(`${f}: ${e instanceof Error ? e.message : String(e)}`);
      }
    });
    render = { valueFiles, set: values.set, setString: values.setString, setJson: values.setJson, setFile: values.setFile, readFile: p => fs.readFileSync(path.resolve(cwd, p), 'utf8') };
  }
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
    const sets = chartValueSets(files, namedValues(dir), missing => skip(path.join(display, missing), 'a value file .kube-harden.yaml names for this chart, not found in it'));
    const judgement = judgeChart(files, {
      sets,
      config: p => resolveConfig(configFor(path.join(dir, p))),
      uriOf: (p, set, i) => `${pathToFileURL(path.join(dir, p)).href}#rendered-${set}-${i}`,
      workspace,
      ...(render ? { render } : {}),
    });
    for (const fail of judgement.failures) {
      const reason = `${fail.error.split('\n').map(l => l.trim()).join(' ')}${fail.set.path ? ` (with ${fail.set.name})` : ''}`;
      if (fail.at) skip(path.join(display, fail.at.path), reason, fail.at.line, fail.at.col);
      else skip(path.join(display, 'Chart.yaml'), reason);
    }
    const prints = new Map<ChartFinding['parsed'], string[]>();
    for (const j of judgement.findings) {
      if (only && !only.has(path.join(dir, j.at.path))) continue;
      const f = j.finding;
      let docPrints = prints.get(j.parsed);
      if (!docPrints) prints.set(j.parsed, docPrints = fingerprints(path.relative(base, path.join(dir, j.document.path)).split(path.sep).join('/'), j.parsed, j.documentFindings));
      const note = j.value && `${j.value.file}:${j.value.keySpan.start.line} sets .Values.${j.value.key.join('.')}`;
      const sets = chartNote(j, judgement);
      out.findings.push({
        file: path.join(display, j.at.path), rule: f.ruleId, severity: f.severity,
        message: `${note ? `${f.message} (${note})` : f.message}${sets ? ` [${sets}]` : ''}`,
        range: { start: j.at.start, end: j.at.end }, covers: [...f.covers], fix: null, fingerprint: docPrints[j.documentFindings.indexOf(f)],
      });
    }
  }
  return out;
}
