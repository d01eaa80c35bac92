// Compares a render with a project's committed `helm template` output, object by object.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';

export const REAL = path.resolve(__dirname, '../../../../fixtures/helm/real');

export type K8s = { apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string; annotations?: unknown }; spec?: Record<string, unknown> };
const keyOf = (o: K8s) => `${o.apiVersion}/${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;
export const objects = (text: string) => parseAllDocuments(text).map(d => d.toJS() as K8s | null).filter((o): o is K8s => !!o);

/** Compares by key: the keys that differ or are missing on either side. */
function compare(ours: K8s[], expected: K8s[]): { matched: number; total: number; differing: string[]; extra: string[] } {
  const mine = new Map(ours.map(o => [keyOf(o), o]));
  const want = new Map(expected.map(o => [keyOf(o), o]));
  const differing = [...want].filter(([k, o]) => { try { assert.deepStrictEqual(mine.get(k), o); return false; } catch { return true; } }).map(([k]) => k);
  return { matched: want.size - differing.length, total: want.size, differing, extra: [...mine.keys()].filter(k => !want.has(k)) };
}

/** Asserts that `ours` has every expected object, equal, and nothing more; `total` guards the fixture. */
export function assertSameObjects(ours: K8s[], expected: K8s[], total: number): void {
  const result = compare(ours, expected);
  assert.deepEqual({ differing: result.differing, extra: result.extra }, { differing: [], extra: [] });
  assert.equal(result.total, total);
}
