// The repository file for the editor: the nearest `.kube-harden.yaml` (or `.yml`) walking up from
// a document's folder to its workspace folder's root (outside every folder: to the git root or
// the filesystem root, as the CLI does). The text of an open file is read over the disk, so an
// edit applies as it is typed. Parsed once per text; dropped on any change to such a file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigInput } from '../engine';
import { CONFIG_FILE_NAMES, ConfigFile, isConfigFileName, parseConfigFile } from '../engine';
import { fsPathOf } from './uris';
import { MAX_CONFIG_BYTES, readSmallFile } from '../host/read-manifest';

export interface RepoConfigDeps {
  /** Workspace folder paths on disk. */
  folders(): string[];
  /** The text of an open document at this path, if open. */
  openText(file: string): string | undefined;
}

export function isConfigUri(uri: string): boolean {
  const file = fsPathOf(uri);
  return !!file && isConfigFileName(path.basename(file));
}

export class RepoConfigs {
  private readonly byDir = new Map<string, string | null>();
  private readonly parsed = new Map<string, { text: string; file: ConfigFile }>();

  constructor(private readonly deps: RepoConfigDeps) {}

  /** The valid settings of the file that applies to `uri`, if any. */
  inputFor(uri: string): ConfigInput | undefined {
    const file = fsPathOf(uri);
    if (!file) return undefined;
    const found = this.lookup(path.dirname(file), this.stopAt(file));
    return found ? this.read(found)?.input : undefined;
  }

  /** `exclude` of the repository file at the root of the folder `folderUri`, if there is one. */
  excludeAtRoot(folderUri: string): string[] {
    return this.atRoot(folderUri)?.exclude ?? [];
  }

  /** The valid settings of the repository file at the root of the folder `folderUri`, if there is one. */
  inputAtRoot(folderUri: string): ConfigInput | undefined {
    return this.atRoot(folderUri)?.input;
  }

  /** The value files the repository file names for the chart in folder `dir` (`helm:`), if any. */
  helmValuesFor(dir: string): string[] {
    const found = this.lookup(dir, this.stopAt(path.join(dir, 'Chart.yaml')));
    const helm = found ? this.read(found)?.helm : undefined;
    if (!found || !helm) return [];
    const key = path.relative(path.dirname(found), dir).split(path.sep).join('/') || '.';
    return helm[key]?.values ?? [];
  }

  /** A repository file changed, appeared or went away: everything is looked up again. */
  invalidate(): void {
    this.byDir.clear();
    this.parsed.clear();
  }

  parse(text: string): ConfigFile {
    return parseConfigFile(text);
  }

  private atRoot(folderUri: string): ConfigFile | undefined {
    const dir = fsPathOf(folderUri);
    if (!dir) return undefined;
    for (const name of CONFIG_FILE_NAMES) {
      const file = path.join(dir, name);
      if (this.deps.openText(file) === undefined && !exists(file)) continue;
      return this.read(file);
    }
    return undefined;
  }

  private stopAt(file: string): string | undefined {
    let best: string | undefined;
    for (const f of this.deps.folders()) {
      const rel = path.relative(f, file);
      if (rel && !rel.startsWith('..') && !path.isAbsolute(rel) && (!best || f.length > best.length)) best = f;
    }
    return best;
  }

  private lookup(dir: string, stop: string | undefined): string | undefined {
    const hit = this.byDir.get(dir);
    if (hit !== undefined) return hit ?? undefined;
    let found: string | undefined;
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (this.deps.openText(candidate) !== undefined || exists(candidate)) { found = candidate; break; }
    }
    const parent = path.dirname(dir);
    const last = stop ? path.relative(stop, dir) === '' : exists(path.join(dir, '.git'));
    if (!found && !last && parent !== dir) found = this.lookup(parent, stop);
    this.byDir.set(dir, found ?? null);
    return found;
  }

  private read(file: string): ConfigFile | undefined {
    let text = this.deps.openText(file);
    if (text === undefined) {
      // Only a small regular file: a FIFO or a huge file named like it must not stall the server.
      try { text = readSmallFile(file, MAX_CONFIG_BYTES); } catch { return undefined; }
    }
    const hit = this.parsed.get(file);
    if (hit && hit.text === text) return hit.file;
    const parsed = parseConfigFile(text);
    this.parsed.set(file, { text, file: parsed });
    return parsed;
  }
}

function exists(file: string): boolean {
  try {
    return fs.statSync(file).isFile() || fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
