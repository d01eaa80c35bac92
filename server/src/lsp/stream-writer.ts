// The server's side of a stream transport (`--stdio`): what vscode-jsonrpc's own writer does
// (Content-Length header, then the JSON), except that a large message is encoded into a buffer
// kept from an earlier one once the stream is done with it, and a large list of diagnostics is
// serialized one diagnostic at a time. A large document's diagnostics are republished on every
// keystroke (1,900 diagnostics are about 1 MB), and fresh memory costs a page fault per 4 KiB:
// copying 1 MB into a new buffer measured 3.4 ms, into one already touched 0.1 ms. For the same
// reason one 1 MB JSON string is slow: V8 builds it from parts and joins them into a new flat
// string the first time it is read (counting its bytes took 6-9 ms in the server, 0.3 ms for a
// flat string); small strings written one by one into the kept buffer are never joined.
import type { Writable } from 'node:stream';
import { format } from 'node:util';
import { AbstractMessageWriter, Connection, Message, MessageWriter } from 'vscode-languageserver/node';

/** Below this a message takes a fresh (pooled by Node) buffer, as any small write does. */
const KEEP_FROM = 64 * 1024;
/** Buffers kept for reuse: a message in flight and the next one. */
const KEPT = 2;
/** A publish with at least this many diagnostics is serialized diagnostic by diagnostic. */
const ITEMWISE_FROM = 256;
/** Room before the body for the header, written once the body's length is known. */
const HEADROOM = 'Content-Length: '.length + 16 + 4;

/**
 * `out` must be done with a chunk when it calls back (a pipe, a socket, a file: the bytes went to
 * the kernel); a stream that keeps the chunk itself, as a PassThrough does, would see it reused.
 */
export class StreamWriter extends AbstractMessageWriter implements MessageWriter {
  private readonly free: Buffer[] = [];
  private errors = 0;

  constructor(private readonly out: Writable) {
    super();
    out.on('error', e => this.fireError(e));
    out.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    let buffer: Buffer;
    let kept: Buffer | undefined;
    try {
      const parts = itemwise(msg) ?? [JSON.stringify(msg)];
      let chars = 0;
      for (const p of parts) chars += p.length;
      if (chars + HEADROOM < KEEP_FROM) {
        const json = parts.join('');
        buffer = Buffer.from(`Content-Length: ${Buffer.byteLength(json, 'utf8')}\r\n\r\n${json}`, 'utf8');
      } else {
        // Three bytes per UTF-16 unit at most: always room. Pages never written are never
        // touched, so the worst case costs address space, not memory.
        kept = this.take(HEADROOM + 3 * chars);
        let end = HEADROOM;
        for (const p of parts) end += kept.write(p, end, 'utf8');
        const header = `Content-Length: ${end - HEADROOM}\r\n\r\n`;
        kept.write(header, HEADROOM - header.length, 'ascii');
        buffer = kept.subarray(HEADROOM - header.length, end);
      }
    } catch (e) {
      this.fireError(e, msg, ++this.errors);
      return Promise.reject(e);
    }
    return new Promise((resolve, reject) => {
      this.out.write(buffer, error => {
        // The stream is done with the bytes: the buffer may carry the next message.
        if (kept && this.free.length < KEPT) this.free.push(kept);
        if (!error) return resolve();
        this.fireError(error, msg, ++this.errors);
        reject(error);
      });
    });
  }

  end(): void {
    this.out.end();
  }

  /** A kept buffer of at least `size` bytes, else a new one with room to grow. */
  private take(size: number): Buffer {
    const i = this.free.findIndex(b => b.length >= size);
    if (i >= 0) return this.free.splice(i, 1)[0];
    if (this.free.length >= KEPT) this.free.shift();
    return Buffer.allocUnsafeSlow(Math.ceil(size * 1.25));
  }
}

/**
 * The JSON of each diagnostic object sent. A large document's diagnostics are mostly the very
 * objects sent last time (diagnostics.ts keeps them while their findings stand), and a sent
 * diagnostic is never changed: its JSON is made once.
 */
const sent = new WeakMap<object, string>();

function jsonOf(item: unknown): string {
  if (typeof item !== 'object' || item === null) return JSON.stringify(item) ?? 'null';
  let json = sent.get(item);
  if (json === undefined) sent.set(item, json = JSON.stringify(item) ?? 'null');
  return json;
}

/**
 * A publishDiagnostics with many diagnostics as the pieces of its JSON, each diagnostic its own
 * piece; together they are exactly `JSON.stringify(msg)`. The rest of the message is serialized
 * around an empty list and split where the list's brackets are: a key followed by `:[]` cannot
 * occur inside a JSON string, where every quote is escaped.
 */
export function itemwise(msg: Message): string[] | undefined {
  const params = (msg as { params?: unknown }).params as { diagnostics?: unknown } | undefined;
  const items = params?.diagnostics;
  if (!Array.isArray(items) || items.length < ITEMWISE_FROM) return undefined;
  const shell = JSON.stringify({ ...msg, params: { ...params, diagnostics: [] } });
  const open = '"diagnostics":[';
  const at = shell.indexOf(open + ']') + open.length;
  const parts: string[] = new Array(items.length * 2 + 1);
  parts[0] = shell.slice(0, at);
  for (let i = 0; i < items.length; i++) {
    if (i) parts[2 * i] = ',';
    parts[2 * i + 1] = jsonOf(items[i]);
  }
  parts[2 * items.length] = shell.slice(at);
  return parts;
}

/** console.* into the client's log: on stdio, a stray print would corrupt the protocol. */
export function quietConsole(connection: Connection): void {
  const say = (to: (m: string) => void) => (...args: unknown[]) => to(format(...args));
  console.log = console.info = console.debug = console.trace = console.dir = say(m => connection.console.log(m));
  console.warn = say(m => connection.console.warn(m));
  console.error = say(m => connection.console.error(m));
}
