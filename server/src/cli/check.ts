// `kube-harden check`: find the files, lint each once (after fixing it, with --fix), print the
// findings, choose the exit status.
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ConfigInput, LintOptions, lintParsed, LintResult, parseFile, ParsedFile, resolveConfig } from '../engine';
import { MAX_TEXT_LENGTH } from '../engine/model/parse';
import { WorkspaceIndex } from '../engine/workspace';
import { summarizeFile } from '../engine/workspace/summary';
import { isHelmTemplatePath } from '../host/helm';
import { CheckArgs } from './args';
import { ConfigFinder, RepoConfig } from './config';
import { mergeConfigInputs } from '../engine/config';
import { CheckSummary, compareFindings, toCliFinding, toCliSuppressed } from './findings';
import { describe, discover, SourceFile } from './files';
import { decode, FileContent, fixFile, FixSession } from './fix';
import { formatJson, formatText } from './format';
import { Io } from './io';

export async function runCheck(args: CheckArgs, io: Io): Promise<number> {
  const config: ConfigInput = {};
  if (args.preset) config.preset = args.preset;
  if (args.level) config.level = args.level;
  if (args.pssVersion) config.podSecurityVersion = args.pssVersion;

  const discovered = await discover(args.paths);
  for (const e of discovered.errors) io.err(`kube-harden: error: ${e}\n`);
  let ioErrors = discovered.errors.length;
  // The repository file decides what the flags leave open; its `exclude` drops files found by
  // walking a folder (a file named on the command line is checked: the user chose it).
  const repo = new ConfigFinder(io);
  const files = discovered.files.filter(f => f.named || !repo.excludes(f.absolute));
  const configFor = (file: SourceFile): ConfigInput => {
    const found = repo.forFile(file.absolute);
    return found ? mergeConfigInputs(found.file.input, config) : config;
  };

  // First every file is read and summarised into one workspace model, so cross-file rules (the
  // NetworkPolicy in another file, the Namespace's Pod Security label) judge as the editor does.
  const inputs: Array<{ file: SourceFile; content: FileContent | { skipped: string }; uri: string }> = [];
  for (const file of files) {
    const content = await read(file, io);
    if (!content) { ioErrors++; continue; }
    inputs.push({ file, content, uri: pathToFileURL(file.absolute).href });
  }
  const workspace = new WorkspaceIndex({ defaultNamespace: defaultNamespaceOf(args, files.map(f => repo.forFile(f.absolute)), io) });
  const parsed = new ParseBudget();
  for (const { file, content, uri } of inputs) {
    if (!('text' in content)) continue;
    const p = parseSafely(file, content.text);
    if (!p) continue;
    workspace.setFile(uri, summarizeFile(uri, p));
    parsed.keep(uri, p, content.text.length);
  }

  const summary: CheckSummary = { findings: [], scanned: 0, skipped: 0, fixed: args.fix ? [] : undefined, suppressed: [] };
  const fixSession: FixSession = new Map();
  for (const { file, content, uri } of inputs) {
    summary.scanned++;
    let text = 'text' in content ? content.text : undefined;
    if (args.fix && 'text' in content) {
      // What remains is reported from the text as written (or as read, when nothing was written).
      const outcome = await fixFile(file, content, configFor(file), args.fix, io, { uri, workspace }, fixSession);
      if (outcome.failed) ioErrors++;
      if (outcome.fixed > 0) summary.fixed!.push({ file: file.display, count: outcome.fixed });
      if (outcome.text !== content.text) parsed.drop(uri);
      text = outcome.text;
    }
    const result: LintResult = text !== undefined
      ? lintSafely(file, text, parsed.take(uri), configFor(file), io, { uri, workspace })
      : { findings: [], failures: [], skipped: (content as { skipped: string }).skipped };
    if (result.skipped) {
      summary.skipped++;
      // A chart template is not a manifest: skipping it is the expected outcome, not news.
      if (result.skipped !== 'Helm template') io.err(`kube-harden: note: ${file.display}: not linted (${result.skipped})\n`);
    }
    for (const failure of result.failures) {
      const first = failure.error.split('\n')[0];
      io.err(`kube-harden: internal error: rule ${failure.ruleId} failed on ${file.display}: ${first}\n`);
    }
    for (const f of result.findings) summary.findings.push(toCliFinding(file.display, f));
    for (const sup of result.suppressed ?? []) summary.suppressed.push(toCliSuppressed(file.display, sup));
  }
  summary.findings.sort(compareFindings);
  summary.suppressed.sort(compareFindings);

  io.out(args.format === 'json' ? formatJson(summary) : formatText(summary, io.color));
  if (ioErrors || repo.errors) return 2;
  return summary.findings.length ? 1 : 0;
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

async function read(file: SourceFile, io: Io): Promise<FileContent | { skipped: string } | undefined> {
  try {
    const stat = await fs.promises.stat(file.absolute);
    // Not read at all: the engine would refuse it anyway, and reading it could exhaust memory.
    if (stat.size > MAX_TEXT_LENGTH) return { skipped: 'file too large' };
    return decode(await fs.promises.readFile(file.absolute));
  } catch (e) {
    io.err(`kube-harden: error: ${file.display}: ${describe(e)}\n`);
    return undefined;
  }
}

/**
 * Parses kept between the model pass and the lint pass, up to a memory budget: past it a file is
 * parsed again when linted, so a huge tree costs time, not unbounded memory.
 */
class ParseBudget {
  private readonly kept = new Map<string, ParsedFile>();
  private size = 0;
  constructor(private readonly budget = 64 * 1024 * 1024) {}
  keep(uri: string, p: ParsedFile, textLength: number): void {
    if (this.size + textLength > this.budget) return;
    this.kept.set(uri, p);
    this.size += textLength;
  }
  take(uri: string): ParsedFile | undefined {
    const p = this.kept.get(uri);
    this.kept.delete(uri);
    return p;
  }
  drop(uri: string): void { this.kept.delete(uri); }
}

function parseSafely(file: SourceFile, text: string): ParsedFile | undefined {
  try {
    return parseFile(text, { helmTemplate: isHelmTemplatePath(file.absolute) });
  } catch {
    return undefined; // reported when the file is linted
  }
}

function lintSafely(file: SourceFile, text: string, parsed: ParsedFile | undefined, config: ConfigInput, io: Io, options: LintOptions): LintResult {
  try {
    return lintParsed(parsed ?? parseFile(text, { helmTemplate: isHelmTemplatePath(file.absolute) }), resolveConfig(config), options);
  } catch (e) {
    // Rules are isolated by the engine; this is a fault outside them. Like a rule failure it is
    // reported and does not decide the exit status.
    io.err(`kube-harden: internal error: ${file.display} could not be linted: ${e instanceof Error ? e.message : String(e)}\n`);
    return { findings: [], failures: [] };
  }
}
