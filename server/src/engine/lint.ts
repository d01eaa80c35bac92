// Runs the active rules over a parsed file. Each rule is isolated: one that throws is recorded
// and the others still report.
import { isKustomizeDirective, isOnSetValue } from './kustomize-lint/partial';
import { Document } from 'yaml';
import { ConfigInput, LintConfig, normalizeConfig } from './config';
import { currentText, finish, ParsedDocument, ParsedFile, parseFile, skipsOf } from './model/parse';
import { Range } from './model/text';
import { podSpecOf } from './model/workload';
import { WorkspaceIndex } from './workspace';
import { ObjectSummary, summarizeFile } from './workspace/summary';
import { nodeOffsets } from './model/ranges';
import { levelIncludes, parsePolicyVersion, Policy } from './policy';
import type { TextEdit } from './fix/edit';
import { FixSafety, MessageProposal, NewFile, Proposal, Report, Rule, RuleMeta, ruleLevel, Severity } from './rule';
import { RULES, ruleById } from './registry';
import { settingFor } from './rule-settings';
import { findingSeverity, RuleInForce } from './consolidated';
import { SuppressedFinding, Suppressor } from './suppress';
import { DocumentLint, FactChange, keepForReuse, ModelReads, readsSee, resultSees, Reuse, Sees } from './lint-reuse';
import { readsChanged } from './workspace/fact-delta';
import { appendAll } from './util/arrays';

/** A proposal bound to the text and document of its finding: `edits()` builds it. */
export interface BoundProposal {
  title: string;
  /** Edits over the linted text, or undefined when the proposal declines (or its builder threw). */
  edits(): TextEdit[] | undefined;
  /** Present when the proposal can also create its content as a new file beside this one. */
  newFile?(): NewFile | undefined;
}

export interface FixOffer extends BoundProposal {
  /** This fix's own safety (ruff's Applicability): decides fix-all, on save, --fix and "preferred". */
  safety: FixSafety;
  /** What an unsafe fix may break, for titles; undefined for a safe one. */
  risk?: string;
}

export interface Finding {
  ruleId: string;
  messageId: string;
  message: string;
  severity: Severity;
  covers: string[];
  /**
   * The fix this finding offers (safe: fix-all applies it; unsafe: one at a time), or null. Null
   * too when the rule's proposal declines or would change nothing here: a finding never
   * advertises a fix that does not apply.
   */
  fix: FixOffer | null;
  /** Alternatives offered one at a time where there is no single right edit. */
  suggestions: BoundProposal[];
  /** [start, end) as UTF-16 offsets into the text. */
  offsets: [number, number];
  /** 0-based line and character, as in LSP. */
  range: Range;
  object: { kind: string; name?: string; namespace?: string; docIndex: number };
  data: Record<string, string | number>;
  /** Other places that explain the finding (the Role a binding grants, the policy that ...). */
  related: RelatedInfo[];
}

export interface RuleFailure {
  ruleId: string;
  error: string;
  /** The rule's fix or suggestion builder failed (the finding itself stands), not its check. */
  inFix?: true;
}

export interface RelatedInfo {
  uri: string;
  range: Range;
  message: string;
}

export interface LintOptions {
  /** The file's URI (for cross-file rules and related information). */
  uri?: string;
  /** The workspace model; without one, cross-object rules see only this file. */
  workspace?: WorkspaceIndex;
  /**
   * The file's summaries (summarizeFile of this very parse, under `uri`), when the caller made
   * them already: the language server's model summarizes each version once, for itself and here.
   */
  summaries?: readonly ObjectSummary[];
  /** The clock suppression expiry dates are compared with (tests set it). */
  now?: Date;
  /** False: no fixes or suggestions are built (a rendered text nobody edits: they would be dropped). */
  fixes?: boolean;
  /**
   * The lint of an earlier version of this file (whose parse this one's reused) and what changed
   * in the workspace model since: the findings of documents the edit did not touch are taken
   * from it, moved, unless what they read of the model changed (lint-reuse.ts).
   */
  previous?: { result: LintResult; changed: FactChange };
}

