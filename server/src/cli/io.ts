// Where the CLI writes. main() takes this as a parameter so the front end can be driven in-process.
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Colour only on a terminal, and never when NO_COLOR is set (no-color.org). */
  color: boolean;
  /** Standard input's bytes (`check -`); absent where there is none (in-process callers). */
  readStdin?(): Promise<Buffer>;
  /** The directory relative paths are read from; process.cwd() when absent. */
  cwd?: string;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

export function processIo(): Io {
  // `kube-harden check . | head` closes the pipe early: that is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code !== 'EPIPE') throw e; });
  return {
    out: text => { process.stdout.write(text); },
    err: text => { process.stderr.write(text); },
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
    readStdin: () => readAll(process.stdin),
  };
}
