// The parser of Go's text/template (parse/parse.go): items into trees, one tree per template
// name ({{define}} and {{block}} add more), with Go's error wording "template: name:line: ...".
import { Item, ItemType, itemString, lex } from './lex';
import { lineCol, parseNumber, unquote } from './literals';
import {
  BranchNode, CommandNode, ElseNode, EndNode, ListNode, Node, NumberNode, PipeNode, TemplateNode, VariableNode, nodeString,
} from './nodes';

export { lineCol, parseNumber, unquote, utf8Len } from './literals';

/** One template: its name, the file (parse name) and text it was parsed from, and its tree. */
export interface Tree {
  name: string;
  parseName: string;
  text: string;
  root: ListNode;
  /** For a text parsed by tpl: the name origins give it (offsets are in that text). */
  originFile?: string;
}

export class ParseError extends Error {
  constructor(message: string, readonly template: string, readonly line: number, readonly col: number) { super(message); }
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
      const [list, first] = this.itemList();
      let next = first;
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
