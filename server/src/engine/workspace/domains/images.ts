// The images domain: admission policies that verify image signatures (Kyverno, Sigstore
// policy-controller) and which images they check, for the signature rule (IMG07).
import { isMap, YAMLMap } from 'yaml';
import type { K8sObject, ParsedFile } from '../../model/parse';
import { get, getMap, getSeq, seqItems, str } from '../../model/yaml-nav';
import type { ObjectSummary } from '../summary';

declare module '../summary' {
  interface ObjectSummary {
    /** A policy whose admission controller verifies image signatures, and which images it checks (IMG07). */
    imageVerification?: ImageVerificationFacts;
  }
}

export interface ImageVerificationFacts {
  /**
   * Whose patterns: Kyverno's (`*` and `?` match any characters, `/` included) or Sigstore
   * policy-controller's (`*` within one path segment, `**` across them).
   */
  flavor: 'kyverno' | 'sigstore';
  /** Applies in every namespace (ClusterPolicy, ClusterImagePolicy), else only in its own. */
  clusterWide: boolean;
  /** Image patterns as written. */
  patterns: string[];
}

export function extractImageFacts(o: K8sObject, _file: ParsedFile, into: ObjectSummary): void {
  const iv = imageVerificationFacts(o);
  if (iv) into.imageVerification = iv;
}

function imageVerificationFacts(o: K8sObject): ImageVerificationFacts | undefined {
  const spec = getMap(o.node, 'spec', o.doc);
  const items = (m: YAMLMap | undefined, key: string) => seqItems(getSeq(m, key, o.doc), o.doc).map(r => r.value).filter(isMap);
  const strings = (m: YAMLMap | undefined, key: string) => seqItems(getSeq(m, key, o.doc), o.doc).map(r => str(r)).filter((v): v is string => !!v);
  if ((o.kind === 'ClusterPolicy' || o.kind === 'Policy') && o.group === 'kyverno.io') {
    // `imageReferences` lists patterns; the older `image` field held one.
    const patterns = items(spec, 'rules').flatMap(rule => items(rule, 'verifyImages').flatMap(v => [
      ...strings(v, 'imageReferences'), ...[str(get(v, 'image', o.doc))].filter((p): p is string => !!p),
    ]));
    return patterns.length ? { flavor: 'kyverno', clusterWide: o.kind === 'ClusterPolicy', patterns } : undefined;
  }
  if (o.kind === 'ImageValidatingPolicy' && o.group === 'policies.kyverno.io') {
    // A CEL `expression` may match any image: read as `*`, so the rule stays quiet rather than guess.
    const refs = items(spec, 'matchImageReferences');
    const patterns = refs.map(r => str(get(r, 'glob', o.doc)) ?? (get(r, 'expression', o.doc) ? '*' : undefined)).filter((p): p is string => !!p);
    return patterns.length ? { flavor: 'kyverno', clusterWide: true, patterns } : undefined;
  }
  if (o.kind === 'ClusterImagePolicy' && o.group === 'policy.sigstore.dev') {
    const patterns = items(spec, 'images').map(i => str(get(i, 'glob', o.doc))).filter((p): p is string => !!p);
    return patterns.length ? { flavor: 'sigstore', clusterWide: true, patterns } : undefined;
  }
  return undefined;
}
