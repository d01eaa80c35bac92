// A chart's judgement as diagnostics of its files: each finding on the template span that
// produced it (relatedInformation at the values node that set the printed value, and the same
// finding on that values node, where the fix is), the value sets named when they differ;
// a value set the chart cannot render with as an error at the template position Helm names
// (Go's message, as Helm prints it); a missing dependency as one note on Chart.yaml.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { ChartFinding, ChartJudgement, pointAt, SetFailure, chartNote, SourcePoint } from '../../engine';
import { FindingData, SOURCE, toDiagnostic } from '../diagnostics';

/** What a chart diagnostic's `data` carries beside the finding's: which chart finding it is. */
export interface ChartDiagnosticData extends FindingData { chartFinding: number }

export const RENDER_CODE = 'chart-render';
export const DEPENDENCY_CODE = 'chart-dependency';

const toRange = (start: SourcePoint, end: SourcePoint): Diagnostic['range'] => ({
  start: { line: start.line - 1, character: start.column - 1 },
  end: { line: end.line - 1, character: end.column - 1 },
});

/** Line/column of an offset (0-based, as LSP counts). */
export function lspPosition(text: string, offset: number): { line: number; character: number } {
  const p = pointAt(text, offset);
  return { line: p.line - 1, character: p.column - 1 };
}

function findingMessage(f: ChartFinding, judgement: ChartJudgement): string {
  const sets = chartNote(f, judgement);
  return sets ? `${f.finding.message} [${sets}]` : f.finding.message;
}

const isDependencyFailure = (e: string) => /^found in Chart\.yaml, but missing in charts\/ directory|packaged subchart/.test(e);

/**
 * Go names a template position as line:column with the column counted from 0 (a byte offset in
 * the line); the diagnostic covers the word there (the function or field the error is about).
 */
function failureRange(fail: SetFailure, text: string | undefined): Diagnostic['range'] {
  const line = Math.max(0, (fail.at?.line ?? 1) - 1);
  const character = Math.max(0, fail.at?.col ?? 0);
  const lineText = fail.at && text !== undefined ? text.split('\n')[line] ?? '' : '';
  const word = /^[\w.$]+/.exec(lineText.slice(character))?.[0] ?? '';
  return { start: { line, character }, end: { line, character: character + word.length } };
}

function failureDiagnostic(fail: SetFailure, sets: number, text: string | undefined): Diagnostic {
  const dependency = isDependencyFailure(fail.error);
  const withSet = sets > 1 ? ` (with ${fail.set.name})` : '';
  return {
    range: failureRange(fail, text),
    severity: dependency ? DiagnosticSeverity.Information : DiagnosticSeverity.Error,
    code: dependency ? DEPENDENCY_CODE : RENDER_CODE,
    source: SOURCE,
    message: dependency
      ? `The chart is not checked: ${fail.error}${withSet}. Run "helm dependency build" to fetch it.`
      : `${fail.error}${withSet}`,
  };
}

/**
 * Diagnostics per chart file (relative path) for the files asked for. `uriOf` spells a chart
 * file's URI for relatedInformation; `textOf` is the text the judgement rendered.
 */
export function chartDiagnostics(
  judgement: ChartJudgement, wanted: ReadonlySet<string>, uriOf: (path: string) => string,
  textOf: (path: string) => string | undefined, docsHref: (ruleId: string) => string,
): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>([...wanted].map(p => [p, []]));
  const add = (path: string, d: Diagnostic) => out.get(path)?.push(d);
  judgement.findings.forEach((f, index) => {
    const message = findingMessage(f, judgement);
    const base = toDiagnostic(f.finding, docsHref);
    const data: ChartDiagnosticData = { ...(base.data as FindingData), chartFinding: index };
    const at = toRange(f.at.start, f.at.end);
    const value = f.value;
    const valueText = value && textOf(value.file);
    const valueRange = value && valueText !== undefined
      ? { start: lspPosition(valueText, value.keySpan.startOffset), end: lspPosition(valueText, value.value?.end ?? value.keySpan.endOffset) }
      : undefined;
    const rest = base;
    // The values node, then the other objects the finding names (a binding, a Role) where the
    // chart's sources print them, then places outside the chart.
    const related = [
      ...(value && valueRange ? [{ location: { uri: uriOf(value.file), range: valueRange }, message: `.Values.${value.key.join('.')} is set here` }] : []),
      ...(f.related ?? []).map(r => ({ location: { uri: uriOf(r.at.path), range: toRange(r.at.start, r.at.end) }, message: r.message })),
      ...f.finding.related.filter(r => !r.uri.includes('#rendered-')).map(r => ({ location: { uri: r.uri, range: r.range }, message: r.message })),
    ];
    add(f.at.path, { ...rest, range: at, message, data, ...(related.length ? { relatedInformation: related } : {}) });
    if (value && valueRange && value.file !== f.at.path) {
      add(value.file, {
        ...rest, range: valueRange, message, data,
        relatedInformation: [{ location: { uri: uriOf(f.at.path), range: at }, message: `printed by ${f.at.path}:${f.at.start.line}` }],
      });
    }
  });
  for (const fail of judgement.failures) {
    const path = fail.at?.path ?? 'Chart.yaml';
    add(path, failureDiagnostic(fail, judgement.sets.length, textOf(path)));
  }
  // Nothing rendered: the open templates are not checked, and must not look clean.
  if (judgement.renders.length === 0 && judgement.failures.length) {
    const first = judgement.failures[0];
    for (const path of wanted) {
      if (!/(^|\/)templates\//.test(path) || path === first.at?.path) continue;
      const where = first.at ? `${first.at.path}:${first.at.line}` : 'Chart.yaml';
      add(path, {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Warning, code: 'not-checked', source: SOURCE,
        message: `Not checked for security findings: the chart does not render (see ${where}).`,
      });
    }
  }
  return out;
}