export interface LintResult {
  findings: Finding[];
  /** Rules that threw: isolated, reported to the log by the front ends. */
  failures: RuleFailure[];
  /** Set when the file as a whole was not linted (Helm chart template, binary, too large). */
  skipped?: string;
  /** Every part of the file that was not judged (the whole file, or documents that do not parse), if any. */
  notChecked?: NotChecked[];
  /** Findings a suppression comment or annotation took out, with its reason (only when some were). */
  suppressed?: SuppressedFinding[];
}

export interface NotChecked {
  reason: string;
  /** Where the unread part starts: an empty range (the file's start for a whole file). */
  range: Range;
}

export interface ActiveRule {
  rule: Rule;
  /** The severity the user configured for the rule, if any. */
  configured?: Severity;
}

export interface ResolvedConfig {
  config: LintConfig;
  policy: Policy;
  active: ActiveRule[];
  /** Every rule in force by id, the ones an active rule replaces included: a consolidated finding answers to them too. */
  inForce: ReadonlyMap<string, RuleInForce>;
}

const resolvedCache = new Map<string, ResolvedConfig>();

/** The rules that run under a configuration, computed once per distinct configuration. */
export function resolveConfig(input?: ConfigInput, rules: readonly Rule[] = RULES): ResolvedConfig {
  const { config } = normalizeConfig(input, rules);
  const key = rules === RULES ? JSON.stringify(config) : '';
  const hit = key ? resolvedCache.get(key) : undefined;
  if (hit) return hit;
  const policy: Policy = { level: config.level, minor: parsePolicyVersion(config.podSecurityVersion)! };
  const settings = new Map(rules.map(rule => [rule, settingFor(config.rules, rule) ?? (config.baseRules && settingFor(config.baseRules, rule))] as const));
  const enabled = rules.filter(rule => {
    const match = settings.get(rule);
    if (match?.setting === 'off') return false;
    if (rule.pss && policy.minor < rule.pss.since) return false;
    // A severity set for the rule's own id turns it on, opt-in or above the level; a glob or a
    // category only re-grades the rules in force (rule-settings.ts says why).
    if (match?.exact) return true;
    if (!levelIncludes(policy.level, ruleLevel(rule))) return false;
    return !rule.optIn || config.enableAll;
  });
  const overridden = new Set(enabled.flatMap(r => r.overrides ?? []));
  const inForce = new Map(enabled.map(rule => [rule.id, { rule, configured: settings.get(rule)?.setting as Severity | undefined }]));
  const active = enabled.filter(r => !overridden.has(r.id)).map(rule => inForce.get(rule.id)!);
  const resolved = { config, policy, active, inForce };
  if (key) {
    if (resolvedCache.size > 64) resolvedCache.clear();
    resolvedCache.set(key, resolved);
  }
  return resolved;
}

export function lint(text: string, config?: ConfigInput, options: { helmTemplate?: boolean } = {}): LintResult {
  return lintParsed(parseFile(text, options), resolveConfig(config));
}

export function lintParsed(file: ParsedFile, resolved: ResolvedConfig, options: LintOptions = {}): LintResult {
  return finish(lintParsedSteps(file, resolved, options));
}

