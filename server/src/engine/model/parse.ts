// One parse per document version: the LSP caches the ParsedFile by (uri, version), the CLI
// parses each file once, and every rule reads the same nodes.
import { Document, isMap, isScalar, isSeq, YAMLMap } from 'yaml';
import { GO_YAML_V2, parseGoYamlStream } from './go-yaml-stream';
import { shiftDocuments } from './shift-nodes';
import { isNonKubernetesJson } from './json-kind';
import { documentBounds, readableRun } from './kubectl-text';
import { commonEnds } from '../util/common-ends';
import { LineIndex } from './text';
import { formatSize } from '../size';
import { get, str } from './yaml-nav';

export interface K8sObject {
  apiVersion: string;
  /** API group: '' for the core group (apiVersion `v1`). */
  group: string;
  kind: string;
  name?: string;
  namespace?: string;
  /** The object's own map (a document's root, or an item of a `kind: List`). */
  node: YAMLMap;
  doc: Document;
  /** Index of the YAML document in the file (0-based). */
  docIndex: number;
}

export interface ParsedDocument {
  doc: Document;
  index: number;
  /** Syntax errors: such a document is not linted, and says so in `skipped`. */
  hasErrors: boolean;
  /** Why this document was not judged (a syntax error), if so. */
  skipped?: string;
  /** Where the unread part starts (the first error), when `skipped` is set. */
  skippedAt?: number;
  objects: K8sObject[];
}

export interface ParsedFile {
  text: string;
  lines: LineIndex;
  documents: ParsedDocument[];
  /** Why the file as a whole was not judged (a Helm chart template, binary content, too large), if so. */
  skipped?: string;
  /** JSON with no `apiVersion` or `kind` at its top: judged as not Kubernetes without parsing. */
  notKubernetes?: boolean;
  /** The text split into document runs, each with its parse: what the next version may reuse. */
  chunks?: readonly Chunk[];
  /** For a parse from a previous version's: that text, and how much of its start and end this one shares. */
  edited?: { from: string; prefix: number; suffix: number };
}

/** A part of a file that was not judged, and why. */
export interface Skip {
  reason: string;
  /** Offset in the text where it starts (0 for a whole file). */
  offset: number;
}

/** A run of the text that starts at a document marker (or the text's start) and its documents. */
interface Chunk {
  start: number;
  text: string;
  docs: Document.Parsed[];
}

/** Files larger than this are not parsed unless configured otherwise: beyond any real manifest, and it bounds work. */
export const MAX_TEXT_LENGTH = 16 * 1024 * 1024;

/** JSON texts longer than this are first judged from their keys (json-kind.ts), without a parse. */
export const JSON_JUDGED_FROM = 256 * 1024;

export const HELM_CHART_TEMPLATE = 'Helm chart template, judged through its rendered chart (open it, or run kube-harden check on the chart)';

/** How every Kubernetes manifest is parsed (tests compare against the same). */
export const PARSE_OPTIONS = GO_YAML_V2;

export interface ParseOptions {
  /** The file lies in a Helm chart's `templates/` folder: it is not judged until charts are rendered. */
  helmTemplate?: boolean;
  /**
   * The file lies elsewhere in a Helm chart (conf/, files/ ...): Helm reads it only as data, which
   * templates may render. A document of it that does not parse and holds template actions is
   * such data, not a manifest: it has no objects and is not reported as skipped.
   */
  chartData?: boolean;
  /** Texts longer than this (UTF-16 code units) are not parsed; default MAX_TEXT_LENGTH. */
  maxLength?: number;
  /**
   * The parse of this file's previous version. Documents whose text did not change are taken
   * from it instead of being parsed again, so a keystroke in one document of a large install
   * manifest costs a parse of that document only. The previous parse must not be used after
   * this call: the documents it gives away are moved to their new offsets in place.
   */
  previous?: ParsedFile;
}

export function parseFile(text: string, options: ParseOptions = {}): ParsedFile {
  return finish(parseFileSteps(text, options));
}

/**
 * parseFile as steps: the generator yields after each run of documents it parses, so a caller
 * with an event loop (the language server, on a 10 MB document) can answer other requests, or
 * give up on a superseded version, between steps. Its return value is parseFile's.
 */
