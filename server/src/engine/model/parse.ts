// One parse per document version: the LSP caches the ParsedFile by (uri, version), the CLI
// parses each file once, and every rule reads the same nodes.
import { Document, isMap, isScalar, isSeq, parseAllDocuments, visit, YAMLMap } from 'yaml';
import { LineIndex } from './text';
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
  /** Syntax errors: such a document is not linted (the YAML extension reports them). */
  hasErrors: boolean;
  /** Why this document is not linted although it parses (a Helm template), if so. */
  skipped?: string;
  objects: K8sObject[];
}

export interface ParsedFile {
  text: string;
  lines: LineIndex;
  documents: ParsedDocument[];
  /** Why the file as a whole is not linted (a Helm template, binary content), if so. */
  skipped?: string;
  /** The text split into document runs, each with its parse: what the next version may reuse. */
  chunks?: readonly Chunk[];
}

/** A run of the text that starts at a document marker (or the text's start) and its documents. */
interface Chunk {
  start: number;
  text: string;
  docs: Document.Parsed[];
}

/** Documents larger than this are not linted: beyond any real manifest, and it bounds work. */
export const MAX_TEXT_LENGTH = 16 * 1024 * 1024;

// Helm actions make the text a template, not a manifest: values are filled in at render time,
// so any finding would be a guess (DESIGN.md: files that look like manifests but are not).
// Plain `{{ ... }}` is not enough: Prometheus rules and Argo workflows carry `{{ $labels.x }}` in
// strings of real manifests. Helm is recognised by its control lines (the whole file is a
// template) and by its built-in objects (that document is one; its siblings are still linted,
// as in rendered installs that kept one stray `{{ .Release.Namespace }}`).
const HELM_CONTROL = /^[ \t]*\{\{-?\s*(if|else|end|range|with|define|include|template|toYaml|\/\*)\b/m;
const HELM_VALUE = /\{\{-?\s*(\.Values|\.Release|\.Chart|\.Capabilities|\$\.Values|include\s|template\s|toYaml\s|tpl\s)/;

export interface ParseOptions {
  helmTemplate?: boolean;
  /**
   * The parse of this file's previous version. Documents whose text did not change are taken
   * from it instead of being parsed again, so a keystroke in one document of a large install
   * manifest costs a parse of that document only. The previous parse must not be used after
   * this call: the documents it gives away are moved to their new offsets in place.
   */
  previous?: ParsedFile;
}

export function parseFile(text: string, options: ParseOptions = {}): ParsedFile {
  const lines = new LineIndex(text);
  if (text.length > MAX_TEXT_LENGTH) return { text, lines, documents: [], skipped: 'file too large' };
  if (text.includes('\u0000')) return { text, lines, documents: [], skipped: 'binary content' };
  if (options.helmTemplate || HELM_CONTROL.test(text)) return { text, lines, documents: [], skipped: 'Helm template' };
  const helmValues = HELM_VALUE.test(text);
  const chunks: Chunk[] = [];
  const reusable = reusableChunks(options.previous);
  for (const [start, end] of chunkBounds(text)) {
    const chunkText = text.slice(start, end);
    const reused = reusable.get(chunkText)?.shift();
    if (reused) {
      shiftDocuments(reused.docs, start - reused.start);
      chunks.push({ start, text: chunkText, docs: reused.docs });
      continue;
    }
    const docs = parseDocuments(chunkText);
    if (!docs) return { text, lines, documents: [], skipped: 'unparseable' };
    if (start > 0) shiftDocuments(docs, start);
    chunks.push({ start, text: chunkText, docs });
  }
  const documents = chunks.flatMap(c => c.docs).map((doc, index) => {
    const hasErrors = doc.errors.length > 0;
    const template = helmValues && !!doc.range && HELM_VALUE.test(text.slice(doc.range[0], doc.range[2]));
    return { doc, index, hasErrors, skipped: template ? 'Helm template' : undefined, objects: hasErrors || template ? [] : objectsOf(doc, index) };
  });
  return { text, lines, documents, chunks };
}

function parseDocuments(text: string): Document.Parsed[] | undefined {
  try {
    // YAML 1.1 as Kubernetes' decoders read it: `yes`/`on` are booleans, `<<` merges.
    const docs = parseAllDocuments(text, { version: '1.1', merge: true, uniqueKeys: false });
    return Array.isArray(docs) ? docs as Document.Parsed[] : [];
  } catch {
    return undefined;
  }
}

// A line starting with `---` always begins a new document: the marker cannot occur inside a
// scalar or a collection of the previous one (YAML 1.2 §9.1.4, c-forbidden), so the text on
// either side parses the same alone as together. Directives (`%YAML`, `%TAG`) apply across the
// marker that follows them, so a text with any is parsed whole.
const DOCUMENT_START = /^---(?=[ \t\r\n]|$)/gm;
const DIRECTIVE = /^%/m;
// A run with nothing but the marker, comments and blank lines is joined to its neighbour:
// alone it may parse to no document at all where the whole text gives its comments to one.
const CONTENT_LINE = /^(?!---(?:[ \t]|$))[ \t]*[^\s#]/m;

/** [start, end) of each run of the text that is parsed on its own. */
function chunkBounds(text: string): Array<[number, number]> {
  if (DIRECTIVE.test(text)) return [[0, text.length]];
  const starts = [0];
  for (const m of text.matchAll(DOCUMENT_START)) if (m.index! > 0) starts.push(m.index!);
  const bounds: Array<[number, number]> = [];
  let open: number | undefined;
  starts.forEach((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] : text.length;
    const from = open ?? start;
    if (CONTENT_LINE.test(text.slice(start, end)) || i + 1 === starts.length) {
      bounds.push([from, end]);
      open = undefined;
    } else {
      open = from;
    }
  });
  return bounds;
}

/** The previous parse's chunks by text, each usable once; those with problems are parsed again. */
function reusableChunks(previous: ParsedFile | undefined): Map<string, Chunk[]> {
  const byText = new Map<string, Chunk[]>();
  for (const c of previous?.chunks ?? []) {
    if (c.docs.some(d => d.errors.length > 0 || d.warnings.length > 0)) continue;
    const list = byText.get(c.text);
    if (list) list.push(c); else byText.set(c.text, [c]);
  }
  return byText;
}

/** Moves parsed documents by `delta` characters: every node range and each document's range. */
function shiftDocuments(docs: Document.Parsed[], delta: number): void {
  if (delta === 0) return;
  for (const doc of docs) {
    if (doc.range) for (let i = 0; i < doc.range.length; i++) doc.range[i] += delta;
    visit(doc, {
      Node(_key, node) {
        const r = node.range;
        if (r) for (let i = 0; i < r.length; i++) r[i] += delta;
      },
    });
    for (const e of [...doc.errors, ...doc.warnings]) { e.pos[0] += delta; e.pos[1] += delta; }
  }
}

function objectsOf(doc: Document, docIndex: number): K8sObject[] {
  const root = doc.contents;
  if (!isMap(root)) return [];
  const top = asObject(root, doc, docIndex);
  if (!top) return [];
  // `kubectl get -o yaml` writes a List whose items are whole objects.
  if (top.kind === 'List' || (top.kind.endsWith('List') && top.group === '')) {
    const items = get(root, 'items', doc);
    if (items && isSeq(items.value)) {
      return items.value.items.flatMap(it => (isMap(it) ? [asObject(it, doc, docIndex)].filter((o): o is K8sObject => !!o) : []));
    }
    return [];
  }
  return [top];
}

function asObject(node: YAMLMap, doc: Document, docIndex: number): K8sObject | undefined {
  const apiVersion = str(get(node, 'apiVersion', doc));
  const kindRef = get(node, 'kind', doc);
  const kind = str(kindRef);
  if (!apiVersion || !kind || !isScalar(kindRef?.value)) return undefined;
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