/** lintParsed as steps: yields after each document, as parseFileSteps does (same result). */
export function* lintParsedSteps(file: ParsedFile, resolved: ResolvedConfig, options: LintOptions = {}): Generator<void, LintResult, void> {
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  if (file.notKubernetes) return { findings, failures };
  const skips = skipsOf(file).map(s => ({ reason: s.reason, range: { start: file.lines.positionAt(s.offset), end: file.lines.positionAt(s.offset) } }));
  if (file.skipped) return { findings, failures, skipped: file.skipped, notChecked: skips };
  const uri = options.uri ?? 'untitled:manifest';
  const summaries = options.summaries ?? summarizeFile(uri, file);
  let index = options.workspace;
  if (!index) {
    index = new WorkspaceIndex({ defaultNamespace: resolved.config.defaultNamespace ?? 'default' });
    index.setFile(uri, [...summaries]);
  }
  const activeIds = new Set(resolved.active.map(a => a.rule.id));
  const now = options.now ?? new Date();
  const suppressor = new Suppressor(file, RULES, activeIds, now);
  const fixes = options.fixes !== false;
  const reuse = options.previous && Reuse.from(options.previous.result, file, uri, options.previous.changed, seesFor(resolved));
  const parts = new Map<Document, DocumentLint>();
  let n = 0;
  for (const d of file.documents) {
    const from = n;
    n += d.objects.length;
    // Its own summaries are cut out only when it is linted: most documents of a keystroke are reused.
    const part = reuse?.take(d.doc, d.index) ?? lintDocument(file, d, resolved, index, uri, summaries.slice(from, n), suppressor, failures, fixes);
    parts.set(d.doc, part);
    appendAll(findings, part.findings);
    appendAll(failures, part.failures);
    suppressor.restore(part.suppressed, part.problems);
    yield;
  }
  const { findings: kept, suppressed } = suppressor.finish(findings);
  const result: LintResult = suppressed.length ? { findings: kept, failures, suppressed } : { findings: kept, failures };
  if (skips.length) result.notChecked = skips;
  keepForReuse(result, file, uri, parts);
  return result;
}

/**
 * Whether a change of the workspace model may change `result`, a lint of the same text under
 * `resolved` (a dependant of the edited file): when not, it stands as it is, and nothing is
 * published again.
 */
export function lintSees(result: LintResult, change: FactChange, resolved: ResolvedConfig): boolean {
  return resultSees(result, change, seesFor(resolved));
}

/** lintSees for what modelReadsOf kept of a lint under `resolved`. */
export function modelReadsSee(reads: ModelReads | undefined, change: FactChange, resolved: ResolvedConfig): boolean {
  return readsSee(reads, change, seesFor(resolved));
}

const seers = new WeakMap<ResolvedConfig, Sees>();

/** Whether one of the rules (by id, those of `resolved` first) that read the model for a document reads a fact of the change. */
function seesFor(resolved: ResolvedConfig): Sees {
  let sees = seers.get(resolved);
  if (!sees) {
    const rules = new Map(resolved.active.map(a => [a.rule.id, a.rule]));
    // Each rule's answer is worked out once per change: a lint asks it for every document kept.
    const answers = new WeakMap<object, Map<string, boolean>>();
    sees = (ids, change) => {
      if (change.length === 0) return false;
      let known = answers.get(change);
      if (!known) answers.set(change, known = new Map());
      for (const id of ids) {
        let reads = known.get(id);
        if (reads === undefined) known.set(id, reads = readsChanged((rules.get(id) ?? ruleById(id))?.workspaceReads, change));
        if (reads) return true;
      }
      return false;
    };
    seers.set(resolved, sees);
  }
  return sees;
}

/**
 * The rules over one document's objects; what its annotations suppress is drained from
 * `suppressor` into the part, so the part can be reused on its own. `late`: the result's
 * failures, where a fix builder that throws when asked (after the lint) is recorded.
 */