export function* parseFileSteps(text: string, options: ParseOptions = {}): Generator<void, ParsedFile, void> {
  const previous = options.previous;
  const ends = previous ? commonEnds(previous.text, text) : undefined;
  const lines = previous ? LineIndex.edited(previous.lines, text, ends) : new LineIndex(text);
  const unparsed = judgedWhole(text, lines, options);
  if (unparsed) return unparsed;
  const chunks: Chunk[] = [];
  const reusable = new ReusableChunks(previous, text, ends);
  // Reused documents are moved only once every step is done: until then the previous parse is
  // untouched, so steps abandoned half-way (a superseded version) leave it usable.
  const moves: Array<{ docs: Document.Parsed[]; delta: number }> = [];
  for (const [start, end] of documentBounds(text)) {
    // A run outside the edited span is the previous one at its (shifted) place: no need to
    // rewrite its text and look it up by text (both cost as much as the file, every keystroke).
    const same = reusable.atPlace(start, end);
    const chunkText = same?.text ?? readableRun(text, start, end);
    const reused = same ?? reusable.byText(chunkText);
    if (reused) {
      moves.push({ docs: reused.docs, delta: start - reused.start });
      chunks.push({ start, text: chunkText, docs: reused.docs });
      continue;
    }
    const docs = parseDocuments(chunkText);
    if (!docs) return { text, lines, documents: [], skipped: PARSER_FAILED };
    if (start > 0) shiftDocuments(docs, start);
    chunks.push({ start, text: chunkText, docs });
    yield;
  }
  for (const m of moves) shiftDocuments(m.docs, m.delta, true);
  for (const c of chunks) for (const doc of c.docs) texts.set(doc, text);
  const documents = chunks.flatMap(c => c.docs).map((doc, index) => parsedDocument(text, doc, index, options.chartData));
  return { text, lines, documents, chunks, ...(previous && ends ? { edited: { from: previous.text, ...ends } } : {}) };
}

/**
 * parseFile for a reader that needs only what each document says (the workspace index, reading
 * files from disk): each document is handed to `each` as parseFile would list it, as soon as its
 * run of the text is parsed, and kept by nothing here, so the parse of a large install (tens of
 * megabytes of nodes for 2 MB of text) is never all in memory at once. Returns the file as
 * parseFile would, without documents: when it is `skipped` or `notKubernetes`, parseFile would
 * have listed no document at all, and what `each` was given must be dropped.
 */
export function parseEachDocument(text: string, options: Pick<ParseOptions, 'helmTemplate' | 'chartData' | 'maxLength'>, each: (d: ParsedDocument, file: ParsedFile) => void): ParsedFile {
  const file: ParsedFile = { text, lines: new LineIndex(text), documents: [] };
  const unparsed = judgedWhole(text, file.lines, options);
  if (unparsed) return unparsed;
  let index = 0;
  for (const [start, end] of documentBounds(text)) {
    const docs = parseDocuments(readableRun(text, start, end));
    if (!docs) return { ...file, skipped: PARSER_FAILED };
    if (start > 0) shiftDocuments(docs, start);
    for (const doc of docs) {
      texts.set(doc, text);
      each(parsedDocument(text, doc, index++, options.chartData), file);
    }
  }
  return file;
}

const PARSER_FAILED = 'the YAML parser failed on this file';

/** The file judged as a whole, without parsing it (a chart template, not Kubernetes, too large, binary), if so. */
function judgedWhole(text: string, lines: LineIndex, options: ParseOptions): ParsedFile | undefined {
  if (options.helmTemplate) return { text, lines, documents: [], skipped: HELM_CHART_TEMPLATE };
  // Before the size limit: a huge package-lock.json is not Kubernetes, which is an answer, not a
  // skip. Smaller JSON is parsed as any other text (cheap, and what it says is then the parser's).
  if (text.length > JSON_JUDGED_FROM && isNonKubernetesJson(text)) return { text, lines, documents: [], notKubernetes: true };
  const max = options.maxLength ?? MAX_TEXT_LENGTH;
  if (text.length > max) return { text, lines, documents: [], skipped: tooLarge(text.length, max) };
  // go-yaml refuses a NUL anywhere ("control characters are not allowed"): kubectl reads nothing.
  if (text.includes('\u0000')) return { text, lines, documents: [], skipped: 'binary content' };
  return undefined;
}

/** A parsed document as the file lists it: its objects, or why it is not judged. */
function parsedDocument(text: string, doc: Document.Parsed, index: number, chartData?: boolean): ParsedDocument {
  const error = doc.errors[0];
  if (!error) {
    const list = listWithoutKind(doc);
    if (list !== undefined) return { doc, index, hasErrors: false, skipped: LIST_WITHOUT_KIND, skippedAt: list, objects: [] };
    return { doc, index, hasErrors: false, objects: objectsAt(doc, index) };
  }
  if (chartData && TEMPLATE_LINE.test(documentText(text, doc))) return { doc, index, hasErrors: true, objects: [] };
  return { doc, index, hasErrors: true, skipped: syntaxReason(text, doc, error.message), skippedAt: errorLineStart(text, doc, error.pos[0]), objects: [] };
}

