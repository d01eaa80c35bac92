// `kube-harden check`: find the files (and, for context, the rest of their repository), lint each
// named file once (after fixing it, with --fix), print the findings, choose the exit status.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { appendAll, ConfigInput, FailOn, LintOptions, lintParsed, LintResult, MAX_TEXT_LENGTH, mergeConfigInputs, ObjectSummary, ParsedFile, parseFile, resolveConfig, Severity, summarizeFile, WorkspaceIndex } from '../engine/checking';
import { helmPlace, isHelmTemplatePath } from '../host/helm';
import { CheckArgs } from './args';
import { applyBaseline, BaselineError, baselineText, readBaseline } from './baseline';
import type { ChartCheck } from './check-charts';
import { ConfigFinder, RepoConfig } from './config';
import { contextRoots } from './context';
import { CheckSummary, compareFindings, fingerprints, toCliFinding, toCliSuppressed } from './findings';
import { describe, discover, SourceFile } from './files';
import { FileContent, fixFile, FixSession } from './fix';
import { decodeManifest, readManifest } from '../host/read-manifest';
import { exitStatus, toCliSkipped } from './skipped';
import { formatJson, formatText } from './format';
import { Io } from './io';
import type { KustomizeRun } from './kustomize';
import { chartRoots, isKustomizationFile } from './renderer-roots';
import { artifactName, formatGithub, formatSarif } from './sarif';

/** The display name of standard input when --stdin-filename does not name it. */
const STDIN_NAME = '<stdin>';

type Input = { file: SourceFile; content: FileContent | { skipped: string }; uri: string; context?: boolean };

