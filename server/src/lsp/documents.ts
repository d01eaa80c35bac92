// One parse per (uri, version): validation, code actions and hover all read the same
// ParsedFile, and the same LintResult, so a keystroke costs one YAML parse and one lint however
// many features ask.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { LintResult, lintParsed, ParsedFile, parseFile, ResolvedConfig } from '../engine';
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

interface Entry {
  version: number;
  parsed: ParsedFile;
  /** One lint per configuration (the user's level, and restricted for "Harden this workload"). */
  lints: Map<ResolvedConfig, LintResult>;
  /** Work derived from this version (fix-all results), so repeated code action requests are free. */
  derived: Map<string, unknown>;
}

const MAX_LINTS_PER_VERSION = 4;

export interface CacheEngine {
  parseFile: typeof parseFile;
  lintParsed: typeof lintParsed;
}

export class ParseCache {
  private readonly entries = new Map<string, Entry>();

  /** `engine`: a test seam, to count parses and lints. */
  constructor(private readonly engine: CacheEngine = { parseFile, lintParsed }) {}

  get(doc: TextDocument): ParsedFile {
    return this.entry(doc).parsed;
  }

  /**
   * The findings of this document version under `resolved`: validation computes them, code
   * actions read them back (never a second parse or lint for the same version and settings).
   * `resolveConfig` returns one object per distinct configuration, so identity is the key.
   */
  lint(doc: TextDocument, resolved: ResolvedConfig): LintResult {
    const entry = this.entry(doc);
    let result = entry.lints.get(resolved);
    if (!result) {
      if (entry.lints.size >= MAX_LINTS_PER_VERSION) entry.lints.clear();
      result = this.engine.lintParsed(entry.parsed, resolved);
      entry.lints.set(resolved, result);
    }
    return result;
  }

  /** `compute()` once per document version and key. */
  derived<T>(doc: TextDocument, key: string, compute: () => T): T {
    const entry = this.entry(doc);
    if (entry.derived.has(key)) return entry.derived.get(key) as T;
    if (entry.derived.size >= 32) entry.derived.clear();
    const value = compute();
    entry.derived.set(key, value);
    return value;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  get size(): number { return this.entries.size; }

  private entry(doc: TextDocument): Entry {
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    const parsed = this.engine.parseFile(doc.getText(), { helmTemplate: isHelmTemplateUri(doc.uri) });
    const entry: Entry = { version: doc.version, parsed, lints: new Map(), derived: new Map() };
    this.entries.set(doc.uri, entry);
    return entry;
  }
}
