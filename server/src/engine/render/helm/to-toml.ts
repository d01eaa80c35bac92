// Helm's toToml (BurntSushi/toml encoder): tables after plain keys, nested tables as [a.b].
import { formatFloat, GoMap, Value } from '../gotemplate';

function key(k: string): string { return /^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k); }

function scalar(v: Value): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return Number.isInteger(v) ? `${v}.0` : formatFloat(v, 'g', -1);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(scalar).join(', ')}]`;
  return '""';
}

const isTable = (v: Value): v is GoMap => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

function emit(m: GoMap, path: string[], out: string[]): void {
  const keys = Object.keys(m).sort();
  // BurntSushi indents a key by its depth: none at the top, two spaces inside [t].
  const indent = '  '.repeat(path.length);
  for (const k of keys) if (!isTable(m[k]) && m[k] !== null && m[k] !== undefined) out.push(`${indent}${key(k)} = ${scalar(m[k])}`);
  for (const k of keys) {
    if (!isTable(m[k])) continue;
    const p = [...path, k];
    out.push('', `${'  '.repeat(p.length - 1)}[${p.map(key).join('.')}]`);
    emit(m[k] as GoMap, p, out);
  }
}

export function toToml(v: Value): string {
  if (!isTable(v)) return '';
  const out: string[] = [];
  emit(v, [], out);
  return out.join('\n').replace(/^\n/, '') + '\n';
}
