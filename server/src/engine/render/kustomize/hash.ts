// Kustomize's content hash for generated ConfigMaps and Secrets (api/hasher): SHA-256 over
// Go's JSON encoding of selected fields, then the first 10 hex digits with some letters
// swapped so the suffix never looks like a number or a bad word.
import { sha256Hex } from '../../util/sha256';
import { getPath, KMap, Plain, toPlain } from './model';

export function kustomizeHash(node: KMap, kind: string): string {
  const field = (p: string) => {
    const n = getPath(node, p.split('/'));
    return n === undefined ? '' : n.kind === 'scalar' ? n.value : toPlain(n);
  };
  let encoded: Record<string, Plain>;
  if (kind === 'ConfigMap') {
    // Kustomize looks the name up as one key "metadata/name", which never matches: the name
    // is always hashed as "". Reproduced, since the suffix must be identical.
    encoded = { kind: 'ConfigMap', name: '', data: field('data') };
    const bin = field('binaryData');
    if (bin !== null && typeof bin === 'object' && !Array.isArray(bin)) encoded.binaryData = bin;
  } else if (kind === 'Secret') {
    encoded = { kind: 'Secret', type: field('type'), name: '', data: field('data') };
    const sd = field('stringData');
    if (sd !== null && typeof sd === 'object' && !Array.isArray(sd)) encoded.stringData = sd;
  } else {
    encoded = toPlain(node) as Record<string, Plain>;
  }
  return encodeHash(sha256Hex(goJson(encoded)));
}

function encodeHash(hex: string): string {
  const swap: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return [...hex.slice(0, 10)].map((c) => swap[c] ?? c).join('');
}

/** encoding/json's output: sorted map keys, HTML-safe escapes, Go's float format. */
export function goJson(v: Plain): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : JSON.stringify(v);
  if (typeof v === 'string') return goString(v);
  if (Array.isArray(v)) return '[' + v.map(goJson).join(',') + ']';
  const keys = Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return '{' + keys.map((k) => goString(k) + ':' + goJson(v[k])).join(',') + '}';
}

function goString(s: string): string {
  return JSON.stringify(s)
    .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
