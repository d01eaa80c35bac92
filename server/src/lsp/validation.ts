// When to lint: at once on open, debounced per document while typing, again for every open
// document when settings change, and (debounced) for every other open document when a file's
// facts in the workspace model change. Each document has one live "run token": scheduling anything
// newer retires older runs, so results for a superseded version are never published.
import { DiagnosticSeverity, PublishDiagnosticsParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LintConfig, LintResult, relocateRelated, Relocations, ResolvedConfig, resolveConfig } from '../engine';
import { SOURCE, toDiagnostics } from './diagnostics';
import { isManifestCandidate, ParseCache } from './documents';
import { describeError, RateLimitedLog } from './log';
import { SettingsStore } from './settings';
import { AdaptiveDebounce } from './debounce';
import { canonicalUri, fsPathOf } from './uris';
import { isConfigUri } from './repoConfig';
import { isKustomizationPath, parseConfigFile, tooLarge } from '../engine';

/** The problems of a repository file as diagnostics (source kube-harden, code `config`). */
export function configDiagnostics(text: string): PublishDiagnosticsParams['diagnostics'] {
  return parseConfigFile(text).problems.map(p => ({
    range: p.range,
    severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: 'config',
    source: SOURCE,
    message: p.message,
  }));
}

/**
 * What was not judged (a document that does not parse, a chart template, a file too large), at
 * the line where reading stopped: an editor that shows no finding must not look like a clean file.
 */
export function notCheckedDiagnostics(doc: TextDocument, result: LintResult): PublishDiagnosticsParams['diagnostics'] {
  return (result.notChecked ?? []).map(n => {
    const line = n.range.start.line;
    const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
    return {
      range: { start: { line, character: 0 }, end: { line, character: text.length } },
      severity: DiagnosticSeverity.Warning,
      code: 'not-checked',
      source: SOURCE,
      message: `Not checked for security findings: ${n.reason}.`,
    };
  });
}

/**
 * Findings of a file judged through what renders it (a Kustomize root), instead of its text as
 * written; undefined when nothing renders the file.
 */
export interface ComposedLinter {
  lint(doc: TextDocument, resolved: ResolvedConfig): LintResult | undefined;
  /** Open documents whose findings come from the same renders as `doc`'s (re-published after its edit). */
  dependants(doc: TextDocument, open: readonly TextDocument[]): TextDocument[];
  /** Whether a render read the file at `path` (a chart a kustomization inflates, claimed by another renderer). */
  reads?(path: string): boolean;
}

export interface ValidatorDeps {
  /** Renderers asked first, in order; the first that answers decides a document's findings. */
  composers?: readonly ComposedLinter[];
  document(uri: string): TextDocument | undefined;
  all(): TextDocument[];
  cache: ParseCache;
  settings: SettingsStore;
  publish(params: PublishDiagnosticsParams): void;
  docsHref(ruleId: string): string;
  log: RateLimitedLog;
  /** The longest an edit waits before its lint (default 200 ms); the wait adapts below it (debounce.ts). */
  debounceMs?: number;
  /** The clock lint costs are measured with, in ms (tests inject one). */
  now?: () => number;
  /** The active rules for a configuration (tests pass their own rule list). */
  resolve?: (config: LintConfig) => ResolvedConfig;
  /** Resolves when the workspace model is worth linting against (the first indexing, bounded). */
  ready?: () => Promise<void>;
  /** Documents judged through what they compose into (chart files): their diagnostics come from there. */
  composed?: ComposedDocuments;
}

export interface ComposedDocuments {
  claims(doc: TextDocument): boolean;
  changed(doc: TextDocument): void;
  closed(uri: string): void;
  revalidateAll(): void;
  /** A kustomization's text changed: what it inflates (helmCharts) may have changed too. */
  kustomizationChanged?(): void;
}

interface DocState {
  version: number;
  token: number;
  timer?: NodeJS.Timeout;
  /** The lint last published for this document: republishing the same result says nothing new. */
  published?: LintResult;
}

export class Validator {
  private readonly states = new Map<string, DocState>();
  private nextToken = 1;
  private readonly debounceMs: number;
  private readonly debounce: AdaptiveDebounce;
  private readonly now: () => number;
  private readonly changedFacts = new Set<string>();
  private dependantsTimer: NodeJS.Timeout | undefined;
  private repoTimer: NodeJS.Timeout | undefined;
  private disposed = false;

  constructor(private readonly deps: ValidatorDeps) {
    this.debounceMs = deps.debounceMs ?? 200;
    this.debounce = new AdaptiveDebounce(this.debounceMs);
    this.now = deps.now ?? (() => performance.now());
  }

