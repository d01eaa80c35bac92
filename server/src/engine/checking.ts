// The engine's third public entry: linting files into findings and what a front end needs around
// that (configuration, the rule catalogue, fix-all, the workspace model, fingerprints), without
// the Kustomize and Helm renderers. `kube-harden check` on a tree with no kustomization and no
// chart loads only this: the renderers are a hundred more modules, a tenth of a second of every
// cold start. Names are the same as in index.ts, which exports all of these too.
export { mergeConfigInputs, PRESETS } from './config';
export type { ConfigInput, Preset } from './config';
export { CONFIG_FILE_NAMES, FAIL_ON_VALUES, isConfigFileName, parseConfigFile } from './config-file';
export type { ConfigFile, FailOn } from './config-file';
export { rowSeverities } from './consolidated';
export { catalogueRow } from './catalogue-rows';
export { findingIdentity } from './fingerprint';
export type { IdentityPlaces } from './fingerprint';
export { fixAll } from './fixing';
export { describeGroup, groupBy } from './grouping';
export { lintParsed, resolveConfig } from './lint';
export type { Finding, LintOptions, LintResult } from './lint';
export { MAX_TEXT_LENGTH, parseFile } from './model/parse';
export type { ParsedFile } from './model/parse';
export { parsePolicyVersion } from './policy';
export type { Level } from './policy';
export { RULES, ruleById } from './registry';
export { ruleLevel } from './rule';
export type { FixSafety, Rule, Severity } from './rule';
export { parseSize, SIZE_HINT } from './size';
export type { SuppressedFinding } from './suppress';
export { appendAll } from './util/arrays';
export { WorkspaceIndex } from './workspace';
export { isNamespaceName } from './workspace/namespace-name';
export { summarizeFile } from './workspace/summary';
export type { ObjectSummary } from './workspace/summary';
