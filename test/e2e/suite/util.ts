// Helpers for the extension-host tests. Every wait is on an editor event with a deadline.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const SOURCE = 'kube-harden';
export const EXTENSION_ID = 'kube-harden.kube-harden';

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e suite needs a workspace folder (test/e2e/workspace)');
  return folder.uri.fsPath;
}

/** Where run() writes its summary: $KUBE_HARDEN_E2E_RESULTS, else a fixed file in the workspace. */
export function resultsFile(): string {
  return process.env.KUBE_HARDEN_E2E_RESULTS ?? path.join(workspaceRoot(), '.e2e', 'results.json');
}

export function fileUri(name: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), name));
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter(d => d.source === SOURCE);
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

/**
 * The rules a diagnostic stands for. Findings of several rules on one range are one diagnostic
 * whose message lists them, one line each ending in `(rule-id)`; the editor API does not expose
 * the protocol's `data`, so the message is what a test (and a person) reads.
 */
export function rulesOf(d: vscode.Diagnostic): string[] {
  const listed = d.message.split('\n').slice(1).map(l => /^- .* \(([a-z0-9-]+)\)$/.exec(l)?.[1]).filter((r): r is string => !!r);
  return listed.length > 1 ? listed : [codeOf(d) ?? ''];
}

/** Every rule of every diagnostic, in the order the editor holds them. */
export function rulesIn(ds: readonly vscode.Diagnostic[]): string[] {
  return ds.flatMap(rulesOf);
}

/** Opens the file in an editor (focused), as a user's click in the explorer would. */
export async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** A diagnostic's range as 1-based [line, column, endLine, endColumn], as an editor shows it. */
export function span(d: vscode.Diagnostic): [number, number, number, number] {
  return [d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1];
}

/**
 * Runs `trigger`, then resolves with the document's kube-harden diagnostics once `accept` holds,
 * checked on every onDidChangeDiagnostics event for `uri` (subscribed before the trigger, so no
 * event is missed). `requireEvent` ignores the state before the first event for `uri`: for
 * "nothing is reported" the only evidence that the server looked at all is that it published.
 */
export async function diagnosticsAfter(
  uri: vscode.Uri,
  trigger: () => Thenable<unknown> | void,
  accept: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
  { timeoutMs = 15_000, requireEvent = false } = {},
): Promise<vscode.Diagnostic[]> {
  let sub: vscode.Disposable | undefined;
  let timer: NodeJS.Timeout | undefined;
  let seen = false;
  let triggered = false;
  try {
    return await new Promise<vscode.Diagnostic[]>((resolve, reject) => {
      // Not before the trigger has finished: the caller may still be assigning what it opened.
      const check = () => {
        const ds = ours(uri);
        if (triggered && (seen || !requireEvent) && accept(ds)) resolve(ds);
      };
      sub = vscode.languages.onDidChangeDiagnostics(e => {
        if (!e.uris.some(u => u.toString() === uri.toString())) return;
        seen = true;
        check();
      });
      timer = setTimeout(() => {
        const now = ours(uri).map(d => `${codeOf(d)} ${d.range.start.line}:${d.range.start.character}`);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} in ${path.basename(uri.fsPath)}` +
          ` (event seen: ${seen}; now: [${now.join(', ')}])`));
      }, timeoutMs);
      Promise.resolve(trigger()).then(() => { triggered = true; check(); }, reject);
    });
  } finally {
    sub?.dispose();
    clearTimeout(timer);
  }
}

export async function activate(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  await ext.activate();
}

export interface ScreenshotOptions {
  /** Rest the mouse on the first error squiggle so its hover shows (default true). */
  hover?: boolean;
  /** A CSS selector the launcher waits for (visible) before it takes the picture. */
  waitFor?: string;
}

/**
 * Asks the launcher (scripts/e2e/run.mjs) for a screenshot of the window as it is now and waits
 * until it has been taken. A no-op when no launcher asked for screenshots (run-electron.mjs).
 */
export async function screenshot(name: string, options: ScreenshotOptions = {}, timeoutMs = 30_000): Promise<void> {
  const dir = process.env.KUBE_HARDEN_E2E_SIGNALS;
  if (!dir) return;
  const done = path.join(dir, `${name}.done`);
  let watcher: fs.FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      // The file the launcher writes is the only event that crosses the two processes.
      watcher = fs.watch(dir, () => { if (fs.existsSync(done)) resolve(); });
      timer = setTimeout(() => reject(new Error(`the launcher took no screenshot "${name}" within ${timeoutMs} ms`)), timeoutMs);
      // Renamed into place: the launcher must never read the options half-written.
      fs.writeFileSync(path.join(dir, `${name}.options`), JSON.stringify(options));
      fs.renameSync(path.join(dir, `${name}.options`), path.join(dir, `${name}.ready`));
      if (fs.existsSync(done)) resolve();
    });
  } finally {
    watcher?.close();
    clearTimeout(timer);
  }
}
