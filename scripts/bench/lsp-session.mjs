// `kube-harden-ls --stdio` for the protocol benchmarks: spawned with the debounce set to 0, its
// publishDiagnostics awaited by URI and version, shut down cleanly.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const rpc = createRequire(path.join(root, 'server', 'package.json'))('vscode-jsonrpc/node');

/** `capabilities`: the client's (none by default); `workspaceFolders`: folders the server indexes (none by default). */
export async function startServer(capabilities = {}, workspaceFolders = null) {
  const server = spawn(process.execPath, [...(process.env.KH_SERVER_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.KH_SERVER_PROF}`] : []), path.join(root, 'server', 'out', 'lsp', 'main.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));
  const waiting = new Map();
  const last = new Map();
  connection.onNotification('textDocument/publishDiagnostics', p => {
    last.set(p.uri, p);
    const key = `${p.uri}@${p.version}`;
    const done = waiting.get(key);
    if (done) { waiting.delete(key); done(p.diagnostics.length); }
  });
  connection.onRequest(() => null); // registrations, configuration: nothing to answer
  // When the first bytes after a mark arrive: the server's answer begins (its work is done, the
  // rest is the transfer and the client's decoding).
  let armed = false, firstByte;
  server.stdout.on('data', () => { if (armed) { armed = false; firstByte = process.hrtime.bigint(); } });
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid, rootUri: null, workspaceFolders, capabilities,
    initializationOptions: { debounceMs: 0 },
  });
  connection.sendNotification('initialized', {});
  return {
    server,
    connection,
    /** Resolves with the number of diagnostics published for this version of `uri`. */
    diagnosticsOf: (uri, version) => new Promise(resolve => waiting.set(`${uri}@${version}`, resolve)),
    /** The parameters of the last publishDiagnostics for `uri`, as the client decoded them. */
    lastPublished: uri => last.get(uri),
    /** From now on, note when the next bytes from the server arrive (firstByteAt). */
    markFirstByte() { armed = true; firstByte = undefined; },
    firstByteAt: () => firstByte,
    /** shutdown and exit, then the process goes. */
    async stop() {
      await connection.sendRequest('shutdown');
      connection.sendNotification('exit');
      // Its own exit, if it comes soon (a profile is written then), else it is stopped.
      await new Promise(resolve => { const t = setTimeout(resolve, 5000); server.once('exit', () => { clearTimeout(t); resolve(); }); });
      connection.dispose();
      server.kill();
    },
  };
}

export { rpc };
