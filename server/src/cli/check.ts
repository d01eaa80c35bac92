// `kube-harden check`: find the files, lint each once (after fixing it, with --fix), print the
// findings, choose the exit status.
import * as fs from 'node:fs';
import { lint, LintConfig, LintResult } from '../engine';
import { MAX_TEXT_LENGTH } from '../engine/model/parse';
import { isHelmTemplatePath } from '../host/helm';
import { CheckArgs } from './args';
import { CheckSummary, compareFindings, toCliFinding } from './findings';
import { describe, discover, SourceFile } from './files';
import { decode, FileContent, fixFile } from './fix';
import { formatJson, formatText } from './format';
import { Io } from './io';

export async function runCheck(args: CheckArgs, io: Io): Promise<number> {
  const config: Partial<LintConfig> = { enableAll: args.enableAll };
  if (args.level) config.level = args.level;
  if (args.pssVersion) config.podSecurityVersion = args.pssVersion;

  const { files, errors } = await discover(args.paths);
  for (const e of errors) io.err(`kube-harden: error: ${e}\n`);
  let ioErrors = errors.length;

  const summary: CheckSummary = { findings: [], scanned: 0, skipped: 0, fixed: args.fix ? [] : undefined };
  for (const file of files) {
    const content = await read(file, io);
    if (!content) { ioErrors++; continue; }
    summary.scanned++;
    let text = 'text' in content ? content.text : undefined;
    if (args.fix && 'text' in content) {
      // What remains is reported from the text as written (or as read, when nothing was written).
      const outcome = await fixFile(file, content, config, args.fix, io);
      if (outcome.failed) ioErrors++;
      if (outcome.fixed > 0) summary.fixed!.push({ file: file.display, count: outcome.fixed });
      text = outcome.text;
    }
    const result: LintResult = text !== undefined
      ? lintSafely(file, text, config, io)
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
  }
  summary.findings.sort(compareFindings);

  io.out(args.format === 'json' ? formatJson(summary) : formatText(summary, io.color));
  if (ioErrors) return 2;
  return summary.findings.length ? 1 : 0;
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

function lintSafely(file: SourceFile, text: string, config: Partial<LintConfig>, io: Io): LintResult {
  try {
    return lint(text, config, { helmTemplate: isHelmTemplatePath(file.absolute) });
  } catch (e) {
    // Rules are isolated by the engine; this is a fault outside them. Like a rule failure it is
    // reported and does not decide the exit status.
    io.err(`kube-harden: internal error: ${file.display} could not be linted: ${e instanceof Error ? e.message : String(e)}\n`);
    return { findings: [], failures: [] };
  }
}
