// The lint of a root's rendered stream, kept from one render to the next. The stream is the
// rendered objects' texts one after the other, and each is parsed and linted on its own (a
// "page"), in the model of the whole stream, so a keystroke costs what it changed: a page whose
// text is the same as before keeps its parse, and its lint unless what it read of the model
// changed (fact-delta.ts); a page whose values changed derives its parse from its last one
// (page-edit.ts); a model whose objects all read as before is the last one again, with what
// rules derived from it; nothing parses the whole stream. The model holds the pages' objects
// where the whole stream would put them (document index, lines), as a lint of the joined text
// would see them.
import type { LintResult, ResolvedConfig } from '../lint';
import { lintParsed, lintSees } from '../lint';
import type { FactChange } from '../lint-reuse';
import { ParsedFile, parseFile } from '../model/parse';
import { LineIndex } from '../model/text';
import type { WorkspaceIndex } from '../workspace';
import { factDelta, joinDeltas, sameFactsAs } from '../workspace/fact-delta';
import { ObjectSummary, summarizeFile } from '../workspace/summary';
import { moveRanges } from '../workspace/summary-reuse';
import { editedPage } from './page-edit';

/** How many roots' streams are kept (each holds its rendered objects' parses). */
const ROOT_LIMIT = 8;
/** How many source files' line indexes are kept. */
const LINES_LIMIT = 64;

/** One rendered object's text, its parse and lint (offsets and positions within the text). */
export interface RenderedPage {
  readonly text: string;
  readonly parsed: ParsedFile;
  readonly result: LintResult;
}

interface Page {
  readonly text: string;
  readonly parsed: ParsedFile;
  /** Its summaries as parsed alone (first document 0, first line 0). */
  readonly own: readonly ObjectSummary[];
  /** Where it sits in the stream, and its summaries there. */
  docIndex: number;
  line: number;
  placed: readonly ObjectSummary[];
  /** Its lint, once linted. */
  result: LintResult | undefined;
}

interface Stream {
  uri: string;
  texts: readonly string[];
  config: ResolvedConfig;
  /** The model without the rendered objects, as the lint saw it. */
  base: WorkspaceIndex;
  baseObjects: readonly ObjectSummary[];
  pages: Page[];
  summaries: ObjectSummary[];
  /** The model the pages were linted in: the base with the stream's objects. */
  workspace: WorkspaceIndex;
  lint: RenderedLint;
}

export interface RenderedLint {
  /** One per rendered object, in order. */
  pages: readonly RenderedPage[];
}

/**
 * The last lint of each root's rendered stream (the editor keeps one; the CLI renders each root
 * once and needs none).
 */
export class RenderedStreams {
  private readonly byRoot = new Map<string, Stream>();
  private readonly lineIndexes = new Map<string, LineIndex>();

  /**
   * What the calls did (tests read it): streams linted (not reused whole), streams reused whole,
   * rendered documents parsed, rendered documents derived from their previous parse (a value
   * changed: page-edit.ts), and streams linted in the model of their last lint.
   */
  readonly stats = { parsed: 0, reusedStreams: 0, documentsParsed: 0, documentsDerived: 0, modelsReused: 0 };

  /** `texts`: the rendered objects' YAML, in order (the stream is them joined by `---` lines). */
  lint(root: string, uri: string, texts: readonly string[], config: ResolvedConfig, base: WorkspaceIndex): RenderedLint {
    const prev = this.byRoot.get(root);
    const baseObjects = base.all();
    const comparable = !!prev && prev.uri === uri && prev.base.options.defaultNamespace === base.options.defaultNamespace;
    if (prev && comparable && prev.config === config && sameTexts(prev.texts, texts) && sameModel(prev.base, prev.baseObjects, base, baseObjects)) {
      this.stats.reusedStreams++;
      this.touch(root, prev);
      return prev.lint;
    }
    this.stats.parsed++;
    // The previous pages by text (an object rendered twice the same takes them in order).
    const earlier = new Map<string, Page[]>();
    if (prev && prev.uri === uri) for (const p of prev.pages) earlier.set(p.text, [...(earlier.get(p.text) ?? []), p]);
    const pages: Page[] = [];
    let docIndex = 0, line = 0;
    for (const [i, text] of texts.entries()) {
      const old = earlier.get(text)?.shift();
      // A changed object is most often the one at the same place last time, with a value changed.
      const page = old ? { ...old } : this.parsePage(uri, text, prev?.uri === uri ? prev.pages[i] : undefined);
      place(page, docIndex, line);
      pages.push(page);
      docIndex += page.parsed.documents.length;
      line += page.parsed.lines.lineCount;
    }
    let summaries = pages.flatMap(p => p.placed);
    // What changed in the model the stream is judged against: in the rest of the workspace (the
    // file being typed in is often part of it: a patch) and among the rendered objects themselves.
    const changed: FactChange = comparable ? joinDeltas(factDelta(prev!.baseObjects, baseObjects), factDelta(prev!.summaries, summaries)) : 'any';
    // The very model of the last lint (the same objects, facts and places: a value typed that no
    // summary holds) is used again, and with it every table rules derived from it (perModel).
    const same = comparable && prev!.config === config && sameObjects(prev!.baseObjects, baseObjects) && takeSummaries(pages, prev!.summaries);
    if (same) summaries = prev!.summaries;
    const workspace = same ? prev!.workspace : base.withFile(uri, summaries);
    if (same) this.stats.modelsReused++;
    // No fact changed (a value no rule reads of other objects): every kept page keeps its findings, unasked.
    const unchanged = changed !== 'any' && changed.length === 0;
    for (const page of pages) {
      // A page kept from the last lint keeps its findings unless its rules read a changed fact.
      const reusable = page.result !== undefined && comparable && prev!.config === config && (unchanged || !lintSees(page.result, changed, config));
      // The rendered text is never edited: its fixes would be dropped (source-fix.ts builds them on the sources).
      if (!reusable) page.result = lintParsed(page.parsed, config, { uri, workspace, summaries: page.placed, fixes: false });
    }
    const lint: RenderedLint = { pages: pages.map(p => ({ text: p.text, parsed: p.parsed, result: p.result! })) };
    this.touch(root, { uri, texts, config, base, baseObjects, pages, summaries, workspace, lint });
    return lint;
  }

