// `check --fix` / `--fix-unsafe`: the fixes of a file applied to a fixed point and written back in
// place (host/replace-file.ts: never half-written, never over a read-only file or a file changed
// since it was read, never out of the tree a folder argument names), each file once per run.
import { ConfigInput, fixAll, FixSafety, LintOptions } from '../engine/checking';
import { isHelmTemplatePath } from '../host/helm';
import { fileIdentities, outsideTree, replaceFile } from '../host/replace-file';
import { describe, SourceFile } from './files';
import { Io } from './io';

/** A file as read: the bytes (to see whether it changed since), and the text the engine gets. */
export interface FileContent {
  raw: Buffer;
  /** Without a byte-order mark: editors do not count it as a column. */
  text: string;
  bom: boolean;
  /** False when the bytes are not valid UTF-8: rewriting them would replace what cannot be decoded. */
  utf8: boolean;
}

export interface FixOutcome {
  /** The text to report on: the fixed text when it was written, else the text as read. */
  text: string;
  /** Findings fixed (and written). */
  fixed: number;
  /** The file could not be written, or changed while it was being fixed: exit status 2. */
  failed: boolean;
}

/**
 * What one `check --fix` run has fixed, by file identity (real path, device and inode): a file reached
 * twice (named and found in a folder, or through a link) is fixed once, and the second path
 * reports on the text written the first time instead of finding it "changed on disk".
 */
export type FixSession = Map<string, FixOutcome>;

export async function fixFile(file: SourceFile, content: FileContent, config: ConfigInput, safety: FixSafety, io: Io, lint?: LintOptions, session: FixSession = new Map()): Promise<FixOutcome> {
  const unchanged: FixOutcome = { text: content.text, fixed: 0, failed: false };
  let identities: string[];
  try {
    identities = await fileIdentities(file.absolute);
    const outside = file.root !== undefined ? await outsideTree(file.absolute, file.root) : undefined;
    if (outside) {
      io.err(`kube-harden: note: ${file.display}: not fixed (${outside})\n`);
      return unchanged;
    }
  } catch (e) {
    io.err(`kube-harden: error: ${file.display}: fixes not written: ${describe(e)}\n`);
    return { ...unchanged, failed: true };
  }
  const earlier = identities.map(i => session.get(i)).find(o => o !== undefined);
  if (earlier) return { ...earlier, fixed: 0 };
  const outcome = await fixOnce(file, content, config, safety, io, lint);
  for (const i of identities) session.set(i, outcome);
  return outcome;
}

async function fixOnce(file: SourceFile, content: FileContent, config: ConfigInput, safety: FixSafety, io: Io, lint?: LintOptions): Promise<FixOutcome> {
  const unchanged: FixOutcome = { text: content.text, fixed: 0, failed: false };
  if (!content.utf8) {
    io.err(`kube-harden: note: ${file.display}: not fixed (not valid UTF-8)\n`);
    return unchanged;
  }
  let result;
  try {
    result = fixAll(content.text, config, { safety, helmTemplate: isHelmTemplatePath(file.absolute), lint });
  } catch (e) {
    io.err(`kube-harden: internal error: ${file.display} could not be fixed: ${e instanceof Error ? e.message : String(e)}\n`);
    return unchanged;
  }
  for (const why of result.refused) io.err(`kube-harden: note: ${file.display}: fix not applied: ${why}\n`);
  for (const f of result.failures) io.err(`kube-harden: internal error: the fix of rule ${f.ruleId} failed on ${file.display}: ${f.error.split('\n')[0]}\n`);
  if (!result.converged) {
    // Each pass's output was checked, but fixes that keep coming back are a bug: nothing is written.
    io.err(`kube-harden: internal error: ${file.display}: fixes did not settle after ${result.passes} passes; not written\n`);
    return { ...unchanged, failed: true };
  }
  if (result.text === content.text) return unchanged;
  const bytes = Buffer.from((content.bom ? '\ufeff' : '') + result.text, 'utf8');
  try {
    const written = await replaceFile(file.absolute, content.raw, bytes);
    if (written.status === 'changed') {
      io.err(`kube-harden: error: ${file.display}: changed on disk while it was being fixed; not written\n`);
      return { ...unchanged, failed: true };
    }
    if (written.status === 'refused') {
      io.err(`kube-harden: error: ${file.display}: fixes not written: ${written.reason}\n`);
      return { ...unchanged, failed: true };
    }
  } catch (e) {
    io.err(`kube-harden: error: ${file.display}: fixes not written: ${describe(e)}\n`);
    return { ...unchanged, failed: true };
  }
  return { text: result.text, fixed: result.fixed, failed: false };
}
