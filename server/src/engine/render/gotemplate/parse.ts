// The parser of Go's text/template (parse/parse.go): items into trees, one tree per template
// name ({{define}} and {{block}} add more), with Go's error wording "template: name:line: ...".
import { Item, ItemType, itemString, lex } from './lex';
import {
  BranchNode, CommandNode, ElseNode, EndNode, ListNode, Node, NumberNode, PipeNode, TemplateNode, VariableNode, nodeString,
} from './nodes';

/** One template: its name, the file (parse name) and text it was parsed from, and its tree. */
export interface Tree {
  name: string;
  parseName: string;
  text: string;
  root: ListNode;
}

export class ParseError extends Error {
  constructor(message: string, readonly template: string, readonly line: number, readonly col: number) { super(message); }
}

/** Line (1-based) and column (0-based byte offset in the line, as Go's ErrorContext) of an offset. */
export function lineCol(text: string, pos: number): { line: number; col: number } {
  let line = 1, last = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) { line++; last = i; }
  const col = last < 0 ? utf8Len(text.slice(0, pos)) : utf8Len(text.slice(last + 1, pos));
  return { line, col };
}

export function utf8Len(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/** Go's strconv.Unquote for "..." and `...` literals (and '.' for chars, returning the text). */
export function unquote(s: string): string {
  if (s[0] === '`') return s.slice(1, -1).replace(/\r/g, '');
  const body = s.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') { out += c; continue; }
    const e = body[++i];
    switch (e) {
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '\\': out += '\\'; break;
      case '"': case "'": out += e; if (e !== s[0]) throw new Error('invalid syntax'); break;
      case 'x': case 'u': case 'U': {
        const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = body.slice(i + 1, i + 1 + len);
        if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) throw new Error('invalid syntax');
        const cp = parseInt(hex, 16);
        if (e === 'x') out += cp < 0x80 ? String.fromCharCode(cp) : new TextDecoder().decode(new Uint8Array([cp]));
        else { if (cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000)) throw new Error('invalid syntax'); out += String.fromCodePoint(cp); }
        i += len;
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          const oct = body.slice(i, i + 3);
          if (!/^[0-7]{3}$/.test(oct)) throw new Error('invalid syntax');
          out += String.fromCharCode(parseInt(oct, 8));
          i += 2;
        } else throw new Error('invalid syntax');
    }
  }
  return out;
}

/** Go's strconv.ParseInt/ParseUint(text, 0, 64) and ParseFloat(text, 64) over a literal. */
function parseGoNumber(text: string): { int?: bigint; uint?: bigint; float?: number } {
  const out: { int?: bigint; uint?: bigint; float?: number } = {};
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][0-9_]*)$/.exec(text);
  if (m && validUnderscores(m[2])) {
    const body = m[2].replace(/_/g, '');
    let v: bigint;
    if (/^0[oO]/.test(body)) v = BigInt('0o' + body.slice(2));
    else if (/^0[0-7]+$/.test(body)) v = BigInt('0o' + body.slice(1));
    else v = BigInt(body);
    if (m[1] === '-') v = -v;
    if (v >= -(1n << 63n) && v < (1n << 63n)) out.int = v;
    if (m[1] === '' && v < (1n << 64n)) out.uint = v;
  }
  if (out.int === undefined && out.uint === undefined) {
    const f = parseGoFloat(text);
    if (f !== undefined) out.float = f;
  }
  return out;
}

function validUnderscores(s: string): boolean {
  if (!s.includes('_')) return true;
  const body = /^0[xXoObB]/.test(s) ? s.slice(2) : s;
  return !/__|_$/.test(body) && !(body.startsWith('_') && s === body);
}

function parseGoFloat(text: string): number | undefined {
  const sign = text[0] === '-' ? -1 : 1;
  const t = text.replace(/^[+-]/, '');
  const hex = /^0[xX]([0-9a-fA-F_]*)(?:\.([0-9a-fA-F_]*))?[pP]([+-]?[0-9_]+)$/.exec(t);
  if (hex) {
    const ip = hex[1].replace(/_/g, ''), fp = (hex[2] ?? '').replace(/_/g, '');
    if (!ip && !fp) return undefined;
    const mant = parseInt((ip || '0') + fp, 16);
    return sign * mant * 2 ** (Number(hex[3].replace(/_/g, '')) - 4 * fp.length);
  }
  if (!/^([0-9][0-9_]*)?(\.[0-9_]*)?([eE][+-]?[0-9_]+)?$/.test(t) || !/[0-9]/.test(t)) return undefined;
  if (/(^|[^0-9])_|_($|[^0-9])/.test(t.replace(/^0+_/, '0'))) { if (/\._|_\.|_e|e_|_$/i.test(t)) return undefined; }
  const v = Number(t.replace(/_/g, ''));
  return Number.isNaN(v) ? undefined : sign * v;
}

