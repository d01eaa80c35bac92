// The lexer of Go's text/template: text runs, actions between {{ and }}, trim markers
// ({{- and -}}) and comments, with the item kinds and error wording of Go's parse/lex.go.

export type ItemType =
  | 'error' | 'bool' | 'char' | 'charConstant' | 'comment' | 'complex' | 'assign' | 'declare' | 'eof'
  | 'field' | 'identifier' | 'leftDelim' | 'leftParen' | 'number' | 'pipe' | 'rawString' | 'rightDelim'
  | 'rightParen' | 'space' | 'string' | 'text' | 'variable'
  // keywords
  | 'block' | 'break' | 'continue' | 'dot' | 'define' | 'else' | 'end' | 'if' | 'nil' | 'range' | 'template' | 'with';

export interface Item { type: ItemType; pos: number; val: string }

const KEYWORDS = new Map<string, ItemType>(Object.entries({
  '.': 'dot', block: 'block', break: 'break', continue: 'continue', define: 'define', else: 'else', end: 'end',
  if: 'if', range: 'range', nil: 'nil', template: 'template', with: 'with',
}) as [string, ItemType][]);
export const isKeyword = (t: ItemType) => t === 'block' || t === 'break' || t === 'continue' || t === 'dot' || t === 'define' ||
  t === 'else' || t === 'end' || t === 'if' || t === 'nil' || t === 'range' || t === 'template' || t === 'with';

const LEFT = '{{', RIGHT = '}}', LEFT_COMMENT = '/*', RIGHT_COMMENT = '*/';
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const LETTER_OR_DIGIT = /^[\p{L}\p{Nd}]$/u;
const isAlphaNumeric = (c: string) => {
  const x = c.charCodeAt(0);
  if (x < 0x80) return (x >= 0x61 && x <= 0x7a) || (x >= 0x41 && x <= 0x5a) || (x >= 0x30 && x <= 0x39) || x === 0x5f;
  return LETTER_OR_DIGIT.test(c);
};

/** Go's item.String(), used in "unexpected X in Y" messages. */
export function itemString(i: Item): string {
  if (i.type === 'eof') return 'EOF';
  if (i.type === 'error') return i.val;
  if (isKeyword(i.type)) return `<${i.val}>`;
  const chars = [...i.val];
  if (chars.length > 10) return JSON.stringify(chars.slice(0, 10).join('')) + '...';
  return goQuote(i.val);
}

