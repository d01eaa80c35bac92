// One parse per (uri, version): validation, code actions and hover all read the same
// ParsedFile, and the same LintResult, so a keystroke costs one YAML parse and one lint however
// many features ask.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { LintOptions, LintResult, lintParsed, ParsedFile, parseFile, ResolvedConfig } from '../engine';
import { WorkspaceIndex } from '../engine';
import type { ObjectSummary } from '../engine';
import { isHelmTemplatePath } from '../host/helm';
import { canonicalUri } from './uris';

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
  /** The workspace model's generation the lints and derived work were computed against. */
  generation: number;
  /** One lint per configuration (the user's level, and restricted for "Harden this workload"). */
  lints: Map<ResolvedConfig, LintResult>;
  /** Work derived from this version (fix-all results), so repeated code action requests are free. */
  derived: Map<string, unknown>;
  /** The summaries the workspace model made of this parse: lints reuse them rather than summarize again. */
  summaries?: readonly ObjectSummary[];
}

const MAX_LINTS_PER_VERSION = 4;

export interface CacheEngine {
  parseFile: typeof parseFile;
  lintParsed: typeof lintParsed;
}

/** The workspace model as the cache sees it (see workspace.ts). */
export interface CacheWorkspace {
  /**
   * A version of an open document was parsed: the model takes its objects from this parse, and
   * returns the summaries it made of them (under the URI lints use), if it made any.
   */
  documentParsed(uri: string, parsed: ParsedFile): readonly ObjectSummary[] | void;
  /** The model a document is linted against; undefined: linted on its own. */
  indexFor(uri: string): WorkspaceIndex | undefined;
}

export class ParseCache {
  private readonly entries = new Map<string, Entry>();

  /**
   * `engine`: a test seam, to count parses and lints. `workspace`: the model that cross-file
   * rules read; a lint is cached per version AND model generation, so a change in another file
   * (a Namespace label, a NetworkPolicy) is seen without this document changing.
   */
  constructor(private readonly engine: CacheEngine = { parseFile, lintParsed }, private readonly workspace?: CacheWorkspace) {}

  /** What lintParsed and fixAll need to see the workspace model for `uri`. */
  lintOptions(uri: string): LintOptions {
    return { uri: canonicalUri(uri), workspace: this.workspace?.indexFor(uri) };
  }

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
    const options = this.lintOptions(doc.uri);
    this.refresh(entry, options.workspace);
    let result = entry.lints.get(resolved);
    if (!result) {
      if (entry.lints.size >= MAX_LINTS_PER_VERSION) entry.lints.clear();
      result = this.engine.lintParsed(entry.parsed, resolved, entry.summaries ? { ...options, summaries: entry.summaries } : options);
      entry.lints.set(resolved, result);
    }
    return result;
  }

  /**
   * The lint `lint()` already computed for this version, configuration and model generation, or
   * undefined: for features (hover) that must show what was published and never lint themselves.
   */
  cachedLint(doc: TextDocument, resolved: ResolvedConfig): LintResult | undefined {
    const hit = this.entries.get(doc.uri);
    if (!hit || hit.version !== doc.version) return undefined;
    const index = this.workspace?.indexFor(doc.uri);
    if (hit.generation !== (index ? index.generation : -1)) return undefined;
    return hit.lints.get(resolved);
  }

  /** `compute()` once per document version and key. */
  derived<T>(doc: TextDocument, key: string, compute: () => T): T {
    const entry = this.entry(doc);
    this.refresh(entry, this.workspace?.indexFor(doc.uri));
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

  /** Work done against an older model is dropped. */
  private refresh(entry: Entry, index: WorkspaceIndex | undefined): void {
    const generation = index ? index.generation : -1;
    if (entry.generation === generation) return;
    entry.generation = generation;
    entry.lints.clear();
    entry.derived.clear();
  }

  private entry(doc: TextDocument): Entry {
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    // The previous version's parse is handed over (its unchanged documents are reused and moved)
    // and dropped with its entry: nothing reads an old version once a newer one is parsed.
    const parsed = this.engine.parseFile(doc.getText(), { helmTemplate: isHelmTemplateUri(doc.uri), previous: hit && hit.version < doc.version ? hit.parsed : undefined });
    const entry: Entry = { version: doc.version, parsed, generation: -1, lints: new Map(), derived: new Map() };
    this.entries.set(doc.uri, entry);
    // Before anything is linted: the document's own objects are part of the model it is linted against.
    const summaries = this.workspace?.documentParsed(doc.uri, parsed);
    if (summaries) entry.summaries = summaries;
    return entry;
  }
}
