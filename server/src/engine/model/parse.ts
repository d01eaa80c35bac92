// One parse per document version: the LSP caches the ParsedFile by (uri, version), the CLI
// parses each file once, and every rule reads the same nodes.
import { Document, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, YAMLMap } from 'yaml';
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

export function parseFile(text: string, options: { helmTemplate?: boolean } = {}): ParsedFile {
  const lines = new LineIndex(text);
  if (text.length > MAX_TEXT_LENGTH) return { text, lines, documents: [], skipped: 'file too large' };
  if (text.includes('\u0000')) return { text, lines, documents: [], skipped: 'binary content' };
  if (options.helmTemplate || HELM_CONTROL.test(text)) return { text, lines, documents: [], skipped: 'Helm template' };
  const helmValues = HELM_VALUE.test(text);
  let docs: Document.Parsed[];
  try {
    // YAML 1.1 as Kubernetes' decoders read it: `yes`/`on` are booleans, `<<` merges.
    docs = parseAllDocuments(text, { version: '1.1', merge: true, uniqueKeys: false, lineCounter: new LineCounter() }) as Document.Parsed[];
  } catch {
    return { text, lines, documents: [], skipped: 'unparseable' };
  }
  if (!Array.isArray(docs)) return { text, lines, documents: [], skipped: 'unparseable' };
  const documents = docs.map((doc, index) => {
    const hasErrors = doc.errors.length > 0;
    const template = helmValues && !!doc.range && HELM_VALUE.test(text.slice(doc.range[0], doc.range[2]));
    return { doc, index, hasErrors, skipped: template ? 'Helm template' : undefined, objects: hasErrors || template ? [] : objectsOf(doc, index) };
  });
  return { text, lines, documents };
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
