// The namespaces domain: what a Namespace's annotations say (Linkerd's injection switch) and
// which defaults a LimitRange gives the containers of its namespace (RES01-RES05).
import { isMap } from 'yaml';
import type { K8sObject, ParsedFile } from '../../model/parse';
import { entries, get, getMap, getSeq, seqItems, str } from '../../model/yaml-nav';
import { Labels, readLabels } from '../selector';
import type { ObjectSummary } from '../summary';

declare module '../summary' {
  interface ObjectSummary {
    /** A Namespace's annotations (Linkerd's injection switch lives there); other kinds keep none. */
    annotations?: Labels;
    /** LimitRange: the resources its Container limits give a default limit / request for (RES01-RES05). */
    limitRange?: { defaultLimits: string[]; defaultRequests: string[] };
  }
}

export function extractNamespaceFacts(o: K8sObject, _file: ParsedFile, into: ObjectSummary): void {
  if (o.kind === 'Namespace' && o.group === '') into.annotations = readLabels(getMap(getMap(o.node, 'metadata', o.doc), 'annotations', o.doc), o.doc);
  if (o.kind === 'LimitRange' && o.group === '') {
    const lr = { defaultLimits: [] as string[], defaultRequests: [] as string[] };
    for (const item of seqItems(getSeq(getMap(o.node, 'spec', o.doc), 'limits', o.doc), o.doc)) {
      if (!isMap(item.value) || str(get(item.value, 'type', o.doc)) !== 'Container') continue;
      lr.defaultLimits.push(...entries(getMap(item.value, 'default', o.doc), o.doc).map(e => e.name));
      lr.defaultRequests.push(...entries(getMap(item.value, 'defaultRequest', o.doc), o.doc).map(e => e.name));
    }
    into.limitRange = lr;
  }
}
