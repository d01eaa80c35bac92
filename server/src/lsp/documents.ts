// One parse per (uri, version): validation, code actions and hover all read the same
// ParsedFile, and the same LintResult, so a keystroke costs one YAML parse and one lint however
// many features ask.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { FactChange, LintOptions, LintResult, lintParsed, lintSees, lintParsedSteps, ParsedFile, parseFile, parseFileSteps, ResolvedConfig, summarizeFileSteps, WorkspaceIndex } from '../engine';
import { runInSlices } from './slices';
import type { ObjectSummary } from '../engine';
import { helmPlace } from '../host/helm';
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

type HelmPlace = ReturnType<typeof helmPlace>;
const helmPlaces = new Map<string, HelmPlace>();
const NOWHERE: HelmPlace = { helmTemplate: false, chartData: false };

/**
 * Where a document lies in a Helm chart (helmPlace), known by its place on disk, which only file:
 * URIs have. Answered once per URI (asked on every keystroke; a URI's place does not change).
 */
export function helmPlaceOfUri(uri: string): HelmPlace {
  let answer = helmPlaces.get(uri);
  if (answer === undefined) {
    if (helmPlaces.size >= 1024) helmPlaces.clear();
    helmPlaces.set(uri, answer = helmPlaceOnDisk(uri));
  }
  return answer;
}

/** Helm chart templates are judged through their chart (helmPlaceOfUri). */
export function isHelmTemplateUri(uri: string): boolean {
  return helmPlaceOfUri(uri).helmTemplate;
}

function helmPlaceOnDisk(uri: string): HelmPlace {
  try {
    const u = URI.parse(uri);
    return u.scheme === 'file' ? helmPlace(u.fsPath) : NOWHERE;
  } catch {
    return NOWHERE;
  }
}

interface Entry {
  version: number;
  parsed: ParsedFile;
  /** The workspace model's generation the lints and derived work were computed against. */
  generation: number;
  /** That model. */
  index?: WorkspaceIndex;
  /** One lint per configuration (the user's level, and restricted for "Harden this workload"). */
  lints: Map<ResolvedConfig, LintResult>;
  /** Work derived from this version (fix-all results), so repeated code action requests are free. */
  derived: Map<string, unknown>;
  /** The summaries the workspace model made of this parse: lints reuse them rather than summarize again. */
  summaries?: readonly ObjectSummary[];
  /**
   * The latest earlier version that was linted, whose findings this version's lint reuses for the
   * documents the edits did not touch (lint-reuse.ts). Dropped once this version has its own.
   */
  earlier?: Earlier;
}

interface Earlier {
  parsed: ParsedFile;
  lints: Map<ResolvedConfig, LintResult>;
  generation: number;
  /** The model `generation` counts in (another model's generations say nothing of this one). */
  index: WorkspaceIndex | undefined;
}

const MAX_LINTS_PER_VERSION = 4;

export interface CacheEngine {
  parseFile: typeof parseFile;
  lintParsed: typeof lintParsed;
  /** The same work as steps, for documents large enough to be done in slices (lintSliced). */
  parseFileSteps?: typeof parseFileSteps;
  lintParsedSteps?: typeof lintParsedSteps;
}

/** Documents at least this long (characters) are parsed and linted in slices by lintSliced. */
export const SLICED_FROM = 512 * 1024;

/** The workspace model as the cache sees it (see workspace.ts). */
export interface CacheWorkspace {
  /**
   * A version of an open document was parsed: the model takes its objects from this parse, and
   * returns the summaries it made of them (under the URI lints use), if it made any.
   */
  documentParsed(uri: string, parsed: ParsedFile, made?: readonly ObjectSummary[]): readonly ObjectSummary[] | void;
  /** The model a document is linted against; undefined: linted on its own. */
  indexFor(uri: string): WorkspaceIndex | undefined;
}

/** A large document's lint under way in slices, shared by whoever asks for it meanwhile. */
interface SlicedJob {
  version: number;
  resolved: ResolvedConfig;
  waiters: Array<{ cancelled: () => boolean; settle: (r: LintResult | undefined) => void }>;
  promise: Promise<LintResult | undefined>;
}

export class ParseCache {
  private readonly entries = new Map<string, Entry>();
  private readonly jobs = new Map<string, SlicedJob>();