function documentText(text: string, doc: Document): string {
  return doc.range ? text.slice(doc.range[0], doc.range[2]) : '';
}

/** The text each parsed document is part of now (a reused document moves on to the next version's). */
const texts = new WeakMap<Document, string>();

/**
 * The text of the file `doc` is part of now: `bound`, the text it was parsed or linted with, until
 * an incremental parse hands the document on to a newer version (moved in place). A fix bound to
 * a document reads its edits from this text, so it stays right when its document is reused.
 */
export function currentText(doc: Document, bound: string): string {
  return texts.get(doc) ?? bound;
}

/** Every part of the file that was not judged, in text order. */
export function skipsOf(file: ParsedFile): Skip[] {
  if (file.skipped) return [{ reason: file.skipped, offset: 0 }];
  return file.documents.flatMap(d => (d.skipped ? [{ reason: d.skipped, offset: d.skippedAt ?? d.doc.range?.[0] ?? 0 }] : []));
}

// A line that is a template action (`{{ if ... }}`, `{{- end }}`) or a value made of one
// (`image: {{ .Values.image }}`): where such a document does not parse, a template is the likely cause.
const TEMPLATE_LINE = /^[^#\n]*\{\{[^\n]*\}\}/m;

/**
 * Where to show a syntax error: its own position, except one found at the end of the input (an
 * unclosed quote or bracket), which is shown on the document's last line rather than past it.
 */
function errorLineStart(text: string, doc: Document, at: number): number {
  const end = doc.range ? doc.range[2] : text.length;
  let last = Math.min(end, text.length) - 1;
  while (last > 0 && /\s/.test(text[last])) last--;
  if (at <= last) return at;
  const lineStart = Math.max(text.lastIndexOf('\n', last), text.lastIndexOf('\r', last)) + 1;
  return Math.max(lineStart, doc.range?.[0] ?? 0);
}

function syntaxReason(text: string, doc: Document, message: string): string {
  // `yaml` turns a stack overflow on deep nesting into a document error: say what it means.
  if (/call stack/i.test(message)) return 'nested too deeply to be read';
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (TEMPLATE_LINE.test(documentText(text, doc))) return `YAML syntax error (${first}); it looks like a template outside a Helm chart's templates/ folder`;
  return `YAML syntax error: ${first}`;
}

/** The reason a file over the size limit is not read (sizes in bytes on disk, or characters in the editor). */
export function tooLarge(size: number, limit: number): string {
  return `file too large (${formatSize(size)}; the limit is ${formatSize(limit)}, see maxFileSize)`;
}

function parseDocuments(text: string): Document.Parsed[] | undefined {
  try {
    return parseGoYamlStream(text, PARSE_OPTIONS);
  } catch {
    return undefined;
  }
}

/**
 * The previous parse's chunks, each usable once; those with problems are parsed again. A chunk
 * is found at its place when the run lies wholly before or after the edited span (its text is
 * then the same), else by its text (a document pasted elsewhere, or the edited one unchanged).
 */
class ReusableChunks {
  private readonly usable: Chunk[] = [];
  private readonly taken = new Set<Chunk>();
  private byLength: Map<number, Chunk[]> | undefined;
  private readonly byStart = new Map<number, Chunk>();
  private readonly prefix: number;
  private readonly suffixFrom: number;
  private readonly delta: number;

  constructor(previous: ParsedFile | undefined, text: string, ends: { prefix: number; suffix: number } | undefined) {
    for (const c of previous?.chunks ?? []) {
      if (c.docs.some(d => d.errors.length > 0 || d.warnings.length > 0)) continue;
      this.usable.push(c);
      this.byStart.set(c.start, c);
    }
    this.prefix = ends?.prefix ?? 0;
    this.suffixFrom = ends ? text.length - ends.suffix : Infinity;
    this.delta = previous ? text.length - previous.text.length : 0;
  }

  /** The previous chunk of exactly the run [start, end), when the edit is not in it. */
  atPlace(start: number, end: number): Chunk | undefined {
    const before = end <= this.prefix;
    if (!before && start < this.suffixFrom) return undefined;
    const c = this.byStart.get(before ? start : start - this.delta);
    return c && c.text.length === end - start && !this.taken.has(c) ? this.take(c) : undefined;
  }

  /** An unused previous chunk of this very text (found among those of its length: no hashing of every text). */
  byText(text: string): Chunk | undefined {
    if (!this.byLength) {
      this.byLength = new Map();
      for (const c of this.usable) {
        const list = this.byLength.get(c.text.length);
        if (list) list.push(c); else this.byLength.set(c.text.length, [c]);
      }
    }
    const c = this.byLength.get(text.length)?.find(x => x.text === text && !this.taken.has(x));
    return c && this.take(c);
  }

  private take(c: Chunk): Chunk {
    this.taken.add(c);
    return c;
  }
}

/**
 * The objects of each document as last read, so a document reused at the same index is not read
 * again. Kept on the Document itself, not in a WeakMap: the objects point back at their document,
 * and V8's young-generation collector holds a WeakMap's values strongly, so every document parsed
 * would outlive its first collections and be promoted (indexing 4,500 small files spent twice
 * the parse's garbage collection on it, and grew the old generation by 45 MB a pass).
 */
const OBJECTS_READ = Symbol('objectsRead');

type ReadDocument = Document & { [OBJECTS_READ]?: { docIndex: number; objects: K8sObject[] } };

function objectsAt(doc: ReadDocument, docIndex: number): K8sObject[] {
  const hit = doc[OBJECTS_READ];
  if (hit?.docIndex === docIndex) return hit.objects;
  const objects = hit ? hit.objects.map(o => ({ ...o, docIndex })) : objectsOf(doc, docIndex);
  doc[OBJECTS_READ] = { docIndex, objects };
  return objects;
}

const LIST_WITHOUT_KIND = 'a list of objects without "kind": kubectl refuses it (Object \'Kind\' is missing)';

/**
 * Where the `items` of a document kubectl refuses as a list without a kind begin: apimachinery
 * decodes any document with `items` as a list, then fails it for its empty kind, so none of its
 * objects is applied. Only when an item is a Kubernetes object: other YAML with `items` is not
 * Kubernetes, and judged as any such text (it has no objects).
 */
function listWithoutKind(doc: Document): number | undefined {
  const root = doc.contents;
  if (!isMap(root) || str(get(root, 'kind', doc))) return undefined;
  const items = get(root, 'items', doc);
  if (!items || !isSeq(items.value)) return undefined;
  const objects = items.value.items.some(it => isMap(it) && str(get(it, 'kind', doc)) && str(get(it, 'apiVersion', doc)));
  return objects ? (items.key?.range ?? root.range)?.[0] : undefined;
}

function objectsOf(doc: Document, docIndex: number): K8sObject[] {
  const root = doc.contents;
  if (!isMap(root)) return [];
  const top = asObject(root, doc, docIndex);
  // kubectl decodes every document with an `items` field as a list (apimachinery's
  // unstructuredJSONScheme.decode), whatever its group: `v1 List`, `apps/v1 DeploymentList`,
  // `rbac.authorization.k8s.io/v1 RoleList`. An item that names neither kind nor apiVersion is
  // of the list's kind without "List", in the list's apiVersion (decodeToList), as typed lists
  // from the API server are written.
  const items = get(root, 'items', doc);
  if (!items || !isSeq(items.value)) return top ? [top] : [];
  const inherited = top && top.kind.endsWith('List') ? { apiVersion: top.apiVersion, kind: top.kind.slice(0, -'List'.length) } : undefined;
  const listed = items.value.items.flatMap(it => {
    const item = isMap(it) ? asObject(it, doc, docIndex, inherited) : undefined;
    return item ? [item] : [];
  });
  // A document that calls itself something other than a list but has items is judged both ways:
  // as written, and as the list kubectl reads it.
  return top && !top.kind.endsWith('List') ? [top, ...listed] : listed;
}

function asObject(node: YAMLMap, doc: Document, docIndex: number, inherited?: { apiVersion: string; kind: string }): K8sObject | undefined {
  const kindRef = get(node, 'kind', doc);
  const apiVersionRef = get(node, 'apiVersion', doc);
  const own = !!kindRef || !!apiVersionRef;
  const apiVersion = own ? str(apiVersionRef) : inherited?.apiVersion;
  const kind = own ? str(kindRef) : inherited?.kind;
  if (!apiVersion || !kind || (own && !isScalar(kindRef?.value))) return undefined;
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const meta = get(node, 'metadata', doc);
  const metaMap = meta && isMap(meta.value) ? meta.value : undefined;
  return {
    apiVersion, group, kind, node, doc, docIndex,
    name: str(get(metaMap, 'name', doc)),
    namespace: str(get(metaMap, 'namespace', doc)),
  };
}

/** The Kubernetes object whose text holds [start, end] (a whole document, or a List item), if any. */
export function objectAt(file: ParsedFile, start: number, end = start): K8sObject | undefined {
  for (const d of file.documents) {
    for (const o of d.objects) {
      const r = o.node === d.doc.contents ? d.doc.range : o.node.range;
      if (r && r[0] <= start && end <= r[2]) return o;
    }
  }
  return undefined;
}

/** Runs steps (parseFileSteps, lintParsedSteps) to their end without pausing. */
export function finish<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
