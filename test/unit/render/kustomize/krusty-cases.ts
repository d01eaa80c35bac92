// The krusty cases (test/fixtures/kustomize/krusty) and how one is run: its files in memory
// under "/", built with the options the Go test set.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { memorySource, renderKustomization } from '@kube-harden/server/out/engine/render/kustomize';

const fixtures = join(__dirname, '../../../../fixtures/kustomize');

export interface KrustyCase {
  name: string; files: Record<string, string>; dir: string; features: string[];
  expected?: string; errorContains?: string;
}

/** The cases of a fixture folder: `krusty` (converted by script), `krusty-helm` (by hand). */
export function loadCases(folder = 'krusty'): KrustyCase[] {
  const dir = join(fixtures, folder);
  return readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json')
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as KrustyCase);
}

export function runCase(c: KrustyCase): { actual?: string; error?: string } {
  const files = Object.fromEntries(Object.entries(c.files).map(([p, t]) => ['/' + p, t]));
  const r = renderKustomization(memorySource(files), '/' + c.dir.replace(/^\/+/, ''), {
    reorder: c.features.includes('legacy reorder option') ? 'legacy' : 'none',
    loadRestrictions: c.features.includes('load restrictions none') ? 'none' : 'rootOnly',
  });
  return r.ok ? { actual: r.yaml } : { error: r.error.message };
}

/** An output as krusty compares it: trimmed of surrounding blank lines. */
export const tidy = (s: string) => s.replace(/^\s*\n/, '').trimEnd() + '\n';

/** A tidied output cut into its documents, to compare object by object and in order. */
export const documentsOf = (s: string) => tidy(s).split(/^---\n/m);
