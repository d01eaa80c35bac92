// Small values written as YAML text for insertion: scalars quoted only when a YAML 1.1 or 1.2
// reader would otherwise see something else (`yes`, `on`, `1000`, `12:30` are not strings to
// Kubernetes' decoder), maps and lists in block or flow layout.
import { parse } from 'yaml';
import { Style } from './style';

export type YamlScalar = string | number | boolean | null;
export type YamlValue = YamlScalar | readonly YamlValue[] | { readonly [key: string]: YamlValue };

export type Quote = 'plain' | 'double' | 'single';

export interface RenderOptions {
  /** How strings are written: 'plain' = unquoted when safe (the default), else as given. */
  quote?: Quote;
  /** Keys double-quoted too, for JSON-style maps (`{"name": "app"}`). */
  quoteKeys?: boolean;
}

export function isScalarValue(v: YamlValue): v is YamlScalar {
  return v === null || typeof v !== 'object';
}

export function isObjectValue(v: YamlValue): v is { readonly [key: string]: YamlValue } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const PLAIN_SAFE = /^[A-Za-z_/][A-Za-z0-9_./@-]*$/;

/**
 * The answers of isPlainSafe so far. Fixes write the same few keys and values thousands of times
 * in a large file (`securityContext`, `RuntimeDefault`), and each answer costs two YAML parses.
 */
const plainSafe = new Map<string, boolean>();
const PLAIN_SAFE_REMEMBERED = 4096;

/** True when `s` can be written without quotes and reads back as the same string in YAML 1.1 and 1.2. */
export function isPlainSafe(s: string): boolean {
  if (!PLAIN_SAFE.test(s)) return false;
  let safe = plainSafe.get(s);
  if (safe === undefined) {
    try {
      safe = parse(s, { version: '1.1' }) === s && parse(s, { version: '1.2' }) === s;
    } catch {
      safe = false;
    }
    if (plainSafe.size >= PLAIN_SAFE_REMEMBERED) plainSafe.clear();
    plainSafe.set(s, safe);
  }
  return safe;
}

export function renderScalar(v: YamlScalar, opts: RenderOptions = {}): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new RangeError(`cannot render ${v} for Kubernetes`);
    return String(v);
  }
  const quote = opts.quote ?? 'plain';
  if (quote === 'plain' && isPlainSafe(v)) return v;
  // Single quotes cannot escape control characters or keep a line break: fall back to double.
  if (quote === 'single' && !/[\u0000-\u001f\u007f]/.test(v)) return `'${v.replace(/'/g, "''")}'`;
  // A JSON string is a valid YAML double-quoted scalar.
  return JSON.stringify(v);
}

export function renderKey(key: string, opts: RenderOptions = {}): string {
  return opts.quoteKeys ? JSON.stringify(key) : renderScalar(key);
}

/** A value in flow style: `true`, `[ALL]`, `{type: RuntimeDefault}`. */
export function renderFlow(v: YamlValue, opts: RenderOptions = {}): string {
  if (isScalarValue(v)) return renderScalar(v, opts);
  if (Array.isArray(v)) return `[${v.map(x => renderFlow(x, opts)).join(', ')}]`;
  return `{${Object.entries(v).map(([k, x]) => `${renderKey(k, opts)}: ${renderFlow(x, opts)}`).join(', ')}}`;
}

/** Text after `key:` when the value fits on the key's line (scalars, empty collections, flow lists), else undefined. */
export function inlineValue(v: YamlValue, style: Style, opts: RenderOptions = {}): string | undefined {
  if (isScalarValue(v)) return renderScalar(v, opts);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (style.flowSeqs && v.every(x => isScalarValue(x))) return renderFlow(v, opts);
    return undefined;
  }
  return Object.keys(v).length === 0 ? '{}' : undefined;
}

/** The lines of `value` written under a key at column `keyCol` (the key's own line excluded). */
export function blockValueLines(v: YamlValue, keyCol: number, style: Style, opts: RenderOptions = {}): string[] {
  if (Array.isArray(v)) return v.flatMap(item => blockItemLines(item, keyCol + style.seqIndent, style, opts));
  if (isObjectValue(v)) return blockMapLines(v, keyCol + style.indent, style, opts);
  return [];
}

/** `key: value` entries of a block map at column `col`, nested values below them. */
export function blockMapLines(obj: { readonly [key: string]: YamlValue }, col: number, style: Style, opts: RenderOptions = {}): string[] {
  const pad = ' '.repeat(col);
  const out: string[] = [];
  for (const [k, v] of Object.entries(obj)) {
    const key = `${pad}${renderKey(k, opts)}:`;
    const inline = inlineValue(v, style, opts);
    if (inline !== undefined) out.push(`${key} ${inline}`);
    else out.push(key, ...blockValueLines(v, col, style, opts));
  }
  return out;
}

/** A block sequence item with its `-` at `dashCol`; the content starts `contentOffset` columns right of the dash. */
export function blockItemLines(v: YamlValue, dashCol: number, style: Style, opts: RenderOptions = {}, contentOffset = 2): string[] {
  const pad = ' '.repeat(dashCol);
  const inner = dashCol + contentOffset;
  let lines: string[];
  if (isObjectValue(v) && Object.keys(v).length > 0) lines = blockMapLines(v, inner, style, opts);
  else if (Array.isArray(v) && v.length > 0) lines = v.flatMap(item => blockItemLines(item, inner, style, opts));
  else return [`${pad}-${' '.repeat(contentOffset - 1)}${isScalarValue(v) ? renderScalar(v, opts) : Array.isArray(v) ? '[]' : '{}'}`];
  lines[0] = `${pad}-${' '.repeat(contentOffset - 1)}${lines[0].slice(inner)}`;
  return lines;
}
