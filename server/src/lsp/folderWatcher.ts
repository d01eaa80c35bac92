// File watching for clients that cannot watch files themselves (no dynamic registration of
// workspace/didChangeWatchedFiles: Helix, Eglot, Neovim without a watcher backend). Without it a
// `git checkout` or `sed -i` in a terminal would never reach the workspace model. The server
// watches its workspace folders recursively (Node's fs.watch, recursive on Linux since Node 20),
// keeps manifest and repository-file paths only, settles bursts for a moment, and hands the
// same FileEvents the client would have sent; the model applies its own exclusions.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileChangeType, FileEvent } from 'vscode-languageserver';
import { URI } from 'vscode-uri';

const RELEVANT = /(?:\.ya?ml|\.json)$/i;
const IGNORED_SEGMENTS = new Set(['.git', 'node_modules']);
const SETTLE_MS = 150;

export interface FolderWatcherDeps {
  changed(events: FileEvent[]): void;
  log(message: string): void;
}

export class FolderWatcher {
  private readonly watchers = new Map<string, fs.FSWatcher>();
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: FolderWatcherDeps) {}

  /** Watches exactly these folders (absolute paths), starting and stopping watchers as needed. */
  setFolders(folders: readonly string[]): void {
    for (const [folder, w] of this.watchers) if (!folders.includes(folder)) { w.close(); this.watchers.delete(folder); }
    for (const folder of folders) {
      if (this.watchers.has(folder)) continue;
      try {
        const w = fs.watch(folder, { recursive: true, persistent: false }, (_event, name) => {
          if (name) this.noticed(path.join(folder, name.toString()));
        });
        w.on('error', e => this.deps.log(`Watching ${folder} stopped: ${e.message}`));
        this.watchers.set(folder, w);
      } catch (e) {
        this.deps.log(`Cannot watch ${folder} for changes: ${(e as Error).message}`);
      }
    }
  }

  private noticed(file: string): void {
    if (!RELEVANT.test(file) || file.split(path.sep).some(s => IGNORED_SEGMENTS.has(s))) return;
    this.pending.add(file);
    this.timer ??= setTimeout(() => this.flush(), SETTLE_MS);
  }

  private flush(): void {
    this.timer = undefined;
    const files = [...this.pending];
    this.pending = new Set();
    // fs.watch says only that something happened: what it was is read from the disk now.
    const events: FileEvent[] = files.map(file => ({
      uri: URI.file(file).toString(),
      type: fs.existsSync(file) ? FileChangeType.Changed : FileChangeType.Deleted,
    }));
    if (events.length) this.deps.changed(events);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }
}
