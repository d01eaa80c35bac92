// The transport floor of a protocol benchmark: one JSON-RPC message, already encoded, written
// by a child process each time it is asked (one byte on its stdin) and read back through
// vscode-jsonrpc's StreamMessageReader, as the benchmarks' client reads the server. No work
// stands behind it: what it costs is the pipe and the client's decoding, which no server can
// spend less on for a message of that size.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { percentile } from './edits.mjs';
import { rpc } from './lsp-session.mjs';

// The writer: the framed message read once, then written whole for every byte that arrives.
const WRITER = `
const message = require('node:fs').readFileSync(process.argv[1]);
process.stdin.on('data', chunk => { for (let i = 0; i < chunk.length; i++) process.stdout.write(message); });
`;

/** p50/p95 (ms) of `samples` round trips of `message` (after a few untimed), and its size in bytes. */
export async function transportFloor(message, samples) {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  const framed = Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-harden-transport-'));
  const file = path.join(dir, 'message');
  fs.writeFileSync(file, framed);
  const writer = spawn(process.execPath, ['-e', WRITER, file], { stdio: ['pipe', 'pipe', 'inherit'] });
  const reader = new rpc.StreamMessageReader(writer.stdout);
  let arrived;
  reader.listen(() => arrived?.());
  const once = () => new Promise(resolve => {
    const t = process.hrtime.bigint();
    arrived = () => resolve(Number(process.hrtime.bigint() - t) / 1e6);
    writer.stdin.write('x');
  });
  try {
    for (let i = 0; i < 5; i++) await once();
    const times = [];
    for (let i = 0; i < samples; i++) times.push(await once());
    return { bytes: body.length, p50: percentile(times, 50), p95: percentile(times, 95) };
  } finally {
    reader.dispose();
    writer.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
