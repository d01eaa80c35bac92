// Entry point of the language server, for VS Code (`--node-ipc`) and any LSP editor
// (`kube-harden-ls --stdio`).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { describeError, RateLimitedLog } from './log';
import { startServer } from './server';

// An editor that starts `kube-harden-ls` with no transport flag gets stdio rather than a crash.
if (!process.argv.slice(2).some(a => /^--(node-ipc|stdio|socket|pipe)(=|$)/.test(a))) process.argv.push('--stdio');

const connection = createConnection(ProposedFeatures.all);
const log = new RateLimitedLog({ error: m => connection.console.error(m), warn: m => connection.console.warn(m) });

// The server must outlive any bug: a crash would silently take every diagnostic away.
process.on('uncaughtException', e => log.error(`uncaught:${String(e?.message)}`, `Uncaught exception: ${describeError(e)}`));
process.on('unhandledRejection', e => log.error(`rejection:${String((e as Error)?.message ?? e)}`, `Unhandled rejection: ${describeError(e)}`));

startServer(connection, log);
