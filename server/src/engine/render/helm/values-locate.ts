// Where a `.Values` path is set in a values file: the line of its key, so a finding on a printed
// value can name the values.yaml line that decided it, and the node's offsets, so a fix can edit it.
import { isMap, isSeq } from 'yaml';
import { GO_YAML_V2, parseGoYamlStream } from '../../model/go-yaml-stream';

/** Offsets (UTF-16) of the key (or sequence item) at a values path and of its value node. */
export interface ValueNode { keyStart: number; keyEnd: number; valueStart?: number; valueEnd?: number }

type Ranged = { range?: [number, number, number] } | null | undefined;

/** The key and value offsets of `path` in a values file, or undefined when the file does not set it. */
export function locateValueNode(text: string, path: ReadonlyArray<string | number>): ValueNode | undefined {
  let doc;
  try { doc = parseGoYamlStream(text, GO_YAML_V2)[0]; } catch { return undefined; }
  if (!doc) return undefined;
  let node: unknown = doc.contents;
  let found: ValueNode | undefined;
  for (const p of path) {
    if (isMap(node)) {
      const pair = node.items.find(i => (i.key as { value?: unknown } | null)?.value === p || String((i.key as { value?: unknown } | null)?.value) === String(p));
      if (!pair) return undefined;
      const key = (pair.key as Ranged)?.range;
      if (!key) return undefined;
      const value = (pair.value as Ranged)?.range;
      found = { keyStart: key[0], keyEnd: key[1], ...(value ? { valueStart: value[0], valueEnd: value[1] } : {}) };
      node = pair.value;
    } else if (isSeq(node) && typeof p === 'number') {
      const item = (node.items[p] as Ranged)?.range;
      if (!item) return undefined;
      found = { keyStart: item[0], keyEnd: item[0], valueStart: item[0], valueEnd: item[1] };
      node = node.items[p];
    } else return undefined;
  }
  return found;
}

/** 1-based line and column of the key (or item) at `path`, or undefined when the file does not set it. */
export function locateValue(text: string, path: Array<string | number>): { line: number; col: number } | undefined {
  const hit = locateValueNode(text, path);
  if (!hit) return undefined;
  const before = text.slice(0, hit.keyStart);
  const line = before.split('\n').length;
  return { line, col: hit.keyStart - before.lastIndexOf('\n') };
}
