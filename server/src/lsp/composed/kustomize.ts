// Kustomize in the editor: a file some kustomization root reaches (a base resource, a patch, a
// kustomization) gets its findings from the rendered roots, as `kube-harden check` reports them,
// instead of the lint of its text as written. Only the roots that reach the file are rendered;
// a root whose files all read the same as last time keeps its render, and a judgement of the
// same renders is reused, so the other open files of a root re-publish for free.
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  Finding, FindingSource, Inclusion, InclusionRole, inclusionMap, kustomizeReadsAlike, offerKustomizeEditorParse, JudgedFinding, JudgeOptions, judgeRenders, KustomizePlan, LintResult, ParsedFile, parseFile, planKustomize, renderSafely, RenderedStreams, RenderResult,
  isKustomizationPath, ResolvedConfig, rootNames, SourceFixContext, suppressInSource, WorkspaceIndex,
} from '../../engine';
import { freeFileName } from '../newFiles';
import { diskUri, fsPathOf } from '../uris';
import { EditorFileSource, readsAlike, readsHold, RecordingSource } from './kustomize-source';

const MEMO_LIMIT = 16;
/** Roles of files the renderer reads only as parsed YAML (generator inputs are read as text, kustomizations for inline patches too). */
const PARSED_ROLES = new Set<InclusionRole>(['resource', 'patch', 'crd', 'configuration', 'replacement']);

export interface KustomizeDeps {
  /** The text of the open document at this absolute path, if one is open. */
  openText(path: string): string | undefined;
  /** The workspace model (exclusions applied): where the kustomizations are found. */
  index(): WorkspaceIndex;
  /** The document's parse (its suppression comments apply to what lands in it). */
  parsed(doc: TextDocument): ParsedFile;
}

/** One judgement of a set of renders: every finding by file, and the plan it came from. */
export interface Judgement {
  plan: KustomizePlan;
  byFile: Map<string, JudgedFinding[]>;
  config: ResolvedConfig;
  /** What the roots were judged with (a fix is proven with the same). */
  options: JudgeOptions;
}

interface JudgementEntry extends Judgement { renders: RenderResult[]; generation: number }

export class KustomizeComposer {
  readonly source: EditorFileSource;
  private readonly renders = new Map<string, { reads: RecordingSource['reads']; result: RenderResult }>();
  /** For each root, the files its last plan reached that it only parses as objects (resources, patches). */
  private readonly parsedOnly = new Map<string, Set<string>>();
  private judgements: JudgementEntry[] = [];
  private readonly results = new WeakMap<Judgement, Map<string, { version: number; result: LintResult }>>();
  /** The files each root reached when last rendered (open ones re-publish when it changes). */
  private readonly reach = new Map<string, Set<string>>();
  /** The inclusions each root's reach and parsed-only files were last read from. */
  private readonly reachFrom = new Map<string, Map<string, Inclusion[]>>();
  private rootCache: { generation: number; config: ResolvedConfig; cache: NonNullable<JudgeOptions['rootCache']> } | undefined;
  private reachable: { dirs: readonly string[]; reads: RecordingSource['reads']; files: Set<string> } | undefined;
  /** The result last handed out for each file. */
  private readonly last = new Map<string, { version: number; result: LintResult }>();
  /** Each root's last rendered stream and its lint: a re-render is parsed and linted from it. */
  readonly streams = new RenderedStreams();
  private dirsMemo: { generation: number; revision: number; dirs: string[] } | undefined;
  /** The last model the roots were judged in (the workspace without the files they cover). */
  private lastModel: { defaultNamespace: string; model: WorkspaceIndex } | undefined;
  /** Judgements made in the model of the last one (tests read it). */
  readonly stats = { modelsKept: 0 };

  constructor(private readonly deps: KustomizeDeps) {
    this.source = new EditorFileSource(deps.openText);
  }

  /** The document's parse (shared with the rest of the server). */
  parsed(doc: TextDocument): ParsedFile {
    return this.deps.parsed(doc);
  }

  /**
   * The disk changed (file events, absolute paths): reads and renders are checked against it
   * again. True when a render read one of the paths (or a folder holding it): the open files
   * judged through it may read differently now, though no object's facts changed.
   */
  diskChanged(paths: readonly string[]): boolean {
    this.source.diskChanged();
    const touches = (read: string) => paths.some(p => read === p || read.startsWith(`${p}/`) || p.startsWith(`${read}/`));
    return [...this.renders.values()].some(r => r.reads.some(read => touches(read.path)));
  }

