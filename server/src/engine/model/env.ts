// A container's `env` entries, read once for the env rules: the name, the literal value (when
// one is written) and the nodes to report at.
import { isMap, Node, YAMLMap } from 'yaml';
import { ContainerView } from './workload';
import { get, getSeq, Ref, seqItems, str } from './yaml-nav';

export interface EnvEntry {
  name: string | undefined;
  /** The env item (`- name: X ...`). */
  item: YAMLMap;
  /** The item as written in the list (an alias when it came through one). */
  site: Node;
  nameRef?: Ref;
  value?: Ref;
  valueFrom?: Ref;
  viaAlias: boolean;
  /** Position of the item in the `env` list. */
  index: number;
}

export function envOf(c: ContainerView): EnvEntry[] {
  const doc = c.pod.doc;
  return seqItems(getSeq(c.node, 'env', doc), doc).flatMap((r, index) => {
    if (!isMap(r.value)) return [];
    const nameRef = get(r.value, 'name', doc);
    return [{
      name: str(nameRef), item: r.value, site: r.site, nameRef,
      value: get(r.value, 'value', doc), valueFrom: get(r.value, 'valueFrom', doc), viaAlias: r.viaAlias, index,
    }];
  });
}
