// Settings per resource, as the client scopes them (workspace folder, language overrides):
// pulled with workspace/configuration, cached per document URI until the client says they
// changed. Clients that cannot answer workspace/configuration push them instead.
import * as path from 'node:path';
import { ConfigInput, DEFAULT_CONFIG, DEFAULT_NAMESPACE, LintConfig, normalizeConfig } from '../engine';
import { CONFIG_SETTING_KEYS, mergeConfigInputs, parseSize, SIZE_HINT } from '../engine';
import { describeError, RateLimitedLog } from './log';

export const SECTION = 'kubeHarden';

export interface DocumentSettings {
  enable: boolean;
  config: LintConfig;
  /** kubeHarden.maxFileSize in bytes, when set: larger documents are not checked (and say so). */
  maxFileSize?: number;
  /** kubeHarden.helm.values: chart folder (the end of its path) to value files inside it. */
  helmValues?: Record<string, string[]>;
}

export const DEFAULT_SETTINGS: Readonly<DocumentSettings> = Object.freeze({ enable: true, config: { ...DEFAULT_CONFIG, rules: {} } });

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The `kubeHarden` section as the engine wants it; bad values fall back to defaults and are
 * reported. `repo`: the valid settings of the repository file, which win over the editor's
 * setting by setting (rule by rule for `rules`). The file is the team's agreement, shared with
 * the CLI in CI; editor settings cannot be told apart from their defaults (workspace/configuration
 * answers both alike), so they fill in only what the file leaves open.
 */
export function toDocumentSettings(raw: unknown, report: (problem: string) => void = () => {}, repo?: ConfigInput): DocumentSettings {
  if (!isObject(raw)) {
    if (!repo) return DEFAULT_SETTINGS;
    raw = {};
  }
  if (!isObject(raw)) return DEFAULT_SETTINGS;
  const input: Record<string, unknown> = {};
  for (const key of CONFIG_SETTING_KEYS) {
    // Editors send null for a setting the user cleared: that means "default", not a bad value.
    if (raw[key] !== undefined && raw[key] !== null) input[key] = raw[key];
  }
  if (input.rules !== undefined && !isObject(input.rules)) {
    report(`${SECTION}.rules must be an object of rule id to error, warning, info or off.`);
    delete input.rules;
  }
  const editor = normalizeConfig(input as ConfigInput);
  // A rule key that names no rule is kept (it does nothing): said so, not "ignored".
  for (const p of editor.problems) report(`${SECTION}.${p.setting}: ${p.message}${p.severity === 'warning' ? ' (kept, but it has no effect)' : ''}`);
  // Only the editor's own problems are logged: the file's are shown in the file itself.
  const { config } = repo ? normalizeConfig(mergeConfigInputs(validOnly(input, editor.config, editor.problems), repo)) : editor;
  const settings: DocumentSettings = { enable: raw.enable !== false, config };
  if (raw.maxFileSize !== undefined && raw.maxFileSize !== null) {
    const bytes = parseSize(raw.maxFileSize);
    if (bytes === undefined) report(`${SECTION}.maxFileSize must be ${SIZE_HINT}`);
    else settings.maxFileSize = bytes;
  }
  const helm = isObject(raw.helm) ? raw.helm.values : undefined;
  if (helm !== undefined && helm !== null) {
    const valid = isObject(helm) && Object.values(helm).every(v => Array.isArray(v) && v.every(f => typeof f === 'string' && f.trim() !== ''));
    if (valid) settings.helmValues = helm as Record<string, string[]>;
    else report(`${SECTION}.helm.values must map chart folders to lists of value files, e.g. {"charts/web": ["values-prod.yaml"]}`);
  }
  return settings;
}

/** The value files `helmValues` names for the chart in folder `dir`: keys match the end of its path. */
export function helmValuesFor(settings: DocumentSettings, dir: string): string[] {
  const posix = dir.split(path.sep).join('/').replace(/\/+$/, '');
  const out: string[] = [];
  for (const [key, files] of Object.entries(settings.helmValues ?? {})) {
    const k = key.replace(/\\/g, '/').replace(/^\.\/|\/+$/g, '');
    if (k && (posix === k || posix.endsWith(`/${k}`))) out.push(...files);
  }
  return out;
}

