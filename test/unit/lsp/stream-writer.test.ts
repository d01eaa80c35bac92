import * as assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { itemwise, StreamWriter } from '@kube-harden/server/out/lsp/stream-writer';
import { StreamMessageReader } from 'vscode-languageserver/node';
import { PassThrough } from 'node:stream';

/** A stream that takes a copy of each chunk before it calls back, as the kernel does for a pipe. */
function sink(): { out: Writable; chunks: Buffer[] } {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      // Called back later, as a pipe the reader drains: the buffer is in use until then.
      setImmediate(done);
    },
  });
  return { out, chunks };
}

/** The messages a client reads from the bytes written. */
async function read(bytes: Buffer, count: number): Promise<unknown[]> {
  const input = new PassThrough();
  const reader = new StreamMessageReader(input);
  const got: unknown[] = [];
  const all = new Promise<void>(resolve => reader.listen(m => { got.push(m); if (got.length === count) resolve(); }));
  input.end(bytes);
  await all;
  reader.dispose();
  return got;
}

const publish = (version: number, n: number) => ({
  jsonrpc: '2.0',
  method: 'textDocument/publishDiagnostics',
  params: {
    uri: 'file:///w/big.yaml',
    version,
    diagnostics: Array.from({ length: n }, (_, i) => ({
      range: { start: { line: i, character: 2 }, end: { line: i, character: 9 } },
      severity: 2,
      code: 'require-run-as-non-root',
      source: 'kube-harden',
      message: `Container "app-${i}" may run as root — set runAsNonRoot: true`,
      data: { ruleId: 'require-run-as-non-root', messageId: 'missing', covers: ['R03'], fix: { safety: 'unsafe' } },
    })),
  },
});

describe('lsp: the stdio writer', () => {
  it('frames each message as vscode-jsonrpc does, small and large, in order, with non-ASCII text', async () => {
    const { out, chunks } = sink();
    const writer = new StreamWriter(out);
    const messages = [
      { jsonrpc: '2.0', id: 1, result: { capabilities: {} } },
      publish(2, 2000),
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'indexed 4 files' } },
      publish(3, 1500),
      publish(4, 2200),
    ];
    // Not awaited one by one: the large ones are written while the earlier is still in flight.
    await Promise.all(messages.map(m => writer.write(m as never)));
    const bytes = Buffer.concat(chunks);
    // The header counts bytes, not characters (the em dash is three).
    const first = JSON.stringify(messages[0]);
    const framed = `Content-Length: ${Buffer.byteLength(first)}\r\n\r\n${first}`;
    assert.equal(bytes.subarray(0, framed.length).toString('utf8'), framed);
    assert.deepEqual(await read(bytes, messages.length), messages);
  });

  it('reuses the buffer of a large message once the stream is done with it, never before', async () => {
    const { out, chunks } = sink();
    const writer = new StreamWriter(out);
    const seen: ArrayBuffer[] = [];
    const write = out.write.bind(out);
    out.write = ((chunk: Buffer, cb: (e?: Error | null) => void) => { seen.push(chunk.buffer as ArrayBuffer); return write(chunk, cb); }) as typeof out.write;
    // Two in flight at once: two buffers.
    await Promise.all([writer.write(publish(1, 2000) as never), writer.write(publish(2, 2000) as never)]);
    assert.notEqual(seen[0], seen[1]);
    // Both done: the next two take them again (the smaller fits either).
    await writer.write(publish(3, 1000) as never);
    await writer.write(publish(4, 2000) as never);
    assert.ok(seen.slice(0, 2).includes(seen[2]) && seen.slice(0, 2).includes(seen[3]), 'kept buffers are reused');
    assert.deepEqual(await read(Buffer.concat(chunks), 4), [publish(1, 2000), publish(2, 2000), publish(3, 1000), publish(4, 2000)]);
  });

  it('reports a stream that fails, and the write is rejected', async () => {
    const out = new Writable({ write(_c, _e, done) { done(new Error('EPIPE')); } });
    out.on('error', () => undefined);
    const writer = new StreamWriter(out);
    const errors: string[] = [];
    writer.onError(([e]) => errors.push(e.message));
    await assert.rejects(writer.write(publish(1, 10) as never), /EPIPE/);
    assert.ok(errors.includes('EPIPE'));
  });

  it('serializes a large publish diagnostic by diagnostic, to exactly the JSON of the whole', () => {
    const big = publish(5, 300);
    // Text a naive split would take for the list: inside strings, and a key after the list.
    const tricky = {
      ...big,
      params: { uri: 'file:///w/"diagnostics":[].yaml', diagnostics: [...big.params.diagnostics, undefined, { message: '"diagnostics":[] \\ "' }], version: 5 },
    };
    for (const msg of [big, tricky]) {
      const parts = itemwise(msg as never);
      assert.ok(parts, 'a publish of 300 is split');
      assert.equal(parts.length, 2 * msg.params.diagnostics.length + 1);
      assert.equal(parts.join(''), JSON.stringify(msg));
    }
    // Small publishes and other messages are serialized whole.
    assert.equal(itemwise(publish(6, 255) as never), undefined);
    assert.equal(itemwise({ jsonrpc: '2.0', id: 3, result: { diagnostics: big.params.diagnostics } } as never), undefined);
  });

  it('frames a large publish item by item with the byte length of its non-ASCII text', async () => {
    const { out, chunks } = sink();
    const writer = new StreamWriter(out);
    const msg = publish(7, 400);
    msg.params.diagnostics[17].message = 'Container "𝒶pp" — ünïcode';
    await writer.write(msg as never);
    const json = JSON.stringify(msg);
    assert.equal(Buffer.concat(chunks).toString('utf8'), `Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`);
  });
});
