// Packages the extension as a .vsix: vsce runs `vscode:prepublish` (scripts/bundle.mjs: dist/ and
// ThirdPartyNotices.txt), then zips what .vscodeignore lets through. Offline: nothing is fetched.
// The manifest's `vsce` block holds the options, so a bare `npx vsce package` builds the same
// file: `dependencies: false` (the bundles carry them: vsce neither runs `npm list` nor ships
// node_modules) and `rewriteRelativeLinks: false` (the README's links and images stay relative and
// resolve inside the installed extension, where docs/ ships, instead of pointing at GitHub).
//
//   node scripts/package.mjs [--out=<file.vsix>]      (default: kube-harden-<version>.vsix here)
//
// Prints the .vsix path, its size and its file count.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipEntries } from './zip-list.mjs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function defaultVsixPath() {
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return join(root, `${name}-${version}.vsix`);
}

/** Builds the .vsix at `out`; throws with vsce's output when it fails. */
export function packageVsix(out = defaultVsixPath(), { quiet = false } = {}) {
  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--out', out], {
    cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (!quiet || r.status !== 0) process.stderr.write((r.stdout ?? '') + (r.stderr ?? ''));
  if (r.status !== 0) throw new Error(`vsce package failed (${r.status ?? r.signal})`);
  const entries = zipEntries(out).filter(e => !e.name.endsWith('/'));
  return { file: out, bytes: statSync(out).size, files: entries.length, entries };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outArg = process.argv.slice(2).find(a => a.startsWith('--out='));
  try {
    const v = packageVsix(outArg ? resolve(outArg.slice('--out='.length)) : undefined, { quiet: true });
    console.log(`${v.file}\n${(v.bytes / 1024).toFixed(0)} KiB, ${v.files} files`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
