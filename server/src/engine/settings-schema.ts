// The `kubeHarden.*` settings, once: package.json's contributes.configuration and the README's
// settings table are generated from this list (`npm run docs`), the language server reads the
// section's keys from it, and the type below fails the build when a configuration field has no
// setting. test/unit/config/settings-schema.test.ts fails when the generated files drift.
import type { ConfigInput, Preset, RuleSetting, SandboxConfig } from './config';
import type { Level } from './policy';

/** The subset of JSON Schema VS Code's settings editor reads. */
export interface SettingSchema {
  type: 'boolean' | 'string' | 'array' | 'object' | readonly ('string' | 'number')[];
  default: unknown;
  enum?: readonly string[];
  enumDescriptions?: readonly string[];
  pattern?: string;
  patternErrorMessage?: string;
  items?: { type: 'string' };
  additionalProperties?: { type: 'string'; enum?: readonly string[] } | { type: 'array'; items: { type: 'string' } };
}

/** Settings only the editor reads: they do not reach the engine's configuration. */
type EditorOnlyKey = 'enable' | 'exclude' | 'trace.server' | 'maxFileSize' | 'helm.values';
const EDITOR_ONLY: ReadonlySet<string> = new Set<EditorOnlyKey>(['enable', 'exclude', 'trace.server', 'maxFileSize', 'helm.values']);
/** Configuration fields that are not settings: the merged layer under a repository file. */
type NotASetting = 'baseRules' | 'sandbox';
type ConfigKey = Exclude<keyof ConfigInput, NotASetting> | `sandbox.${keyof SandboxConfig}`;
export type SettingKey = EditorOnlyKey | ConfigKey;

export interface SettingSpec {
  /** The name under `kubeHarden.`. */
  key: SettingKey;
  schema: SettingSchema;
  /** `window`: one value for the whole workspace (the workspace model's). */
  scope: 'resource' | 'window';
  /** The settings editor's text (Markdown); `#kubeHarden.x#` links to another setting. */
  markdownDescription: string;
  /** One line for the README's settings table. */
  summary: string;
  /** A setting kept for old configurations: the settings editor strikes it through with this. */
  deprecation?: { plain: string; markdown: string };
}

const LEVELS: readonly Level[] = ['restricted', 'baseline'];
const PRESETS: readonly Preset[] = ['default', 'strict'];
const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'off'];

