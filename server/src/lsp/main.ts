// Entry point of the language server, for VS Code (`--node-ipc`) and any LSP editor
// (`kube-harden-ls --stdio`).
import { createConnection, MessageReader, ProposedFeatures } from 'vscode-languageserver/node';
import { describeError, RateLimitedLog } from './log';
import { startServer } from './server';
import { quietConsole, StreamWriter } from './stream-writer';

// An editor that starts `kube-harden-ls` with no transport flag gets stdio rather than a crash.
if (!process.argv.slice(2).some(a => /^--(node-ipc|stdio|socket|pipe)(=|$)/.test(a))) process.argv.push('--stdio');

// Over stdio the server writes its own messages (stream-writer.ts: a large publish reuses the
// buffer of an earlier one); every other transport is the library's.
const stdio = process.argv.slice(2).includes('--stdio');
const connection = stdio ? createConnection(ProposedFeatures.all,
  // The library reads a stream itself (and ends the process when stdin closes, as on its own
  // stdio); the types only name a stream or a reader, not the mix it takes.
  process.stdin as unknown as MessageReader, new StreamWriter(process.stdout)) : createConnection(ProposedFeatures.all);
// stdout carries the protocol: what anything prints goes to the client's log instead (as the
// library arranges when it opens stdio itself).
if (stdio) quietConsole(connection);
const log = new RateLimitedLog({ error: m => connection.console.error(m), warn: m => connection.console.warn(m) });

// The server must outlive any bug: a crash would silently take every diagnostic away.
process.on('uncaughtException', e => log.error(`uncaught:${String(e?.message)}`, `Uncaught exception: ${describeError(e)}`));
process.on('unhandledRejection', e => log.error(`rejection:${String((e as Error)?.message ?? e)}`, `Unhandled rejection: ${describeError(e)}`));

startServer(connection, log);
