// The edits behind "Suppress <rule> on this line" and "Suppress <rule> for this object". Both
// write the reason placeholder, which is not honoured as a reason (reason.ts): the finding stays,
// joined by a warning on the placeholder, until someone writes why the exception is acceptable.
import { Document, isCollection, isMap, isScalar, visit } from 'yaml';
import { setIn } from '../fix/map';
import type { TextEdit } from '../fix/edit';
import { eolOf, lineStart } from '../fix/text';
import { K8sObject } from '../model/parse';
import { OWN_PREFIX } from './annotations';
import { findCommentSuppressions } from './comments';
import { REASON_PLACEHOLDER } from './reason';

/**
 * A `# kube-harden-ignore <rule> -- TODO: reason` line above the line `offset` is on, indented as
 * that line; or the rule added to a suppression comment already there. Undefined where a comment
 * line cannot go: inside a multi-line scalar, or in a JSON (flow) document where `#` is no comment.
 */
export function suppressOnLine(text: string, doc: Document, ruleId: string, offset: number): TextEdit[] | undefined {
  if (isCollection(doc.contents) && doc.contents.flow) return undefined;
  const start = lineStart(text, offset);
  if (insideScalar(doc, start)) return undefined;
  const above = start > 0 ? lineStart(text, start - 1) : -1;
  if (above >= 0) {
    const existing = findCommentSuppressions(text.slice(above, start), []).find(c => c.target === 1);
    if (existing && existing.ids.length) {
      if (existing.ids.some(i => i.id === ruleId)) return undefined;
      const last = existing.ids[existing.ids.length - 1];
      return [{ start: above + last.offsets[1], end: above + last.offsets[1], newText: `, ${ruleId}` }];
    }
  }
  const indent = /^[ \t]*/.exec(text.slice(start, start + 200))![0];
  return [{ start, end: start, newText: `${indent}# kube-harden-ignore ${ruleId} -- ${REASON_PLACEHOLDER}${eolOf(text)}` }];
}

/** `metadata.annotations["kube-harden.io/ignore.<rule>"]: "TODO: reason"` on the object. */
export function suppressOnObject(text: string, object: K8sObject, ruleId: string): TextEdit[] | undefined {
  if (!isMap(object.node)) return undefined;
  const edits = setIn(text, object.doc, object.node, ['metadata', 'annotations', `${OWN_PREFIX}${ruleId}`], REASON_PLACEHOLDER);
  return edits && edits.length ? edits : undefined;
}

function insideScalar(doc: Document, offset: number): boolean {
  let inside = false;
  visit(doc, {
    Scalar(_k, node) {
      if (isScalar(node) && node.range && node.range[0] < offset && offset < node.range[1]) inside = true;
      return inside ? visit.BREAK : undefined;
    },
  });
  return inside;
}
