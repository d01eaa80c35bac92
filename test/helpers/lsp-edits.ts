// Applies a WorkspaceEdit from the server as an LSP client would: positions in UTF-16 code
// units, the edits of one document applied together (vscode-languageserver-textdocument's
// applyEdits, which rejects overlapping edits), a TextDocumentEdit only to the version it names.
import * as assert from 'node:assert/strict';
import { TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

export interface EditedDocument { uri: string; version: number; text: string }

/** The TextEdits of a versioned edit for `doc`; fails unless the edit is exactly one TextDocumentEdit of that version. */
export function versionedEdits(edit: WorkspaceEdit | undefined, doc: Omit<EditedDocument, 'text'>): TextEdit[] {
  assert.ok(edit, 'the action has an edit');
  assert.equal(edit.changes, undefined, 'a versioned edit uses documentChanges only');
  assert.equal(edit.documentChanges?.length, 1, 'one document change');
  const change = edit.documentChanges[0] as TextDocumentEdit;
  assert.ok(TextDocumentEdit.is(change), 'a TextDocumentEdit');
  assert.deepEqual(change.textDocument, { uri: doc.uri, version: doc.version });
  return change.edits as TextEdit[];
}

export function applyTextEdits(doc: EditedDocument, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(doc.uri, 'yaml', doc.version, doc.text), edits);
}

/** The text after applying a versioned edit (see versionedEdits). */
export function applyVersioned(edit: WorkspaceEdit | undefined, doc: EditedDocument): string {
  return applyTextEdits(doc, versionedEdits(edit, doc));
}
