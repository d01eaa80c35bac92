// `check --fix` through Kustomize: a finding judged through a render is fixed in the file that
// decides it, when the fix edits a node that set the value or adds a missing setting to the
// base object; a new patch file is never created here (that is the editor's choice to offer).
// Every fix is proven by the engine (rendered and judged again) before it is written; passes
// repeat, re-planned from the disk, until nothing more applies.
import * as fs from 'node:fs';
import { applyFixes, Fix, FixSafety, integrityOf, judgeRenders, parseFile, ResolvedConfig, rootNames, SourceFixContext, sourceFixes, suppressInSource, WorkspaceIndex } from '../engine';
import { diskFileSource } from '../host/kustomize-files';
import { replaceFile } from '../host/replace-file';
import { judgeOptions, KustomizeRun, planRoots } from './kustomize';

const MAX_PASSES = 5;

export interface RootFixes {
  /** The run re-planned after the last write (what is reported). */
  run: KustomizeRun;
  /** Fixes applied per absolute path, and the text written. */
  fixed: Map<string, { count: number; text: string }>;
  /** Files that could not be written, with why. */
  failed: Array<{ file: string; reason: string }>;
}

export async function fixThroughRoots(run: KustomizeRun, files: readonly string[], checked: ReadonlySet<string>, workspace: WorkspaceIndex,
  configFor: (file: string) => ResolvedConfig, safety: FixSafety): Promise<RootFixes> {
  const fixed = new Map<string, { count: number; text: string }>();
  const failed: RootFixes['failed'] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const source = diskFileSource();
    const options = judgeOptions(workspace, configFor);
    const ctx: SourceFixContext = {
      fs: source, dirs: run.dirs, judge: options, freePath: () => undefined,
      rootName: rootNames(run.plan.renders.filter(r => r.result.ok).map(r => r.root)),
    };
    const judged = judgeRenders(source, run.plan, options).filter(j => j.source && checked.has(j.file));
    const byFile = new Map<string, Fix[]>();
    for (const file of new Set(judged.map(j => j.file))) {
      const text = source.readFile(file);
      if (text === undefined) continue;
      // A suppressed finding is never fixed.
      let kept: Set<unknown>;
      try {
        kept = new Set(suppressInSource(parseFile(text), judged.filter(j => j.file === file).map(j => j.finding), configFor(file)).findings);
      } catch { continue; }
      for (const j of judged) {
        if (j.file !== file || !kept.has(j.finding)) continue;
        const fix = sourceFixes(ctx, j).find(f => (f.kind === 'node' || f.kind === 'base') && !f.create && (safety === 'unsafe' || f.safety === 'safe'));
        const own = fix?.edits.find(e => e.file === file);
        if (fix && own && fix.edits.length === 1) byFile.set(file, [...(byFile.get(file) ?? []), own.edits]);
      }
    }
    let wrote = false;
    for (const [file, fixes] of byFile) {
      const before = source.readFile(file)!;
      const out = applyFixes(before, fixes);
      // Each was proven alone; together they must still parse.
      if (out.applied.length === 0 || integrityOf(out.text).errors > 0) continue;
      const written = await write(file, before, out.text);
      if (written) { failed.push({ file, reason: written }); continue; }
      fixed.set(file, { count: (fixed.get(file)?.count ?? 0) + out.applied.length, text: out.text });
      wrote = true;
    }
    if (!wrote) break;
    run = planRoots(files, checked);
  }
  return { run, fixed, failed };
}

/** Writes the text over the file (atomically, unless it changed meanwhile); the reason it was not, else undefined. */
async function write(file: string, before: string, text: string): Promise<string | undefined> {
  try {
    const raw = fs.readFileSync(file);
    // Only UTF-8 text is written back (as the fixes of files linted as written).
    if (raw.toString('utf8') !== before) return 'not valid UTF-8, or changed on disk';
    const outcome = await replaceFile(file, raw, Buffer.from(text, 'utf8'));
    if (outcome.status === 'changed') return 'changed on disk while it was being fixed';
    if (outcome.status === 'refused') return outcome.reason;
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
