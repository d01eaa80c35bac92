// When to lint: at once on open, debounced per document while typing, again for every open
// document when settings change. Each document has one live "run token": scheduling anything
// newer retires older runs, so results for a superseded version are never published.
import { PublishDiagnosticsParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LintConfig, ResolvedConfig, resolveConfig } from '../engine';
import { toDiagnostic } from './diagnostics';
import { isManifestCandidate, ParseCache } from './documents';
import { describeError, RateLimitedLog } from './log';
import { SettingsStore } from './settings';

export interface ValidatorDeps {
  document(uri: string): TextDocument | undefined;
  all(): TextDocument[];
  cache: ParseCache;
  settings: SettingsStore;
  publish(params: PublishDiagnosticsParams): void;
  docsHref(ruleId: string): string;
  log: RateLimitedLog;
  debounceMs?: number;
  /** The active rules for a configuration (tests pass their own rule list). */
  resolve?: (config: LintConfig) => ResolvedConfig;
}

interface DocState { version: number; token: number; timer?: NodeJS.Timeout }

export class Validator {
  private readonly states = new Map<string, DocState>();
  private nextToken = 1;
  private readonly debounceMs: number;

  constructor(private readonly deps: ValidatorDeps) {
    this.debounceMs = deps.debounceMs ?? 200;
  }

  /** New content: the first sight of a document (its open) is linted now, edits after a pause. */
  contentChanged(doc: TextDocument): void {
    if (!isManifestCandidate(doc)) return;
    const state = this.states.get(doc.uri);
    if (state && state.version === doc.version) return;
    this.start(doc, state ? this.debounceMs : 0);
  }

  /** Settings changed: every open document again, without waiting. */
  revalidateAll(): void {
    for (const doc of this.deps.all()) {
      if (isManifestCandidate(doc)) this.start(doc, 0);
    }
  }

  closed(uri: string): void {
    const state = this.states.get(uri);
    if (!state) return;
    if (state.timer) clearTimeout(state.timer);
    this.states.delete(uri);
    this.deps.publish({ uri, diagnostics: [] });
  }

  /** After shutdown: nothing more is published. */
  dispose(): void {
    for (const s of this.states.values()) if (s.timer) clearTimeout(s.timer);
    this.states.clear();
  }

  private start(doc: TextDocument, delayMs: number): void {
    const old = this.states.get(doc.uri);
    if (old?.timer) clearTimeout(old.timer);
    const state: DocState = { version: doc.version, token: this.nextToken++ };
    this.states.set(doc.uri, state);
    const go = () => {
      state.timer = undefined;
      this.run(doc.uri, state.version, state.token).catch(e => this.deps.log.error('validate', `Validation of ${doc.uri} failed: ${describeError(e)}`));
    };
    if (delayMs > 0) state.timer = setTimeout(go, delayMs);
    else go();
  }

  private isCurrent(uri: string, version: number, token: number): TextDocument | undefined {
    if (this.states.get(uri)?.token !== token) return undefined;
    const doc = this.deps.document(uri);
    return doc && doc.version === version ? doc : undefined;
  }

  private async run(uri: string, version: number, token: number): Promise<void> {
    const settings = await this.deps.settings.get(uri);
    // Settings may take a round trip to the client: the document may have moved on meanwhile.
    const doc = this.isCurrent(uri, version, token);
    if (!doc) return;
    if (!settings.enable) {
      this.deps.publish({ uri, version, diagnostics: [] });
      return;
    }
    let diagnostics: PublishDiagnosticsParams['diagnostics'] = [];
    try {
      const result = this.deps.cache.lint(doc, (this.deps.resolve ?? resolveConfig)(settings.config));
      for (const f of result.failures) {
        this.deps.log.error(`rule:${f.ruleId}`, `Rule ${f.ruleId} failed on ${uri}: ${f.error}`);
      }
      diagnostics = result.findings.map(f => toDiagnostic(f, this.deps.docsHref));
    } catch (e) {
      // Stale diagnostics would point at text that is no longer there: clear them instead.
      this.deps.log.error('lint', `Linting ${uri} failed: ${describeError(e)}`);
    }
    this.deps.publish({ uri, version, diagnostics });
  }
}
