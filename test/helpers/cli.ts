// Runs the `kube-harden` front end: in-process through main(argv, io) where the behaviour is the
// point (fast: no Node start-up, no module loading per call), or the real binary where the process
// is (exit codes, pipes, stdout flushing, Node flags), as scripts and CI run it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '@kube-harden/server/out/cli/main';

/** The project root (test/out/helpers -> ../../..). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const BIN = path.join(ROOT, 'server', 'bin', 'kube-harden.js');

export interface CliRun { status: number | null; stdout: string; stderr: string }

export function runCli(args: string[], opts: { cwd?: string; nodeArgs?: string[]; env?: Record<string, string>; input?: string } = {}): CliRun {
  const env = { ...process.env, ...opts.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    env,
    input: opts.input ?? '',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * main() of the CLI with a recording Io, reading relative paths from `cwd`: what the binary would
 * print and return, with no colour (as through a pipe).
 */
export async function cli(args: string[], opts: { cwd?: string } = {}): Promise<CliRun> {
  let stdout = '', stderr = '';
  const status = await main(args, { out: t => { stdout += t; }, err: t => { stderr += t; }, color: false, cwd: opts.cwd ?? ROOT });
  return { status, stdout, stderr };
}

/** Parses `--format json` output, failing with the output shown when it is not one object. */
export function json<T = any>(run: CliRun): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`not JSON (exit ${run.status}):\n${run.stdout}\n--- stderr ---\n${run.stderr}`);
  }
}

/** A fresh directory with the given files (paths relative to it, parents created). */
export function tempTree(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-harden-test-'));
  created.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

const created: string[] = [];

export function removeTempTrees(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