/**
 * The default namespace of the workspace model, from the `kubeHarden` section and the repository
 * file at the root of the first folder (which wins, as for every other setting). One value for
 * the whole model: the setting is window-scoped (see WorkspaceModel.loadDefaultNamespace). An
 * invalid value is reported and `default` applies, as for any other bad setting.
 */
export function defaultNamespaceOf(raw: unknown, report: (problem: string) => void = () => {}, repo?: ConfigInput): string {
  if (repo?.defaultNamespace) return repo.defaultNamespace; // validated when the file was read
  const value = isObject(raw) ? raw.defaultNamespace : undefined;
  if (value === undefined || value === null) return DEFAULT_NAMESPACE;
  const { config, problems } = normalizeConfig({ defaultNamespace: value as string });
  for (const p of problems) report(`${SECTION}.${p.setting}: ${p.message}`);
  return config.defaultNamespace ?? DEFAULT_NAMESPACE;
}

/** The input less what normalizeConfig rejected (defaults apply there, as without a file). */
function validOnly(input: Record<string, unknown>, config: LintConfig, problems: ReadonlyArray<{ setting: string; severity?: string }>): ConfigInput {
  const out: Record<string, unknown> = {};
  const rejected = new Set(problems.filter(p => p.severity !== 'warning').map(p => p.setting.split('.')[0]));
  for (const key of Object.keys(input)) {
    if (key === 'rules') out.rules = config.rules;
    else if (key === 'trustedRegistries' || key === 'deniedRegistries') { if (config[key]) out[key] = config[key]; }
    else if (!rejected.has(key)) out[key] = input[key];
  }
  return out as ConfigInput;
}

export type ConfigurationFetcher = (scopeUri: string) => Promise<unknown>;

export class SettingsStore {
  private readonly perUri = new Map<string, Promise<DocumentSettings>>();
  private pushed: unknown = undefined;

  /** `fetch` is absent when the client lacks the workspace/configuration capability. */
  /** `repo`: the repository file's settings for a document (see toDocumentSettings). */
  constructor(
    private readonly fetch: ConfigurationFetcher | undefined,
    private readonly log: RateLimitedLog,
    private readonly repo: (uri: string) => ConfigInput | undefined = () => undefined,
  ) {}

  get(uri: string): Promise<DocumentSettings> {
    if (!this.fetch) return Promise.resolve(this.convert(this.pushed, uri));
    let hit = this.perUri.get(uri);
    if (!hit) {
      hit = this.fetch(uri).then(
        // Some clients answer null for a section they have no value for: use what was pushed.
        raw => this.convert(isObject(raw) ? raw : this.pushed, uri),
        e => {
          this.perUri.delete(uri);
          this.log.error('settings:fetch', `workspace/configuration failed, using defaults: ${describeError(e)}`);
          return this.convert(this.pushed, uri);
        },
      );
      this.perUri.set(uri, hit);
    }
    return hit;
  }

  /** workspace/didChangeConfiguration: forget every cached value; keep pushed settings if any. */
  changed(settings: unknown): void {
    if (isObject(settings) && isObject(settings[SECTION])) this.pushed = settings[SECTION];
    this.perUri.clear();
  }

  forget(uri: string): void {
    this.perUri.delete(uri);
  }

  /** A repository file changed: every document's settings are computed again. */
  repoChanged(): void {
    this.perUri.clear();
  }

  private convert(raw: unknown, uri: string): DocumentSettings {
    let repo: ConfigInput | undefined;
    try {
      repo = this.repo(uri);
    } catch (e) {
      this.log.error('settings:repo', `Reading the repository file for ${uri} failed: ${describeError(e)}`);
    }
    return toDocumentSettings(raw, problem => this.log.warn(`settings:${problem}`, `Ignoring invalid setting: ${problem}`), repo);
  }
}