function lintDocument(file: ParsedFile, d: ParsedDocument, resolved: ResolvedConfig, index: WorkspaceIndex, uri: string, summaries: readonly ObjectSummary[], suppressor: Suppressor, late: RuleFailure[], fixes = true): DocumentLint {
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  // Which rules read the model decides whether a change of the model re-lints this document.
  const readers = new Set<string>();
  let reading = '';
  const reads = { namespaces: false, index: [] as string[] };
  d.objects.forEach((object, i) => {
    const self = summaries[i];
    // A Kustomization, a Component, a `$patch: delete`: directives, not objects to judge.
    if (isKustomizeDirective(object)) return;
    const workspace = { get index() { readers.add(reading); return index; }, self };
    if (self.pod) reads.namespaces = true;
    const { active, policy } = forObject(resolved, index, self);
    const pod = podSpecOf(object);
    const first = findings.length;
    const ran = new Set<string>();
    for (const { rule, configured } of active) {
      if (rule.kinds && !rule.kinds.includes(object.kind)) continue;
      ran.add(rule.id);
      const report = (r: Report) => {
        const offsets = nodeOffsets(r.at);
        if (!offsets) return;
        const covers = r.covers ?? rule.covers;
        findings.push({
          ruleId: rule.id,
          messageId: r.messageId,
          message: formatMessage(rule.messages[r.messageId] ?? r.messageId, r.data),
          severity: findingSeverity(rule, object.kind, covers, r.severity, configured, resolved.inForce, ruleById),
          covers,
          fix: r.fix && rule.fix && fixes ? offer(r.fix, rule, file.text, object.doc, late) : null,
          suggestions: !fixes ? [] : (r.suggestions ?? []).map(p => bind(p, file.text, object.doc, rule, late)),
          offsets,
          range: { start: file.lines.positionAt(offsets[0]), end: file.lines.positionAt(offsets[1]) },
          object: { kind: object.kind, name: object.name, namespace: object.namespace, docIndex: d.index },
          data: r.data ?? {},
          related: (r.related ?? []).map(x => ({ uri: x.ref.uri, range: x.ref.range, message: x.message })),
        });
      };
      try {
        const config = resolved.config;
        reading = rule.id;
        if (rule.checkObject) rule.checkObject({ object, policy, config, workspace, report });
        if (rule.checkPod && pod) rule.checkPod({ object, pod, policy, config, workspace, report });
      } catch (e) {
        failures.push({ ruleId: rule.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      }
    }
    // A patch is partial: what it leaves out the object it patches may have (DESIGN.md).
    if (index.isPatch(uri)) findings.splice(first, findings.length - first, ...findings.slice(first).filter(f => isOnSetValue(object, f.offsets[0])));
    suppressor.object(object, pod, findings.slice(first), ran);
  });
  reads.index = [...readers];
  return { findings, failures, reads, ...suppressor.drain() };
}

const PSA_LEVEL_LABEL = 'pod-security.kubernetes.io/enforce';
const PSA_VERSION_LABEL = 'pod-security.kubernetes.io/enforce-version';

/**
 * The rules for one object. A Namespace in the workspace that enforces a Pod Security level
 * decides the level (and version) of its workloads, as the admission plugin would (PSA01): a
 * workload in a `baseline` namespace gets no restricted-only Pod Security finding, and one in a
 * `privileged` namespace no Pod Security finding at all.
 */
function forObject(resolved: ResolvedConfig, index: WorkspaceIndex, self: ObjectSummary): { active: ActiveRule[]; policy: Policy } {
  if (!self.pod) return resolved;
  const ns = index.namespaceObject(index.namespaceOf(self));
  const level = ns?.labels[PSA_LEVEL_LABEL];
  if (level !== 'privileged' && level !== 'baseline' && level !== 'restricted') return resolved;
  // A workload naming no namespace only may land in that one (`kubectl -n` decides): its labels may
  // lower the level, never raise it nor move the version.
  const guessed = index.namespaceGuessed(self);
  if (guessed && level === 'restricted') return resolved;
  const version = ns!.labels[PSA_VERSION_LABEL];
  const podSecurityVersion = !guessed && version && parsePolicyVersion(version) !== undefined ? version : resolved.config.podSecurityVersion;
  const r = resolveConfig({ ...resolved.config, level: level === 'privileged' ? 'baseline' : level, podSecurityVersion });
  // The label speaks for the Pod Security Standards only: the other rules (network, mesh, ...)
  // run as configured whatever level the namespace enforces.
  const pss = level === 'privileged' ? [] : r.active.filter(a => a.rule.pss);
  return { active: [...pss, ...resolved.active.filter(a => !a.rule.pss)], policy: level === 'privileged' ? { ...r.policy, privileged: true } : r.policy };
}

function bind(p: Proposal | MessageProposal, text: string, doc: Document, rule: RuleMeta, failures: RuleFailure[]): BoundProposal {
  const ruleId = rule.id;
  // A builder that throws offers nothing; the finding itself still stands.
  const guarded = <T>(build: () => T): T | undefined => {
    try {
      return build();
    } catch (e) {
      failures.push({ ruleId, error: e instanceof Error ? (e.stack ?? e.message) : String(e), inFix: true });
      return undefined;
    }
  };
  const template = 'messageId' in p ? rule.fixMessages?.[p.messageId] : undefined;
  // A title the rule's metadata does not hold would show its bare id: a defect of the rule, reported as one.
  if ('messageId' in p && template === undefined) failures.push({ ruleId, error: `fix message "${p.messageId}" is not among the rule's fixMessages`, inFix: true });
  const title = 'messageId' in p ? formatMessage(template ?? p.messageId, p.data) : p.title;
  // Built once per text: the fix offer, quick fixes and fix-all all ask for the same edits. The
  // text is the document's current one: a finding reused for a later version (its document moved
  // in place, lint-reuse.ts) offers the edits of that version.
  let built: { text: string; edits: TextEdit[] | undefined } | undefined;
  const bound: BoundProposal = {
    title,
    edits: () => {
      const now = currentText(doc, text);
      if (built?.text !== now) built = { text: now, edits: guarded(() => p.edits({ text: now, doc })) };
      return built.edits;
    },
  };
  const newFile = p.newFile;
  if (newFile) bound.newFile = () => guarded(() => newFile.call(p, { text: currentText(doc, text), doc }));
  return bound;
}

/**
 * A finding's fix, with its own safety (else the rule's default): null when its edits decline or
 * change nothing (a value behind an alias, a securityContext that is not a map), so no front end
 * counts or offers it.
 */
function offer(p: Proposal | MessageProposal, rule: Rule, text: string, doc: Document, failures: RuleFailure[]): FixOffer | null {
  const bound = bind(p, text, doc, rule, failures);
  const edits = bound.edits();
  // Compared span by span: applying them to a large file for every finding would cost its size each time.
  if (!edits || edits.every(e => text.slice(e.start, e.end) === e.newText)) return null;
  const safety = p.safety ?? rule.fix!.safety;
  return { ...bound, safety, ...(safety === 'unsafe' ? { risk: p.risk ?? rule.fix!.risk ?? 'may stop a working pod' } : {}) };
}

export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  const parts = templateParts(template);
  if (parts.length === 1) return parts[0];
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 3) {
    const key = parts[i + 1];
    out += (data && key in data ? String(data[key]) : parts[i]) + parts[i + 2];
  }
  return out;
}

/**
 * A message template split at its placeholders: text, then for each `{{ key }}` the placeholder
 * as written, its key and the text after it. Messages come from a few hundred templates and a
 * large tree makes hundreds of thousands of findings: each template is split once.
 */
const splitTemplates = new Map<string, string[]>();

function templateParts(template: string): string[] {
  let parts = splitTemplates.get(template);
  if (!parts) {
    parts = [];
    let last = 0;
    for (const m of template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
      parts.push(template.slice(last, m.index), m[0], m[1]);
      last = m.index + m[0].length;
    }
    parts.push(template.slice(last));
    // Templates are the rules' metadata; a bound keeps a caller that builds its own from growing it.
    if (splitTemplates.size >= 4096) splitTemplates.clear();
    splitTemplates.set(template, parts);
  }
  return parts;
}

export { nodeOffsets };
