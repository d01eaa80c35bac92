// Findings of a previous lint reused for the documents an edit did not touch. The incremental
// parse hands unchanged documents over to the new version (the same yaml Document objects, moved
// in place), so a document's lint can be reused when its Document is the same object and what it
// read of the workspace model did not change; its findings are moved by the edit. The text between
// the two versions differs in one span (common prefix and suffix), so an offset before the span
// stays, one after it moves by the length difference, and one inside it cannot be mapped: that
// document is linted again.
import type { Document } from 'yaml';
import type { Finding, LintResult, RuleFailure } from './lint';
import type { ParsedFile } from './model/parse';
import type { LineIndex, Position, Range } from './model/text';
import type { SuppressedFinding } from './suppress';
import type { FactDelta } from './workspace/fact-delta';
import { commonEnds } from './util/common-ends';

/**
 * What changed in the workspace model since the previous lint (fact-delta.ts): nothing (an empty
 * list), these facts, or anything (`any`: a Namespace, a kustomization, the default namespace).
 */
export type FactChange = FactDelta;

/** One document's part of a lint, before the file's comment suppressions. */
export interface DocumentLint {
  findings: Finding[];
  /** Findings of this document its annotations suppress. */
  suppressed: SuppressedFinding[];
  /** Problems with this document's suppression annotations. */
  problems: Finding[];
  failures: RuleFailure[];
  /** The rules that read the workspace model for it, and whether the namespace's Pod Security labels decided its level. */
  reads: { index: readonly string[]; namespaces: boolean };
}

/** Whether any of these rules reads a fact of the change. */
export type Sees = (rules: readonly string[], change: Exclude<FactChange, 'any'>) => boolean;

/** Whether a change of the model may change the lint of this part of a document. */
function partSees(part: DocumentLint, change: FactChange, sees: Sees): boolean {
  return change === 'any' ? part.reads.index.length > 0 || part.reads.namespaces : sees(part.reads.index, change);
}

/**
 * Whether a change of the model may change `result`, a lint of the same text: false when no
 * document of it was judged by a rule that reads a changed fact (then the result stands as it is).
 */
export function resultSees(result: LintResult, change: FactChange, sees: Sees): boolean {
  const basis = bases.get(result);
  if (!basis) return change === 'any' || change.length > 0;
  for (const part of basis.documents.values()) if (partSees(part, change, sees)) return true;
  return false;
}

/**
 * What a lint's rules read of the model, every document of it together: what a front end keeps
 * of a result it does not keep (a closed file of the workspace scan), to tell later whether a
 * change of the model may change it. Undefined when the result says nothing of it (any change may).
 */
export interface ModelReads {
  index: readonly string[];
  namespaces: boolean;
}

export function modelReadsOf(result: LintResult): ModelReads | undefined {
  const basis = bases.get(result);
  if (!basis) return undefined;
  const index = new Set<string>();
  let namespaces = false;
  for (const part of basis.documents.values()) {
    for (const id of part.reads.index) index.add(id);
    namespaces ||= part.reads.namespaces;
  }
  return { index: [...index], namespaces };
}

/** resultSees for what modelReadsOf kept of a result. */
export function readsSee(reads: ModelReads | undefined, change: FactChange, sees: Sees): boolean {
  if (!reads) return change === 'any' || change.length > 0;
  return change === 'any' ? reads.index.length > 0 || reads.namespaces : sees(reads.index, change);
}

interface Basis {
  text: string;
  lines: LineIndex;
  uri: string;
  documents: Map<Document, KeptPart>;
}

/** A document's part of a lint, where the document started then. */
type KeptPart = DocumentLint & {
  start: number;
  /** The furthest offset of this file a finding of the part relates to (-1: none), once known. */
  relatedEnd?: number;
};

/**
 * Where the document started when its findings' offsets were last set. The findings of a part
 * reused in place are the same objects in every later lint that reuses it, so this is one cell
 * they all share: moving them again, or again after a lint that stopped half-way, moves them by
 * what is left to move, never twice.
 */