// A local quote keeps the lexer free of the fmt module (the same rules as strconv.Quote for
// the characters that can appear in template source).
function goQuote(s: string): string {
  return '"' + s.replace(/[\\"]/g, m => '\\' + m).replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r') + '"';
}

/** Splits a template text into items; stops at the first error item. */
export function lex(input: string): Item[] {
  const items: Item[] = [];
  let pos = 0, start = 0, parenDepth = 0;
  const emit = (type: ItemType) => { items.push({ type, pos: start, val: input.slice(start, pos) }); start = pos; };
  const fail = (msg: string) => { items.push({ type: 'error', pos: start, val: msg }); };
  const rightTrimLength = (s: string) => s.length - s.replace(/[ \t\r\n]+$/, '').length;
  const leftTrimLength = (s: string) => s.length - s.replace(/^[ \t\r\n]+/, '').length;
  const hasLeftTrim = (at: number) => input[at] === '-' && at + 1 < input.length && isSpace(input[at + 1]);
  const atRightDelim = (): { delim: boolean; trim: boolean } => {
    if (isSpace(input[pos] ?? '') && input[pos + 1] === '-' && input.startsWith(RIGHT, pos + 2)) return { delim: true, trim: true };
    if (input.startsWith(RIGHT, pos)) return { delim: true, trim: false };
    return { delim: false, trim: false };
  };
  const atTerminator = () => {
    const c = input[pos];
    if (c === undefined || isSpace(c)) return true;
    if ('.,|:)('.includes(c)) return true;
    return input.startsWith(RIGHT, pos);
  };
  const charAt = (p: number) => { const c = input.codePointAt(p); return c === undefined ? '' : String.fromCodePoint(c); };

  // Each loop turn lexes the text up to an action, then the action.
  for (;;) {
    const x = input.indexOf(LEFT, pos);
    if (x < 0) {
      pos = input.length;
      if (pos > start) emit('text');
      items.push({ type: 'eof', pos, val: '' });
      return items;
    }
    const trim = hasLeftTrim(x + LEFT.length) ? rightTrimLength(input.slice(start, x)) : 0;
    pos = x - trim;
    if (pos > start) emit('text');
    pos = x; start = x;
    // left delimiter
    pos += LEFT.length;
    const trimSpace = hasLeftTrim(pos);
    const after = trimSpace ? 2 : 0;
    if (input.startsWith(LEFT_COMMENT, pos + after)) {
      pos += after; start = pos;
      pos += LEFT_COMMENT.length;
      const e = input.indexOf(RIGHT_COMMENT, pos);
      if (e < 0) { fail('unclosed comment'); return items; }
      pos = e + RIGHT_COMMENT.length;
      const rd = atRightDelim();
      if (!rd.delim) { fail('comment ends before closing delimiter'); return items; }
      items.push({ type: 'comment', pos: start, val: input.slice(start, pos) });
      if (rd.trim) pos += 2;
      pos += RIGHT.length;
      if (rd.trim) pos += leftTrimLength(input.slice(pos));
      start = pos;
      continue;
    }
    items.push({ type: 'leftDelim', pos: x, val: LEFT });
    pos += after; start = pos; parenDepth = 0;
    // inside action
    for (;;) {
      const rd = atRightDelim();
      if (rd.delim && !(rd.trim && false)) {
        if (parenDepth !== 0) { fail('unclosed left paren'); return items; }
        if (rd.trim) { pos += 2; start = pos; }
        pos += RIGHT.length;
        emit('rightDelim');
        if (rd.trim) { pos += leftTrimLength(input.slice(pos)); start = pos; }
        break;
      }
      const r = charAt(pos);
      if (r === '') { fail('unclosed action'); return items; }
      pos += r.length;
      if (isSpace(r)) {
        let n = 1;
        while (isSpace(input[pos] ?? '')) { pos++; n++; }
        // A space followed by "-}}" is the trim marker of the closing delimiter.
        if (input[pos - 1] !== undefined && input.startsWith('-' + RIGHT, pos) ) {
          pos--;
          if (n === 1) continue;
        }
        emit('space');
        continue;
      }
      switch (r) {
        case '=': emit('assign'); continue;
        case ':':
          if (input[pos] !== '=') { fail('expected :='); return items; }
          pos++; emit('declare'); continue;
        case '|': emit('pipe'); continue;
        case '"':
          if (!scanQuoted('"')) { fail('unterminated quoted string'); return items; }
          emit('string'); continue;
        case '`': {
          const e = input.indexOf('`', pos);
          if (e < 0) { fail('unterminated raw quoted string'); return items; }
          pos = e + 1; emit('rawString'); continue;
        }
        case '$': {
          if (atTerminator()) { emit('variable'); continue; }
          while (pos < input.length && isAlphaNumeric(charAt(pos))) pos += charAt(pos).length;
          if (!atTerminator()) { fail(`bad character ${unicodeName(charAt(pos))}`); return items; }
          emit('variable'); continue;
        }
        case "'":
          if (!scanQuoted("'")) { fail('unterminated character constant'); return items; }
          emit('charConstant'); continue;
        case '(': parenDepth++; emit('leftParen'); continue;
        case ')':
          parenDepth--;
          if (parenDepth < 0) { fail('unexpected right paren'); return items; }
          emit('rightParen'); continue;
      }
      if (r === '.' && !(pos < input.length && input[pos] >= '0' && input[pos] <= '9')) {
        if (atTerminator()) { emit('dot'); continue; }
        while (pos < input.length && isAlphaNumeric(charAt(pos))) pos += charAt(pos).length;
        if (!atTerminator()) { fail(`bad character ${unicodeName(charAt(pos))}`); return items; }
        emit('field'); continue;
      }
      if (r === '.' || r === '+' || r === '-' || (r >= '0' && r <= '9')) {
        pos -= r.length;
        if (!scanNumber()) { fail(`bad number syntax: ${goQuote(input.slice(start, pos))}`); return items; }
        const sign = input[pos];
        if (sign === '+' || sign === '-') {
          if (!scanNumber() || input[pos - 1] !== 'i') { fail(`bad number syntax: ${goQuote(input.slice(start, pos))}`); return items; }
          emit('complex');
        } else emit('number');
        continue;
      }
      if (isAlphaNumeric(r)) {
        while (pos < input.length && isAlphaNumeric(charAt(pos))) pos += charAt(pos).length;
        if (!atTerminator()) { fail(`bad character ${unicodeName(charAt(pos))}`); return items; }
        const word = input.slice(start, pos);
        const kw = KEYWORDS.get(word);
        if (kw && kw !== 'dot') emit(kw);
        else if (word === 'true' || word === 'false') emit('bool');
        else emit('identifier');
        continue;
      }
      const c = r.codePointAt(0)!;
      if (c <= 0x7f && c >= 0x20 && c !== 0x7f) { emit('char'); continue; }
      fail(`unrecognized character in action: ${unicodeName(r)}`);
      return items;
    }
  }

  /** Scans to the closing quote (escapes skipped); false at a newline or the end of input. */
  function scanQuoted(q: string): boolean {
    for (;;) {
      const c = input[pos++];
      if (c === '\\') { const d = input[pos]; if (d !== undefined && d !== '\n') { pos++; continue; } }
      if (c === undefined || c === '\n' || c === '\\') return false;
      if (c === q) return true;
    }
  }

  function scanNumber(): boolean {
    const accept = (valid: string) => { if (pos < input.length && valid.includes(input[pos])) { pos++; return true; } return false; };
    const acceptRun = (valid: string) => { while (pos < input.length && valid.includes(input[pos])) pos++; };
    accept('+-');
    let digits = '0123456789_';
    if (accept('0')) {
      if (accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (accept('oO')) digits = '01234567_';
      else if (accept('bB')) digits = '01_';
    }
    acceptRun(digits);
    if (accept('.')) acceptRun(digits);
    if (digits.length === 11 && accept('eE')) { accept('+-'); acceptRun('0123456789_'); }
    if (digits.length === 23 && accept('pP')) { accept('+-'); acceptRun('0123456789_'); }
    accept('i');
    if (pos < input.length && isAlphaNumeric(charAt(pos))) { pos += charAt(pos).length; return false; }
    return true;
  }
}

/** Go's %#U of a rune: U+0041 'A'. */
export function unicodeName(r: string): string {
  if (r === '') return 'U+FFFFFFFF';
  const c = r.codePointAt(0)!;
  const hex = 'U+' + c.toString(16).toUpperCase().padStart(4, '0');
  return /^[\p{L}\p{N}\p{P}\p{S}\p{M} ]$/u.test(r) ? `${hex} '${r}'` : hex;
}