  /** Whether a kept render read the file at `path`. */
  reads(path: string): boolean {
    for (const r of this.renders.values()) if (r.reads.some(read => read.path === path)) return true;
    return false;
  }

  /**
   * The findings of `doc` through the roots that reach it, or undefined when none does (it is
   * linted as written).
   */
  lint(doc: TextDocument, resolved: ResolvedConfig): LintResult | undefined {
    // First: the document's own objects (a kustomization just typed) join the model the roots are found in.
    const parsed = this.deps.parsed(doc);
    const path = fsPathOf(doc.uri);
    let judgement: Judgement | undefined;
    // The renderer may read the document's changed objects from the editor's parse, for this render only.
    if (path !== undefined && parsed.chunks) offerKustomizeEditorParse(path, { text: parsed.text, chunks: parsed.chunks });
    try {
      judgement = path === undefined ? undefined : this.judge(path, resolved);
    } finally {
      if (path !== undefined) offerKustomizeEditorParse(path, undefined);
    }
    if (!judgement || path === undefined) return undefined;
    let perFile = this.results.get(judgement);
    if (!perFile) { perFile = new Map(); this.results.set(judgement, perFile); }
    const hit = perFile.get(path);
    if (hit && hit.version === doc.version) return hit.result;
    let result = resultOf(judgement, path, () => this.deps.parsed(doc), resolved);
    // The same findings as last time (a new judgement that changed nothing here): the same
    // result, so the validator has nothing new to publish.
    const last = this.last.get(path);
    if (last && last.version === doc.version && sameFindings(last.result, result)) result = last.result;
    perFile.set(path, { version: doc.version, result });
    this.last.set(path, { version: doc.version, result });
    return result;
  }

  /**
   * The findings of a closed file (the workspace scan) through the roots that reach it, or
   * undefined when none does. `text`: the file as read from disk.
   */
  lintClosed(path: string, text: string, resolved: ResolvedConfig): LintResult | undefined {
    const judgement = this.judge(path, resolved);
    return judgement && resultOf(judgement, path, () => parseFile(text), resolved);
  }

  /**
   * The judgement covering `path` (its roots rendered and judged), or undefined when no root
   * reaches the file.
   */
  judge(path: string, resolved: ResolvedConfig): Judgement | undefined {
    const dirs = this.kustomizationDirs();
    if (dirs.length === 0 || !this.mayReach(path, dirs)) return undefined;
    // With every root that shares a file with those (the other overlays of the same base): whether
    // a finding holds in all of them, and their names, are what check says of the whole repository.
    const plan = planKustomize(this.source, dirs, f => f === path, { render: (_fs, root) => this.render(root), siblings: true });
    for (const { root } of plan.renders) {
      // The same inclusions (kept while the kustomizations read the same) and a reach not dropped by a new render: as they are.
      if (this.reachFrom.get(root) === plan.inclusions && this.reach.has(root)) continue;
      this.reachFrom.set(root, plan.inclusions);
      const files = new Set<string>();
      const parsed = new Set<string>();
      for (const [file, list] of plan.inclusions) {
        const mine = list.filter(i => i.root === root);
        if (mine.length > 0) files.add(file);
        if (mine.length > 0 && mine.every(i => PARSED_ROLES.has(i.role))) parsed.add(file);
      }
      this.reach.set(root, new Set([...(this.reach.get(root) ?? []), ...files]));
      this.parsedOnly.set(root, parsed);
    }
    if (!plan.covered.has(path)) return undefined;
    const index = this.deps.index();
    const renders = plan.renders.map(r => r.result);
    const hit = this.judgements.find(j => j.config === resolved && j.generation === index.generation
      && j.renders.length === renders.length && j.renders.every((r, i) => r === renders[i]));
    if (hit) return hit;
    const entry: JudgementEntry = { plan, config: resolved, renders, generation: index.generation, byFile: new Map(), options: this.judgeOptions(plan, resolved) };
    const judged = judgeRenders(this.source, plan, entry.options);
    for (const j of judged) {
      const list = entry.byFile.get(j.file) ?? [];
      list.push(j);
      entry.byFile.set(j.file, list);
    }
    this.judgements = [entry, ...this.judgements.slice(0, MEMO_LIMIT - 1)];
    return entry;
  }

