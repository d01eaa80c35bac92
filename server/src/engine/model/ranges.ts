import { isCollection, isMap, isPair, isScalar, isSeq, Node } from 'yaml';
import { hasRange } from './yaml-nav';

/**
 * The text span of a node. A collection is never underlined whole: its first key (or item)
 * stands for it, so a finding is always one token the reader can see.
 */
export function nodeOffsets(node: Node | undefined): [number, number] | undefined {
  let n: unknown = node;
  for (let depth = 0; depth < 8 && isCollection(n) && n.items.length > 0 && !n.flow; depth++) {
    const first = n.items[0];
    n = isMap(n) && isPair(first) ? first.key : isSeq(n) ? first : undefined;
  }
  if (isScalar(n) || hasRange(n)) {
    const r = (n as Node).range;
    if (!r) return undefined;
    return [r[0], Math.max(r[0], r[1])];
  }
  return undefined;
}