  /** Line index of a source file's text, kept while the text is the same. */
  lines(file: string, text: string): LineIndex {
    const hit = this.lineIndexes.get(file);
    if (hit && hit.text === text) return hit;
    const index = new LineIndex(text);
    this.lineIndexes.delete(file);
    this.lineIndexes.set(file, index);
    if (this.lineIndexes.size > LINES_LIMIT) this.lineIndexes.delete(this.lineIndexes.keys().next().value!);
    return index;
  }

  /** A page of `text`, derived from `near` (the page last at its place) when only values differ, else parsed. */
  private parsePage(uri: string, text: string, near?: Page): Page {
    const derived = near && editedPage(near.parsed, text);
    const parsed = derived ?? parseFile(text);
    if (derived) this.stats.documentsDerived += parsed.documents.length;
    else this.stats.documentsParsed += parsed.documents.length;
    const own = summarizeFile(uri, parsed);
    return { text, parsed, own, docIndex: 0, line: 0, placed: own, result: undefined };
  }

  private touch(root: string, stream: Stream): void {
    this.byRoot.delete(root);
    this.byRoot.set(root, stream);
    if (this.byRoot.size > ROOT_LIMIT) this.byRoot.delete(this.byRoot.keys().next().value!);
  }
}

/** Puts the page's summaries where the stream has it: its first document and line. */
function place(page: Page, docIndex: number, line: number): void {
  if (page.docIndex === docIndex && page.line === line) return;
  page.docIndex = docIndex;
  page.line = line;
  page.placed = page.own.map(s => {
    const moved = moveRanges(s, line) as ObjectSummary;
    moved.docIndex = s.docIndex + docIndex;
    sameFactsAs(moved, s);
    return moved;
  });
}

const sameObjects = (a: readonly ObjectSummary[], b: readonly ObjectSummary[]) => a === b || (a.length === b.length && a.every((s, i) => s === b[i]));

/**
 * True when the pages' summaries are `old`, object for object or written the same (positions
 * included): then the pages take the old objects, so the model of the last lint holds them.
 */
function takeSummaries(pages: Page[], old: readonly ObjectSummary[]): boolean {
  let n = 0;
  const differing: Page[] = [];
  for (const page of pages) {
    const at = n;
    n += page.placed.length;
    if (n > old.length) return false;
    if (page.placed.some((s, j) => s !== old[at + j])) {
      if (page.placed.some((s, j) => JSON.stringify(s) !== JSON.stringify(old[at + j]))) return false;
      differing.push(page);
    }
  }
  if (n !== old.length) return false;
  n = 0;
  for (const page of pages) {
    if (differing.includes(page)) page.placed = old.slice(n, n + page.placed.length);
    n += page.placed.length;
  }
  return true;
}

function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((t, i) => t === b[i]));
}

/** The same model to lint against: the same objects, positions included (related places point there). */
function sameModel(a: WorkspaceIndex, aObjects: readonly ObjectSummary[], b: WorkspaceIndex, bObjects: readonly ObjectSummary[]): boolean {
  if (a === b) return true;
  if (a.options.defaultNamespace !== b.options.defaultNamespace || aObjects.length !== bObjects.length) return false;
  return aObjects.every((s, i) => s === bObjects[i] || JSON.stringify(s) === JSON.stringify(bObjects[i]));
}