  /** The open documents that the roots reaching `doc` cover (now or before): their findings may have moved. */
  dependants(doc: TextDocument, open: readonly TextDocument[]): TextDocument[] {
    const path = fsPathOf(doc.uri);
    const files = path === undefined ? new Set<string>() : this.reachedWith(path);
    return open.filter(d => d.uri !== doc.uri && files.has(fsPathOf(d.uri) ?? ''));
  }

  /** Every file the roots reaching `path` cover (now or before), `path` included when one does. */
  reachedWith(path: string): Set<string> {
    const files = new Set<string>();
    for (const reached of this.reach.values()) if (reached.has(path)) for (const f of reached) files.add(f);
    return files;
  }

  /**
   * What proving a fix of this judgement needs; `taken(path)`: some file or open document uses
   * the path (a new patch file never goes there).
   */
  fixContext(judgement: Judgement, taken: (path: string) => boolean): SourceFixContext {
    const name = rootNames(judgement.plan.renders.map(r => r.root));
    return {
      fs: this.source,
      dirs: this.kustomizationDirs(),
      judge: judgement.options,
      freePath: (dir, file) => {
        const free = freeFileName(file, candidate => taken(`${dir}/${candidate}`) || this.source.kindOf(`${dir}/${candidate}`) !== undefined);
        return free && `${dir}/${free}`;
      },
      rootName: name,
      render: (fs, root, changed) => {
        // A root that read none of the files the fix writes renders as it did (and is not judged again).
        const cached = this.renders.get(root);
        const touched = (path: string) => changed.has(path) || [...changed].some(c => c.startsWith(`${path}/`));
        if (cached && !cached.reads.some(r => touched(r.path)) && readsHold(cached.reads, this.source)) return cached.result;
        return renderSafely(fs, root);
      },
    };
  }

  private judgeOptions(plan: KustomizePlan, resolved: ResolvedConfig): JudgeOptions {
    // A root's findings hold while its render, the model and the configuration do.
    const generation = this.deps.index().generation;
    if (this.rootCache?.generation !== generation || this.rootCache.config !== resolved) this.rootCache = { generation, config: resolved, cache: new WeakMap() };
    return {
      rootCache: this.rootCache.cache,
      streams: this.streams,
      workspace: this.modelWithout(plan.covered),
      configFor: () => resolved,
      renderedUri: root => uriOf(`${root}/.rendered.yaml`),
    };
  }

  /**
   * The model without the files the renders cover; the last one while every other file holds
   * the very objects it held (a keystroke in a patch changes a covered file only): what was
   * derived from it (its object list, the rules' tables) and the streams linted in it hold.
   */
  private modelWithout(covered: ReadonlySet<string>): WorkspaceIndex {
    const index = this.deps.index();
    const uris = new Set([...covered].map(uriOf));
    const last = this.lastModel;
    const defaultNamespace = index.options.defaultNamespace;
    if (last && last.defaultNamespace === defaultNamespace && sameFilesBut(index, last.model, uris)) {
      this.stats.modelsKept++;
      return last.model;
    }
    const model = withoutFiles(index, uris);
    this.lastModel = { defaultNamespace, model };
    return model;
  }

  /**
   * False when no kustomization of the workspace reaches the file (each taken as a root, a
   * superset of the real roots): a keystroke in a file no root reaches costs a check of the
   * kustomizations' reads, not a plan.
   */
  private mayReach(path: string, dirs: readonly string[]): boolean {
    const memo = this.reachable;
    if (!memo || memo.dirs !== dirs || !readsHold(memo.reads, this.source)) {
      const recording = new RecordingSource(this.source);
      this.reachable = { dirs, reads: recording.reads, files: new Set(inclusionMap(recording, dirs).keys()) };
    }
    return this.reachable!.files.has(path);
  }

  /**
   * A root's render, reused while every file it read reads the same, or differs only by lines
   * at its end that the renderer reads as nothing (a comment typed at the end of a resource).
   */
  private render(root: string): RenderResult {
    const cached = this.renders.get(root);
    if (cached && readsHold(cached.reads, this.source)) return cached.result;
    const parsed = this.parsedOnly.get(root);
    const reads = cached && parsed && readsAlike(cached.reads, this.source, (path, before, after) => parsed.has(path) && kustomizeReadsAlike(path, before, after));
    if (cached && reads) {
      cached.reads = reads;
      return cached.result;
    }
    const recording = new RecordingSource(this.source);
    const result = renderSafely(recording, root);
    this.renders.set(root, { reads: recording.reads, result });
    // The files it reaches are recomputed by the plan that asked.
    this.reach.delete(root);
    return result;
  }

