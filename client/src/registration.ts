// What the client wires up at run time, free of the vscode module so unit tests load it: the
// LanguageClient's id (vscode-languageclient reads the `<id>.trace.server` setting itself), the
// commands the client registers, and the guard that keeps restarts from overlapping.

/** The LanguageClient's id: the prefix of its `trace.server` setting. */
export const CLIENT_ID = 'kubeHarden';
export const TRACE_SETTING = 'trace.server';

/** Registered by the language client from the server's executeCommandProvider, not by us. */
export const SERVER_COMMANDS = ['kubeHarden.scanWorkspace'];

/** `kubeHarden.trace.server`: `messages` and `verbose` trace; `off` and anything else do not. */
export function isTraceOn(value: unknown): boolean {
  return value === 'messages' || value === 'verbose';
}

export interface ClientHandlers {
  showRulePage(ruleId?: unknown): unknown;
  fixAllInFile(): unknown;
  restartServer(): Promise<void>;
  showOutput(): void;
}

export interface CommandEntry {
  id: string;
  run: (...args: unknown[]) => unknown;
}

/** Every command the extension registers with VS Code, with the handler it runs. */
export function clientCommands(h: ClientHandlers): CommandEntry[] {
  return [
    { id: 'kubeHarden.showRulePage', run: (ruleId?: unknown) => h.showRulePage(ruleId) },
    { id: 'kubeHarden.fixAllInFile', run: () => h.fixAllInFile() },
    { id: 'kubeHarden.restartServer', run: () => h.restartServer() },
    { id: 'kubeHarden.showOutput', run: () => h.showOutput() },
  ];
}

/**
 * `task` once at a time: a call while it runs shares that run instead of starting another (a
 * second restart while the first is stopping the server would throw). A failure goes to `report`
 * and never out of the command.
 */
export function oneAtATime(task: () => Promise<void>, report: (error: unknown) => void): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= task().catch(report).finally(() => { running = undefined; });
    return running;
  };
}