const SETTINGS_LIST = [
  {
    key: 'enable', scope: 'resource', schema: { type: 'boolean', default: true },
    markdownDescription: 'Report security findings in Kubernetes manifests.',
    summary: 'Report findings.',
  },
  {
    key: 'level', scope: 'resource',
    schema: {
      type: 'string', default: 'restricted', enum: LEVELS,
      enumDescriptions: [
        'Pod Security Standards restricted level (includes baseline) plus hardening rules.',
        'Only the Pod Security Standards baseline level and the always-on rules.',
      ],
    },
    markdownDescription: 'The Pod Security Standards level workloads are checked against.',
    summary: '`baseline` runs only baseline rules.',
  },
  {
    key: 'podSecurityVersion', scope: 'resource',
    schema: { type: 'string', default: 'latest', pattern: '^(latest|v?1\\.[0-9]+)$' },
    markdownDescription: 'The Pod Security Standards policy version (as in the `pod-security.kubernetes.io/enforce-version` label), e.g. `v1.30`, or `latest`.',
    summary: 'Policy version, e.g. `v1.30`.',
  },
  {
    key: 'preset', scope: 'resource',
    schema: {
      type: 'string', default: 'default', enum: PRESETS,
      enumDescriptions: [
        'The rules of the chosen level; opt-in rules stay off unless named in kubeHarden.rules.',
        'Every rule on, opt-in ones included (kubeHarden.enableAll is the older name).',
      ],
    },
    markdownDescription: "Rule preset. `strict` turns on every rule, opt-in ones included. A `preset` in the repository's `.kube-harden.yaml` takes precedence.",
    summary: '`strict` turns on every rule, opt-in ones included.',
  },
  {
    key: 'enableAll', scope: 'resource', schema: { type: 'boolean', default: false },
    markdownDescription: 'Turn on every rule, opt-in ones included. Older name of `#kubeHarden.preset#`: `strict`.',
    summary: 'Deprecated: older name of `preset: strict`.',
    deprecation: { plain: 'Deprecated: use kubeHarden.preset: strict.', markdown: 'Deprecated: use `#kubeHarden.preset#`: `strict`.' },
  },
  {
    key: 'defaultNamespace', scope: 'window',
    schema: {
      type: 'string', default: 'default', pattern: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$',
      patternErrorMessage: 'A Kubernetes namespace name: lower-case letters, digits and "-", at most 63 characters.',
    },
    markdownDescription: 'The namespace of objects that name none and that no `kustomization.yaml` places: where your `kubectl '
      + 'apply` puts them. Cross-file checks read it (the Pod Security level of that Namespace, its '
      + 'NetworkPolicies). One value for the whole workspace (the workspace model is shared by every folder); '
      + 'a `.kube-harden.yaml` at the root of the first folder that sets `defaultNamespace` wins over it. It '
      + 'stays a guess: a Namespace\'s label may lower the level of such objects, never raise it.',
    summary: 'Namespace of objects that name none and that no `kustomization.yaml` places (one for the workspace; window scope).',
  },
  {
    key: 'maxFileSize', scope: 'resource', schema: { type: ['string', 'number'], default: '16MiB' },
    markdownDescription: 'Documents larger than this (e.g. `16MiB`, `500KiB`, or a number of bytes) are not checked: they get '
      + 'a `not-checked` diagnostic saying so instead of findings. The editor never parses more than 16 MiB. '
      + 'On the command line `--max-file-size` and `maxFileSize` in `.kube-harden.yaml` set the limit.',
    summary: 'Larger documents are not checked and get a `not-checked` diagnostic (the editor parses at most 16 MiB).',
  },
  {
    key: 'helm.values', scope: 'resource', schema: { type: 'object', default: {}, additionalProperties: { type: 'array', items: { type: 'string' } } },
    markdownDescription: 'More value files per Helm chart, e.g. `{"charts/web": ["values-prod.yaml"]}`: the chart\'s folder '
      + '(the end of its path) and value files inside it. The chart is also judged with each, as a value set of its '
      + 'own after `values.yaml` (and before `ci/*-values.yaml`); a finding that holds in some sets only names them. '
      + '`helm:` in `.kube-harden.yaml` names more, for `kube-harden check` too.',
    summary: 'More value files per chart, e.g. `{"charts/web": ["values-prod.yaml"]}`: each a value set the chart is judged with.',
  },
  {
    key: 'exclude', scope: 'resource', schema: { type: 'array', items: { type: 'string' }, default: [] },
    markdownDescription: 'Glob patterns, relative to the workspace folder (e.g. `test/fixtures/**`, `**/generated`), of files '
      + 'and folders left out of the workspace model that cross-file checks read (a Namespace\'s Pod Security '
      + 'level, NetworkPolicy coverage). `files.exclude`, `.git` and `node_modules` are left out too. An '
      + 'excluded file that is open is still checked, on its own.',
    summary: 'Globs (relative to the folder) left out of the workspace model.',
  },
  {
    key: 'rules', scope: 'resource',
    schema: { type: 'object', default: {}, additionalProperties: { type: 'string', enum: RULE_SETTINGS } },
    markdownDescription: 'Severity (`error`, `warning`, `info`) or `off` per rule id, glob over rule ids or category: '
      + '`{"require-run-as-non-root": "error", "require-*-limit": "off", "category:rbac": "warning"}`. The '
      + 'most specific key wins: an exact id, then the glob with the most literal characters, then the '
      + 'category. A severity set for a rule\'s exact id turns an opt-in rule on; globs and categories '
      + 're-grade or turn off the rules already in force.',
    summary: 'Severity or `off` per rule id, glob or category (see [Configuration](#configuration)).',
  },
  {
    key: 'trustedRegistries', scope: 'resource', schema: { type: 'array', items: { type: 'string' }, default: [] },
    markdownDescription: 'Registries (or repository prefixes) images may come from, e.g. `ghcr.io/acme`, `*.azurecr.io`. '
      + 'Empty: the trusted-registry rule is off.',
    summary: 'Registries (or repository prefixes) images may come from; empty: the rule is off.',
  },
  {
    key: 'deniedRegistries', scope: 'resource', schema: { type: 'array', items: { type: 'string' }, default: [] },
    markdownDescription: 'Registries (or repository prefixes) images must not come from. Empty: the rule is off.',
    summary: 'Registries (or repository prefixes) images must not come from; empty: the rule is off.',
  },
  {
    key: 'sandbox.untrustedLabels', scope: 'resource', schema: { type: 'object', default: {}, additionalProperties: { type: 'string' } },
    markdownDescription: 'Pod labels that mark a workload as untrusted (any one pair is enough), e.g. `{"trust": '
      + '"untrusted"}`; `kube-harden.io/untrusted: "true"` always does. Read by the opt-in rule '
      + '`require-sandbox-runtime-class`, which asks such workloads for a gVisor or Kata `runtimeClassName`.',
    summary: 'Pod labels marking untrusted workloads, e.g. `{"trust": "untrusted"}` (`kube-harden.io/untrusted: '
      + '"true"` always does); opt-in rule `require-sandbox-runtime-class`.',
  },
  {
    key: 'sandbox.untrustedNamespaces', scope: 'resource', schema: { type: 'array', items: { type: 'string' }, default: [] },
    markdownDescription: 'Namespaces whose every workload is untrusted (tenants, customer code): '
      + '`require-sandbox-runtime-class` asks them for a sandboxed `runtimeClassName`.',
    summary: 'Namespaces whose workloads are all untrusted.',
  },
  {
    key: 'sandbox.runtimeClasses', scope: 'resource', schema: { type: 'array', items: { type: 'string' }, default: [] },
    markdownDescription: 'RuntimeClass names that run pods in a sandbox, besides `gvisor`, `runsc` and `kata*` (and '
      + 'RuntimeClass objects of the workspace whose handler is `runsc`, `gvisor` or `kata*`).',
    summary: 'RuntimeClass names that are sandboxes besides `gvisor`, `runsc`, `kata*`.',
  },
  {
    key: 'trace.server', scope: 'window',
    schema: {
      type: 'string', default: 'off', enum: ['off', 'messages', 'verbose'],
      enumDescriptions: ['No trace.', 'The name of each request, response and notification.', 'Each message with its parameters and result.'],
    },
    markdownDescription: 'Traces the messages between VS Code and the language server into the **Kube Harden Trace** output channel, for a bug report.',
    summary: '`messages` or `verbose`: trace the messages between VS Code and the language server in the **Kube '
      + 'Harden Trace** output channel (for a bug report).',
  },
] as const satisfies readonly SettingSpec[];