  /** The folders holding a kustomization among the model's files (exclusions applied). */
  private kustomizationDirs(): string[] {
    const index = this.deps.index();
    if (this.dirsMemo && this.dirsMemo.generation === index.generation && this.dirsMemo.revision === index.revision) return this.dirsMemo.dirs;
    const dirs = new Set<string>();
    // By file name first: the model changes at every keystroke, and it holds far more objects than kustomizations.
    for (const uri of index.fileUris()) {
      if (!isKustomizationPath(uri) || !index.summariesOf(uri).some(s => s.kustomization)) continue;
      const file = fsPathOf(uri);
      if (file) dirs.add(file.slice(0, file.lastIndexOf('/')));
    }
    let sorted = [...dirs].sort();
    // The same folders: the same array, so what was derived from them (mayReach) still holds.
    const before = this.dirsMemo?.dirs;
    if (before && before.length === sorted.length && before.every((d, i) => d === sorted[i])) sorted = before;
    this.dirsMemo = { generation: index.generation, revision: index.revision, dirs: sorted };
    return sorted;
  }
}

/** The file's findings in a judgement, after the suppression comments of its text. */
function resultOf(judgement: Judgement, path: string, parsed: () => ParsedFile, resolved: ResolvedConfig): LintResult {
  const findings = (judgement.byFile.get(path) ?? []).map(j => withRoots(j, judgement.plan));
  try {
    return { ...suppressInSource(parsed(), findings, resolved), failures: [] };
  } catch {
    return { findings, failures: [] }; // unparsable: its findings stand
  }
}

function sameFindings(a: LintResult, b: LintResult): boolean {
  const key = (r: LintResult) => JSON.stringify([r.findings.map(f => [f.ruleId, f.messageId, f.message, f.offsets, f.related]), r.suppressed?.length ?? 0]);
  return key(a) === key(b);
}

/** The model without the files a render covers (URIs): their objects take part as rendered, never as written. */
function withoutFiles(index: WorkspaceIndex, uris: ReadonlySet<string>): WorkspaceIndex {
  const held = [...uris].filter(u => index.summariesOf(u).length > 0);
  return held.length === 0 ? index : index.withoutFiles(held);
}

/** `index` without the `covered` files holds exactly `model`'s files, each with the very same objects. */
function sameFilesBut(index: WorkspaceIndex, model: WorkspaceIndex, covered: ReadonlySet<string>): boolean {
  let n = 0;
  for (const uri of index.fileUris()) {
    if (covered.has(uri)) continue;
    const summaries = index.summariesOf(uri);
    if (summaries.length === 0) continue;
    if (model.summariesOf(uri) !== summaries) return false;
    n++;
  }
  let m = 0;
  for (const uri of model.fileUris()) if (model.summariesOf(uri).length > 0) m++;
  return n === m;
}

/** URIs of the files roots cover, asked for every one of them at every keystroke. */
const uris = new Map<string, string>();
const URI_LIMIT = 100_000;

function uriOf(path: string): string {
  let uri = uris.get(path);
  if (uri === undefined) {
    if (uris.size >= URI_LIMIT) uris.clear();
    uris.set(path, uri = diskUri(path));
  }
  return uri;
}

/** The finding with the roots that render it among its related locations (the editor lists them). */
function withRoots(j: JudgedFinding, plan: KustomizePlan): Finding {
  const source: FindingSource | undefined = j.source;
  if (!source) return j.finding;
  const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const roots = source.roots.flatMap(root => {
    const file = kustomizationOf(plan, root);
    return file ? [{ uri: uriOf(file), range: at, message: 'Rendered by this kustomization' }] : [];
  });
  return { ...j.finding, related: [...j.finding.related, ...roots] };
}

/** A root's own kustomization file (kustomization.yaml, .yml or Kustomization). */
export function kustomizationOf(plan: KustomizePlan, root: string): string | undefined {
  for (const [file, list] of plan.inclusions) if (list.some(i => i.root === root && i.role === 'kustomization' && !i.entry)) return file;
  return undefined;
}
