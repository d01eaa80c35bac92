// The executor of Go's text/template (exec.go): walks a tree against data, evaluating
// pipelines with Go's rules for fields, map keys, variables, function calls and argument
// types, writing output with the origin of every piece.
import { ArgError, GO_TYPE, checkArg, constantArg } from './args';
import { makeContext } from './context';
import { ExecError, ExecOptions, LimitError } from './exec-options';
import { CallContext, FuncDef, FuncError, ParamType } from './funcs';

export { ExecError, LimitError } from './exec-options';
export type { ExecOptions } from './exec-options';
import { formatV } from './fmt';
import {
  ActionNode, BranchNode, ChainNode, CommandNode, FieldNode, IdentifierNode, Node, NumberNode, PipeNode,
  TemplateNode, VariableNode, nodeString,
} from './nodes';
import { CallSite, DataPath, Origin, OriginRange, OutputBuilder } from './origin';
import { Tree, lineCol } from './parse';
import { GoFunc, GoMap, GoStruct, Value, hiddenFields, isMap, isTrue, kindOf, mapZero, sortedKeys, typeName } from './values';

const NO_FINAL = Symbol('missing');
type Final = Value | typeof NO_FINAL;
class BreakSignal {}
class ContinueSignal {}
const BREAK = new BreakSignal(), CONTINUE = new ContinueSignal();

interface Variable { name: string; value: Value; path: DataPath | null }

export class Executor {
  private node: Node | null = null;
  private tree: Tree;
  private vars: Variable[] = [];
  private depth = 0;
  private steps = 0;
  private via: CallSite[] = [];
  /** Path of the value the last evaluation produced (a side channel beside the value). */
  private path: DataPath | null = null;
  /** Origins of strings produced by nested renders (and derived from them by indent). */
  readonly produced = new Map<string, OriginRange[]>();
  /** Source span of the action being evaluated: the call site of include/tpl. */
  private actionSpan = { start: 0, end: 0 };
  out: OutputBuilder;
  readonly context: CallContext;

  constructor(readonly trees: Map<string, Tree>, readonly opts: ExecOptions, root: Tree) {
    this.tree = root;
    this.out = new OutputBuilder(opts.maxOutput);
    this.context = makeContext(this);
  }

  run(data: Value): void {
    this.vars = [{ name: '$', value: data, path: [] }];
    this.walk(data, [], this.tree.root);
  }

  // ---- errors -------------------------------------------------------------------------------

  errorf(msg: string, Err: typeof ExecError = ExecError): never {
    const name = this.tree.name;
    if (!this.node) throw new Err(`template: ${name}: ${msg}`, name, 0, 0);
    const { line, col } = lineCol(this.tree.text, this.node.pos);
    let ctx = nodeString(this.node);
    const chars = [...ctx];
    if (chars.length > 20) ctx = chars.slice(0, 20).join('') + '...';
    throw new Err(`template: ${this.tree.parseName}:${line}:${col}: executing ${JSON.stringify(name)} at <${ctx}>: ${msg}`, this.tree.parseName, line, col);
  }

  private tick(): void {
    if ((++this.steps & 255) === 0 && Date.now() > this.opts.deadline) this.errorf('render took longer than its time budget', LimitError);
  }

  // ---- walking ------------------------------------------------------------------------------