interface Placed { start: number }

const placements = new WeakMap<readonly Finding[], Placed>();

const bases = new WeakMap<LintResult, Basis>();

/** Keeps the per-document parts of `result`, so the next version's lint can reuse them. */
export function keepForReuse(result: LintResult, file: ParsedFile, uri: string, parts: ReadonlyMap<Document, DocumentLint>): void {
  const documents = new Map<Document, KeptPart>();
  for (const [doc, part] of parts) {
    if (!doc.range) continue;
    if (!placements.has(part.findings)) placements.set(part.findings, { start: doc.range[0] });
    documents.set(doc, { ...part, start: doc.range[0] });
  }
  bases.set(result, { text: file.text, lines: file.lines, uri, documents });
}

/** Maps offsets and positions of the previous text to the current one. */
class EditMap {
  readonly start: number;
  private readonly oldEnd: number;
  private readonly delta: number;

  constructor(private readonly before: Basis, readonly after: ParsedFile) {
    const a = before.text, b = after.text;
    // The parse compared the same two texts already when it was made from the earlier one.
    const { prefix: p, suffix: s } = after.edited?.from === a ? after.edited : commonEnds(a, b);
    this.start = p;
    this.oldEnd = a.length - s;
    this.delta = b.length - a.length;
  }

  /** The new offset of an old one; undefined inside the edited span (or at an insertion point). */
  offset(o: number, isEnd = false): number | undefined {
    if (o < this.start || (isEnd && o === this.start)) return o;
    if (o > this.oldEnd || (o === this.oldEnd && this.oldEnd > this.start)) return o + this.delta;
    return undefined;
  }

  range(r: Range): Range | undefined {
    const a = this.offset(this.before.lines.offsetAt(r.start));
    const b = this.offset(this.before.lines.offsetAt(r.end), true);
    if (a === undefined || b === undefined) return undefined;
    return { start: this.after.lines.positionAt(a), end: this.after.lines.positionAt(b) };
  }
}

/**
 * The part with its findings' offsets for a document starting at `start`: moved in place by what
 * they were not moved yet (nothing, unless a part reused in place is taken again, or a lint that
 * moved it stopped half-way and the text went back).
 */
function settled(part: KeptPart, start: number): KeptPart {
  const placed = placements.get(part.findings);
  const delta = placed ? start - placed.start : 0;
  if (delta !== 0) {
    for (const list of [part.findings, part.problems]) {
      for (const f of list) f.offsets = [f.offsets[0] + delta, f.offsets[1] + delta];
    }
    placed!.start = start;
  }
  return part;
}

export class Reuse {
  private readonly map: EditMap;

  private constructor(private readonly basis: Basis, private readonly file: ParsedFile, private readonly changed: FactChange, private readonly sees: Sees) {
    this.map = new EditMap(basis, file);
  }

  /**
   * Reuse of `previous` for `file`, if it kept its parts. `sees`: whether the rules that read the
   * model for a document may see the change.
   */
  static from(previous: LintResult, file: ParsedFile, uri: string, changed: FactChange, sees: Sees): Reuse | undefined {
    const basis = bases.get(previous);
    return basis && basis.uri === uri ? new Reuse(basis, file, changed, sees) : undefined;
  }

