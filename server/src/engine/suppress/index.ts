// Suppressions (comments and annotations, ours and other tools') applied to one file's findings.
// A suppressed finding leaves the findings (diagnostics, CLI output, fix-all) and is kept aside
// with its reason for audit. Our own suppressions are themselves checked, so they cannot rot
// unseen: one that suppresses nothing (for a rule that ran), names an unknown rule, has no
// reason, or has expired is reported under the pseudo rule `suppressions`. Other tools'
// annotations (and kubeaudit's override labels) are honoured silently: they may be there for
// that tool too.
import { K8sObject, ParsedFile } from '../model/parse';
import { PodSpecView } from '../model/workload';
import { nodeOffsets } from '../model/ranges';
import { normalizeCapability } from '../model/capability-names';
import type { Finding } from '../lint';
import type { RuleMeta, Severity } from '../rule';
import { annotationMaps, containerAt, findAnnotationSuppressions } from './annotations';
import { CommentSuppression, findCommentSuppressions } from './comments';
import { findKubeauditOverrides, labelMaps } from './kubeaudit';
import { isExpired, parseReason, Reason } from './reason';
import { appendAll } from '../util/arrays';

export const SUPPRESSIONS_ID = 'suppressions';

export const SUPPRESSION_MESSAGES = {
  unused: 'Nothing to suppress: {{rule}} reports nothing here. Remove the suppression.',
  unknownRule: 'Unknown rule "{{rule}}" in a suppression: run "kube-harden rules" for the list.',
  missingReason: 'The suppression of {{rule}} needs a reason ({{how}}): without one it is not honoured.',
  expired: 'The suppression of {{rule}} expired on {{until}}: the finding is reported again. Fix it, or renew the suppression with a new date and reason.',
  badDate: 'The suppression of {{rule}} has an invalid expiry "{{until}}": use until YYYY-MM-DD: <reason>. It is not honoured.',
  keyTooLong: 'The API server rejects this annotation: the part after "kube-harden.io/" has {{length}} characters, '
    + 'at most 63 are allowed. Use a # kube-harden-ignore comment instead.',
} as const;
export type SuppressionMessageId = keyof typeof SUPPRESSION_MESSAGES;

const SEVERITIES: Record<SuppressionMessageId, Severity> = {
  unused: 'info', unknownRule: 'warning', missingReason: 'warning', expired: 'info', badDate: 'warning', keyTooLong: 'warning',
};
/** Kubernetes' limit on the name part (after the `prefix/`) of an annotation key. */
const MAX_KEY_NAME = 63;

export interface SuppressedFinding {
  finding: Finding;
  /** How: `comment`, `annotation`, or the other tool's annotation key. */
  via: string;
  reason: string;
  until?: string;
}

/**
 * Findings in text order, rules by id at one place. Ids compare by code unit: the same order as
 * localeCompare for ids of lowercase letters, digits and dashes, whatever the machine's locale,
 * and cheap (this sorts every finding of a file on every keystroke).
 */
