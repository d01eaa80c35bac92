// The repository file for `check`: the nearest `.kube-harden.yaml` (or `.yml`) found walking up
// from each linted file's folder, stopping at the git root (the folder holding `.git`) or, outside
// a repository, at the filesystem root. The nearest file wins whole (no merging of files up the
// tree): what applies is what one file says. Command-line flags are explicit for this one run and
// override the file; the file overrides the defaults.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES, ConfigFile, parseConfigFile } from '../engine/checking';
import { compileGlob, GlobMatcher } from '../host/glob';
import { MAX_CONFIG_BYTES, readSmallFile } from '../host/read-manifest';
import { describe } from './files';
import { Io } from './io';

export interface RepoConfig {
  /** Absolute path of the file. */
  path: string;
  file: ConfigFile;
  /** `exclude` globs, matched against paths relative to the file's folder. */
  excluded: GlobMatcher[];
}

export class ConfigFinder {
  private readonly byDir = new Map<string, RepoConfig | undefined>();
  private readonly reported = new Set<string>();
  /** Problems of type error seen in any file used: exit status 2. */
  errors = 0;

  constructor(private readonly io: Io, private readonly cwd = process.cwd()) {}

  /** The configuration for a file at `absolute`, reporting its file's problems once. */
  forFile(absolute: string): RepoConfig | undefined {
    const found = this.lookup(path.dirname(absolute));
    if (found && !this.reported.has(found.path)) {
      this.reported.add(found.path);
      const shown = path.relative(this.cwd, found.path) || found.path;
      for (const p of found.file.problems) {
        if (p.severity === 'error') this.errors++;
        this.io.err(`kube-harden: ${p.severity}: ${shown}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}\n`);
      }
    }
    return found;
  }

  /** True when the repository file's `exclude` leaves this file out (only for files found by walking). */
  excludes(absolute: string): boolean {
    const found = this.forFile(absolute);
    if (!found || !found.excluded.length) return false;
    const rel = path.relative(path.dirname(found.path), absolute).split(path.sep).join('/');
    return found.excluded.some(m => m(rel));
  }

  private lookup(dir: string): RepoConfig | undefined {
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    let found: RepoConfig | undefined;
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      let text: string;
      try {
        text = readSmallFile(candidate, MAX_CONFIG_BYTES);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') continue;
        this.errors++;
        this.io.err(`kube-harden: error: ${path.relative(this.cwd, candidate) || candidate}: ${describe(e)}\n`);
        continue;
      }
      const file = parseConfigFile(text);
      // `dir/**` also leaves out the folder's files; a bare folder name does what users mean.
      const excluded = (file.exclude ?? []).flatMap(g => [compileGlob(g), compileGlob(`${g.replace(/\/+$/, '')}/**`)]);
      found = { path: candidate, file, excluded };
      break;
    }
    const parent = path.dirname(dir);
    if (!found && parent !== dir && !isGitRoot(dir)) found = this.lookup(parent);
    this.byDir.set(dir, found);
    return found;
  }
}

function isGitRoot(dir: string): boolean {
  try {
    fs.statSync(path.join(dir, '.git'));
    return true;
  } catch {
    return false;
  }
}