  /**
   * The previous lint of `doc` at its new place, or undefined when it must be linted again. Fixes
   * and suggestions are kept: they are bound to the document, which the incremental parse moved
   * in place, and read the text it is part of now (parse.ts currentText).
   */
  take(doc: Document, docIndex: number): DocumentLint | undefined {
    const old = this.basis.documents.get(doc);
    if (!old || !doc.range) return undefined;
    if (partSees(old, this.changed, this.sees)) return undefined;
    // The same text (another file's facts changed): the document's lint stands as it is.
    if (this.basis.text === this.file.text) return old.start === doc.range[0] ? settled(old, old.start) : undefined;
    const start = this.map.offset(old.start);
    if (start !== doc.range[0]) return undefined;
    // Wholly before the edit, with nothing that points past it: nothing moves.
    if (doc.range[2] < this.map.start && old.start === start && this.relatedEnd(old) < this.map.start) return settled(old, start);
    const from = this.basis.lines.positionAt(old.start);
    const to = this.map.after.lines.positionAt(start);
    // Documents begin a line; moved whole, every position in one moves by the same lines.
    if (from.character !== to.character) return undefined;
    const lines = to.line - from.line;
    const delta = start - old.start;
    if (lines === 0 && this.relatedEnd(old) < 0) {
      const kept = this.inPlace(old, start, docIndex);
      if (kept) return kept;
    }
    const at = (p: Position): Position => ({ line: p.line + lines, character: p.character });
    const moved = new Map<Finding, Finding>();
    const move = (f: Finding): Finding | undefined => {
      let related = f.related;
      if (related.some(r => r.uri === this.basis.uri)) {
        related = [];
        for (const r of f.related) {
          const range = r.uri === this.basis.uri ? this.map.range(r.range) : r.range;
          if (!range) return undefined;
          related.push({ ...r, range });
        }
      }
      // Unmoved (before the edit), a finding keeps its place objects.
      // Written out rather than spread: this runs for every finding after the edit, every keystroke.
      const next: Finding = {
        ruleId: f.ruleId, messageId: f.messageId, message: f.message, severity: f.severity, covers: f.covers,
        fix: f.fix, suggestions: f.suggestions,
        offsets: delta === 0 ? f.offsets : [f.offsets[0] + delta, f.offsets[1] + delta],
        range: lines === 0 ? f.range : { start: at(f.range.start), end: at(f.range.end) },
        object: f.object.docIndex === docIndex ? f.object : { ...f.object, docIndex },
        data: f.data,
        related,
      };
      // Only a suppressed finding is looked up again (below).
      if (old.suppressed.length) moved.set(f, next);
      return next;
    };
    const findings: Finding[] = [];
    for (const f of old.findings) {
      const m = move(f);
      if (!m) return undefined;
      findings.push(m);
    }
    const problems: Finding[] = [];
    for (const f of old.problems) {
      const m = move(f);
      if (!m) return undefined;
      problems.push(m);
    }
    const suppressed = old.suppressed.length ? old.suppressed.map(x => ({ ...x, finding: moved.get(x.finding) ?? x.finding })) : old.suppressed;
    return { findings, suppressed, problems, failures: old.failures, reads: old.reads };
  }

  /**
   * The part itself, its findings moved in place to a document now starting at `start` on the
   * line it started on, when nothing else of them changes: their ranges (same lines, same
   * columns) and the document's index. A keystroke then makes no new finding for the documents
   * after it, and each keeps its diagnostic (diagnostics.ts) from one keystroke to the next.
   * Only offsets move, each finding's a new pair: an offsets array may be shared.
   */
  private inPlace(old: KeptPart, start: number, docIndex: number): KeptPart | undefined {
    if (!placements.has(old.findings)) return undefined;
    const first = old.findings[0] ?? old.problems[0];
    if (first && first.object.docIndex !== docIndex) return undefined;
    return settled(old, start);
  }

  /**
   * The furthest offset of this file that the part's findings relate to (-1: none). Kept on the
   * part: a part before the edit is kept as it is, and so is the answer, edit after edit.
   */
  private relatedEnd(part: KeptPart): number {
    if (part.relatedEnd === undefined) {
      let end = -1;
      for (const list of [part.findings, part.problems]) {
        for (const f of list) for (const r of f.related) if (r.uri === this.basis.uri) end = Math.max(end, this.basis.lines.offsetAt(r.range.end));
      }
      part.relatedEnd = end;
    }
    return part.relatedEnd;
  }
}