  /**
   * `engine`: a test seam, to count parses and lints. `workspace`: the model that cross-file
   * rules read; a lint is cached per version AND model generation, so a change in another file
   * (a Namespace label, a NetworkPolicy) is seen without this document changing.
   */
  constructor(
    private readonly engine: CacheEngine = { parseFile, lintParsed, parseFileSteps, lintParsedSteps },
    private readonly workspace?: CacheWorkspace,
    /** Documents at least `from` long are done in slices of `budgetMs` (tests lower both). */
    private readonly slices: { from?: number; budgetMs?: number } = {},
  ) {}

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
    const { entry, result, options } = this.lintInputs(this.entry(doc), doc.uri, resolved);
    return result ?? this.keepLint(entry, resolved, this.engine.lintParsed(entry.parsed, resolved, options));
  }

  /**
   * lint(), with the parse and the lint of a large document done in slices (slices.ts) so the
   * server keeps answering meanwhile; undefined when `cancelled` (a newer version, a cancelled
   * request) stops it. Small documents, and engines without steps, are done at once. Callers
   * asking for the same version and configuration meanwhile (the validator, a hover, a code
   * action) share one piece of work, which stops only when every one of them has given up.
   */
  async lintSliced(doc: TextDocument, resolved: ResolvedConfig, cancelled: () => boolean): Promise<LintResult | undefined> {
    if (!this.engine.parseFileSteps || !this.engine.lintParsedSteps || doc.getText().length < (this.slices.from ?? SLICED_FROM)) return this.lint(doc, resolved);
    let job = this.jobs.get(doc.uri);
    if (!job || job.version !== doc.version || job.resolved !== resolved) {
      const started: SlicedJob = { version: doc.version, resolved, waiters: [], promise: Promise.resolve(undefined) };
      // Asked at each turn: a waiter that gave up is answered at once; the work stops when none is left.
      const abandoned = () => {
        started.waiters = started.waiters.filter(w => !(w.cancelled() && (w.settle(undefined), true)));
        return started.waiters.length === 0;
      };
      started.promise = this.slicedWork(doc, resolved, abandoned, 4)
        .finally(() => { if (this.jobs.get(doc.uri) === started) this.jobs.delete(doc.uri); });
      this.jobs.set(doc.uri, started);
      job = started;
    }
    const current = job;
    const result = await new Promise<LintResult | undefined>(settle => {
      current.waiters.push({ cancelled, settle });
      current.promise.then(settle, () => settle(undefined));
    });
    if (cancelled()) return undefined;
    return result ?? this.lint(doc, resolved);
  }

  /**
   * This version parsed (and in the model), in slices for a large document: true once it is,
   * false when `cancelled` stopped it. Front ends that read the parse before linting (what a
   * kustomization renders) ask this first, so their parse is the cached one.
   */
  async parsedSliced(doc: TextDocument, cancelled: () => boolean): Promise<boolean> {
    if (!this.engine.parseFileSteps || doc.getText().length < (this.slices.from ?? SLICED_FROM)) return true;
    return (await this.parsePhase(doc, cancelled, 4)) !== undefined;
  }

  private async parsePhase(doc: TextDocument, cancelled: () => boolean, attempts: number): Promise<Entry | undefined> {
    const current = this.current(doc);
    if (current) return current;
    if (attempts <= 0) return this.entry(doc);
    const older = this.older(doc);
    const parsed = await runInSlices(this.engine.parseFileSteps!(doc.getText(), { ...helmPlaceOfUri(doc.uri), previous: older?.parsed }), {
      // Meanwhile a request may have parsed this version at once, or a newer one (from the same
      // previous version, which these steps leave untouched until their last).
      cancelled: () => cancelled() || this.entries.get(doc.uri) !== older,
      budgetMs: this.slices.budgetMs,
    });
    // Overtaken by other work on this document (not cancelled): start again from where it is.
    if (parsed === undefined) return cancelled() ? undefined : this.parsePhase(doc, cancelled, attempts - 1);
    // The model's summaries of the new version, in slices too (under the URI the model uses).
    const made = this.workspace ? await runInSlices(summarizeFileSteps(canonicalUri(doc.uri), parsed), {
      cancelled: () => cancelled() || this.entries.get(doc.uri) !== older,
      budgetMs: this.slices.budgetMs,
    }) : undefined;
    if (this.workspace && made === undefined) return cancelled() ? undefined : this.parsePhase(doc, cancelled, attempts - 1);
    return this.install(doc, parsed, older, made);
  }

  private async slicedWork(doc: TextDocument, resolved: ResolvedConfig, cancelled: () => boolean, attempts: number): Promise<LintResult | undefined> {
    if (attempts <= 0) return this.lint(doc, resolved);
    const entry = await this.parsePhase(doc, cancelled, 4);
    if (!entry) return undefined;
    const { result, options } = this.lintInputs(entry, doc.uri, resolved);
    if (result) return result;
    const generation = entry.generation;
    const linted = await runInSlices(this.engine.lintParsedSteps!(entry.parsed, resolved, options), {
      cancelled: () => cancelled() || this.entries.get(doc.uri) !== entry || entry!.generation !== generation,
      budgetMs: this.slices.budgetMs,
    });
    if (linted === undefined) return cancelled() ? undefined : this.slicedWork(doc, resolved, cancelled, attempts - 1);
    return this.keepLint(entry, resolved, linted);
  }

  /** The cached lint of this entry under `resolved`, or the options to compute it with. */
  private lintInputs(entry: Entry, uri: string, resolved: ResolvedConfig): { entry: Entry; result?: LintResult; options: LintOptions } {
    const options = this.lintOptions(uri);
    this.refresh(entry, options.workspace);
    const result = entry.lints.get(resolved);
    if (result) return { entry, result, options };
    const prior = entry.earlier?.lints.get(resolved);
    const previous = prior && { result: prior, changed: this.factChange(entry.earlier!, options.workspace) };
    // The same text, and no rule that judged it reads what changed (a dependant of another file's
    // edit): the earlier lint stands, the very object, so the validator publishes nothing new.
    if (previous && entry.earlier!.parsed === entry.parsed && !lintSees(previous.result, previous.changed, resolved)) {
      return { entry, result: this.keepLint(entry, resolved, previous.result), options };
    }
    return { entry, options: { ...options, ...(entry.summaries ? { summaries: entry.summaries } : {}), ...(previous ? { previous } : {}) } };
  }

  private keepLint(entry: Entry, resolved: ResolvedConfig, result: LintResult): LintResult {
    if (entry.lints.size >= MAX_LINTS_PER_VERSION) entry.lints.clear();
    entry.lints.set(resolved, result);
    // An earlier version is needed for one lint per configuration; the next edit starts from this one.
    if (entry.lints.size >= (entry.earlier?.lints.size ?? 0)) entry.earlier = undefined;
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

  /** What changed in the model between the earlier lint and now (the model keeps what each move changed). */
  private factChange(earlier: Earlier, index: WorkspaceIndex | undefined): FactChange {
    // Without a model each lint builds one from this file alone: any edit may have changed it.
    return index && index === earlier.index ? index.changesSince(earlier.generation) : 'any';
  }

  /**
   * Work done against an older model is dropped; its lints become the earlier ones, whose
   * documents the next lint reuses where the rules that read the model read nothing that changed.
   */
  private refresh(entry: Entry, index: WorkspaceIndex | undefined): void {
    const generation = index ? index.generation : -1;
    if (entry.generation === generation && entry.index === index) return;
    if (entry.lints.size > 0 && entry.generation >= 0) entry.earlier = { parsed: entry.parsed, lints: entry.lints, generation: entry.generation, index: entry.index };
    entry.generation = generation;
    entry.index = index;
    entry.lints = new Map();
    entry.derived.clear();
  }

  private entry(doc: TextDocument): Entry {
    const hit = this.current(doc);
    if (hit) return hit;
    const older = this.older(doc);
    return this.install(doc, this.engine.parseFile(doc.getText(), { ...helmPlaceOfUri(doc.uri), previous: older?.parsed }), older);
  }

  /** The entry of this very version, if parsed. */
  private current(doc: TextDocument): Entry | undefined {
    const hit = this.entries.get(doc.uri);
    return hit && hit.version === doc.version ? hit : undefined;
  }

  /** The entry of an earlier version, whose parse a new one takes documents from. */
  private older(doc: TextDocument): Entry | undefined {
    const hit = this.entries.get(doc.uri);
    return hit && hit.version < doc.version ? hit : undefined;
  }

  private install(doc: TextDocument, parsed: ParsedFile, older: Entry | undefined, made?: readonly ObjectSummary[]): Entry {
    // The previous version's parse was handed over (its unchanged documents are reused and moved)
    // and is dropped with its entry: nothing reads an old version once a newer one is parsed.
    // The earlier lints are reusable only when this parse took over that version's documents.
    const earlier = older && (older.lints.size > 0 ? { parsed: older.parsed, lints: older.lints, generation: older.generation, index: older.index } : older.earlier);
    const entry: Entry = { version: doc.version, parsed, generation: -1, lints: new Map(), derived: new Map() };
    if (earlier) entry.earlier = earlier;
    this.entries.set(doc.uri, entry);
    // Before anything is linted: the document's own objects are part of the model it is linted against.
    const summaries = this.workspace?.documentParsed(doc.uri, parsed, made);
    if (summaries) entry.summaries = summaries;
    return entry;
  }
}
