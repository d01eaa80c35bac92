// What the workspace keeps of each object: the few facts cross-object rules read (labels,
// selectors, policy types, references), never the document. A summary is plain data, so an
// index of a large repository stays small and survives without its texts.
import { finish, K8sObject, parseEachDocument, ParsedFile, ParseOptions } from '../model/parse';
import { Range } from '../model/text';
import { podSpecOf } from '../model/workload';
import { get, getIn, getMap, isFalse, isTrue, keyOf, str } from '../model/yaml-nav';
import { nodeOffsets } from '../model/ranges';
import { FACT_EXTRACTORS } from './domains';
import { kindlessKustomizations, kustomizationFacts } from './kustomization-facts';
import { Labels, readLabels } from './selector';

// Every domain's facts (declared there, merged into ObjectSummary) come with the summary.
export type * from './domains';
import { HostAccess, hostAccessOf } from '../model/host-access';
import { appendAll } from '../util/arrays';
import { keepSummaries, reusedSummaries } from './summary-reuse';

export interface ObjectRef {
  uri: string;
  docIndex: number;
  kind: string;
  group: string;
  name?: string;
  /** The namespace written in the object, if any (see WorkspaceIndex.namespaceOf for the effective one). */
  namespace?: string;
  /** Where `metadata.name` (else `kind`) is, for relatedInformation. */
  range: Range;
}

export interface PodFacts {
  labels: Labels;
  annotations: Labels;
  serviceAccountName?: string;
  /** `automountServiceAccountToken` of the pod spec, when set. */
  automountToken?: boolean;
  /** `hostNetwork: true`: NetworkPolicies do not apply to the pod. */
  hostNetwork?: boolean;
  /** The images its containers run (init and ephemeral included), as written (NET15). */
  images?: string[];
  /** Host access the baseline Pod Security level refuses (NS04: what its namespace can enforce). */
  hostAccess?: HostAccess[];
}

/**
 * What the model keeps of one object: where it is, its labels, its pod (for pod-bearing kinds)
 * and its kustomization (which places other objects). Each workspace domain (domains/*.ts)
 * adds the facts its rules read, with their extractor, by augmenting this interface: a new
 * cross-file rule touches its domain, not this file.
 */
export interface ObjectSummary extends ObjectRef {
  labels: Labels;
  pod?: PodFacts;
  /** Kustomization: the namespace it sets and the resources it lists (paths as written). */
  kustomization?: {
    namespace?: string;
    resources: string[];
    /** Files of partial objects (`patches[].path`, `patchesStrategicMerge`, `patchesJson6902[].path`). */
    patches: string[];
  };
}

export function summarizeFile(uri: string, file: ParsedFile): ObjectSummary[] {
  return finish(summarizeFileSteps(uri, file));
}

/** summarizeFile as steps, one document each (see parseFileSteps). */
export function* summarizeFileSteps(uri: string, file: ParsedFile): Generator<void, ObjectSummary[], void> {
  const out: ObjectSummary[] = [];
  for (const d of file.documents) {
    appendAll(out, reusedSummaries(uri, file, d) ?? keepSummaries(uri, file, d, d.objects.map(o => summarize(uri, file, o))));
    yield;
  }
  // After every object: lint pairs objects with summaries by position.
  appendAll(out, kindlessKustomizations(uri, file));
  return out;
}

/**
 * summarizeFile(uri, parseFile(text, options)), each document summarised as soon as it is
 * parsed and then dropped (parseEachDocument): for reading files from disk into the workspace
 * index, where a large install's parse would otherwise be all in memory at once.
 */
export function summarizeText(uri: string, text: string, options: Pick<ParseOptions, 'helmTemplate' | 'chartData' | 'maxLength'> = {}): ObjectSummary[] {
  const out: ObjectSummary[] = [];
  const kindless: ObjectSummary[] = [];
  const file = parseEachDocument(text, options, (d, f) => {
    appendAll(out, d.objects.map(o => summarize(uri, f, o)));
    appendAll(kindless, kindlessKustomizations(uri, { ...f, documents: [d] }));
  });
  if (file.skipped || file.notKubernetes) return [];
  // After every object, as summarizeFile lists them.
  appendAll(out, kindless);
  return out;
}

function summarize(uri: string, file: ParsedFile, o: K8sObject): ObjectSummary {
  const meta = getMap(o.node, 'metadata', o.doc);
  const nameNode = get(meta, 'name', o.doc)?.value ?? keyOf(o.node, 'kind', o.doc);
  const off = nodeOffsets(nameNode) ?? [0, 0];
  const s: ObjectSummary = {
    uri, docIndex: o.docIndex, kind: o.kind, group: o.group, name: o.name, namespace: o.namespace,
    range: { start: file.lines.positionAt(off[0]), end: file.lines.positionAt(off[1]) },
    labels: readLabels(getMap(meta, 'labels', o.doc), o.doc),
  };
  const pod = podSpecOf(o);
  if (pod) {
    const automount = pod.field('automountServiceAccountToken');
    s.pod = {
      labels: readLabels(getMap(pod.metadata, 'labels', o.doc), o.doc),
      annotations: readLabels(getMap(pod.metadata, 'annotations', o.doc), o.doc),
      serviceAccountName: str(pod.field('serviceAccountName')) ?? str(pod.field('serviceAccount')),
      automountToken: automount ? !isFalse(automount) : undefined,
    };
    if (isTrue(pod.field('hostNetwork'))) s.pod.hostNetwork = true;
    const images = pod.containers.map(c => str(c.field('image'))).filter((i): i is string => !!i);
    if (images.length > 0) s.pod.images = images;
    const hostAccess = hostAccessOf(pod);
    if (hostAccess.length > 0) s.pod.hostAccess = hostAccess;
    // The Job controller labels its pods with the Job's name (unless the selector is manual):
    // policies may select them by it.
    if (o.kind === 'Job' && o.group === 'batch' && o.name && !isTrue(getIn(o.node, ['spec', 'manualSelector'], o.doc))) {
      s.pod.labels = { 'job-name': o.name, 'batch.kubernetes.io/job-name': o.name, ...s.pod.labels };
    }
  }
  if ((o.kind === 'Kustomization' || o.kind === 'Component') && o.group === 'kustomize.config.k8s.io') s.kustomization = kustomizationFacts(o.node, o.doc);
  for (const extract of FACT_EXTRACTORS) extract(o, file, s);
  return s;
}

