// Suppression comments: `# kube-harden-ignore <rule-id>[, <rule-id>] -- <reason>`, alone on the
// line above a finding's first line, or at the end of that line. Only real YAML comments count:
// the same words inside a block scalar (a script in `args: |`) are text, not a suppression.
import { Document, isScalar, visit } from 'yaml';

export interface CommentSuppression {
  /** 0-based line of the comment. */
  line: number;
  /** The line whose findings it suppresses (the next one for a comment alone on its line). */
  target: number;
  ids: Array<{ id: string; offsets: [number, number] }>;
  /** The `kube-harden-ignore` keyword. */
  keyword: [number, number];
  reason: string | undefined;
}

const DIRECTIVE = /(^|[ \t])#[ \t]*(kube-harden-ignore)(?![\w-])([^\r\n]*)/;

export function findCommentSuppressions(text: string, docs: readonly Document[]): CommentSuppression[] {
  if (!text.includes('kube-harden-ignore')) return [];
  const out: CommentSuppression[] = [];
  const inScalars = scalarRanges(docs);
  let lineStart = 0;
  let line = 0;
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart);
    const end = nl < 0 ? text.length : nl;
    const lineText = text.slice(lineStart, end);
    const m = DIRECTIVE.exec(lineText);
    if (m) {
      const hash = lineStart + m.index + m[1].length;
      if (!inScalars.some(([s, e]) => s <= hash && hash < e)) {
        const kwStart = lineStart + m.index + m[0].indexOf(m[2], m[1].length);
        const restStart = kwStart + m[2].length;
        const rest = m[3];
        const sep = rest.search(/(^|\s)--(\s|$)/);
        const idsText = sep < 0 ? rest : rest.slice(0, sep);
        const reason = sep < 0 ? undefined : rest.slice(sep).replace(/^\s*--/, '').trim();
        const ids: CommentSuppression['ids'] = [];
        const idRe = /[^\s,]+/g;
        let im: RegExpExecArray | null;
        while ((im = idRe.exec(idsText))) ids.push({ id: im[0], offsets: [restStart + im.index, restStart + im.index + im[0].length] });
        const alone = lineText.slice(0, m.index + m[1].length).trim() === '';
        out.push({ line, target: alone ? line + 1 : line, ids, keyword: [kwStart, kwStart + m[2].length], reason });
      }
    }
    if (nl < 0) break;
    lineStart = nl + 1;
    line++;
  }
  return out;
}

/** Block and quoted scalars spanning lines: a `#` inside them is not a comment. */
function scalarRanges(docs: readonly Document[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const doc of docs) {
    visit(doc, {
      Scalar(_key, node) {
        if (isScalar(node) && node.range && node.type !== 'PLAIN') ranges.push([node.range[0], node.range[1]]);
      },
    });
  }
  return ranges;
}
