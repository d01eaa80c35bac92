// Baselines: adopt the tool on a repository with findings today, and fail only on new ones.
// `--write-baseline FILE` records the findings of this run; `--baseline FILE` takes out every
// finding whose fingerprint the file records (fingerprints ignore line numbers, so moving a block
// keeps it known) and lists the entries that no longer occur, so the file can shrink.
import * as fs from 'node:fs';
import { BaselineEntry, CliFinding } from './findings';

const FORMAT = 'kube-harden-baseline';
const VERSION = 1;
/** A baseline is our own JSON; anything bigger than this is not one. */
const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

export class BaselineError extends Error {}

/** `shown`: the name the user gave, for messages (the file is read at `file`, resolved). */
export function readBaseline(file: string, shown = file): BaselineEntry[] {
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new BaselineError(`${shown}: not a regular file`);
    if (stat.size > MAX_BASELINE_BYTES) throw new BaselineError(`${shown}: larger than ${MAX_BASELINE_BYTES} bytes`);
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof BaselineError) throw e;
    throw new BaselineError(`${shown}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  let data: unknown;
  try { data = JSON.parse(text); } catch { throw new BaselineError(`${shown}: not JSON`); }
  const d = data as { format?: unknown; version?: unknown; findings?: unknown };
  if (d?.format !== FORMAT || d.version !== VERSION || !Array.isArray(d.findings)) {
    throw new BaselineError(`${shown}: not a kube-harden baseline (written by --write-baseline, format version ${VERSION})`);
  }
  return d.findings.filter((e): e is BaselineEntry => typeof (e as BaselineEntry)?.fingerprint === 'string').map(e => ({
    fingerprint: e.fingerprint, file: String(e.file ?? ''), rule: String(e.rule ?? ''), message: String(e.message ?? ''),
  }));
}

export function baselineText(findings: readonly CliFinding[]): string {
  const entries: BaselineEntry[] = findings.map(f => ({ fingerprint: f.fingerprint, file: f.file, rule: f.rule, message: f.message }));
  return JSON.stringify({ format: FORMAT, version: VERSION, findings: entries }, null, 2) + '\n';
}

/** Splits findings into those the baseline does not know, and reports its entries not seen. */
export function applyBaseline(findings: readonly CliFinding[], entries: readonly BaselineEntry[]): { fresh: CliFinding[]; known: number; gone: BaselineEntry[] } {
  const recorded = new Set(entries.map(e => e.fingerprint));
  const seen = new Set<string>();
  const fresh: CliFinding[] = [];
  let known = 0;
  for (const f of findings) {
    if (recorded.has(f.fingerprint)) { known++; seen.add(f.fingerprint); } else fresh.push(f);
  }
  return { fresh, known, gone: entries.filter(e => !seen.has(e.fingerprint)) };
}
