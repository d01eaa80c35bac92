// What a code action does, as data that survives a round trip through the client (`data` of an
// unresolved action), and the edit it makes on a given document version. Findings are found
// again by rule, message id and offsets in the version's cached lint, never by message text.
import { TextDocumentEdit, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  BoundProposal, diffToEdit, Finding, fixAll, FixOffer, fixRefusal, NODE_AGENT_KEEPS, NodeAgent, nodeAgentOf, FixAllResult, LintConfig, LintResult, mergeEdits, NewFile, ParsedFile, resolveConfig, Rule,
  suppressOnLine, suppressOnObject, TextEdit,
} from '../engine';
import { isHelmTemplateUri, ParseCache } from './documents';

export type ActionId =
  | { type: 'fix'; ruleId: string; messageId: string; start: number; end: number }
  | { type: 'suggestion'; ruleId: string; messageId: string; start: number; end: number; index: number }
  /** A suggestion's content as a new file `name` beside the document (see newFiles.ts). */
  | { type: 'newFile'; ruleId: string; messageId: string; start: number; end: number; index: number; name: string }
  /** Every fix of one rule in the file (safe and unsafe: see codeActions.ts). */
  | { type: 'fixRule'; ruleId: string }
  /** Every safe fix in the file: source.fixAll.kube-harden, also on save. */
  | { type: 'fixAll' }
  /** Every fix (safe and unsafe) of one pod-bearing object at the restricted level. */
  | { type: 'harden'; docIndex: number; kind: string; name?: string }
  /** A suppression comment above the finding's line, or an annotation on its object. */
  | { type: 'suppressLine' | 'suppressObject'; ruleId: string; messageId: string; start: number; end: number };

export interface ActionData { uri: string; version: number; id: ActionId }

/** What an unsafe fix may break, for titles: the fix's own words, else the meaning of "unsafe". */
export function riskOf(fix: FixOffer): string {
  return fix.risk ?? 'may stop a working pod';
}

export function isActionData(v: unknown): v is ActionData {
  const d = v as Partial<ActionData> | null | undefined;
  return typeof d === 'object' && d !== null && typeof d.uri === 'string' && typeof d.version === 'number'
    && typeof d.id === 'object' && d.id !== null && typeof (d.id as { type?: unknown }).type === 'string';
}

/** The restricted level with the user's other settings (version, rule severities, opt-ins). */
export function restrictedConfig(config: LintConfig): LintConfig {
  return { ...config, level: 'restricted' };
}

const proposalEdits = new WeakMap<BoundProposal, TextEdit[] | null>();

/**
 * A proposal's edits, built once per finding of a version (findings live in the cached lint), or
 * undefined when it declines, changes nothing, or its edits overlap one another.
 */
export function editsOf(p: BoundProposal | null | undefined, text: string): TextEdit[] | undefined {
  if (!p) return undefined;
  let edits = proposalEdits.get(p);
  if (edits === undefined) {
    const e = p.edits();
    // Checked before it is offered: a result that would not parse, repeat a key, stop being JSON
    // or break an API rule is never shown.
    edits = e && e.length > 0 && mergeEdits(text, e) && !fixRefusal(text, e) ? e : null;
    proposalEdits.set(p, edits);
  }
  return edits ?? undefined;
}

export function sameFinding(f: Finding, ruleId: string, messageId: string, start: number, end: number): boolean {
  return f.ruleId === ruleId && f.messageId === messageId && f.offsets[0] === start && f.offsets[1] === end;
}

export class FixEdits {
  /** `rules`: the rules to run (default: the registry); tests pass their own. */
  constructor(private readonly cache: ParseCache, private readonly rules?: readonly Rule[]) {}

  lint(doc: TextDocument, config: LintConfig): LintResult {
    return this.cache.lint(doc, resolveConfig(config, this.rules));
  }

  /** lint(), in slices for a large document (documents.ts); undefined when `cancelled` stopped it. */
  lintSliced(doc: TextDocument, config: LintConfig, cancelled: () => boolean): Promise<LintResult | undefined> {
    return this.cache.lintSliced(doc, resolveConfig(config, this.rules), cancelled);
  }

