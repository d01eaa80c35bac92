// Helm's `--set` syntax (pkg/strvals): `a.b=c,d[0]=x,e={1,2},f\.g=h`, values typed as Helm types
// them: true/false/null, integers as int64 (a bigint here), everything else a string. The same
// keys take `--set-string` (strings), `--set-json` (a JSON value each) and `--set-file` (a file's
// content as a string).
import { GoMap, Value } from '../gotemplate';

export class StrvalsError extends Error {}

/** Helm's typedVal: `--set-string` (asString) keeps every value a string. */
export function typedVal(text: string, asString: boolean): Value {
  if (asString) return text;
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (text === '0') return 0n;
  // A leading zero keeps the value a string (a zip code, an octal-looking mode).
  if (text.length > 0 && text[0] !== '0' && /^[+-]?\d+$/.test(text)) {
    const n = BigInt(text);
    if (n >= -(2n ** 63n) && n < 2n ** 63n) return n;
  }
  return text;
}

/** Helm limits list indexes so `a[99999999]=x` cannot allocate without bound. */
const MAX_INDEX = 65536;

/** How the text after `=` becomes a value. */
export type SetMode = { kind: 'typed' } | { kind: 'string' } | { kind: 'json' } | { kind: 'file'; read: (path: string) => string };

class Parser {
  private at = 0;
  private readonly asString: boolean;
  constructor(private readonly s: string, private readonly mode: SetMode) {
    this.asString = mode.kind === 'string';
  }

  /** Reads runes up to one of the stop characters; a backslash escapes the next one. */
  private until(stops: string): { text: string; stop: string } {
    let text = '';
    while (this.at < this.s.length) {
      const c = this.s[this.at++];
      if (c === '\\' && this.at < this.s.length) { text += this.s[this.at++]; continue; }
      if (stops.includes(c)) return { text, stop: c };
      text += c;
    }
    return { text, stop: '' };
  }

  parse(into: GoMap): void {
    while (this.at < this.s.length) this.key(into);
  }

  private key(data: GoMap): void {
    const { text: k, stop } = this.until('=[,.');
    switch (stop) {
      case '': throw new StrvalsError(`key "${k}" has no value`);
      case ',': throw new StrvalsError(`key "${k}" has no value (cannot end with ,)`);
      case '=': data[k] = this.value(); return;
      case '.': {
        if (!k) throw new StrvalsError(`key "${k}" has no value`);
        const inner = isMapValue(data[k]) ? data[k] as GoMap : {};
        data[k] = inner;
        this.key(inner);
        return;
      }
      case '[': {
        if (!k) throw new StrvalsError('key "" has no value');
        const list = Array.isArray(data[k]) ? data[k] as Value[] : [];
        data[k] = this.indexed(list);
        return;
      }
    }
  }

  /** After `name[`: the index, then `=value`, `.rest` or another `[n]`. */
  private indexed(list: Value[]): Value[] {
    const { text, stop } = this.until(']');
    if (stop !== ']' || !/^\d+$/.test(text)) throw new StrvalsError(`error parsing index: strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
    const i = Number(text);
    if (i > MAX_INDEX) throw new StrvalsError(`index of ${i} is greater than maximum supported index of ${MAX_INDEX}`);
    while (list.length <= i) list.push(null);
    const next = this.s[this.at++];
    if (next === '=') { list[i] = this.value(); return list; }
    if (next === '.') {
      const inner = isMapValue(list[i]) ? list[i] as GoMap : {};
      list[i] = inner;
      this.key(inner);
      return list;
    }
    if (next === '[') {
      list[i] = this.indexed(Array.isArray(list[i]) ? list[i] as Value[] : []);
      return list;
    }
    throw new StrvalsError(`key "${text}" has no value`);
  }

  /** A scalar up to the next comma, or `{a,b}`: a list of scalars. */
  private value(): Value {
    if (this.mode.kind === 'json') return this.json();
    if (this.s[this.at] === '{') {
      this.at++;
      const items: Value[] = [];
      for (;;) {
        const { text, stop } = this.until(',}');
        if (stop === '') throw new StrvalsError('list must terminate with \'}\'');
        items.push(this.mode.kind === 'file' ? this.mode.read(text) : typedVal(text, this.asString));
        if (stop === '}') break;
      }
      const after = this.s[this.at];
      if (after !== undefined && after !== ',') throw new StrvalsError(`unexpected character ${JSON.stringify(after)} after list`);
      if (after === ',') this.at++;
      return items;
    }
    const text = this.until(',').text;
    // --set-file: the value names a file whose content is the (string) value; a list stays a list.
    if (this.mode.kind === 'file') return this.mode.read(text);
    return typedVal(text, this.asString);
  }

  /**
   * --set-json: one JSON value (Go's json.Decoder reads just it, so commas inside it are its own),
   * then blanks and the comma before the next key. Numbers are float64, as Go decodes them.
   */
  private json(): Value {
    // Nothing (or blanks) before the next comma or the end: null, as Helm's emptyVal says.
    const blank = /^\s*(,|$)/.exec(this.s.slice(this.at));
    if (blank) { this.at += blank[0].length; return null; }
    const end = jsonEnd(this.s, this.at);
    let v: unknown;
    try { v = JSON.parse(this.s.slice(this.at, end)); } catch { throw new StrvalsError(`invalid JSON value at ${JSON.stringify(this.s.slice(this.at))}`); }
    this.at = end;
    while (this.at < this.s.length && /\s/.test(this.s[this.at])) this.at++;
    if (this.at < this.s.length) {
      if (this.s[this.at] !== ',') throw new StrvalsError(`unexpected character ${JSON.stringify(this.s[this.at])} after JSON value`);
      this.at++;
    }
    return v as Value;
  }
}

/** Where the JSON value starting at `from` (after blanks) ends. */
function jsonEnd(s: string, from: number): number {
  let i = from;
  while (i < s.length && /\s/.test(s[i])) i++;
  if (s[i] === '"') {
    for (i++; i < s.length; i++) {
      if (s[i] === '\\') i++;
      else if (s[i] === '"') return i + 1;
    }
    return s.length;
  }
  if (s[i] === '{' || s[i] === '[') {
    let depth = 0;
    for (; i < s.length; i++) {
      const c = s[i];
      if (c === '"') {
        for (i++; i < s.length && s[i] !== '"'; i++) if (s[i] === '\\') i++;
      } else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') { if (--depth === 0) return i + 1; }
    }
    return s.length;
  }
  while (i < s.length && !/[\s,\]}]/.test(s[i])) i++;
  return i;
}

function isMapValue(v: Value): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses one `--set` argument into `into` (Helm's strvals.ParseInto / ParseIntoString). */
export function parseSet(text: string, into: GoMap, asString = false): void {
  new Parser(text, asString ? { kind: 'string' } : { kind: 'typed' }).parse(into);
}

/** Parses one `--set-json` or `--set-file` argument into `into` (Helm's ParseJSON / ParseIntoFile). */
export function parseSetAs(text: string, into: GoMap, mode: SetMode): void {
  new Parser(text, mode).parse(into);
}