class Parser {
  private items: Item[];
  private i = 0;
  private vars: string[] = ['$'];
  private rangeDepth = 0;
  /** Offset of the action being parsed (-1: none), for "in action started at" errors. */
  private actionPos = -1;
  private lastEnd = 0;
  private stackDepth = 0;
  constructor(readonly parseName: string, readonly text: string, readonly hasFunction: (name: string) => boolean,
    readonly trees: Map<string, Tree>, readonly maxStackDepth: number) {
    this.items = lex(text);
  }

  private line(pos: number): number { return lineCol(this.text, pos).line; }

  errorf(msg: string, at?: number): never {
    const pos = at ?? this.items[Math.max(this.i - 1, 0)].pos;
    const { line, col } = lineCol(this.text, pos);
    throw new ParseError(`template: ${this.parseName}:${line}: ${msg}`, this.parseName, line, col);
  }

  private next(): Item { const it = this.items[this.i]; if (this.i < this.items.length - 1) this.i++; else this.i = this.items.length; this.lastEnd = it.pos + it.val.length; return it; }
  private peek(): Item { return this.items[Math.min(this.i, this.items.length - 1)]; }
  private backup(n = 1): void { this.i -= n; }
  private nextNonSpace(): Item { let t: Item; do t = this.next(); while (t.type === 'space'); return t; }
  private peekNonSpace(): Item { const t = this.nextNonSpace(); this.backup(); return t; }

