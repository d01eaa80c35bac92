// Hover over a flagged node: what is wrong, why it matters and how to fix it, for every finding
// of the version the editor shows. Only flagged nodes get a hover: the Red Hat YAML extension
// answers hovers on every key from the schema, and VS Code shows both, so ours must add to
// theirs, never repeat it on clean nodes.
//
// Findings are read from the lint the validator cached for this version (computed here only when
// the validator has not linted the current model yet; it then reuses it).
// More can be shown by adding a contributor to HOVER_CONTRIBUTORS (an RBAC "effective
// permissions" section for a RoleBinding, say).
import { Hover, MarkupKind, Position, Range, TextDocumentPositionParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Finding, LintConfig, LintResult, ParsedFile, ResolvedConfig, resolveConfig, ruleById, RuleMeta, Tool, WorkspaceIndex } from '../engine';
import { TOOL_NAMES } from '../engine';
import { OWASP_URL, owaspLabel, owaspOf } from '../engine';
import { isManifestCandidate, ParseCache } from './documents';
import { rbacHover } from './hoverRbac';
import { SettingsStore } from './settings';
import type { ComposedLinter } from './validation';

export interface HoverContext {
  doc: TextDocument;
  position: Position;
  /** `position` as a UTF-16 offset into the text. */
  offset: number;
  parsed: ParsedFile;
  /** The findings of this version as last linted; undefined when it has not been linted (yet). */
  lint: LintResult | undefined;
  /** The workspace model the document is linted against, if any. */
  workspace: WorkspaceIndex | undefined;
  docsHref(ruleId: string): string;
}

/** One section of a hover; sections of all contributors are shown together, in list order. */
export interface HoverSection {
  markdown: string;
  /** The text the section is about (what the editor highlights). */
  range: Range;
}

export type HoverContributor = (ctx: HoverContext) => HoverSection | undefined;

const SEPARATOR = '\n\n---\n\n';

/** Characters that would turn a user's value (a container name) into markdown. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, '\\$&');
}

function contains(f: Finding, offset: number): boolean {
  const [start, end] = f.offsets;
  return start === end ? offset === start : start <= offset && offset < end;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Where all the ranges overlap (they all hold the hovered position, so they do). */
function intersection(ranges: Range[]): Range {
  return ranges.reduce((acc, r) => ({
    start: before(acc.start, r.start) ? r.start : acc.start,
    end: before(r.end, acc.end) ? r.end : acc.end,
  }));
}

function peers(rule: RuleMeta): string {
  return (Object.keys(TOOL_NAMES) as Tool[])
    .filter(t => rule.equivalents[t]?.length)
    .map(t => `${TOOL_NAMES[t]} ${rule.equivalents[t]!.map(id => `\`${id}\``).join(', ')}`)
    .join(' · ');
}

/** The markdown for one finding (exported for tests and other front ends). */
export function renderFindingHover(f: Pick<Finding, 'ruleId' | 'message' | 'severity'>, docsHref: (ruleId: string) => string, rule: RuleMeta | undefined = ruleById(f.ruleId)): string {
  if (!rule) return `**${escapeMarkdown(f.message)}** (\`${f.ruleId}\`, ${f.severity})`;
  const lines = [
    `**${escapeMarkdown(rule.title)}** — ${f.severity} · \`${rule.id}\``,
    escapeMarkdown(f.message),
    `**Why it matters:** ${rule.docs.summary}`,
    `**How to fix:** ${rule.docs.remediation}`,
    `**OWASP Kubernetes Top 10:** [${owaspLabel(owaspOf(rule))}](${OWASP_URL})`,
  ];
  const eq = peers(rule);
  if (eq) lines.push(`**Also known as:** ${eq}`);
  if (rule.docs.references.length) lines.push(`**References:** ${rule.docs.references.map(r => `<${r}>`).join(' · ')}`);
  lines.push(`[Rule page](${docsHref(rule.id)})`);
  return lines.join('\n\n');
}

/** Every finding on the hovered node, in the order they are reported. */
export const findingsHover: HoverContributor = ctx => {
  const here = ctx.lint?.findings.filter(f => contains(f, ctx.offset)) ?? [];
  if (here.length === 0) return undefined;
  return {
    markdown: here.map(f => renderFindingHover(f, ctx.docsHref)).join(SEPARATOR),
    range: intersection(here.map(f => f.range)),
  };
};

/** On a ServiceAccount's name or a binding subject: what it may do through every binding of the workspace. */
export const permissionsHover: HoverContributor = ctx => {
  const h = rbacHover(ctx.doc, ctx.position, { parsed: ctx.parsed, index: ctx.workspace });
  if (!h) return undefined;
  return { markdown: h.contents.value, range: { start: ctx.doc.positionAt(h.offsets[0]), end: ctx.doc.positionAt(h.offsets[1]) } };
};

export const HOVER_CONTRIBUTORS: HoverContributor[] = [findingsHover, permissionsHover];

/** The hover of all contributors, or null where none has anything to say. */
export function buildHover(ctx: HoverContext, contributors: readonly HoverContributor[] = HOVER_CONTRIBUTORS): Hover | null {
  const sections = contributors.map(c => c(ctx)).filter((s): s is HoverSection => !!s);
  if (sections.length === 0) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: sections.map(s => s.markdown).join(SEPARATOR) },
    range: intersection(sections.map(s => s.range)),
  };
}

export interface HoverDeps {
  document(uri: string): TextDocument | undefined;
  cache: ParseCache;
  settings: SettingsStore;
  docsHref(ruleId: string): string;
  /** The active rules for a configuration (the validator's; tests pass their own). */
  resolve?: (config: LintConfig) => ResolvedConfig;
  contributors?: readonly HoverContributor[];
  /** Renderers whose findings a document gets instead of its lint as written (validation.ts). */
  composers?: readonly ComposedLinter[];
}

export async function provideHover(deps: HoverDeps, params: TextDocumentPositionParams, cancelled: () => boolean = () => false): Promise<Hover | null> {
  const { uri } = params.textDocument;
  const doc = deps.document(uri);
  if (!doc || !isManifestCandidate(doc)) return null;
  const version = doc.version;
  const settings = await deps.settings.get(uri);
  const current = deps.document(uri);
  if (!settings.enable || !current || current.version !== version) return null;
  // Normally the validator's lint of this version (published already). When the model changed
  // since (another file's facts), the lint it is about to publish is computed here once and
  // cached for it: a hover must not come back empty while a re-lint is pending.
  const resolved = (deps.resolve ?? resolveConfig)(settings.config);
  // What validation published: a rendered file's findings come from its roots; a large
  // document's own lint is done in slices (documents.ts): the hover waits, the server does not.
  const composed = deps.composers?.reduce<LintResult | undefined>((found, c) => found ?? c.lint(current, resolved), undefined);
  const lint = composed ?? deps.cache.cachedLint(current, resolved) ?? await deps.cache.lintSliced(current, resolved, () => cancelled() || deps.document(uri)?.version !== version);
  if (!lint || deps.document(uri)?.version !== version) return null;
  return buildHover({
    doc: current,
    position: params.position,
    offset: current.offsetAt(params.position),
    parsed: deps.cache.get(current),
    lint,
    workspace: deps.cache.lintOptions(uri).workspace,
    docsHref: deps.docsHref,
  }, deps.contributors);
}