  /** How long the next edit of `uri` waits before its lint. */
  debounceFor(uri: string): number {
    return this.debounce.delay(uri);
  }

  /** New content: the first sight of a document (its open) is linted now, edits after a pause. */
  contentChanged(doc: TextDocument): void {
    if (this.deps.composed?.claims(doc)) {
      // A chart template a kustomization renders: the files judged through that render follow, after a pause.
      const path = fsPathOf(doc.uri);
      if (path !== undefined && this.deps.composers?.some(c => c.reads?.(path))) this.factsChanged(new Set([canonicalUri(doc.uri)]));
      return this.deps.composed.changed(doc);
    }
    if (!isManifestCandidate(doc)) return;
    if (isKustomizationPath(doc.uri)) this.deps.composed?.kustomizationChanged?.();
    const state = this.states.get(doc.uri);
    if (state && state.version === doc.version) return;
    this.start(doc, state ? this.debounce.delay(doc.uri) : 0);
  }

  /**
   * A repository file changed (typed in, saved, created, deleted): every open document again,
   * after a pause, as typing in the file changes it at every keystroke.
   */
  repoConfigChanged(): void {
    if (this.disposed) return;
    if (this.repoTimer) clearTimeout(this.repoTimer);
    this.repoTimer = setTimeout(() => {
      this.repoTimer = undefined;
      this.deps.composed?.revalidateAll();
      for (const doc of this.deps.all()) if (this.owns(doc) && !isConfigUri(doc.uri)) this.start(doc, 0);
    }, this.debounceMs);
  }

  /** Settings changed: every open document again, without waiting. */
  revalidateAll(): void {
    this.deps.composed?.revalidateAll();
    for (const doc of this.deps.all()) {
      if (this.owns(doc)) this.start(doc, 0);
    }
  }

  /** A document this validator lints itself. */
  private owns(doc: TextDocument): boolean {
    return isManifestCandidate(doc) && !this.deps.composed?.claims(doc);
  }

  /**
   * The facts of these files (canonical URIs) changed in the workspace model: every open
   * document may lint differently now, except a file that changed alone, which its own edit
   * already re-lints. Debounced: indexing and typing change many facts in a row.
   */
  factsChanged(uris: ReadonlySet<string>): void {
    if (this.disposed) return;
    for (const u of uris) this.changedFacts.add(u);
    if (this.dependantsTimer) return;
    this.dependantsTimer = setTimeout(() => {
      this.dependantsTimer = undefined;
      const changed = [...this.changedFacts];
      this.changedFacts.clear();
      for (const doc of this.deps.all()) {
        if (!this.owns(doc)) continue;
        const self = canonicalUri(doc.uri);
        if (changed.some(u => u !== self)) this.dependantChanged(doc);
      }
    }, this.debounceMs);
  }

  /**
   * Objects of `uri` moved in its text (relocate.ts): the related locations into it that other
   * documents' published findings hold follow them, and those documents are published again. The
   * findings are moved in place, a document with an edit waiting included: its next lint reuses
   * them; it is published by that lint.
   */
  relocated(uri: string, moves: Relocations): void {
    if (this.disposed) return;
    for (const [docUri, state] of this.states) {
      if (!state.published || canonicalUri(docUri) === uri) continue;
      if (!relocateRelated(state.published.findings, uri, moves) || state.timer) continue;
      const doc = this.deps.document(docUri);
      if (doc && doc.version === state.version) this.deps.publish({ uri: docUri, version: doc.version, diagnostics: this.diagnosticsOf(doc, state.published) });
    }
  }

  private diagnosticsOf(doc: TextDocument, result: LintResult): PublishDiagnosticsParams['diagnostics'] {
    return [...toDiagnostics(result.findings, this.deps.docsHref), ...notCheckedDiagnostics(doc, result)];
  }

  /** What `doc` depends on changed: linted again now, quietly (published only if it differs). */
  private dependantChanged(doc: TextDocument): void {
    // An edit of this document is waiting for its own debounce: that lint sees the new state.
    const state = this.states.get(doc.uri);
    if (!isManifestCandidate(doc) || (state?.timer && state.version === doc.version)) return;
    this.start(doc, 0, true);
  }

  closed(uri: string): void {
    this.deps.composed?.closed(uri);
    const state = this.states.get(uri);
    if (!state) return;
    if (state.timer) clearTimeout(state.timer);
    this.states.delete(uri);
    this.debounce.forget(uri);
    this.deps.publish({ uri, diagnostics: [] });
  }