  /** The new file a suggestion of this document version proposes, or undefined when it declines. */
  newFile(doc: TextDocument, config: LintConfig, id: Extract<ActionId, { type: 'newFile' | 'suggestion' }>): NewFile | undefined {
    const f = this.lint(doc, config).findings.find(x => sameFinding(x, id.ruleId, id.messageId, id.start, id.end));
    return f?.suggestions[id.index]?.newFile?.();
  }

  /** The engine edits of an action on this document version, or undefined when it has none. */
  edits(doc: TextDocument, config: LintConfig, id: Exclude<ActionId, { type: 'newFile' }>): TextEdit[] | undefined {
    const text = doc.getText();
    switch (id.type) {
      case 'fix':
      case 'suggestion': {
        const f = this.lint(doc, config).findings.find(x => sameFinding(x, id.ruleId, id.messageId, id.start, id.end));
        return editsOf(id.type === 'fix' ? f?.fix : f?.suggestions[id.index], text);
      }
      case 'suppressLine':
      case 'suppressObject': {
        const f = this.lint(doc, config).findings.find(x => sameFinding(x, id.ruleId, id.messageId, id.start, id.end));
        return f ? suppressionEdits(this.cache.get(doc), f, id.type) : undefined;
      }
      case 'fixRule':
      case 'fixAll':
      case 'harden': {
        const edit = diffToEdit(text, this.fixAllResult(doc, config, id).text);
        return edit ? [edit] : undefined;
      }
    }
  }

  /** The node agent `id` names in this version (its privileges are kept by "Harden this workload"). */
  nodeAgent(doc: TextDocument, id: { docIndex: number; kind: string; name?: string }): NodeAgent | undefined {
    const d = this.cache.get(doc).documents.find(x => x.index === id.docIndex);
    const object = d?.objects.find(o => o.kind === id.kind && o.name === id.name);
    return object && nodeAgentOf(object);
  }

  /** Fix-all results are kept per version: a client asking again (or resolving) costs nothing. */
  fixAllResult(doc: TextDocument, config: LintConfig, id: Extract<ActionId, { type: 'fixRule' | 'fixAll' | 'harden' }>): FixAllResult {
    const effective = id.type === 'harden' ? restrictedConfig(config) : config;
    return this.cache.derived(doc, JSON.stringify([id, effective]), () => fixAll(doc.getText(), effective, {
      safety: id.type === 'fixAll' ? 'safe' : 'unsafe',
      ruleId: id.type === 'fixRule' ? id.ruleId : undefined,
      object: id.type === 'harden' ? { docIndex: id.docIndex, kind: id.kind, name: id.name } : undefined,
      keepRules: id.type === 'harden' && this.nodeAgent(doc, id) ? NODE_AGENT_KEEPS : undefined,
      helmTemplate: isHelmTemplateUri(doc.uri),
      initial: this.lint(doc, effective).findings,
      initialSuppressed: this.lint(doc, effective).suppressed,
      rules: this.rules,
      lint: this.cache.lintOptions(doc.uri),
    }));
  }
}

/** The edits of a suppression action for `f`, or undefined where it cannot be written. */
export function suppressionEdits(parsed: ParsedFile, f: Finding, how: 'suppressLine' | 'suppressObject'): TextEdit[] | undefined {
  const d = parsed.documents.find(x => x.index === f.object.docIndex);
  if (!d) return undefined;
  if (how === 'suppressLine') return suppressOnLine(parsed.text, d.doc, f.ruleId, f.offsets[0]);
  const object = d.objects.find(o => o.kind === f.object.kind && o.name === f.object.name);
  return object ? suppressOnObject(parsed.text, object, f.ruleId) : undefined;
}

/** Engine edits (UTF-16 offsets of this version) as a workspace edit pinned to the version. */
export function workspaceEdit(doc: TextDocument, edits: readonly TextEdit[], documentChanges: boolean): WorkspaceEdit {
  const lsp = edits.map(e => LspTextEdit.replace({ start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, e.newText));
  return documentChanges
    ? { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, lsp)] }
    : { changes: { [doc.uri]: lsp } };
}
