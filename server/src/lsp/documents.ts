// One parse per (uri, version): validation, code actions and hover all read the same
// ParsedFile, so a keystroke costs one YAML parse however many features ask.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { ParsedFile, parseFile } from '../engine';
import { isHelmTemplatePath } from '../host/helm';

const LANGUAGES = new Set(['yaml', 'json', 'jsonc']);
const EXTENSIONS = /\.(ya?ml|json)$/i;

/** Only YAML and JSON documents can be manifests; anything else is left alone. */
export function isManifestCandidate(doc: { uri: string; languageId: string }): boolean {
  if (LANGUAGES.has(doc.languageId)) return true;
  try {
    return EXTENSIONS.test(URI.parse(doc.uri).path);
  } catch {
    return false;
  }
}

/** Helm chart templates are known by their place on disk, which only file: URIs have. */
export function isHelmTemplateUri(uri: string): boolean {
  try {
    const u = URI.parse(uri);
    return u.scheme === 'file' && isHelmTemplatePath(u.fsPath);
  } catch {
    return false;
  }
}

interface Entry { version: number; parsed: ParsedFile }

export class ParseCache {
  private readonly entries = new Map<string, Entry>();

  get(doc: TextDocument): ParsedFile {
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.parsed;
    const parsed = parseFile(doc.getText(), { helmTemplate: isHelmTemplateUri(doc.uri) });
    this.entries.set(doc.uri, { version: doc.version, parsed });
    return parsed;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  get size(): number { return this.entries.size; }
}