  private walk(dot: Value, dotPath: DataPath | null, node: Node): void {
    this.node = node;
    this.tick();
    switch (node.type) {
      case 'action': {
        this.actionSpan = node.span;
        const val = this.evalPipeline(dot, dotPath, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val, this.path);
        return;
      }
      case 'break': throw BREAK;
      case 'continue': throw CONTINUE;
      case 'comment': return;
      case 'if': case 'with': this.actionSpan = node.span; return this.walkIfOrWith(dot, dotPath, node);
      case 'list': for (const n of node.nodes) this.walk(dot, dotPath, n); return;
      case 'range': this.actionSpan = node.span; return this.walkRange(dot, dotPath, node);
      case 'template': return this.walkTemplate(dot, dotPath, node);
      case 'text':
        this.out.write(node.text, { kind: 'text', template: this.tree.name, file: this.originFile(), offset: node.pos, via: this.via });
        return;
      default: this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  private walkIfOrWith(dot: Value, dotPath: DataPath | null, node: BranchNode): void {
    const mark = this.vars.length;
    try {
      const val = this.evalPipeline(dot, dotPath, node.pipe);
      const path = this.path;
      if (isTrue(val)) {
        if (node.type === 'with') this.walk(val, path, node.list); else this.walk(dot, dotPath, node.list);
      } else if (node.elseList) this.walk(dot, dotPath, node.elseList);
    } finally { this.vars.length = mark; }
  }

  private walkRange(dot: Value, dotPath: DataPath | null, r: BranchNode): void {
    this.node = r;
    const mark0 = this.vars.length;
    try {
      const val = this.evalPipeline(dot, dotPath, r.pipe);
      const basePath = this.path;
      const mark = this.vars.length;
      const decl = r.pipe.decl;
      const one = (index: Value, elem: Value, key: string | number): boolean => {
        const elemPath = basePath ? [...basePath, key] : null;
        if (decl.length > 0) {
          if (r.pipe.isAssign) {
            if (decl.length > 1) this.setVar(decl[0].ident[0], index, null); else this.setVar(decl[0].ident[0], elem, elemPath);
          } else this.setTopVar(1, elem, elemPath);
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(decl[1].ident[0], elem, elemPath); else this.setTopVar(2, index, null);
        }
        try { this.walk(elem, elemPath, r.list); } catch (e) {
          if (e === BREAK) return false;
          if (e !== CONTINUE) throw e;
        } finally { this.vars.length = mark; }
        return true;
      };
      switch (kindOf(val)) {
        case 'slice': {
          const a = val as Value[];
          if (a.length === 0) break;
          for (let i = 0; i < a.length; i++) if (!one(BigInt(i), a[i], i)) break;
          return;
        }
        case 'map': {
          const m = val as GoMap;
          const keys = sortedKeys(m);
          if (keys.length === 0) break;
          for (const k of keys) if (!one(k, m[k], k)) break;
          return;
        }
        case 'int': {
          if (decl.length > 1) this.errorf(`can't use ${formatV(val)} to iterate over more than one variable`);
          const n = val as bigint;
          if (n <= 0n) break;
          for (let i = 0n; i < n; i++) if (!one(i, i, Number(i))) break;
          return;
        }
        case 'invalid': case 'nil': break;
        default: this.errorf(`range can't iterate over ${formatV(val)}`);
      }
      if (r.elseList) this.walk(dot, dotPath, r.elseList);
    } finally { this.vars.length = mark0; }
  }

  private walkTemplate(dot: Value, dotPath: DataPath | null, t: TemplateNode): void {
    this.node = t;
    const tmpl = this.trees.get(t.name);
    if (!tmpl) this.errorf(`template ${JSON.stringify(t.name)} not defined`);
    if (this.depth >= this.opts.maxDepth) this.errorf(`exceeded maximum template depth (${this.opts.maxDepth})`, LimitError);
    const newDot = t.pipe ? this.evalPipeline(dot, dotPath, t.pipe) : undefined;
    const newPath = t.pipe ? this.path : null;
    const site: CallSite = { template: this.tree.name, file: this.originFile(), start: t.span.start, end: t.span.end, callee: t.name };
    this.inTemplate(tmpl, newDot, newPath, site, () => this.walk(newDot, newPath, tmpl.root));
  }

  /** Runs body with tmpl as the current template: fresh variables ($ = dot), depth + 1. */
  private inTemplate<T>(tmpl: Tree, dot: Value, path: DataPath | null, site: CallSite, body: () => T): T {
    const saved = { tree: this.tree, vars: this.vars, via: this.via, node: this.node };
    this.depth++;
    this.tree = tmpl;
    this.vars = [{ name: '$', value: dot, path }];
    this.via = [...this.via, site];
    try { return body(); } finally {
      this.depth--;
      this.tree = saved.tree; this.vars = saved.vars; this.via = saved.via; this.node = saved.node;
    }
  }

  // ---- variables ----------------------------------------------------------------------------

  private setVar(name: string, value: Value, path: DataPath | null): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) { this.vars[i] = { name, value, path }; return; }
    }
    this.errorf(`undefined variable: ${name}`);
  }
  private setTopVar(n: number, value: Value, path: DataPath | null): void {
    const v = this.vars[this.vars.length - n];
    this.vars[this.vars.length - n] = { name: v.name, value, path };
  }
  private varValue(name: string): Value {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) { this.path = this.vars[i].path; return this.vars[i].value; }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  // ---- evaluation ---------------------------------------------------------------------------

  evalPipeline(dot: Value, dotPath: DataPath | null, pipe: PipeNode): Value {
    this.node = pipe;
    let value: Final = NO_FINAL;
    let path: DataPath | null = null;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, dotPath, cmd, value, path);
      path = this.path;
      // An interface{} holding nil is dug out into an invalid value, as Go's pipeline does.
      if (value === null) value = undefined;
    }
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0], value as Value, path);
      else this.vars.push({ name: v.ident[0], value: value as Value, path });
    }
    this.path = path;
    return value as Value;
  }

  private notAFunction(args: Node[], final: Final): void {
    if (args.length > 1 || final !== NO_FINAL) this.errorf(`can't give argument to non-function ${nodeString(args[0])}`);
  }

  private evalCommand(dot: Value, dotPath: DataPath | null, cmd: CommandNode, final: Final, finalPath: DataPath | null): Value {
    const first = cmd.args[0];
    switch (first.type) {
      case 'field': return this.evalFieldNode(dot, dotPath, first, cmd.args, final, finalPath);
      case 'chain': return this.evalChainNode(dot, dotPath, first, cmd.args, final, finalPath);
      case 'identifier': return this.evalFunction(dot, dotPath, first, cmd, cmd.args, final, finalPath);
      case 'pipe': this.notAFunction(cmd.args, final); return this.evalPipeline(dot, dotPath, first);
      case 'variable': return this.evalVariableNode(dot, dotPath, first, cmd.args, final, finalPath);
    }
    this.node = first;
    this.notAFunction(cmd.args, final);
    this.path = null;
    switch (first.type) {
      case 'bool': return first.value;
      case 'dot': this.path = dotPath; return dot;
      case 'nil': return this.errorf('nil is not a command');
      case 'number': return this.idealConstant(first);
      case 'string': return first.text;
    }
    this.errorf(`can't evaluate command ${JSON.stringify(nodeString(first))}`);
  }

  private idealConstant(c: NumberNode): Value {
    this.node = c;
    this.path = null;
    if (c.isComplex) this.errorf('complex numbers are not supported by this renderer');
    const t = c.text;
    const hexInt = t.length > 2 && t[0] === '0' && (t[1] === 'x' || t[1] === 'X') && !/[pP]/.test(t);
    if (c.isFloat && !hexInt && t[0] !== "'" && /[.eEpP]/.test(t)) return c.float;
    if (c.isInt) return c.int;
    if (c.isUint) this.errorf(`${t} overflows int`);
    return undefined;
  }

  private evalFieldNode(dot: Value, dotPath: DataPath | null, field: FieldNode, args: Node[], final: Final, finalPath: DataPath | null): Value {
    this.node = field;
    return this.evalFieldChain(dot, dotPath, dot, dotPath, field, field.ident, args, final, finalPath);
  }

  private evalChainNode(dot: Value, dotPath: DataPath | null, chain: ChainNode, args: Node[], final: Final, finalPath: DataPath | null): Value {
    this.node = chain;
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, dotPath, null, chain.node);
    return this.evalFieldChain(dot, dotPath, pipe, this.path, chain, chain.field, args, final, finalPath);
  }

  private evalVariableNode(dot: Value, dotPath: DataPath | null, v: VariableNode, args: Node[], final: Final, finalPath: DataPath | null): Value {
    this.node = v;
    const value = this.varValue(v.ident[0]);
    if (v.ident.length === 1) { this.notAFunction(args, final); return value; }
    return this.evalFieldChain(dot, dotPath, value, this.path, v, v.ident.slice(1), args, final, finalPath);
  }

  private evalFieldChain(dot: Value, dotPath: DataPath | null, receiver: Value, recvPath: DataPath | null, node: Node, ident: string[],
    args: Node[], final: Final, finalPath: DataPath | null): Value {
    let path = recvPath;
    for (let i = 0; i < ident.length - 1; i++) {
      receiver = this.evalField(ident[i], node, [], NO_FINAL, receiver);
      path = path ? [...path, ident[i]] : null;
    }
    const last = ident[ident.length - 1];
    const method = receiver instanceof GoStruct ? receiver.methods?.[last] : undefined;
    if (method) {
      // A method is called as a function is, its arguments checked against its signature.
      const v = this.evalCall(dot, dotPath, method, node, last, args, final, finalPath);
      this.path = null;
      return v;
    }
    const v = this.evalField(last, node, args, final, receiver);
    void dot; void dotPath; void finalPath;
    this.path = path ? [...path, ident[ident.length - 1]] : null;
    return v;
  }

  private evalField(fieldName: string, node: Node, args: Node[], final: Final, receiver: Value): Value {
    this.node = node;
    if (receiver === undefined) {
      if (this.opts.missingKey === 'error') this.errorf(`nil data; no entry for key ${JSON.stringify(fieldName)}`);
      return undefined;
    }
    if (receiver === null) this.errorf(`nil pointer evaluating interface {}.${fieldName}`);
    const hasArgs = args.length > 1 || final !== NO_FINAL;
    if (receiver instanceof GoStruct) {
      if (receiver.fields.has(fieldName)) {
        if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
        return receiver.fields.get(fieldName);
      }
      if (/^[a-z_]/.test(fieldName) && receiver.fields.size >= 0 && hiddenFields(receiver).has(fieldName)) {
        this.errorf(`${fieldName} is an unexported field of struct type ${receiver.typeName}`);
      }
    } else if (isMap(receiver)) {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      if (Object.prototype.hasOwnProperty.call(receiver, fieldName)) return receiver[fieldName];
      switch (this.opts.missingKey) {
        case 'zero': return mapZero(receiver);
        case 'error': return this.errorf(`map has no entry for key ${JSON.stringify(fieldName)}`);
        default: return undefined;
      }
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${typeName(receiver)}`);
  }

  private evalFunction(dot: Value, dotPath: DataPath | null, node: IdentifierNode, cmd: Node, args: Node[], final: Final, finalPath: DataPath | null): Value {
    this.node = node;
    const name = node.ident;
    const fn = this.opts.funcs.get(name);
    if (!fn) this.errorf(`${JSON.stringify(name)} is not a defined function`);
    return this.evalCall(dot, dotPath, fn, cmd, name, args, final, finalPath);
  }

  private evalCall(dot: Value, dotPath: DataPath | null, fn: FuncDef, node: Node, name: string, argNodes: Node[], final: Final, finalPath: DataPath | null): Value {
    const args = argNodes.slice(1);
    const numIn = args.length + (final !== NO_FINAL ? 1 : 0);
    let numFixed = args.length;
    const variadic = fn.variadic !== undefined;
    if (variadic) {
      numFixed = fn.params.length;
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${args.length}`);
    } else if (numIn !== fn.params.length) {
      this.errorf(`wrong number of args for ${name}: want ${fn.params.length} got ${numIn}`);
    }
    // and/or short-circuit: arguments are evaluated only until the answer is known.
    if (name === 'and' || name === 'or') {
      let v: Value = undefined;
      let p: DataPath | null = null;
      for (const a of args) {
        v = this.evalArg(dot, dotPath, 'value', a);
        p = this.path;
        if (isTrue(v) === (name === 'or')) { this.path = p; return v; }
      }
      if (final !== NO_FINAL) { v = final; p = finalPath; }
      this.path = p;
      return v;
    }
    const argv: Value[] = [];
    const paths: (DataPath | null)[] = [];
    let i = 0;
    for (; i < numFixed && i < args.length; i++) { argv.push(this.evalArg(dot, dotPath, fn.params[i], args[i])); paths.push(this.path); }
    if (variadic) for (; i < args.length; i++) { argv.push(this.evalArg(dot, dotPath, fn.variadic!, args[i])); paths.push(this.path); }
    if (final !== NO_FINAL) {
      let t: ParamType = variadic ? fn.variadic! : fn.params[fn.params.length - 1];
      if (variadic && numIn - 1 < numFixed) t = fn.params[numIn - 1];
      argv.push(this.validateType(final, t));
      paths.push(finalPath);
    }
    let result: Value;
    try {
      // Limits hit inside the call (include nesting) are reported at the call.
      this.node = node;
      result = fn.fn(argv, this.context);
    } catch (e) {
      if (e instanceof LimitError) throw e;
      if (e instanceof RangeError && /call stack/i.test(e.message)) throw e;
      this.node = node;
      const msg = e instanceof Error ? e.message : String(e);
      this.errorf(`error calling ${name}: ${msg}`);
    }
    this.path = fn.path ? fn.path(argv, paths) : null;
    return result;
  }

  /** Checks a value against a parameter type (the path of the value is kept). */
  private validateType(value: Value, typ: ParamType | null): Value {
    const r = checkArg(value, typ);
    if (r instanceof ArgError) this.errorf(r.message);
    return r;
  }

  private evalArg(dot: Value, dotPath: DataPath | null, typ: ParamType | null, n: Node): Value {
    this.node = n;
    this.path = null;
    switch (n.type) {
      case 'dot': this.path = dotPath; return this.validateType(dot, typ);
      case 'nil':
        if (typ === null || typ === 'value') return undefined;
        if (checkArg(null, typ) === null) return null;
        return this.errorf(`cannot assign nil to ${GO_TYPE[typ]}`);
      case 'field': return this.validateType(this.evalFieldNode(dot, dotPath, n, [n], NO_FINAL, null), typ);
      case 'variable': return this.validateType(this.evalVariableNode(dot, dotPath, n, [], NO_FINAL, null), typ);
      case 'pipe': return this.validateType(this.evalPipeline(dot, dotPath, n), typ);
      case 'identifier': return this.validateType(this.evalFunction(dot, dotPath, n, n, [n], NO_FINAL, null), typ);
      case 'chain': return this.validateType(this.evalChainNode(dot, dotPath, n, [], NO_FINAL, null), typ);
    }
    if (n.type === 'number' && (typ === null || typ === 'any' || typ === 'value')) return this.idealConstant(n);
    const r = constantArg(n, typ);
    if (r instanceof ArgError) this.errorf(r.message);
    return r;
  }

  // ---- printing -----------------------------------------------------------------------------

  private printValue(node: ActionNode, v: Value, path: DataPath | null): void {
    this.node = node;
    if (v instanceof GoFunc) this.errorf(`can't print ${nodeString(node)} of type ${typeName(v)}`);
    const s = v === undefined ? this.opts.noValue : typeof v === 'string' ? v : formatV(v);
    const origin: Origin = { kind: 'action', template: this.tree.name, file: this.originFile(), start: node.span.start, end: node.span.end, via: this.via };
    if (path) origin.path = path;
    const nested = typeof v === 'string' ? this.produced.get(v) : undefined;
    if (nested) this.out.writeMapped(s, nested, origin);
    else this.out.write(s, origin);
  }

  // ---- what functions see (context.ts builds the CallContext on these) -----------------------

  /** The file origins name: the template's file, or the tpl text it was parsed from. */
  private originFile(): string { return this.tree.originFile ?? this.tree.parseName; }

  /** The name of the template being executed. */
  currentTemplate(): string { return this.tree.name; }

  /** Executes a template of the set into a string, as include does; its origins are kept. */
  renderTemplate(name: string, data: Value): string {
    const tmpl = this.trees.get(name);
    if (!tmpl) throw new FuncError(`template: no template ${JSON.stringify(name)} associated with template ${JSON.stringify(this.tree.name)}`);
    return this.renderNested(tmpl, data, name);
  }

  /** Parses a text into the set and executes it (tpl). */
  renderText(name: string, text: string, data: Value): string {
    if (!this.opts.parseText) throw new FuncError('cannot parse templates in this render');
    const treeName = this.opts.parseText(name, text);
    return this.renderNested(this.trees.get(treeName)!, data, treeName);
  }

  private renderNested(tmpl: Tree, data: Value, callee: string): string {
    if (this.depth >= this.opts.maxDepth) this.errorf(`exceeded maximum template depth (${this.opts.maxDepth})`, LimitError);
    const site: CallSite = { template: this.tree.name, file: this.originFile(), start: this.actionSpan.start, end: this.actionSpan.end, callee };
    const savedSpan = this.actionSpan;
    const outer = this.out;
    const inner = new OutputBuilder(this.opts.maxOutput);
    this.out = inner;
    try {
      this.inTemplate(tmpl, data, [], site, () => this.walk(data, [], tmpl.root));
    } finally { this.out = outer; this.actionSpan = savedSpan; }
    const text = inner.text();
    if (inner.ranges.length) this.produced.set(text, inner.ranges);
    return text;
  }
}
