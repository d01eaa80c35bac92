// Code actions from the findings of the document version the editor shows, read from the
// version's cached lint:
//   - per diagnostic: its fix (`quickfix`, preferred when safe; an unsafe one says what it risks),
//     each suggestion (`quickfix`, never preferred; one that creates an object is offered twice
//     to clients that can create files: at the end of this file, or as a new file beside it),
//     "Fix all <rule> problems in this file", and "Suppress <rule> on this line" / "for <object>"
//     (a comment or annotation with a reason to fill in);
//   - "Harden this workload" (`refactor.rewrite`): every restricted-level fix of the object the
//     cursor is in, unsafe ones included, as one edit (a node agent keeps the host access it runs on);
//   - `source.fixAll.kube-harden`: every SAFE fix of the file, as one edit (also on save).
// Clients that can resolve actions get them without edits, filled in by codeAction/resolve for
// the same document version; others get the edits inline.
import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { appendAll, BoundProposal, Finding, LintConfig, LintResult, NewFile, NODE_AGENT_KEEPS, nodeAgentOf, objectAt, ParsedFile, podSpecOf, Rule, sameRange, SUPPRESSIONS_ID } from '../engine';
import { SOURCE } from './diagnostics';
import { ParseCache, isManifestCandidate } from './documents';
import { ActionData, ActionId, editsOf, FixEdits, isActionData, restrictedConfig, riskOf, suppressionEdits, workspaceEdit } from './fixEdits';
import { RateLimitedLog } from './log';
import { createFileEdit, existsOnDisk, freeFileName, siblingUri } from './newFiles';
import { SettingsStore } from './settings';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.kube-harden`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND];

export interface CodeActionClient {
  /** codeActionLiteralSupport: the client takes CodeAction objects (not only Commands). */
  literals: boolean;
  /** Literals + resolveSupport for `edit` + dataSupport: edits may be left to codeAction/resolve. */
  lazyEdits: boolean;
  /** workspaceEdit.documentChanges: edits carry the document version. */
  documentChanges: boolean;
  /** documentChanges + resourceOperations including `create`: an edit may create a file. */
  createFiles?: boolean;
}

export interface CodeActionDeps {
  document(uri: string): TextDocument | undefined;
  cache: ParseCache;
  settings: SettingsStore;
  client: CodeActionClient;
  log: RateLimitedLog;
  /** The rules to run (default: the registry); tests pass their own. */
  rules?: readonly Rule[];
  /**
   * Some file, open document or indexed object already uses this file: URI (default: the disk
   * and the open documents): a new file is never offered under it.
   */
  fileTaken?(uri: string): boolean;
  /** The quick fixes of a document judged through what renders it; undefined when nothing does. */
  composedActions?(doc: TextDocument, config: LintConfig, diagnostics: readonly Diagnostic[]): CodeAction[] | undefined;
  /** Documents judged through what they compose into (chart files) answer for their own actions. */
  composed?: {
    claims(doc: TextDocument): boolean;
    codeActions(params: CodeActionParams, client: CodeActionClient): Promise<CodeAction[]>;
  };
}

interface Draft { action: CodeAction; id: ActionId }

/** `kind` is asked for when it equals or lies under one of `only` (none: everything). */
function wanted(only: string[] | undefined, kind: string): boolean {
  return !only || only.some(o => kind === o || kind.startsWith(`${o}.`));
}

type LspRange = Diagnostic['range'];
type Keyed = { ruleId?: unknown; messageId?: unknown };

function sameLines(a: LspRange, b: LspRange): boolean {
  return a.start.line <= b.end.line && b.start.line <= a.end.line;
}

/**
 * The findings a diagnostic sent back by the client stands for: the findings its `data` names
 * (itself, or every member of a grouped diagnostic's `data.group`) at its range. A client that
 * drops `data` still sends `code` (the rule id; a group's first rule), and one that counts
 * columns in bytes sends other characters on the same lines: then the findings of that rule on
 * those lines. Never by the message text, and never another tool's.
 */
export function findingsFor(d: Diagnostic, findings: readonly Finding[]): Finding[] {
  if (d.source !== undefined && d.source !== SOURCE) return [];
  const data = d.data as (Keyed & { group?: unknown }) | undefined;
  const code = typeof d.code === 'string' ? d.code : undefined;
  // A single finding's rule is the diagnostic's code (an older server also wrote it in data).
  const keys = (data ? (Array.isArray(data.group) ? data.group as Keyed[] : [{ ruleId: data.ruleId ?? code, messageId: data.messageId }]) : []).filter(k => typeof k?.ruleId === 'string');
  if (!keys.length && code === undefined && d.source !== SOURCE) return [];
  const named = (f: Finding) => keys.length
    ? keys.some(k => f.ruleId === k.ruleId && (typeof k.messageId !== 'string' || f.messageId === k.messageId))
    : code === undefined || f.ruleId === code;
  const candidates = findings.filter(named);
  const exact = candidates.filter(f => sameRange(f.range, d.range));
  return exact.length ? exact : candidates.filter(f => sameLines(f.range, d.range));
}

/** More than one finding of the rule offers a fix (builds at most the edits it needs to know). */
function severalFixes(findings: readonly Finding[], ruleId: string, text: string): boolean {
  let n = 0;
  for (const f of findings) if (f.ruleId === ruleId && editsOf(f.fix, text) && ++n > 1) return true;
  return false;
}

export class CodeActionProvider {
  private readonly fixes: FixEdits;
  private readonly logged = new WeakMap<LintResult, number>();

  constructor(private readonly deps: CodeActionDeps) {
    this.fixes = new FixEdits(deps.cache, deps.rules);
  }

  /** `cancelled`: the client withdrew the request ($/cancelRequest); heard while a large document is linted. */
  async provide(params: CodeActionParams, cancelled: () => boolean = () => false): Promise<CodeAction[]> {
    const { uri } = params.textDocument;
    const doc = this.deps.document(uri);
    if (doc && this.deps.composed?.claims(doc)) return this.deps.composed.codeActions(params, this.deps.client);
    if (!this.deps.client.literals || !doc || !isManifestCandidate(doc)) return [];
    const version = doc.version;
    const settings = await this.deps.settings.get(uri);
    // The document moved on while settings were fetched: the client asks again for the new one.
    if (!settings.enable || this.deps.document(uri)?.version !== version) return [];
    const config = settings.config;
    // Its findings come from a render: so do its fixes (in the files that decide them).
    const composed = this.deps.composedActions?.(doc, config, params.context.diagnostics);
    if (composed) return wanted(params.context.only, CodeActionKind.QuickFix) ? composed : [];
    const text = doc.getText();
    const result = await this.fixes.lintSliced(doc, config, () => cancelled() || this.deps.document(uri)?.version !== version);
    if (!result || cancelled() || this.deps.document(uri)?.version !== version) return [];
    const only = params.context.only;
    const drafts: Draft[] = [];

    if (wanted(only, CodeActionKind.QuickFix)) {
      const fixAllRules = new Set<string>();
      const offered = new Set<Finding>();
      for (const d of params.context.diagnostics) {
        // A grouped diagnostic stands for several findings: each offers its own actions.
        for (const f of findingsFor(d, result.findings)) {
          if (offered.has(f)) continue;
          offered.add(f);
          appendAll(drafts, this.findingActions(f, d, text, uri, this.deps.cache.get(doc)));
          // "Fix all" only where there is more than this one fix (ESLint does the same); once
          // per rule however many of its diagnostics the range holds.
          if (!fixAllRules.has(f.ruleId) && severalFixes(result.findings, f.ruleId, text)) {
            fixAllRules.add(f.ruleId);
            drafts.push(this.fixRuleAction(f, result.findings));
          }
        }
      }
    }
    if (wanted(only, CodeActionKind.RefactorRewrite)) {
      const harden = this.hardenAction(doc, config, doc.offsetAt(params.range.start), doc.offsetAt(params.range.end));
      if (harden) drafts.push(harden);
    }
    if (wanted(only, FIX_ALL_KIND) && result.findings.some(f => f.fix?.safety === 'safe' && editsOf(f.fix, text))) {
      drafts.push({ action: { title: 'Fix all safe kube-harden problems in this file', kind: FIX_ALL_KIND }, id: { type: 'fixAll' } });
    }
    this.logFailures(result, uri);

    if (this.deps.client.lazyEdits) {
      return drafts.map(({ action, id }) => ({ ...action, data: { uri, version, id } satisfies ActionData }));
    }
    return drafts.flatMap(({ action, id }) => {
      const edit = this.editOf(doc, config, id);
      return edit ? [{ ...action, edit }] : [];
    });
  }

  /** Fills in the edit for the version the action was made for; a stale action gets none. */
  async resolve(action: CodeAction, cancelled: () => boolean = () => false): Promise<CodeAction> {
    const data = action.data;
    if (!isActionData(data)) return action;
    const doc = this.deps.document(data.uri);
    if (!doc || doc.version !== data.version) return action;
    const settings = await this.deps.settings.get(data.uri);
    if (!settings.enable || this.deps.document(data.uri)?.version !== data.version) return action;
    const current = () => cancelled() || this.deps.document(data.uri)?.version !== data.version;
    if (!await this.fixes.lintSliced(doc, settings.config, current) || current()) return action;
    const edit = this.editOf(doc, settings.config, data.id);
    this.logFailures(this.fixes.lint(doc, settings.config), data.uri);
    return edit ? { ...action, edit } : action;
  }

  private editOf(doc: TextDocument, config: LintConfig, id: ActionId): WorkspaceEdit | undefined {
    if (id.type === 'newFile') {
      const file = this.fixes.newFile(doc, config, id);
      if (!file) return undefined;
      // The name offered was free when the menu was made; if it is taken now, the next free one.
      const free = this.freeSibling(doc.uri, this.taken(doc.uri, id.name) ? file.name : id.name);
      return free ? createFileEdit(free.uri, file) : undefined;
    }
    const edits = this.fixes.edits(doc, config, id);
    // Fix-all's later passes lint texts of their own: what their fix builders threw is said here (the result is cached per version).
    if (id.type === 'fixRule' || id.type === 'fixAll' || id.type === 'harden') {
      for (const f of this.fixes.fixAllResult(doc, config, id).failures) this.deps.log.error(`rule:${f.ruleId}`, `The fix of rule ${f.ruleId} failed on ${doc.uri}: ${f.error}`);
    }
    return edits ? workspaceEdit(doc, edits, this.deps.client.documentChanges) : undefined;
  }

  private taken(documentUri: string, name: string): boolean {
    const uri = siblingUri(documentUri, name);
    return !uri || (this.deps.fileTaken ? this.deps.fileTaken(uri) : existsOnDisk(uri) || !!this.deps.document(uri));
  }

  /** A name like `name` that no file beside the document uses, and its URI. */
  private freeSibling(documentUri: string, name: string): { name: string; uri: string } | undefined {
    if (!siblingUri(documentUri, name)) return undefined;
    const free = freeFileName(name, candidate => this.taken(documentUri, candidate));
    return free ? { name: free, uri: siblingUri(documentUri, free)! } : undefined;
  }

  private findingActions(f: Finding, d: Diagnostic, text: string, uri: string, parsed?: ParsedFile): Draft[] {
    const key = { ruleId: f.ruleId, messageId: f.messageId, start: f.offsets[0], end: f.offsets[1] };
    const drafts: Draft[] = [];
    if (f.fix && editsOf(f.fix, text)) {
      const safe = f.fix.safety === 'safe';
      drafts.push({
        action: {
          title: safe ? f.fix.title : `${f.fix.title} (${riskOf(f.fix)})`,
          kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: safe,
        },
        id: { type: 'fix', ...key },
      });
    }
    f.suggestions.forEach((s, index) => {
      const inFile = !!editsOf(s, text);
      const file = this.deps.client.createFiles ? newFileOf(s) : undefined;
      const free = file && this.freeSibling(uri, file.name);
      // Offered both ways, the titles say where the object goes; the user chooses.
      if (inFile) {
        const title = free ? `${s.title} at the end of this file` : s.title;
        drafts.push({ action: { title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: false }, id: { type: 'suggestion', ...key, index } });
      }
      if (free) {
        drafts.push({
          action: { title: `${s.title} in a new file "${free.name}"`, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: false },
          id: { type: 'newFile', ...key, index, name: free.name },
        });
      }
    });
    // Suppressing comes after fixing: offered for every rule finding, never preferred.
    if (f.ruleId !== SUPPRESSIONS_ID && parsed) {
      if (suppressionEdits(parsed, f, 'suppressLine')) {
        drafts.push({ action: { title: `Suppress ${f.ruleId} on this line`, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: false }, id: { type: 'suppressLine', ...key } });
      }
      if (suppressionEdits(parsed, f, 'suppressObject')) {
        const what = f.object.name ? `${f.object.kind} "${f.object.name}"` : 'this object';
        drafts.push({ action: { title: `Suppress ${f.ruleId} for ${what}`, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: false }, id: { type: 'suppressObject', ...key } });
      }
    }
    return drafts;
  }

  /**
   * Every fix of one rule, unsafe ones included, to a fixed point. Acceptable where fix-all is
   * not: the user picks this one rule by name, the title states its risk when its fix is unsafe,
   * and the result is what applying its quick fixes one by one would give.
   */
  private fixRuleAction(f: Finding, findings: readonly Finding[]): Draft {
    // Safety is per fix: the title states a risk when any fix it applies is unsafe, not only this one.
    const unsafe = f.fix?.safety === 'unsafe' ? f.fix : findings.find(x => x.ruleId === f.ruleId && x.fix?.safety === 'unsafe')?.fix;
    const risk = unsafe ? ` (${riskOf(unsafe)})` : '';
    return { action: { title: `Fix all ${f.ruleId} problems in this file${risk}`, kind: CodeActionKind.QuickFix }, id: { type: 'fixRule', ruleId: f.ruleId } };
  }

  /** For the pod-bearing object holding [start, end], when it has restricted findings with fixes. */
  private hardenAction(doc: TextDocument, config: LintConfig, start: number, end: number): Draft | undefined {
    const object = objectAt(this.deps.cache.get(doc), start, end);
    if (!object || !podSpecOf(object)) return undefined;
    const restricted = this.fixes.lint(doc, restrictedConfig(config));
    const text = doc.getText();
    // A node agent (CNI, CSI, exporter) keeps the host access it runs on: the title says which.
    const agent = nodeAgentOf(object);
    const fixable = restricted.findings.filter(f =>
      f.object.docIndex === object.docIndex && f.object.kind === object.kind && f.object.name === object.name && editsOf(f.fix, text)
      && (!agent || f.fix!.safety === 'safe' || !NODE_AGENT_KEEPS.includes(f.ruleId)));
    if (fixable.length === 0) return undefined;
    const what = object.name ? `${object.kind} "${object.name}"` : object.kind;
    const notes = [
      ...(fixable.some(f => f.fix!.safety === 'unsafe') ? ['includes unsafe changes'] : []),
      ...(agent ? [`keeps ${agent.keeps.join(', ')}: a node agent`] : []),
    ];
    return {
      action: { title: `Harden this workload: ${what}${notes.length ? ` (${notes.join('; ')})` : ''}`, kind: CodeActionKind.RefactorRewrite },
      id: { type: 'harden', docIndex: object.docIndex, kind: object.kind, name: object.name },
    };
  }

  /** Fix builders that threw (recorded in the lint result) reach the log once each. */
  private logFailures(result: LintResult, uri: string): void {
    const from = this.logged.get(result) ?? 0;
    for (const f of result.failures.slice(from)) this.deps.log.error(`rule:${f.ruleId}`, `Rule ${f.ruleId} failed on ${uri}: ${f.error}`);
    this.logged.set(result, result.failures.length);
  }
}

/** The new file a proposal creates, built once per finding (findings live in the cached lint). */
const newFiles = new WeakMap<BoundProposal, NewFile | null>();
function newFileOf(p: BoundProposal): NewFile | undefined {
  let file = newFiles.get(p);
  if (file === undefined) {
    file = p.newFile?.() ?? null;
    newFiles.set(p, file);
  }
  return file ?? undefined;
}
