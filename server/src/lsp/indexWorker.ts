// Runs in a worker thread: reads and summarises files from disk for the workspace model. A large
// manifest (an Argo CD or Istio install is megabytes of YAML) takes seconds to parse; here that
// time never blocks the language server's event loop.
import { parentPort } from 'node:worker_threads';
import { summarizeDiskFile } from './diskFiles';

export interface ReadRequest { id: number; file: string; uri: string }
export type ReadResponse = { id: number; summaries: Awaited<ReturnType<typeof summarizeDiskFile>> } | { id: number; error: string };

parentPort?.on('message', (request: ReadRequest) => {
  summarizeDiskFile(request.file, request.uri).then(
    summaries => parentPort!.postMessage({ id: request.id, summaries } satisfies ReadResponse),
    e => parentPort!.postMessage({ id: request.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies ReadResponse),
  );
});
