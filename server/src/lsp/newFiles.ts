// Proposals that create an object (a NetworkPolicy) may put it in a new file beside the current
// one, for clients that can create files (resource operations). The file is created with
// `overwrite: false, ignoreIfExists: false`: whatever happens, nothing the user has is replaced;
// and the name offered is one no file holds yet (on disk, open in the editor, or in the index).
import * as fs from 'node:fs';
import { CreateFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { NewFile } from '../engine';
import { canonicalUri } from './uris';

/**
 * `name` if free, else `name-2.ext`, `name-3.ext`, ... (`shop-default-deny.yaml`,
 * `shop-default-deny-2.yaml`): the first name `taken` says nobody uses. Gives up (undefined)
 * after `limit` tries rather than loop over a folder the check wrongly calls full.
 */
export function freeFileName(name: string, taken: (candidate: string) => boolean, limit = 100): string | undefined {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let i = 1; i <= limit; i++) {
    const candidate = i === 1 ? name : `${stem}-${i}${ext}`;
    if (!taken(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The URI of `name` in the folder of `documentUri`, or undefined when the document has no folder
 * to create a file in (untitled, remote schemes) or the name would leave that folder.
 */
export function siblingUri(documentUri: string, name: string): string | undefined {
  if (!/^[^/\\]+$/.test(name) || name === '.' || name === '..') return undefined;
  try {
    // Node's spelling (`file:///c:/...`, not VS Code's `c%3A`), which the disk check can read.
    const base = new URL(canonicalUri(documentUri));
    if (base.protocol !== 'file:') return undefined;
    return new URL(encodeURIComponent(name), base).href;
  } catch {
    return undefined;
  }
}

/** True when a file: URI names a file on disk (any entry: a folder of that name blocks the name too). */
export function existsOnDisk(uri: string): boolean {
  try {
    return fs.existsSync(new URL(uri));
  } catch {
    return false;
  }
}

/** Creates the file (never over an existing one) and writes the text into it, as one edit. */
export function createFileEdit(uri: string, file: NewFile): WorkspaceEdit {
  return {
    documentChanges: [
      CreateFile.create(uri, { overwrite: false, ignoreIfExists: false }),
      TextDocumentEdit.create({ uri, version: null }, [TextEdit.insert({ line: 0, character: 0 }, file.text)]),
    ],
  };
}