  private unexpected(token: Item, context: string): never {
    if (token.type === 'error') {
      let extra = '';
      const tl = this.line(token.pos);
      const actionLine = this.actionPos >= 0 ? this.line(this.actionPos) : 0;
      if (actionLine !== 0 && actionLine !== tl) {
        extra = ` in action started at ${this.parseName}:${actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${token.val}${extra}`, token.pos);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`, token.pos);
  }

  private expect(type: ItemType, context: string): Item {
    const t = this.nextNonSpace();
    if (t.type !== type) this.unexpected(t, context);
    return t;
  }

  /** Parses the whole file: the top-level tree (named after the file) and every define. */
  parse(name: string): void {
    const root: ListNode = { type: 'list', pos: this.peek().pos, nodes: [] };
    while (this.peek().type !== 'eof') {
      if (this.peek().type === 'leftDelim') {
        const delim = this.next();
        if (this.nextNonSpace().type === 'define') {
          this.actionPos = delim.pos;
          this.parseDefinition();
          this.actionPos = -1;
          continue;
        }
        this.i = this.items.indexOf(delim);
      }
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${nodeString(n)}`);
      if (n.type !== 'comment') root.nodes.push(n);
    }
    this.add({ name, parseName: this.parseName, text: this.text, root });
  }

  private add(tree: Tree): void {
    const old = this.trees.get(tree.name);
    if (old && !isEmptyTree(old.root) && old.parseName === tree.parseName && !isEmptyTree(tree.root) && this.added.has(tree.name)) {
      this.errorf(`template: multiple definition of template ${JSON.stringify(tree.name)}`);
    }
    if (!old || isEmptyTree(old.root) || !isEmptyTree(tree.root)) this.trees.set(tree.name, tree);
    this.added.add(tree.name);
  }
  private added = new Set<string>();

  private parseDefinition(): void {
    const context = 'define clause';
    const nameTok = this.nextNonSpace();
    if (nameTok.type !== 'string' && nameTok.type !== 'rawString') this.unexpected(nameTok, context);
    const name = this.unquoteOrFail(nameTok.val);
    this.expect('rightDelim', context);
    const saved = this.vars;
    this.vars = ['$'];
    const [root, end] = this.itemList();
    this.vars = saved;
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.add({ name, parseName: this.parseName, text: this.text, root });
  }

  private unquoteOrFail(s: string): string {
    try { return unquote(s); } catch (e) { this.errorf((e as Error).message); }
  }

  private itemList(): [ListNode, EndNode | ElseNode] {
    const list: ListNode = { type: 'list', pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().type !== 'eof') {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      // Comments are dropped, as Go does without the ParseComments mode.
      if (n.type !== 'comment') list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  private textOrAction(): Node {
    const token = this.nextNonSpace();
    switch (token.type) {
      case 'text': return { type: 'text', pos: token.pos, text: token.val };
      case 'leftDelim': {
        this.actionPos = token.pos;
        try { return this.action(token.pos); } finally { this.actionPos = -1; }
      }
      case 'comment': return { type: 'comment', pos: token.pos, text: token.val };
      default: this.unexpected(token, 'input');
    }
  }

  private action(start: number): Node {
    const token = this.nextNonSpace();
    switch (token.type) {
      case 'block': return this.blockControl(start);
      case 'break': case 'continue': {
        const t = this.nextNonSpace();
        if (t.type !== 'rightDelim') this.unexpected(t, `{{${token.type}}}`);
        if (this.rangeDepth === 0) this.errorf(`{{${token.type}}} outside {{range}}`);
        return { type: token.type, pos: token.pos };
      }
      case 'else': {
        const peek = this.peekNonSpace();
        if (peek.type === 'if' || peek.type === 'with') return { type: 'else', pos: peek.pos };
        const t = this.expect('rightDelim', 'else');
        return { type: 'else', pos: t.pos };
      }
      case 'end': return { type: 'end', pos: this.expect('rightDelim', 'end').pos };
      case 'if': case 'range': case 'with': return this.control(token.type, start);
      case 'template': return this.templateControl(start);
    }
    this.backup();
    const pos = this.peek().pos;
    const pipe = this.pipeline('command', 'rightDelim');
    return { type: 'action', pos, pipe, span: { start, end: this.lastEnd } };
  }

  private control(kind: 'if' | 'range' | 'with', start: number): BranchNode {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(kind, 'rightDelim');
      const headEnd = this.lastEnd;
      this.enter('max control structure depth exceeded');
      if (kind === 'range') this.rangeDepth++;
      let [list, next] = this.itemList();
      if (kind === 'range') this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.type === 'else') {
        const p = this.peek().type;
        if ((kind === 'if' && p === 'if') || (kind === 'with' && p === 'with')) {
          const kw = this.next();
          const inner = this.control(kind, kw.pos);
          elseList = { type: 'list', pos: next.pos, nodes: [inner] };
        } else {
          [elseList, next] = this.itemList();
          if (next.type !== 'end') this.errorf(`expected end; found ${nodeString(next)}`);
        }
      }
      this.stackDepth--;
      return { type: kind, pos: pipe.pos, pipe, list, elseList, span: { start, end: headEnd } };
    } finally {
      this.vars.length = mark;
    }
  }

  // Go bounds nesting (maxStackDepth, 10000) so deep input cannot exhaust the stack.
  private enter(msg: string): void {
    if (++this.stackDepth > this.maxStackDepth) this.errorf(msg);
  }

  private templateName(token: Item, context: string): string {
    if (token.type !== 'string' && token.type !== 'rawString') this.unexpected(token, context);
    return this.unquoteOrFail(token.val);
  }

  private templateControl(start: number): TemplateNode {
    const context = 'template clause';
    const token = this.nextNonSpace();
    const name = this.templateName(token, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().type !== 'rightDelim') {
      this.backup();
      pipe = this.pipeline(context, 'rightDelim');
    }
    return { type: 'template', pos: token.pos, name, pipe, span: { start, end: this.lastEnd } };
  }

  private blockControl(start: number): TemplateNode {
    const context = 'block clause';
    const token = this.nextNonSpace();
    const name = this.templateName(token, context);
    const pipe = this.pipeline(context, 'rightDelim');
    const end = this.lastEnd;
    const saved = this.vars, savedDepth = this.rangeDepth;
    this.vars = ['$']; this.rangeDepth = 0;
    this.enter('max control structure depth exceeded');
    const [root, last] = this.itemList();
    this.stackDepth--;
    this.vars = saved; this.rangeDepth = savedDepth;
    if (last.type !== 'end') this.errorf(`unexpected ${nodeString(last)} in ${context}`);
    this.add({ name, parseName: this.parseName, text: this.text, root });
    return { type: 'template', pos: token.pos, name, pipe, span: { start, end } };
  }

  private pipeline(context: string, end: ItemType): PipeNode {
    const pipe: PipeNode = { type: 'pipe', pos: this.peekNonSpace().pos, isAssign: false, decl: [], cmds: [] };
    decls: for (;;) {
      const v = this.peekNonSpace();
      if (v.type !== 'variable') break;
      const save = this.i;
      this.nextNonSpace();
      const afterVar = this.peek();
      const next = this.peekNonSpace();
      if (next.type === 'assign' || next.type === 'declare') {
        pipe.isAssign = next.type === 'assign';
        this.nextNonSpace();
        pipe.decl.push({ type: 'variable', pos: v.pos, ident: [v.val] });
        this.vars.push(v.val);
      } else if (next.type === 'char' && next.val === ',') {
        this.nextNonSpace();
        pipe.decl.push({ type: 'variable', pos: v.pos, ident: [v.val] });
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const p = this.peekNonSpace().type;
          if (p === 'variable' || p === 'rightDelim' || p === 'rightParen') continue decls;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      } else {
        void afterVar;
        this.i = save;
      }
      break;
    }
    for (;;) {
      const token = this.nextNonSpace();
      switch (token.type) {
        case end: {
          if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
          pipe.cmds.slice(1).forEach((c, i) => {
            const t = c.args[0].type;
            if (t === 'bool' || t === 'dot' || t === 'nil' || t === 'number' || t === 'string') this.errorf(`non executable command in pipeline stage ${i + 2}`);
          });
          return pipe;
        }
        case 'bool': case 'charConstant': case 'complex': case 'dot': case 'field': case 'identifier': case 'number':
        case 'nil': case 'rawString': case 'string': case 'variable': case 'leftParen':
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default: this.unexpected(token, context);
      }
    }
  }

  private command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const token = this.next();
      if (token.type === 'space') continue;
      if (token.type === 'rightDelim' || token.type === 'rightParen') this.backup();
      else if (token.type !== 'pipe') this.unexpected(token, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  private operand(): Node | null {
    const node = this.term();
    if (!node) return null;
    if (this.peek().type !== 'field') return node;
    const fields: string[] = [];
    const pos = this.peek().pos;
    while (this.peek().type === 'field') fields.push(this.next().val.slice(1));
    switch (node.type) {
      case 'field': return { type: 'field', pos, ident: [...node.ident, ...fields] };
      case 'variable': return { type: 'variable', pos, ident: [...node.ident, ...fields] };
      case 'bool': case 'string': case 'number': case 'nil': case 'dot':
        this.errorf(`unexpected . after term ${JSON.stringify(nodeString(node))}`);
    }
    return { type: 'chain', pos, node, field: fields };
  }

  private term(): Node | null {
    const token = this.nextNonSpace();
    switch (token.type) {
      case 'identifier':
        if (!this.hasFunction(token.val)) this.errorf(`function ${JSON.stringify(token.val)} not defined`, token.pos);
        return { type: 'identifier', pos: token.pos, ident: token.val };
      case 'dot': return { type: 'dot', pos: token.pos };
      case 'nil': return { type: 'nil', pos: token.pos };
      case 'variable': {
        const name = token.val.split('.')[0];
        if (!this.vars.includes(name)) this.errorf(`undefined variable ${JSON.stringify(name)}`, token.pos);
        return { type: 'variable', pos: token.pos, ident: token.val.split('.') } as VariableNode;
      }
      case 'field': return { type: 'field', pos: token.pos, ident: token.val.slice(1).split('.') };
      case 'bool': return { type: 'bool', pos: token.pos, value: token.val === 'true' };
      case 'charConstant': case 'complex': case 'number': return this.number(token);
      case 'leftParen': {
        this.enter('max expression depth exceeded');
        const p = this.pipeline('parenthesized pipeline', 'rightParen');
        this.stackDepth--;
        return p;
      }
      case 'string': case 'rawString':
        return { type: 'string', pos: token.pos, quoted: token.val, text: this.unquoteOrFail(token.val) };
    }
    this.backup();
    return null;
  }

  private number(token: Item): NumberNode {
    const r = parseNumber(token.val, token.type === 'charConstant' ? 'char' : token.type === 'complex' ? 'complex' : 'number', token.pos);
    if (typeof r === 'string') this.errorf(r);
    return r;
  }
}

