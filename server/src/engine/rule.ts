// A rule is metadata + a check. Metadata is data: docs pages, presets, the `rules` listing and
// (later) suppression by other tools' ids all come from it.
import { Document, Node } from 'yaml';
import type { TextEdit } from './fix/edit';
import { K8sObject } from './model/parse';
import { PodSpecView } from './model/workload';
import type { LintConfig } from './config';
import { Level, Policy } from './policy';
import type { WorkspaceIndex } from './workspace';
import type { ObjectRef, ObjectSummary } from './workspace/summary';
import type { FactRead } from './workspace/fact-delta';

export type Severity = 'error' | 'warning' | 'info';
export type Category = 'pod-security' | 'workload-hardening' | 'service-accounts' | 'rbac' | 'network' | 'secrets' | 'images' | 'resources' | 'namespaces' | 'misc';
export type FixSafety = 'safe' | 'unsafe';
export type Tool = 'pss' | 'kubeLinter' | 'checkov' | 'trivy' | 'kubescape' | 'polaris' | 'kubesec';

export interface PssMeta {
  level: Level;
  /** The admission plugin's check id, e.g. `runAsNonRoot`. */
  check: string;
  /** First policy minor version (1.x) in which the check exists. */
  since: number;
}

export interface RuleDocs {
  summary: string;
  remediation: string;
  references: string[];
}

/**
 * Manifests that show the rule (ESLint's incorrect/correct examples), rendered on its page. Each
 * is linted alone, with the rule on at its level and `settings`: `incorrect` gets at least one
 * finding of the rule, `correct` none (test/unit/rule-examples.test.ts). Objects of other files
 * that a cross-file rule reads are further documents of the same snippet.
 */
export interface RuleExamples {
  /** Absent only for a retired rule, which reports nothing. */
  incorrect?: string;
  correct: string;
  /** Settings the rule needs to run (trustedRegistries, ...). */
  settings?: Partial<Pick<LintConfig, 'trustedRegistries' | 'deniedRegistries' | 'sandbox'>>;
}

export interface RuleMeta<M extends string = string> {
  id: string;
  title: string;
  category: Category;
  severity: Severity;
  pss: PssMeta | null;
  /** For rules outside the Pod Security Standards: the lowest level whose preset includes them. */
  level?: Level;
  /** Off unless enabled by setting, `--enable-all` or a preset. */
  optIn?: boolean;
  /**
   * Why the rule is on or off by default, in a sentence (the Why row of its page). Required for
   * an opt-in rule; without it an on-by-default rule's reason is its preset or PSS level.
   */
  defaultReason?: string;
  /** Rows of the catalogue (catalogue-rows.ts) this rule implements. */
  covers: string[];
  /** The same check's id in other tools. */
  equivalents: Partial<Record<Tool, string[]>>;
  /**
   * Rules this one replaces when it is active, as a restricted PSA check replaces the baseline
   * check of the same control (restrictedVolumes replaces hostPathVolumes, ...): one finding per
   * problem, never two.
   */
  overrides?: string[];
  messages: Record<M, string>;
  /** Titles of the fixes and suggestions the rule offers, by id (`{{placeholders}}` as messages). */
  fixMessages?: Record<string, string>;
  docs: RuleDocs;
  /** Shown on the rule's page; checked by a test. */
  examples?: RuleExamples;
  /**
   * A rule that reports nothing any more, kept so configurations and suppressions naming its id
   * stay valid: why (its page says so; it has a correct example only).
   */
  retired?: string;
  /** The rule's fixes: the default safety of each (a proposal may state its own), for docs too; null: none. */
  fix: FixMeta | null;
  /**
   * The facts of other objects the rule reads from the workspace model (fact-delta.ts): a change
   * of the model re-lints an object only if a rule that read the model for it reads a changed
   * fact. Undeclared, a rule that reads the model reads everything. The object's own summary,
   * Namespaces and kustomizations (where objects land) need no declaring.
   */
  workspaceReads?: readonly FactRead[];
}

/**
 * What a rule says about its fixes. Safety belongs to each fix (ruff's `Applicability`): a rule
 * may offer a safe fix in one situation (adding a setting the manifest does not state) and an
 * unsafe one in another (flipping a value the author wrote); `safety` is the default for a
 * proposal that does not state its own.
 */
