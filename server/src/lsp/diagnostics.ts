// Finding -> Diagnostic. What a code action needs to find the findings again travels in `code`
// (the rule) and `data` (the message id, and each member of a group), so actions are found by
// rule and message id, never by parsing the message text. Nothing else goes in `data`: a large
// document's diagnostics are sent again on every keystroke, and the server knows the rest.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { Finding, Severity, SUPPRESSIONS_ID } from '../engine';
import { groupBy, groupMessage, mostSevereFirst, rangeKey } from '../engine';

export const SOURCE = 'kube-harden';

export interface FindingData {
  /** The finding's message id; its rule id is the diagnostic's `code`. */
  messageId: string;
  /**
   * When several findings share the diagnostic's range: each of them, most severe first (the
   * first is the one `code` and `messageId` name), so code actions offer every rule's fix and
   * suppression.
   */
  group?: Array<{ ruleId: string; messageId: string }>;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/**
 * Where the generated rule pages are: beside the bundle in a package (dist/server.js ->
 * ../docs/rules, in the .vsix and the npm package), else the repository's docs/rules (from the tsc
 * output, server/out/lsp).
 */
const PACKAGED_DOCS = path.resolve(__dirname, '..', 'docs', 'rules');
export const DEFAULT_DOCS_ROOT = fs.existsSync(PACKAGED_DOCS) ? PACKAGED_DOCS : path.resolve(__dirname, '..', '..', '..', 'docs', 'rules');

/**
 * Builds each rule's documentation link. `root` is a folder (from initializationOptions.docsRoot)
 * or, for editors that would rather open a web page, a URL prefix.
 */
export function docsLinker(root: string = DEFAULT_DOCS_ROOT): (ruleId: string) => string {
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(root)) {
    const base = root.replace(/\/+$/, '');
    return id => `${base}/${id}.md`;
  }
  const folder = path.resolve(root);
  const cache = new Map<string, string>();
  return id => {
    let href = cache.get(id);
    if (!href) cache.set(id, href = URI.file(path.join(folder, `${id}.md`)).toString());
    return href;
  };
}

function dataOf(f: Finding): FindingData {
  return { messageId: f.messageId };
}

/**
 * The diagnostics of a document: one per range. Findings of several rules on one node (a
 * container missing several restricted settings) become one diagnostic listing them, so the
 * editor shows one problem where a reviewer sees one; each rule stays in `data.group`.
 */
export function toDiagnostics(findings: readonly Finding[], docsHref: (ruleId: string) => string): Diagnostic[] {
  // groupBy puts each group most severe first.
  if (!sortedByRange(findings)) return groupBy(findings, f => rangeKey(f.range)).map(group => diagnosticOf(group, docsHref));
  // Sorted (as a lint's findings come): a range's findings are neighbours, and most ranges have
  // one finding, which needs no group of its own (this runs for every finding on every keystroke).
  const out: Diagnostic[] = [];
  for (let i = 0; i < findings.length;) {
    let end = i + 1;
    while (end < findings.length && compareRanges(findings[i].range, findings[end].range) === 0) end++;
    out.push(end === i + 1 ? toDiagnostic(findings[i], docsHref) : diagnosticOf(mostSevereFirst(findings.slice(i, end)), docsHref));
    i = end;
  }
  return out;
}

function diagnosticOf(group: readonly Finding[], docsHref: (ruleId: string) => string): Diagnostic {
  return group.length === 1 ? toDiagnostic(group[0], docsHref) : groupDiagnostic(group, docsHref);
}

function groupDiagnostic(group: readonly Finding[], docsHref: (ruleId: string) => string): Diagnostic {
  const kept = reusable(group, docsHref);
  if (kept) return kept;
  const d = fresh(group[0], docsHref);
  return remember(group, docsHref, { ...d, message: groupMessage(group), data: { ...dataOf(group[0]), group: group.map(f => ({ ruleId: f.ruleId, messageId: f.messageId })) } satisfies FindingData });
}

/**
 * The diagnostic made last time for the same findings, kept by the first finding's `data`
 * object. A lint that reuses a document's findings makes new finding objects but keeps their
 * data object, and a finding before the edit, or after it on lines the edit did not add or take
 * away, keeps its range object too: most of a large document's findings get the very same
 * Diagnostic as last time (and the stdio writer its JSON) instead of a new one every keystroke.
 * Everything a diagnostic says is compared before it is taken; one whose findings moved gets a
 * copy with the new range. Findings with related locations are made anew: those locations move
 * in place (relocate.ts).
 */
