// Quick fixes for findings judged through Kustomize: each proven source fix (the node that set
// the value; for a missing setting the base, or an overlay's patch, new or existing) as one
// workspace edit across the files it touches. A new patch file is offered only to clients that
// can create files, and never over an existing one.
import { CodeAction, CodeActionKind, CreateFile, Diagnostic, OptionalVersionedTextDocumentIdentifier, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Finding, KUSTOMIZE_RULE_ID, ParsedFile, ResolvedConfig, SourceFix, sourceFixes, suppressOnLine, SUPPRESSIONS_ID, TextEdit as EngineEdit } from '../../engine';
import type { CodeActionClient } from '../codeActions';
import { findingsFor } from '../codeActions';
import { diskUri, fsPathOf } from '../uris';
import { KustomizeComposer } from './kustomize';

export interface KustomizeActionDeps {
  composer: KustomizeComposer;
  client: CodeActionClient;
  /** The open document at this URI (its version goes with the edit). */
  document(uri: string): TextDocument | undefined;
  /** Some file or open document already uses this path. */
  taken(path: string): boolean;
}

/** The quick fixes for `diagnostics` of a file a root reaches, or undefined when none does. */
export function kustomizeActions(deps: KustomizeActionDeps, doc: TextDocument, resolved: ResolvedConfig, diagnostics: readonly Diagnostic[]): CodeAction[] | undefined {
  const path = fsPathOf(doc.uri);
  const judgement = path === undefined ? undefined : deps.composer.judge(path, resolved);
  if (!judgement || path === undefined) return undefined;
  const judged = judgement.byFile.get(path) ?? [];
  const ctx = deps.composer.fixContext(judgement, deps.taken);
  const actions: CodeAction[] = [];
  const seen = new Set<unknown>();
  for (const d of diagnostics) {
    for (const finding of findingsFor(d, judged.map(j => j.finding))) {
      const j = judged.find(x => x.finding === finding);
      if (!j || seen.has(j)) continue;
      seen.add(j);
      const suppress = suppressLine(deps.composer.parsed(doc), finding);
      for (const fix of sourceFixes(ctx, j)) {
        const edit = workspaceEditOf(deps, fix);
        if (!edit) continue;
        const safe = fix.safety === 'safe';
        actions.push({
          title: safe ? fix.title : `${fix.title} (${fix.risk ?? 'may stop a working pod'})`,
          kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: safe && fix.kind === 'node', edit,
        });
      }
      // The source file's comments apply to what lands in it: a suppression comment there holds.
      if (suppress) {
        const edit: WorkspaceEdit = deps.client.documentChanges
          ? { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, suppress.map(e => TextEdit.replace({ start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, e.newText)))] }
          : { changes: { [doc.uri]: suppress.map(e => TextEdit.replace({ start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, e.newText)) } };
        actions.push({ title: `Suppress ${finding.ruleId} on this line`, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: false, edit });
      }
    }
  }
  return actions;
}

/** A `# kube-harden-ignore` comment above the finding's line, for a finding of a rule. */
function suppressLine(parsed: ParsedFile, finding: Finding): EngineEdit[] | undefined {
  if (finding.ruleId === KUSTOMIZE_RULE_ID || finding.ruleId === SUPPRESSIONS_ID) return undefined;
  const at = finding.offsets[0];
  const d = parsed.documents.find(x => x.doc.range && x.doc.range[0] <= at && at <= x.doc.range[2]);
  return d && suppressOnLine(parsed.text, d.doc, finding.ruleId, at);
}

function workspaceEditOf(deps: KustomizeActionDeps, fix: SourceFix): WorkspaceEdit | undefined {
  if (fix.create && !deps.client.createFiles) return undefined;
  const texts = new Map<string, string>();
  const edited = fix.edits.map(({ file, edits }) => {
    const text = deps.composer.source.readFile(file) ?? '';
    texts.set(file, text);
    const lines = TextDocument.create('', 'yaml', 0, text);
    return { uri: diskUri(file), edits: edits.map(e => TextEdit.replace({ start: lines.positionAt(e.start), end: lines.positionAt(e.end) }, e.newText)) };
  });
  if (deps.client.documentChanges) {
    const versioned = (uri: string): OptionalVersionedTextDocumentIdentifier => ({ uri: deps.document(uri)?.uri ?? uri, version: deps.document(uri)?.version ?? null });
    const changes: WorkspaceEdit['documentChanges'] = [];
    if (fix.create) {
      const uri = diskUri(fix.create.file);
      changes.push(CreateFile.create(uri, { overwrite: false, ignoreIfExists: false }));
      changes.push(TextDocumentEdit.create({ uri, version: null }, [TextEdit.insert({ line: 0, character: 0 }, fix.create.text)]));
    }
    for (const e of edited) changes.push(TextDocumentEdit.create(versioned(e.uri), e.edits));
    return { documentChanges: changes };
  }
  return { changes: Object.fromEntries(edited.map(e => [deps.document(e.uri)?.uri ?? e.uri, e.edits])) };
}
