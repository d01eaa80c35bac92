// File URIs as the workspace model keys them. Editors differ in how they percent-encode the
// same path (VS Code encodes a drive letter's colon, Node's URL does not): the model must not
// hold one file twice, once from the disk and once from the editor.
import { pathToFileURL } from 'node:url';
import { URI } from 'vscode-uri';

/** One spelling per file: Node's (WHATWG URL), as the CLI and the engine's path resolution spell it. */
export function canonicalUri(uri: string): string {
  try {
    const u = URI.parse(uri);
    return u.scheme === 'file' ? pathToFileURL(u.fsPath).href : uri;
  } catch {
    return uri;
  }
}

/** The URI of a file found on disk, spelled as canonicalUri spells it. */
export function diskUri(file: string): string {
  return pathToFileURL(file).href;
}

/** The absolute path of a file: URI, or undefined for other schemes (untitled, remote). */
export function fsPathOf(uri: string): string | undefined {
  try {
    const u = URI.parse(uri);
    return u.scheme === 'file' ? u.fsPath : undefined;
  } catch {
    return undefined;
  }
}
