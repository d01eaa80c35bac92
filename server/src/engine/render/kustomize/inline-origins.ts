// An inline patch (`patch: |-` in a kustomization) is parsed from the block scalar's value, so
// its nodes' offsets are offsets into that value. For a literal block, each value line is a
// line of the kustomization shifted by the block's indentation: map offsets back so a finding
// on an inline patch lands on its own line. Other scalar styles fall back to the whole value.
import { KNode, Origin } from './model';
import { appendAll } from '../../util/arrays';

export function placeInline(n: KNode, value: string, scalarRange: [number, number], fileText: string | undefined, file: string): void {
  const toFile = literalMapper(value, scalarRange, fileText);
  const place = (o: Origin | undefined): Origin => (toFile && o ? { file, range: [toFile(o.range[0]), toFile(o.range[1])] } : { file, range: scalarRange });
  const stack: KNode[] = [n];
  while (stack.length) {
    const x = stack.pop()!;
    x.origin = place(x.origin);
    if (x.kind === 'map') for (const e of x.entries) { e.keyOrigin = place(e.keyOrigin); stack.push(e.value); }
    else if (x.kind === 'seq') appendAll(stack, x.items);
  }
}

/** Offset in the value -> offset in the file, when the value is a literal block written as-is. */
export function literalMapper(value: string, range: [number, number], text: string | undefined): ((offset: number) => number) | undefined {
  if (text === undefined || !/^\|[-+0-9]*\s*(#.*)?$/.test(text.slice(range[0], text.indexOf('\n', range[0])).trimEnd())) return undefined;
  const valueLines = value.split('\n');
  const fileLineStarts: number[] = [];
  let pos = text.indexOf('\n', range[0]) + 1;
  let indent = -1;
  for (let i = 0; i < valueLines.length && pos > 0 && pos <= text.length; i++) {
    const lineEnd = text.indexOf('\n', pos);
    const line = text.slice(pos, lineEnd < 0 ? text.length : lineEnd);
    if (indent < 0 && line.trim() !== '') indent = line.length - line.trimStart().length;
    fileLineStarts.push(pos);
    pos = lineEnd + 1;
  }
  if (indent < 0) return undefined;
  // Check the mapping reproduces the value line by line; otherwise do not pretend.
  for (let i = 0; i < fileLineStarts.length; i++) {
    const l = valueLines[i];
    if (l !== '' && text.slice(fileLineStarts[i] + indent, fileLineStarts[i] + indent + l.length) !== l) return undefined;
  }
  const valueLineStarts = [0];
  for (let i = 0; i < value.length; i++) if (value[i] === '\n') valueLineStarts.push(i + 1);
  return (offset) => {
    let line = valueLineStarts.length - 1;
    while (line > 0 && valueLineStarts[line] > offset) line--;
    const start = fileLineStarts[Math.min(line, fileLineStarts.length - 1)];
    return start + indent + (offset - valueLineStarts[line]);
  };
}
