// Quick fixes on a chart file's diagnostics: the finding's fix moved into the chart's own files
// (values.yaml for a printed value, else the template), proven by rendering the chart again
// before it is offered (engine chartFix). A fix may edit another file than the one the
// diagnostic is on (a template's finding fixed in values.yaml): the edit names that file.
import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { ChartFinding, ChartFix, chartFix } from '../../engine';
import type { CodeActionClient } from '../codeActions';
import { SOURCE } from '../diagnostics';
import { riskOf } from '../fixEdits';
import { ChartDiagnosticData, lspPosition } from './helm-diagnostics';
import type { ChartRun } from './helm';

const fixCache = new WeakMap<ChartFinding, ChartFix | null>();

const sameStart = (d: Diagnostic, line: number, column: number) => d.range.start.line === line - 1 && d.range.start.character === column - 1;

/** The chart finding a diagnostic of `rel` stands for: by the index it carries, checked against its rule and place. */
export function chartFindingFor(d: Diagnostic, run: ChartRun, rel: string): ChartFinding | undefined {
  if (d.source !== SOURCE) return undefined;
  const data = d.data as Partial<ChartDiagnosticData> | undefined;
  const rule = typeof d.code === 'string' ? d.code : undefined;
  if (!rule) return undefined;
  const here = (f: ChartFinding) => f.finding.ruleId === rule && (
    (f.at.path === rel && sameStart(d, f.at.start.line, f.at.start.column))
    || (f.value?.file === rel && sameStart(d, f.value.keySpan.start.line, f.value.keySpan.start.column)));
  const byIndex = typeof data?.chartFinding === 'number' ? run.judgement.findings[data.chartFinding] : undefined;
  if (byIndex && here(byIndex)) return byIndex;
  return run.judgement.findings.find(here);
}

function provenFix(run: ChartRun, f: ChartFinding): ChartFix | undefined {
  let fix = fixCache.get(f);
  if (fix === undefined) fixCache.set(f, fix = chartFix(run.files, run.judgement, f, { config: run.config }) ?? null);
  return fix ?? undefined;
}

function workspaceEditOf(fix: ChartFix, run: ChartRun, uriOf: (rel: string) => { uri: string; version: number | null }, client: CodeActionClient): WorkspaceEdit | undefined {
  const files = fix.files.map(fe => {
    const text = run.files.find(f => f.path === fe.path)?.text;
    if (text === undefined) return undefined;
    const edits: TextEdit[] = fe.edits.map(e => ({ range: { start: lspPosition(text, e.start), end: lspPosition(text, e.end) }, newText: e.newText }));
    return { ...uriOf(fe.path), edits };
  });
  if (files.some(f => !f)) return undefined;
  const ok = files as Array<{ uri: string; version: number | null; edits: TextEdit[] }>;
  return client.documentChanges
    ? { documentChanges: ok.map(f => ({ textDocument: { uri: f.uri, version: f.version }, edits: f.edits })) }
    : { changes: Object.fromEntries(ok.map(f => [f.uri, f.edits])) };
}

/** Quick fixes for the chart diagnostics the client sent back for file `rel`. */
export function chartQuickFixes(
  params: CodeActionParams, run: ChartRun, rel: string, uriOf: (rel: string) => { uri: string; version: number | null }, client: CodeActionClient,
): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some(o => CodeActionKind.QuickFix === o || CodeActionKind.QuickFix.startsWith(`${o}.`))) return [];
  const out: CodeAction[] = [];
  for (const d of params.context.diagnostics) {
    const f = chartFindingFor(d, run, rel);
    const fix = f && provenFix(run, f);
    const edit = fix && workspaceEditOf(fix, run, uriOf, client);
    if (!fix || !edit) continue;
    out.push({
      title: fix.safety === 'unsafe' && f!.finding.fix ? `${fix.title} (${riskOf(f!.finding.fix)})` : fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      ...(fix.safety === 'safe' && !fix.suggestion ? { isPreferred: true } : {}),
      edit,
    });
  }
  return out;
}