interface Made {
  docsHref: (ruleId: string) => string;
  findings: ReadonlyArray<Pick<Finding, 'data' | 'ruleId' | 'messageId' | 'message' | 'severity'>>;
  diagnostic: Diagnostic;
}

/**
 * Kept on the data object itself, not in a WeakMap: asked for every finding of a large document
 * on every keystroke, a property is read faster than a WeakMap entry is found, and V8's young
 * collector keeps a WeakMap's values alive (the diagnostics would be promoted, then collected
 * by the full collector). Not enumerable, so a copy of the data does not take it along.
 */
const MADE = Symbol('diagnosticMade');

type Carrier = { [MADE]?: Made };

function madeFor(data: unknown): Made | undefined {
  return typeof data === 'object' && data !== null ? (data as Carrier)[MADE] : undefined;
}

function reusable(group: readonly Finding[], docsHref: (ruleId: string) => string): Diagnostic | undefined {
  const first = group[0];
  const m = madeFor(first.data);
  if (!m || m.docsHref !== docsHref || m.findings.length !== group.length) return undefined;
  for (let i = 0; i < group.length; i++) {
    const f = group[i], was = m.findings[i];
    if (f.data !== was.data || f.ruleId !== was.ruleId || f.messageId !== was.messageId || f.message !== was.message || f.severity !== was.severity || f.related.length) return undefined;
  }
  if (m.diagnostic.range === first.range) return m.diagnostic;
  m.diagnostic = { ...m.diagnostic, range: first.range };
  return m.diagnostic;
}

function remember(group: readonly Finding[], docsHref: (ruleId: string) => string, d: Diagnostic): Diagnostic {
  const first = group[0];
  const data = first.data as Carrier | null;
  if (typeof data === 'object' && data !== null && group.every(f => f.related.length === 0)) {
    const m: Made = { docsHref, findings: group.map(f => ({ data: f.data, ruleId: f.ruleId, messageId: f.messageId, message: f.message, severity: f.severity })), diagnostic: d };
    if (MADE in data) data[MADE] = m;
    else if (Object.isExtensible(data)) Object.defineProperty(data, MADE, { value: m, writable: true, enumerable: false });
  }
  return d;
}

function compareRanges(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character || a.end.line - b.end.line || a.end.character - b.end.character;
}

/** Whether the findings come in range order (a lint's do: by place). */
function sortedByRange(findings: readonly Finding[]): boolean {
  for (let i = 1; i < findings.length; i++) if (compareRanges(findings[i - 1].range, findings[i].range) > 0) return false;
  return true;
}

const descriptions = new WeakMap<(ruleId: string) => string, Map<string, { href: string }>>();

/** A rule's documentation link: one object per linker and rule, shared by its diagnostics (sent as JSON, never changed). */
function descriptionOf(docsHref: (ruleId: string) => string, ruleId: string): { href: string } {
  let byRule = descriptions.get(docsHref);
  if (!byRule) descriptions.set(docsHref, byRule = new Map());
  let d = byRule.get(ruleId);
  if (!d) byRule.set(ruleId, d = { href: docsHref(ruleId) });
  return d;
}

export function toDiagnostic(f: Finding, docsHref: (ruleId: string) => string): Diagnostic {
  return reusable([f], docsHref) ?? remember([f], docsHref, fresh(f, docsHref));
}

function fresh(f: Finding, docsHref: (ruleId: string) => string): Diagnostic {
  // Built field by field rather than from spreads (same fields, same order): this runs for every
  // new finding of a document on every keystroke.
  const d = { range: f.range, severity: SEVERITY[f.severity] ?? DiagnosticSeverity.Warning, code: f.ruleId } as Diagnostic;
  // Problems with suppressions belong to no rule page.
  if (f.ruleId !== SUPPRESSIONS_ID) d.codeDescription = descriptionOf(docsHref, f.ruleId);
  d.source = SOURCE;
  d.message = f.message;
  if (f.related.length) d.relatedInformation = f.related.map(r => ({ location: { uri: r.uri, range: r.range }, message: r.message }));
  d.data = dataOf(f);
  return d;
}