export const SETTINGS: readonly SettingSpec[] = SETTINGS_LIST;

// A configuration field with no setting does not compile: add it to SETTINGS_LIST.
type Missing = Exclude<ConfigKey, (typeof SETTINGS_LIST)[number]['key']>;
const everyFieldIsASetting: [Missing] extends [never] ? true : Missing = true;
void everyFieldIsASetting;

/** The top-level configuration fields the `kubeHarden` section carries (`sandbox` for `sandbox.*`). */
export const CONFIG_SETTING_KEYS: readonly (keyof ConfigInput)[] = [...new Set(SETTINGS
  .filter(s => !EDITOR_ONLY.has(s.key))
  .map(s => s.key.split('.')[0] as keyof ConfigInput))];

/** package.json's `contributes.configuration`. */
export function contributedConfiguration(): { title: string; properties: Record<string, unknown> } {
  const properties: Record<string, unknown> = {};
  for (const s of SETTINGS) {
    const { type, default: value, ...constraints } = s.schema;
    properties[`kubeHarden.${s.key}`] = {
      type, default: value, ...constraints, scope: s.scope, markdownDescription: s.markdownDescription,
      ...(s.deprecation ? { deprecationMessage: s.deprecation.plain, markdownDeprecationMessage: s.deprecation.markdown } : {}),
    };
  }
  return { title: 'Kube Harden', properties };
}

/** The README's settings table (Markdown). */
export function renderSettingsTable(): string {
  const shown = (v: unknown) => typeof v === 'string' ? v : JSON.stringify(v);
  const rows = SETTINGS.map(s => `| \`kubeHarden.${s.key}\` | \`${shown(s.schema.default)}\` | ${s.summary} |`);
  return ['| Setting | Default | |', '|---|---|---|', ...rows].join('\n') + '\n';
}
