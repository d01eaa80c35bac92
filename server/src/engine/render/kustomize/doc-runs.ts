// A file cut into runs of YAML documents that parse alone as they do together, so a keystroke in
// one document of a large file re-parses that run only. A run starts at a line that is a YAML
// document marker (`---` then nothing, a blank or a tab): a marker cannot occur inside a scalar or
// a collection (YAML 1.2 §9.1.4), so each side reads the same alone. A text with directives
// (`%YAML`, `%TAG` lines) is one run: a directive belongs to the document after it.
import type { ParsedDoc } from './parse';
import { KMap, KNode, Origin, samePlainAs } from './model';

/** [start, end) of each run, in text order, covering the whole text. */
export function documentRuns(text: string): Array<[number, number]> {
  if (/^%/m.test(text)) return [[0, text.length]];
  const starts = [0];
  for (let i = text.indexOf('\n---'); i >= 0; i = text.indexOf('\n---', i + 1)) {
    const after = text.charCodeAt(i + 4);
    // End of text, a line break, a blank or a tab after the dashes: a marker.
    if (Number.isNaN(after) || after === 10 || after === 13 || after === 32 || after === 9) starts.push(i + 1);
  }
  return starts.map((s, i) => [s, i + 1 < starts.length ? starts[i + 1] : text.length]);
}

/** Copies of parsed documents whose every range is moved by `delta` (the originals stay as they are). */
export function shiftedDocs(docs: readonly ParsedDoc[], delta: number): ParsedDoc[] {
  return docs.map((d) => ({ node: d.node && shiftedNode(d.node, delta), origin: shiftedOrigin(d.origin, delta)! }));
}

function shiftedOrigin(o: Origin | undefined, delta: number): Origin | undefined {
  return o && { file: o.file, range: [o.range[0] + delta, o.range[1] + delta] };
}

function shiftedNode(n: KNode, delta: number): KNode {
  switch (n.kind) {
    case 'scalar': return { ...n, origin: shiftedOrigin(n.origin, delta) };
    case 'seq': return { kind: 'seq', items: n.items.map((x) => shiftedNode(x, delta)), origin: shiftedOrigin(n.origin, delta) };
    case 'map': {
      const moved: KMap = {
        kind: 'map', origin: shiftedOrigin(n.origin, delta),
        entries: n.entries.map((e) => ({ key: e.key, value: shiftedNode(e.value, delta), keyOrigin: shiftedOrigin(e.keyOrigin, delta) })),
      };
      samePlainAs(moved, n);
      return moved;
    }
  }
}

/** The same documents, nodes, values, tags and ranges. */
export function sameDocs(a: readonly ParsedDoc[], b: readonly ParsedDoc[]): boolean {
  return a.length === b.length && a.every((d, i) => sameOrigin(d.origin, b[i].origin) && (d.node === undefined ? b[i].node === undefined : !!b[i].node && sameNode(d.node, b[i].node!)));
}

function sameOrigin(a: Origin | undefined, b: Origin | undefined): boolean {
  return a === b || (!!a && !!b && a.file === b.file && a.range[0] === b.range[0] && a.range[1] === b.range[1]);
}

function sameNode(a: KNode, b: KNode): boolean {
  if (a.kind !== b.kind || !sameOrigin(a.origin, b.origin)) return false;
  switch (a.kind) {
    case 'scalar': return b.kind === 'scalar' && a.value === b.value && a.tag === b.tag;
    case 'seq': return b.kind === 'seq' && a.items.length === b.items.length && a.items.every((x, i) => sameNode(x, b.items[i]));
    case 'map': return b.kind === 'map' && a.entries.length === b.entries.length
      && a.entries.every((e, i) => e.key === b.entries[i].key && sameOrigin(e.keyOrigin, b.entries[i].keyOrigin) && sameNode(e.value, b.entries[i].value));
  }
}
