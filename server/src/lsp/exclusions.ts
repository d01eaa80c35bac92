// Which files of a workspace folder stay out of the workspace model: `.git` and `node_modules`
// always, the client's `files.exclude` (what the user already hides from the explorer and
// search), and `kubeHarden.exclude`. Patterns are relative to the folder, as VS Code reads them;
// an excluded folder excludes everything under it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileGlob, GlobMatcher } from '../host/glob';

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);

interface Rule {
  match: GlobMatcher;
  /** `/srv/...`, `C:/...`: matched against the absolute path, not the folder-relative one. */
  absolute: boolean;
  /** files.exclude `{ "when": "$(basename).ts" }`: excluded only when that sibling exists. */
  when?: string;
}

export interface ExclusionSettings {
  /** The `files` section's `exclude`: glob -> true | false | { when }. */
  filesExclude?: unknown;
  /** `kubeHarden.exclude`: an array of globs. */
  exclude?: unknown;
}

/** The patterns of both settings, normalised; `report` hears of values that are ignored. */
export function exclusionPatterns(settings: ExclusionSettings, report: (problem: string) => void = () => {}): Array<{ glob: string; when?: string }> {
  const out: Array<{ glob: string; when?: string }> = [];
  const files = settings.filesExclude;
  if (files && typeof files === 'object' && !Array.isArray(files)) {
    for (const [glob, value] of Object.entries(files as Record<string, unknown>)) {
      if (value === true) out.push({ glob });
      else if (value && typeof value === 'object' && typeof (value as { when?: unknown }).when === 'string') out.push({ glob, when: (value as { when: string }).when });
    }
  }
  const own = settings.exclude;
  if (Array.isArray(own)) {
    for (const glob of own) {
      if (typeof glob === 'string' && glob.trim() !== '') out.push({ glob: glob.trim() });
      else report('kubeHarden.exclude: every entry must be a glob pattern (a non-empty string).');
    }
  } else if (own !== undefined && own !== null) {
    report('kubeHarden.exclude must be an array of glob patterns.');
  }
  return out;
}

export class FolderExclusions {
  private readonly rules: Rule[];

  /** `folder`: the folder's absolute path. `exists`: a seam for tests of `when` clauses. */
  constructor(
    readonly folder: string,
    patterns: ReadonlyArray<{ glob: string; when?: string }>,
    private readonly exists: (file: string) => boolean = fs.existsSync,
  ) {
    this.rules = patterns.map(p => ({
      match: compileGlob(stripRelativePrefix(p.glob)),
      absolute: /^([/\\]|[A-Za-z]:[/\\])/.test(p.glob),
      when: p.when,
    }));
  }

  /** Whether `file` (absolute) is inside this folder. */
  contains(file: string): boolean {
    const rel = path.relative(this.folder, file);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
  }

  /**
   * Whether `file` (absolute, inside the folder) is excluded, itself or through a folder
   * above it. The walker asks for each directory before entering it, so it passes
   * `ancestorsChecked` to test only the entry itself.
   */
  excludes(file: string, ancestorsChecked = false): boolean {
    const rel = path.relative(this.folder, file).split(path.sep).join('/');
    if (rel === '' || rel.startsWith('../')) return false;
    const segments = rel.split('/');
    const from = ancestorsChecked ? segments.length : 1;
    for (let n = from; n <= segments.length; n++) {
      if (ALWAYS_SKIPPED.has(segments[n - 1])) return true;
      const sub = segments.slice(0, n).join('/');
      const absolute = path.join(this.folder, ...segments.slice(0, n));
      if (this.rules.some(r => this.applies(r, sub, absolute))) return true;
    }
    return false;
  }

  /**
   * excludes(absolute, true) for a walker that knows the entry's path relative to the folder
   * ('/'-separated): no path arithmetic per entry.
   */
  excludesEntry(rel: string, absolute: string): boolean {
    if (ALWAYS_SKIPPED.has(rel.slice(rel.lastIndexOf('/') + 1))) return true;
    return this.rules.length > 0 && this.rules.some(r => this.applies(r, rel, absolute));
  }

  private applies(rule: Rule, rel: string, absolute: string): boolean {
    if (!rule.match(rule.absolute ? absolute.split(path.sep).join('/') : rel)) return false;
    if (rule.when === undefined) return true;
    const base = path.basename(absolute);
    const stem = base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base;
    return this.exists(path.join(path.dirname(absolute), rule.when.replace(/\$\(basename\)/g, stem)));
  }
}

/** `./k8s/**` means `k8s/**`: VS Code accepts both. */
function stripRelativePrefix(glob: string): string {
  return glob.replace(/^\.\//, '');
}
