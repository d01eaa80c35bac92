// Where a `.Values` path is set in a values file: the line of its key, so a finding on a printed
// value can name the values.yaml line that decided it.
import { isMap, isSeq, parseDocument } from 'yaml';

/** 1-based line and column of the key (or item) at `path`, or undefined when the file does not set it. */
export function locateValue(text: string, path: Array<string | number>): { line: number; col: number } | undefined {
  let doc;
  try { doc = parseDocument(text, { version: '1.1', uniqueKeys: false }); } catch { return undefined; }
  let node: unknown = doc.contents;
  let at: number | undefined;
  for (const p of path) {
    if (isMap(node)) {
      const pair = node.items.find(i => (i.key as { value?: unknown } | null)?.value === p || String((i.key as { value?: unknown } | null)?.value) === String(p));
      if (!pair) return undefined;
      at = (pair.key as { range?: [number, number, number] }).range?.[0];
      node = pair.value;
    } else if (isSeq(node) && typeof p === 'number') {
      const item = node.items[p] as { range?: [number, number, number] } | undefined;
      if (!item) return undefined;
      at = item.range?.[0];
      node = item;
    } else return undefined;
  }
  if (at === undefined) return undefined;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, col: at - before.lastIndexOf('\n') };
}
