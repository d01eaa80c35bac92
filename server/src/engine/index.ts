// The engine's public API: pure functions from text + configuration to findings.
export { DEFAULT_CONFIG, normalizeConfig } from './config';
export type { ConfigProblem, LintConfig, RuleSetting } from './config';
export { formatMessage, lint, lintParsed, nodeOffsets, resolveConfig } from './lint';
export type { ActiveRule, BoundProposal, Finding, FixOffer, LintOptions, LintResult, RelatedInfo, ResolvedConfig, RuleFailure } from './lint';
export { parseFile } from './model/parse';
export type { K8sObject, ParsedDocument, ParsedFile } from './model/parse';
export { LineIndex } from './model/text';
export type { Position, Range } from './model/text';
export { podSpecOf } from './model/workload';
export { LATEST_POLICY_MINOR, parsePolicyVersion } from './policy';
export type { Level, Policy } from './policy';
export { RULES, ruleById } from './registry';
export { ruleLevel } from './rule';
export type { Category, FixSafety, Rule, RuleMeta, Severity, Tool } from './rule';
export { renderRuleIndex, renderRulePage } from './docs';
export * from './fix';
export { diffToEdit, fixAll, selectFixable } from './fixing';
export type { FixAllOptions, FixAllResult } from './fixing';