function byPlace(a: Finding, b: Finding): number {
  return a.offsets[0] - b.offsets[0] || a.offsets[1] - b.offsets[1] || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

export class Suppressor {
  private readonly suppressed = new Map<Finding, SuppressedFinding>();
  private readonly problems: Finding[] = [];
  private readonly known: Map<string, RuleMeta>;

  constructor(
    private readonly file: ParsedFile,
    rules: readonly RuleMeta[],
    /** Rule ids active for the file (a comment for a rule that did not run is not "unused"). */
    private readonly activeIds: ReadonlySet<string>,
    private readonly now: Date,
  ) {
    this.known = new Map(rules.map(r => [r.id, r]));
  }

  /** Annotations of one object, over that object's findings; `ran`: the rules that checked it. */
  object(object: K8sObject, pod: PodSpecView | undefined, findings: readonly Finding[], ran: ReadonlySet<string>): void {
    for (const o of findKubeauditOverrides(labelMaps(object, pod))) {
      for (const f of findings) {
        if (!o.rules.includes(f.ruleId) || this.suppressed.has(f)) continue;
        if (o.container !== undefined && containerAt(pod, f.offsets[0]) !== o.container) continue;
        if (o.capability !== undefined && normalizeCapability(String(f.data.capability ?? '')) !== o.capability) continue;
        this.suppressed.set(f, { finding: f, via: o.name, reason: o.raw });
      }
    }
    const maps = annotationMaps(object, pod);
    if (!maps.length) return;
    const where = { kind: object.kind, name: object.name, namespace: object.namespace, docIndex: object.docIndex };
    for (const a of findAnnotationSuppressions(maps, object.doc, [...this.known.values()])) {
      const keyAt = nodeOffsets(a.key) ?? [0, 0];
      if (!a.own) {
        for (const f of findings) {
          if (a.rules!.includes(f.ruleId) && !this.suppressed.has(f)) this.suppressed.set(f, { finding: f, via: a.name, reason: a.raw });
        }
        continue;
      }
      const ruleId = a.ruleId ?? '';
      if (!this.known.has(ruleId)) { this.report('unknownRule', keyAt, { rule: ruleId }, where); continue; }
      // Still honoured (the file as written is what is being linted), but it would not apply.
      const nameLength = a.name.length - a.name.indexOf('/') - 1;
      if (nameLength > MAX_KEY_NAME) this.report('keyTooLong', keyAt, { length: String(nameLength) }, where);
      const reason = parseReason(a.raw);
      const valueAt = (a.value && nodeOffsets(a.value)) || keyAt;
      if (!this.honoured(reason, ruleId, keyAt, valueAt, `${a.name}: "<why>"`, where)) continue;
      let used = false;
      for (const f of findings) {
        if (f.ruleId !== ruleId || (a.container !== undefined && containerAt(pod, f.offsets[0]) !== a.container)) continue;
        used = true;
        if (!this.suppressed.has(f)) this.suppressed.set(f, { finding: f, via: 'annotation', reason: reason.text, until: reason.until });
      }
      if (!used && ran.has(ruleId)) this.report('unused', keyAt, { rule: a.container ? `${ruleId} (container "${a.container}")` : ruleId }, where);
    }
  }

  /**
   * What the annotations of the objects seen since the last call decided, taken out of this
   * suppressor: one document's part, which a later lint may reuse (and `restore`).
   */
  drain(): { suppressed: SuppressedFinding[]; problems: Finding[] } {
    const suppressed = [...this.suppressed.values()];
    this.suppressed.clear();
    return { suppressed, problems: this.problems.splice(0) };
  }

  /** Decisions `drain` took out (of this lint or of a previous one, moved) put back. */
  restore(suppressed: readonly SuppressedFinding[], problems: readonly Finding[]): void {
    for (const s of suppressed) this.suppressed.set(s.finding, s);
    appendAll(this.problems, problems);
  }

  /** Comments over the whole file; then the findings that remain, the suppressed ones, and the problems. */
  finish(findings: readonly Finding[]): { findings: Finding[]; suppressed: SuppressedFinding[] } {
    const comments = findCommentSuppressions(this.file.text, this.file.documents.map(d => d.doc));
    for (const c of comments) this.comment(c, findings);
    const kept = this.suppressed.size ? findings.filter(f => !this.suppressed.has(f)) : findings.slice();
    appendAll(kept, this.problems);
    kept.sort(byPlace);
    return { findings: kept, suppressed: [...this.suppressed.values()] };
  }

  private comment(c: CommentSuppression, findings: readonly Finding[]): void {
    const where = this.objectAt(c.keyword[0]);
    const reason = parseReason(c.reason);
    if (c.ids.length === 0) {
      this.report('unknownRule', c.keyword, { rule: '' }, where);
      return;
    }
    for (const { id, offsets } of c.ids) {
      if (!this.known.has(id)) { this.report('unknownRule', offsets, { rule: id }, where); continue; }
      if (!this.honoured(reason, id, offsets, offsets, `# kube-harden-ignore ${id} -- <why>`, where)) continue;
      let used = false;
      for (const f of findings) {
        if (f.ruleId !== id || f.range.start.line !== c.target) continue;
        used = true;
        if (!this.suppressed.has(f)) this.suppressed.set(f, { finding: f, via: 'comment', reason: reason.text, until: reason.until });
      }
      if (!used && this.activeIds.has(id)) this.report('unused', offsets, { rule: id }, where);
    }
  }

  /** Reports why a suppression is not honoured (no reason, bad or past date); true when it is. */
  private honoured(reason: Reason, rule: string, idAt: [number, number], reasonAt: [number, number], how: string, where: Finding['object']): boolean {
    if (reason.badDate) { this.report('badDate', reasonAt, { rule, until: reason.badDate }, where); return false; }
    if (isExpired(reason.until, this.now)) { this.report('expired', idAt, { rule, until: reason.until! }, where); return false; }
    if (!reason.text) { this.report('missingReason', reasonAt, { rule, how }, where); return false; }
    return true;
  }

  private objectAt(offset: number): Finding['object'] {
    for (const d of this.file.documents) {
      const r = d.doc.range;
      if (r && r[0] <= offset && offset <= r[2]) {
        const o = d.objects[0];
        return o ? { kind: o.kind, name: o.name, namespace: o.namespace, docIndex: d.index } : { kind: '', docIndex: d.index };
      }
    }
    return { kind: '', docIndex: 0 };
  }

  private report(messageId: SuppressionMessageId, offsets: [number, number], data: Record<string, string>, object: Finding['object']): void {
    const lines = this.file.lines;
    this.problems.push({
      ruleId: SUPPRESSIONS_ID,
      messageId,
      message: SUPPRESSION_MESSAGES[messageId].replace(/\{\{(\w+)\}\}/g, (_m, k: string) => data[k] ?? ''),
      severity: SEVERITIES[messageId],
      covers: [],
      fix: null,
      suggestions: [],
      offsets,
      range: { start: lines.positionAt(offsets[0]), end: lines.positionAt(offsets[1]) },
      object,
      data,
      related: [],
    });
  }
}

export { REASON_PLACEHOLDER, parseReason } from './reason';
export { OWN_PREFIX } from './annotations';
export { suppressOnLine, suppressOnObject } from './edits';
