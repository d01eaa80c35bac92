// Settings per resource, as the client scopes them (workspace folder, language overrides):
// pulled with workspace/configuration, cached per document URI until the client says they
// changed. Clients that cannot answer workspace/configuration push them instead.
import { DEFAULT_CONFIG, LintConfig, normalizeConfig } from '../engine';
import { describeError, RateLimitedLog } from './log';

export const SECTION = 'kubeHarden';

export interface DocumentSettings {
  enable: boolean;
  config: LintConfig;
}

export const DEFAULT_SETTINGS: Readonly<DocumentSettings> = Object.freeze({ enable: true, config: { ...DEFAULT_CONFIG, rules: {} } });

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The `kubeHarden` section as the engine wants it; bad values fall back to defaults and are reported. */
export function toDocumentSettings(raw: unknown, report: (problem: string) => void = () => {}): DocumentSettings {
  if (!isObject(raw)) return DEFAULT_SETTINGS;
  const input: Record<string, unknown> = {};
  for (const key of ['level', 'podSecurityVersion', 'preset', 'enableAll', 'rules', 'trustedRegistries', 'deniedRegistries'] as const) {
    // Editors send null for a setting the user cleared: that means "default", not a bad value.
    if (raw[key] !== undefined && raw[key] !== null) input[key] = raw[key];
  }
  if (input.rules !== undefined && !isObject(input.rules)) {
    report(`${SECTION}.rules must be an object of rule id to error, warning, info or off.`);
    delete input.rules;
  }
  const { config, problems } = normalizeConfig(input as Partial<LintConfig>);
  for (const p of problems) report(`${SECTION}.${p.setting}: ${p.message}`);
  return { enable: raw.enable !== false, config };
}

export type ConfigurationFetcher = (scopeUri: string) => Promise<unknown>;

export class SettingsStore {
  private readonly perUri = new Map<string, Promise<DocumentSettings>>();
  private pushed: unknown = undefined;

  /** `fetch` is absent when the client lacks the workspace/configuration capability. */
  constructor(private readonly fetch: ConfigurationFetcher | undefined, private readonly log: RateLimitedLog) {}

  get(uri: string): Promise<DocumentSettings> {
    if (!this.fetch) return Promise.resolve(this.convert(this.pushed));
    let hit = this.perUri.get(uri);
    if (!hit) {
      hit = this.fetch(uri).then(
        // Some clients answer null for a section they have no value for: use what was pushed.
        raw => this.convert(isObject(raw) ? raw : this.pushed),
        e => {
          this.perUri.delete(uri);
          this.log.error('settings:fetch', `workspace/configuration failed, using defaults: ${describeError(e)}`);
          return this.convert(this.pushed);
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

  private convert(raw: unknown): DocumentSettings {
    return toDocumentSettings(raw, problem => this.log.warn(`settings:${problem}`, `Ignoring invalid setting: ${problem}`));
  }
}