/** Go's newNumber: the int/uint/float readings of a number literal, or the error message. */
export function parseNumber(text: string, kind: 'char' | 'complex' | 'number', pos = 0): NumberNode | string {
  const n: NumberNode = { type: 'number', pos, text, isInt: false, isUint: false, isFloat: false, isComplex: false, int: 0n, uint: 0n, float: 0 };
  if (kind === 'char') {
    // \x and octal escapes in a character constant are byte values, not UTF-8.
    const byteEsc = /^'\\(?:x([0-9a-fA-F]{2})|([0-7]{3}))'$/.exec(text);
    if (byteEsc) {
      const b = BigInt(byteEsc[1] !== undefined ? parseInt(byteEsc[1], 16) : parseInt(byteEsc[2], 8));
      return Object.assign(n, { isInt: true, isUint: true, isFloat: true, int: b, uint: b, float: Number(b) });
    }
    let s: string;
    try { s = unquote('"' + text.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"') + '"'); } catch { return `malformed character constant: ${text}`; }
    const cps = [...s];
    if (text.length < 3 || text[text.length - 1] !== "'" || cps.length !== 1) return `malformed character constant: ${text}`;
    const c = BigInt(cps[0].codePointAt(0)!);
    return Object.assign(n, { isInt: true, isUint: true, isFloat: true, int: c, uint: c, float: Number(c) });
  }
  if (kind === 'complex' || text.endsWith('i')) {
    const parts = kind === 'complex' ? /^(.*[^eEpP])([+-][^+-]*)i$/.exec(text) : ['', '0', text.slice(0, -1)];
    const re = parts ? parseGoFloat(parts[1]) : undefined;
    const im = parts ? parseGoFloat(parts[2]) : undefined;
    if (re !== undefined && im !== undefined) {
      n.isComplex = true;
      // A complex constant with no imaginary part is also a float (and maybe an integer).
      if (im === 0) {
        n.isFloat = true; n.float = re;
        if (Number.isInteger(re) && Math.abs(re) < 2 ** 63) { n.isInt = true; n.int = BigInt(re); }
        if (Number.isInteger(re) && re >= 0 && re < 2 ** 64) { n.isUint = true; n.uint = BigInt(re); }
      }
      return n;
    }
    if (kind === 'complex') return `illegal number syntax: ${JSON.stringify(text)}`;
  }
  const p = parseGoNumber(text);
  if (p.uint !== undefined) { n.isUint = true; n.uint = p.uint; }
  if (p.int !== undefined) { n.isInt = true; n.int = p.int; if (p.int === 0n) { n.isUint = true; n.uint = 0n; } }
  if (n.isInt) { n.isFloat = true; n.float = Number(n.int); }
  else if (n.isUint) { n.isFloat = true; n.float = Number(n.uint); }
  else if (p.float !== undefined) {
    if (!/[.eEpP]/.test(text)) return `integer overflow: ${JSON.stringify(text)}`;
    n.isFloat = true; n.float = p.float;
    if (Number.isInteger(p.float) && Math.abs(p.float) < 2 ** 63) { n.isInt = true; n.int = BigInt(p.float); }
    if (Number.isInteger(p.float) && p.float >= 0 && p.float < 2 ** 64) { n.isUint = true; n.uint = BigInt(p.float); }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) return `illegal number syntax: ${JSON.stringify(text)}`;
  return n;
}

export function isEmptyTree(n: Node): boolean {
  switch (n.type) {
    case 'list': return n.nodes.every(isEmptyTree);
    case 'text': return n.text.trim() === '';
    case 'comment': return true;
    default: return false;
  }
}

/** Parses one file into the tree set (its top level is named after the file). */
export function parseInto(trees: Map<string, Tree>, name: string, text: string, hasFunction: (n: string) => boolean, maxStackDepth = 10000): void {
  new Parser(name, text, hasFunction, trees, maxStackDepth).parse(name);
}