export interface FixMeta {
  safety: FixSafety;
  /**
   * What an unsafe fix of this rule may break, in a few words ("may stop an image that runs as
   * root"): editors append it to the fix's title so the choice is made knowingly.
   */
  risk?: string;
  /**
   * Why, and exactly when, this rule's fix is safe: printed on its rule page. Required whenever
   * any of the rule's proposals may be safe (the catalogue test checks it).
   */
  safeBecause?: string;
}

/** What a fix builder gets: the text the finding was computed from and its parsed document. */
export interface EditContext {
  text: string;
  doc: Document;
}

/**
 * One edit a finding offers. Built lazily (only when an editor asks for code actions, or a fix-all
 * runs), from node offsets of the same parse. `edits` returns undefined when it declines (the
 * value lives behind an alias, the style cannot be kept, ...): then nothing is offered.
 */
export interface Proposal {
  /** Imperative, names the container or field: `Set allowPrivilegeEscalation: false in container "app"`. */
  title: string;
  /** This proposal's own safety, when it differs from the rule's `fix.safety` (used for `fix`, not suggestions). */
  safety?: FixSafety;
  /** What this proposal may break, when more precise than the rule's `fix.risk`. */
  risk?: string;
  edits(ctx: EditContext): TextEdit[] | undefined;
  /**
   * The same content as a new file beside the current one, for proposals that create an object
   * (a NetworkPolicy for a namespace): an editor may offer it as an alternative to `edits`
   * (a CreateFile edit). `name` is relative to the current file's folder. Undefined: declined.
   */
  newFile?(ctx: EditContext): NewFile | undefined;
}

/**
 * A proposal whose title is one of the rule's `fixMessages` (ESLint's suggestion messageId): the
 * wording lives in metadata, on the rule's page, and tests survive rewording.
 */
export interface MessageProposal extends Omit<Proposal, 'title'> {
  messageId: string;
  data?: Record<string, string | number>;
}

export interface NewFile {
  /** A file name relative to the folder of the file the finding is in, e.g. `default-deny-shop.yaml`. */
  name: string;
  text: string;
}

export interface Report<M extends string = string> {
  messageId: M;
  data?: Record<string, string | number>;
  /** The node the finding is about: the offending value, else the nearest key, else a name. */
  at: Node;
  /** The rows this particular finding demonstrates, when narrower than the rule's `covers`. */
  covers?: string[];
  /**
   * This finding's default severity when it differs from the rule's: an overriding restricted
   * rule keeps the severity of the baseline rule it replaces for what that rule would report.
   * A severity the user configured for the rule still wins.
   */
  severity?: Severity;
  /** The fix (its safety: its own `safety`, else the rule's `fix.safety`): the one right edit, when there is one. */
  fix?: Proposal | MessageProposal;
  /** Alternatives where there is no single right answer: offered one at a time, never in bulk. */
  suggestions?: Array<Proposal | MessageProposal>;
  /** Objects elsewhere that explain the finding (LSP relatedInformation). */
  related?: Array<{ ref: ObjectRef; message: string }>;
}

export interface WorkspaceContext {
  index: WorkspaceIndex;
  /** The summary of the object being checked, as the index holds it. */
  self: ObjectSummary;
}

export interface CheckContext<M extends string = string> {
  object: K8sObject;
  policy: Policy;
  /** The configuration in force (rule settings such as trustedRegistries). */
  config: LintConfig;
  /** Every object of the workspace (or, without one, of this file): for cross-object rules. */
  workspace: WorkspaceContext;
  report(r: Report<M>): void;
}

export interface PodCheckContext<M extends string = string> extends CheckContext<M> {
  pod: PodSpecView;
}

export interface Rule<M extends string = string> extends RuleMeta<M> {
  /** Runs once per pod spec (Pods, workload templates, CronJobs, pod-bearing custom resources). */
  checkPod?(ctx: PodCheckContext<M>): void;
  /** Runs once per Kubernetes object of the listed kinds (all kinds when absent). */
  kinds?: string[];
  checkObject?(ctx: CheckContext<M>): void;
}

export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}

/** The level at which a rule starts to apply. */
export function ruleLevel(rule: RuleMeta): Level {
  return rule.pss?.level ?? rule.level ?? 'baseline';
}
