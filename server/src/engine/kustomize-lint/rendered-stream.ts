// The lint of a root's rendered stream, kept from one render to the next. A keystroke changes one
// object of a render, or none (a comment): its stream is parsed again from the previous parse
// (documents whose text is the same are taken over, not parsed) and linted from the previous
// lint (documents the edit did not touch keep their findings unless what they read of the model
// changed), so the cost follows what the edit changed, not the size of the render.
import type { LintResult, ResolvedConfig } from '../lint';
import { lintParsed } from '../lint';
import type { FactChange } from '../lint-reuse';
import { ParsedFile, parseFile } from '../model/parse';
import { LineIndex } from '../model/text';
import type { WorkspaceIndex } from '../workspace';
import { factDelta, joinDeltas } from '../workspace/fact-delta';
import { ObjectSummary, summarizeFile } from '../workspace/summary';

/** How many roots' streams are kept (each holds its rendered text's parse). */
const ROOT_LIMIT = 8;
/** How many source files' line indexes are kept. */
const LINES_LIMIT = 64;

interface Stream {
  uri: string;
  yaml: string;
  config: ResolvedConfig;
  /** The model without the rendered objects, as the lint saw it. */
  base: WorkspaceIndex;
  baseObjects: readonly ObjectSummary[];
  parsed: ParsedFile;
  summaries: ObjectSummary[];
  result: LintResult;
}

export interface RenderedLint {
  parsed: ParsedFile;
  result: LintResult;
}

/**
 * The last lint of each root's rendered stream (the editor keeps one; the CLI renders each root
 * once and needs none). A stream's parse is handed over to the next one: only the newest lint of
 * a root may be read after the next call for that root.
 */
export class RenderedStreams {
  private readonly byRoot = new Map<string, Stream>();
  private readonly lineIndexes = new Map<string, LineIndex>();

  /** What the calls did (tests read it): streams parsed, streams reused whole, and rendered documents parsed. */
  readonly stats = { parsed: 0, reusedStreams: 0, documentsParsed: 0 };

  lint(root: string, uri: string, yaml: string, config: ResolvedConfig, base: WorkspaceIndex): RenderedLint {
    const prev = this.byRoot.get(root);
    const baseObjects = base.all();
    const sameBase = !!prev && prev.uri === uri && sameModel(prev.base, prev.baseObjects, base, baseObjects);
    if (prev && sameBase && prev.yaml === yaml && prev.config === config) {
      this.stats.reusedStreams++;
      this.touch(root, prev);
      return prev;
    }
    // The previous parse is given away (its documents move): it leaves the memo first.
    this.byRoot.delete(root);
    const taken = new Set(prev?.parsed.documents.map(d => d.doc));
    const parsed = parseFile(yaml, prev && prev.uri === uri ? { previous: prev.parsed } : {});
    this.stats.parsed++;
    this.stats.documentsParsed += parsed.documents.filter(d => !taken.has(d.doc)).length;
    const summaries = summarizeFile(uri, parsed);
    // What changed in the model the stream is judged against (fact-delta.ts): in the rest of the
    // workspace (the file being typed in is often part of it: a patch) and among the rendered
    // objects themselves. Objects that are the same summaries cost nothing to compare.
    const comparable = !!prev && prev.uri === uri && prev.base.options.defaultNamespace === base.options.defaultNamespace;
    const changed: FactChange = comparable ? joinDeltas(factDelta(prev.baseObjects, baseObjects), factDelta(prev.summaries, summaries)) : 'any';
    const workspace = base.withFile(uri, summaries);
    // The rendered text is never edited: its fixes would be dropped (source-fix.ts builds them on the sources).
    const result = lintParsed(parsed, config, {
      uri, workspace, summaries, fixes: false,
      ...(prev && prev.config === config && prev.uri === uri ? { previous: { result: prev.result, changed } } : {}),
    });
    const stream: Stream = { uri, yaml, config, base, baseObjects, parsed, summaries, result };
    this.touch(root, stream);
    return stream;
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

  private touch(root: string, stream: Stream): void {
    this.byRoot.delete(root);
    this.byRoot.set(root, stream);
    if (this.byRoot.size > ROOT_LIMIT) this.byRoot.delete(this.byRoot.keys().next().value!);
  }
}

/** The same model to lint against: the same objects, positions included (related places point there). */
function sameModel(a: WorkspaceIndex, aObjects: readonly ObjectSummary[], b: WorkspaceIndex, bObjects: readonly ObjectSummary[]): boolean {
  if (a === b) return true;
  if (a.options.defaultNamespace !== b.options.defaultNamespace || aObjects.length !== bObjects.length) return false;
  return aObjects.every((s, i) => s === bObjects[i] || JSON.stringify(s) === JSON.stringify(bObjects[i]));
}
