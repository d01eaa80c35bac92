// A ParseCache over a real workspace model, wired as the language server wires them
// (lsp/workspace.ts documentParsed and indexFor), without the disk, folders or a connection.
import { lintParsed, parseFile, summarizeFile, WorkspaceIndex } from '@kube-harden/server';
import type { ParsedFile } from '@kube-harden/server';
import { CacheEngine, ParseCache } from '@kube-harden/server/out/lsp/documents';

export function modelCache(engine: CacheEngine = { parseFile, lintParsed }, slices?: { from?: number; budgetMs?: number }): { cache: ParseCache; index: WorkspaceIndex } {
  const index = new WorkspaceIndex();
  const cache = new ParseCache(engine, {
    documentParsed(uri: string, parsed: ParsedFile) {
      const summaries = summarizeFile(uri, parsed);
      index.setFile(uri, summaries);
      return summaries;
    },
    indexFor: () => index,
  }, slices);
  return { cache, index };
}

/** A Pod whose one container allows privilege escalation (`true` at line 11, characters 32-36). */
export function escalatingPod(name: string, label = 'web'): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
    app: ${label}
spec:
  containers:
  - name: app
    image: nginx:1.27
    securityContext:
      allowPrivilegeEscalation: true
`;
}