  /** After shutdown: nothing more is published. */
  dispose(): void {
    this.disposed = true;
    if (this.dependantsTimer) clearTimeout(this.dependantsTimer);
    this.dependantsTimer = undefined;
    if (this.repoTimer) clearTimeout(this.repoTimer);
    this.repoTimer = undefined;
    for (const s of this.states.values()) if (s.timer) clearTimeout(s.timer);
    this.states.clear();
  }

  /** `quiet`: publish only if the result differs from the one last published (dependency changes). */
  private start(doc: TextDocument, delayMs: number, quiet = false): void {
    const old = this.states.get(doc.uri);
    if (old?.timer) clearTimeout(old.timer);
    const state: DocState = { version: doc.version, token: this.nextToken++, published: old?.published };
    this.states.set(doc.uri, state);
    const go = () => {
      state.timer = undefined;
      this.run(doc.uri, state, quiet).catch(e => this.deps.log.error('validate', `Validation of ${doc.uri} failed: ${describeError(e)}`));
    };
    if (delayMs > 0) state.timer = setTimeout(go, delayMs);
    else go();
  }

  private isCurrent(uri: string, version: number, token: number): TextDocument | undefined {
    if (this.states.get(uri)?.token !== token) return undefined;
    const doc = this.deps.document(uri);
    return doc && doc.version === version ? doc : undefined;
  }

  private async run(uri: string, state: DocState, quiet: boolean): Promise<void> {
    const { version, token } = state;
    if (isConfigUri(uri)) {
      // The repository file is not a manifest: what it gets are its own mistakes, at their nodes.
      const doc = this.isCurrent(uri, version, token);
      if (doc) this.deps.publish({ uri, version, diagnostics: configDiagnostics(doc.getText()) });
      return;
    }
    const [settings] = await Promise.all([this.deps.settings.get(uri), this.deps.ready?.()]);
    // Settings may take a round trip to the client: the document may have moved on meanwhile.
    const doc = this.isCurrent(uri, version, token);
    if (!doc) return;
    if (!settings.enable) {
      state.published = undefined;
      // No findings here, but its objects still belong in the workspace model (parsing puts them there).
      this.deps.cache.get(doc);
      this.deps.publish({ uri, version, diagnostics: [] });
      return;
    }
    const size = settings.maxFileSize === undefined ? 0 : Buffer.byteLength(doc.getText());
    if (settings.maxFileSize !== undefined && size > settings.maxFileSize) {
      state.published = undefined;
      const start = { line: 0, character: 0 };
      const skipped: LintResult = { findings: [], failures: [], notChecked: [{ reason: tooLarge(size, settings.maxFileSize), range: { start, end: start } }] };
      this.deps.publish({ uri, version, diagnostics: notCheckedDiagnostics(doc, skipped) });
      return;
    }
    let diagnostics: PublishDiagnosticsParams['diagnostics'] = [];
    let result: LintResult | undefined;
    try {
      const started = this.now();
      const resolved = (this.deps.resolve ?? resolveConfig)(settings.config);
      // A large document is parsed in slices first: the renderers below read its parse.
      if (!await this.deps.cache.parsedSliced(doc, () => !this.isCurrent(uri, version, token))) return;
      let composed: LintResult | undefined;
      const composer = this.deps.composers?.find(c => (composed = c.lint(doc, resolved)) !== undefined);
      // A large document is done in slices: the server keeps answering, and a newer version stops it.
      const linted = composed ?? await this.deps.cache.lintSliced(doc, resolved, () => !this.isCurrent(uri, version, token));
      if (!linted || !this.isCurrent(uri, version, token)) return;
      result = linted;
      // The same renders decide other open files: they re-publish when what they get changed.
      if (composer && !quiet) for (const other of composer.dependants(doc, this.deps.all())) this.dependantChanged(other);
      // The same cached lint (same version, settings and model generation): nothing new to say.
      if (quiet && result === state.published) return;
      for (const f of result.failures) {
        this.deps.log.error(`rule:${f.ruleId}`, `Rule ${f.ruleId} failed on ${uri}: ${f.error}`);
      }
      diagnostics = this.diagnosticsOf(doc, result);
      // What a keystroke in this document costs decides how long the next one waits.
      if (!quiet) this.debounce.record(uri, this.now() - started);
    } catch (e) {
      // Stale diagnostics would point at text that is no longer there: clear them instead.
      this.deps.log.error('lint', `Linting ${uri} failed: ${describeError(e)}`);
      result = undefined;
    }
    state.published = result;
    this.deps.publish({ uri, version, diagnostics });
  }
}