export async function runCheck(args: CheckArgs, io: Io): Promise<number> {
  const config: ConfigInput = {};
  if (args.preset) config.preset = args.preset;
  if (args.level) config.level = args.level;
  if (args.pssVersion) config.podSecurityVersion = args.pssVersion;
  const base = io.cwd ?? process.cwd();

  const named = args.paths.filter(p => p !== '-');
  const discovered = await discover(named, io.cwd);
  for (const e of discovered.errors) io.err(`kube-harden: error: ${e}\n`);
  let ioErrors = discovered.errors.length;
  // The repository file decides what the flags leave open; its `exclude` drops files found by
  // walking a folder (a file named on the command line is checked: the user chose it).
  const repo = new ConfigFinder(io, io.cwd);
  const files = discovered.files.filter(f => f.named || !repo.excludes(f.absolute));
  const configAt = (absolute: string): ConfigInput => {
    const found = repo.forFile(absolute);
    return found ? mergeConfigInputs(found.file.input, config) : config;
  };
  const configFor = (file: SourceFile): ConfigInput => configAt(file.absolute);

  // First every file is read and summarised into one workspace model, so cross-file rules (the
  // NetworkPolicy in another file, the Namespace's Pod Security label) judge as the editor does.
  const maxBytes = (file: SourceFile): number => args.maxFileSize ?? repo.forFile(file.absolute)?.file.maxFileSize ?? MAX_TEXT_LENGTH;
  const inputs: Input[] = [];
  for (const file of files) {
    const content = read(file, maxBytes(file), io);
    if (!content) { ioErrors++; continue; }
    inputs.push({ file, content, uri: pathToFileURL(file.absolute).href });
  }
  if (args.paths.includes('-')) {
    const name = args.stdinFilename ?? STDIN_NAME;
    const file: SourceFile = { display: name, absolute: path.resolve(base, name), named: true };
    const raw = io.readStdin ? await io.readStdin() : Buffer.alloc(0);
    inputs.push({ file, content: raw.length > maxBytes(file) ? { skipped: `larger than ${maxBytes(file)} bytes` } : decodeManifest(raw), uri: pathToFileURL(file.absolute).href });
  }
  // The rest of each repository, for context only: what the editor's workspace model holds.
  if (!args.noContext) {
    const checked = new Set(inputs.map(i => i.file.absolute));
    const roots = contextRoots(inputs.map(i => i.file.absolute));
    const context = await discover(roots, io.cwd);
    for (const file of context.files) {
      if (checked.has(file.absolute) || repo.excludes(file.absolute)) continue;
      const content = read(file, maxBytes(file), { ...io, err: () => undefined });
      if (content && 'text' in content) inputs.push({ file, content, uri: pathToFileURL(file.absolute).href, context: true });
    }
  }
  // Kustomization roots that reach the checked files are judged as rendered (kustomize.ts).
  const checkedFiles = new Set(inputs.filter(i => !i.context).map(i => i.file.absolute));
  // The renderers are loaded only for a tree that has something to render (renderer-roots.ts).
  const kustomizeRoots = inputs.some(i => isKustomizationFile(i.file.absolute)) ? await import('./kustomize.js') : undefined;
  let kustomize: KustomizeRun | undefined = kustomizeRoots?.planRoots(inputs.map(i => i.file.absolute), checkedFiles);
  const workspace = new WorkspaceIndex({ defaultNamespace: defaultNamespaceOf(args, files.map(f => repo.forFile(f.absolute)), io) });
  const parsed = new ParseBudget();
  for (const { file, content, uri, context } of inputs) {
    if (!('text' in content) || kustomize?.covered.has(file.absolute)) continue;
    const p = parseSafely(file, content.text, maxBytes(file));
    if (!p) continue;
    const summaries = summarizeFile(uri, p);
    workspace.setFile(uri, summaries);
    if (!context) parsed.keep(uri, { parse: p, summaries }, content.text.length);
  }

  const summary: CheckSummary = { findings: [], scanned: 0, skipped: [], fixed: args.fix ? [] : undefined, suppressed: [] };
  // Findings judged through a render are fixed where the value lives (kustomize-fix.ts).
  const rootFixes = args.fix && kustomize ? await (await import('./kustomize-fix.js')).fixThroughRoots(kustomize, inputs.map(i => i.file.absolute), checkedFiles, workspace, f => resolveConfig(configAt(f)), args.fix) : undefined;
  if (rootFixes) kustomize = rootFixes.run;
  for (const f of rootFixes?.failed ?? []) { io.err(`kube-harden: error: ${path.relative(base, f.file)}: fixes not written: ${f.reason}\n`); ioErrors++; }
  const judged = kustomize && kustomizeRoots ? kustomizeRoots.judgeRoots(kustomize, workspace, f => resolveConfig(configAt(f)), checkedFiles) : new Map<string, LintResult>();
  // Charts are judged by what they render (their templates never as plain YAML); a chart that
  // cannot render is reported as skipped, at the template position Helm gives.
  // The value files .kube-harden.yaml names for a chart (`helm:`, keyed by the chart folder relative to it).
  const namedValues = (dir: string): string[] => {
    const found = repo.forFile(path.join(dir, 'Chart.yaml'));
    const key = found && path.relative(path.dirname(found.path), dir).split(path.sep).join('/');
    return (key !== undefined && found?.file.helm?.[key || '.']?.values) || [];
  };
  // A chart a rendered kustomization inflates (helmCharts) is judged through it, as what gets applied.
  const roots = chartRoots(files).filter(r => !kustomize?.covered.has(path.join(r.dir, 'Chart.yaml')));
  // Value flags are read (and a missing file refused) even when no chart is found.
  const charts: ChartCheck = roots.length || args.chartValues
    ? (await import('./check-charts.js')).checkCharts(roots, base, absolute => configFor({ display: absolute, absolute, named: false }), workspace, io, args.chartValues, namedValues)
    : { findings: [], skipped: 0, charts: 0, notes: [] };
  appendAll(summary.findings, charts.findings);
  for (const n of charts.notes) summary.skipped.push({ file: n.file ?? '', line: n.line ?? null, reason: n.message.replace(/^not rendered: /, '') });
  if (charts.notes.length) (summary.notes ??= []).push(...charts.notes);
  const artifacts = new Map<string, string>();
  const fixSession: FixSession = new Map();
  // Only JSON and SARIF say whether a finding has a fix: for the others none is built (building
  // one is most of the cost of a finding: its edits are computed to know it changes something).
  const fixes = args.format === 'json' || args.format === 'sarif';
  for (const { file, content, uri, context } of inputs) {
    if (context) continue;
    summary.scanned++;
    // A chart's template was judged through its chart, above.
    if (isHelmTemplatePath(file.absolute)) continue;
    artifacts.set(file.display, file.absolute);
    let text = 'text' in content ? content.text : undefined;
    const rendered = !!kustomize?.covered.has(file.absolute) && text !== undefined;
    const fixedThrough = rootFixes?.fixed.get(file.absolute);
    if (fixedThrough) { text = fixedThrough.text; summary.fixed!.push({ file: file.display, count: fixedThrough.count }); }
    if (args.fix && 'text' in content && !rendered) {
      // What remains is reported from the text as written (or as read, when nothing was written).
      const outcome = await fixFile(file, content, configFor(file), args.fix, io, { uri, workspace }, fixSession);
      if (outcome.failed) ioErrors++;
      if (outcome.fixed > 0) summary.fixed!.push({ file: file.display, count: outcome.fixed });
      if (outcome.text !== content.text) parsed.drop(uri);
      text = outcome.text;
    }
    const { result, parse } = rendered
      ? { result: judged.get(file.absolute) ?? { findings: [], failures: [] }, parse: parseSafely(file, text!, maxBytes(file)) }
      : text !== undefined
      ? lintSafely(file, text, parsed.take(uri), maxBytes(file), configFor(file), io, { uri, workspace, fixes })
      : { result: { findings: [], failures: [], skipped: (content as { skipped: string }).skipped } as LintResult, parse: undefined };
    for (const skip of toCliSkipped(file.display, result)) {
      summary.skipped.push(skip);
      io.err(`skipped: ${skip.file}${skip.line === null ? '' : `:${skip.line}`}: ${skip.reason}\n`);
      (summary.notes ??= []).push({ level: 'warning', message: `not checked: ${skip.reason}`, file: skip.file, ...(skip.line === null ? {} : { line: skip.line }) });
    }
    for (const failure of result.failures) {
      const first = failure.error.split('\n')[0];
      io.err(`kube-harden: internal error: ${failure.inFix ? 'the fix of ' : ''}rule ${failure.ruleId} failed on ${file.display}: ${first}\n`);
    }
    const relative = path.relative(base, file.absolute).split(path.sep).join('/');
    const suppressed = result.suppressed ?? [];
    const prints = fingerprints(relative, parse, [...result.findings, ...suppressed.map(s => s.finding)]);
    result.findings.forEach((f, i) => summary.findings.push(toCliFinding(file.display, f, prints[i])));
    suppressed.forEach((sup, i) => summary.suppressed.push(toCliSuppressed(file.display, sup, prints[result.findings.length + i])));
  }
  summary.findings.sort(compareFindings);
  summary.suppressed.sort(compareFindings);

  if (args.writeBaseline) {
    try {
      fs.writeFileSync(path.resolve(base, args.writeBaseline), baselineText(summary.findings));
    } catch (e) {
      io.err(`kube-harden: error: ${args.writeBaseline}: ${describe(e)}\n`);
      return 2;
    }
    io.err(`kube-harden: wrote ${summary.findings.length} ${summary.findings.length === 1 ? 'finding' : 'findings'} to the baseline ${args.writeBaseline}\n`);
  }
  if (args.baseline) {
    try {
      const { fresh, known, gone } = applyBaseline(summary.findings, readBaseline(path.resolve(base, args.baseline), args.baseline));
      summary.findings = fresh;
      summary.baseline = { known, gone };
    } catch (e) {
      io.err(`kube-harden: error: baseline ${e instanceof BaselineError ? e.message : describe(e)}\n`);
      return 2;
    }
  }

  const failed = ioErrors > 0 || repo.errors > 0;
  summary.executionSuccessful = !failed;
  const artifact = (display: string) => {
    const absolute = artifacts.get(display) ?? path.resolve(base, display);
    return artifactName(path.relative(base, absolute), absolute);
  };
  switch (args.format) {
    case 'json': io.out(formatJson(summary)); break;
    case 'sarif': io.out(formatSarif(summary, base, artifact)); break;
    case 'github': io.out(formatGithub(summary, d => path.relative(base, artifacts.get(d) ?? path.resolve(base, d)).split(path.sep).join('/'))); break;
    default: io.out(formatText(summary, io.color));
  }
  if (args.writeBaseline && !failed) return 0;
  const failing = failsOn(summary, args.failOn ?? failOnOf(files.map(f => repo.forFile(f.absolute))));
  return exitStatus({ errors: failed ? 1 : 0, findings: failing ? 1 : 0, skipped: summary.skipped.length, allowSkipped: !!args.allowSkipped });
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** True when a finding is at or above the --fail-on severity (`never`: findings never fail). */
export function failsOn(summary: CheckSummary, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return summary.findings.some(f => RANK[f.severity] >= RANK[failOn]);
}

/** The repository file's failOn (the first checked file's), else `warning`: info never fails a build. */
function failOnOf(repos: ReadonlyArray<RepoConfig | undefined>): FailOn {
  return repos.find(r => r?.file.failOn)?.file.failOn ?? 'warning';
}

/**
 * The one namespace the model gives objects nothing places: the flag, else the repository file's
 * `defaultNamespace`. The model is one for the whole run, so files under repository files that
 * disagree cannot each have theirs: the first checked file's applies, and a note says so.
 */
function defaultNamespaceOf(args: CheckArgs, repos: ReadonlyArray<RepoConfig | undefined>, io: Io): string {
  if (args.defaultNamespace) return args.defaultNamespace;
  const named = new Map<string, string>();
  for (const r of repos) {
    const ns = r?.file.input.defaultNamespace;
    if (ns && !named.has(ns)) named.set(ns, r!.path);
  }
  const [first, ...others] = named.keys();
  if (others.length) {
    io.err(`kube-harden: note: the repository files name different default namespaces (${[first, ...others].map(n => JSON.stringify(n)).join(', ')}): using ${JSON.stringify(first)} for every file; --default-namespace chooses one\n`);
  }
  return first ?? 'default';
}

function read(file: SourceFile, maxBytes: number, io: Io): FileContent | { skipped: string } | undefined {
  try {
    return readManifest(file.absolute, maxBytes);
  } catch (e) {
    io.err(`kube-harden: error: ${file.display}: ${describe(e)}\n`);
    return undefined;
  }
}

/** A file's parse and the summaries the model made of it: the lint need not make them again. */
interface Kept { parse: ParsedFile; summaries: ObjectSummary[] }

/**
 * Parses kept between the model pass and the lint pass, up to a memory budget: past it a file is
 * parsed again when linted, so a huge tree costs time, not unbounded memory.
 */
class ParseBudget {
  private readonly kept = new Map<string, Kept>();
  private size = 0;
  constructor(private readonly budget = 64 * 1024 * 1024) {}
  keep(uri: string, k: Kept, textLength: number): void {
    if (this.size + textLength > this.budget) return;
    this.kept.set(uri, k);
    this.size += textLength;
  }
  take(uri: string): Kept | undefined {
    const k = this.kept.get(uri);
    this.kept.delete(uri);
    return k;
  }
  drop(uri: string): void { this.kept.delete(uri); }
}

function parseSafely(file: SourceFile, text: string, maxBytes: number): ParsedFile | undefined {
  try {
    return parseFile(text, { ...helmPlace(file.absolute), maxLength: maxBytes });
  } catch {
    return undefined; // reported when the file is linted
  }
}

function lintSafely(file: SourceFile, text: string, kept: Kept | undefined, maxBytes: number, config: ConfigInput, io: Io, options: LintOptions): { result: LintResult; parse?: ParsedFile } {
  try {
    const parse = kept?.parse ?? parseFile(text, { ...helmPlace(file.absolute), maxLength: maxBytes });
    return { result: lintParsed(parse, resolveConfig(config), kept ? { ...options, summaries: kept.summaries } : options), parse };
  } catch (e) {
    // Rules are isolated by the engine; this is a fault outside them. Like a rule failure it is
    // reported and does not decide the exit status.
    io.err(`kube-harden: internal error: ${file.display} could not be linted: ${e instanceof Error ? e.message : String(e)}\n`);
    return { result: { findings: [], failures: [], skipped: 'internal error while linting' } };
  }
}
