// The output channel the LanguageClient traces into, with `kubeHarden.trace.server` as its switch.
// vscode-languageclient 11 traces only when its trace channel's log level is Trace (the setting
// then picks messages or verbose), so a log channel at its default Info level would ignore the
// setting. This channel's log level follows the setting instead: off -> Off, else Trace.
import { EventEmitter, LogLevel, LogOutputChannel, window, workspace } from 'vscode';
import { CLIENT_ID, isTraceOn, TRACE_SETTING } from './registration';

function levelOfSetting(): LogLevel {
  return isTraceOn(workspace.getConfiguration(CLIENT_ID).get(TRACE_SETTING)) ? LogLevel.Trace : LogLevel.Off;
}

export function createTraceChannel(): LogOutputChannel {
  const channel = window.createOutputChannel('Kube Harden Trace');
  const changed = new EventEmitter<LogLevel>();
  let level = levelOfSetting();
  const watcher = workspace.onDidChangeConfiguration(e => {
    if (!e.affectsConfiguration(`${CLIENT_ID}.${TRACE_SETTING}`)) return;
    const next = levelOfSetting();
    if (next !== level) changed.fire(level = next);
  });
  // The client hands over bare messages (a log channel would add the time); add it here.
  const line = (message: string | Error) => channel.appendLine(`[Trace - ${new Date().toLocaleTimeString()}] ${String(message)}`);
  return {
    name: channel.name,
    get logLevel() { return level; },
    onDidChangeLogLevel: changed.event,
    trace: line,
    debug: line,
    info: line,
    warn: line,
    error: line,
    append: value => channel.append(value),
    appendLine: value => channel.appendLine(value),
    replace: value => channel.replace(value),
    clear: () => channel.clear(),
    // show(column, preserveFocus) is the deprecated overload: only the flag counts.
    show: (...args: unknown[]) => channel.show(args.find((a): a is boolean => typeof a === 'boolean')),
    hide: () => channel.hide(),
    dispose: () => {
      watcher.dispose();
      changed.dispose();
      channel.dispose();
    },
  };
}
