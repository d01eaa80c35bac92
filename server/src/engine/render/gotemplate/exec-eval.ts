// The evaluating half of the text/template executor (exec.go's evalPipeline and what it
// calls): variables, pipelines, commands, fields, map keys, function calls and Go's argument
// types. Executor (exec.ts) walks templates and prints on top of it.
import { ArgError, GO_TYPE, checkArg, constantArg } from './args';
import { ExecError, ExecOptions, LimitError } from './exec-options';
import { CallContext, FuncDef, ParamType } from './funcs';
import {
  ChainNode, CommandNode, FieldNode, IdentifierNode, Node, NumberNode, PipeNode, VariableNode, nodeString,
} from './nodes';
import { DataPath } from './origin';
import { Tree, lineCol } from './parse';
import { GoStruct, Value, hiddenFields, isMap, isTrue, mapZero, typeName } from './values';

export const NO_FINAL = Symbol('missing');
export type Final = Value | typeof NO_FINAL;

export interface Variable { name: string; value: Value; path: DataPath | null }

export abstract class Evaluator {
  protected node: Node | null = null;
  protected vars: Variable[] = [];
  /** Path of the value the last evaluation produced (a side channel beside the value). */
  protected path: DataPath | null = null;
  abstract readonly context: CallContext;

  constructor(readonly opts: ExecOptions, protected tree: Tree) {}

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

  // ---- variables ----------------------------------------------------------------------------

  protected setVar(name: string, value: Value, path: DataPath | null): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) { this.vars[i] = { name, value, path }; return; }
    }
    this.errorf(`undefined variable: ${name}`);
  }
  protected setTopVar(n: number, value: Value, path: DataPath | null): void {
    const v = this.vars[this.vars.length - n];
    this.vars[this.vars.length - n] = { name: v.name, value, path };
  }
  protected varValue(name: string): Value {
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

  protected notAFunction(args: Node[], final: Final): void {
    if (args.length > 1 || final !== NO_FINAL) this.errorf(`can't give argument to non-function ${nodeString(args[0])}`);
  }

  protected evalCommand(dot: Value, dotPath: DataPath | null, cmd: CommandNode, final: Final, finalPath: DataPath | null): Value {
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

  protected idealConstant(c: NumberNode): Value {
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

  protected evalFieldNode(dot: Value, dotPath: DataPath | null, field: FieldNode, args: Node[], final: Final, finalPath: DataPath | null): Value {
    this.node = field;
    return this.evalFieldChain(dot, dotPath, dot, dotPath, field, field.ident, args, final, finalPath);
  }

  protected evalChainNode(dot: Value, dotPath: DataPath | null, chain: ChainNode, args: Node[], final: Final, finalPath: DataPath | null): Value {
    this.node = chain;
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, dotPath, null, chain.node);
    return this.evalFieldChain(dot, dotPath, pipe, this.path, chain, chain.field, args, final, finalPath);
  }

  protected evalVariableNode(dot: Value, dotPath: DataPath | null, v: VariableNode, args: Node[], final: Final, finalPath: DataPath | null): Value {
    this.node = v;
    const value = this.varValue(v.ident[0]);
    if (v.ident.length === 1) { this.notAFunction(args, final); return value; }
    return this.evalFieldChain(dot, dotPath, value, this.path, v, v.ident.slice(1), args, final, finalPath);
  }

  protected evalFieldChain(dot: Value, dotPath: DataPath | null, receiver: Value, recvPath: DataPath | null, node: Node, ident: string[],
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

  protected evalField(fieldName: string, node: Node, args: Node[], final: Final, receiver: Value): Value {
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

  protected evalFunction(dot: Value, dotPath: DataPath | null, node: IdentifierNode, cmd: Node, args: Node[], final: Final, finalPath: DataPath | null): Value {
    this.node = node;
    const name = node.ident;
    const fn = this.opts.funcs.get(name);
    if (!fn) this.errorf(`${JSON.stringify(name)} is not a defined function`);
    return this.evalCall(dot, dotPath, fn, cmd, name, args, final, finalPath);
  }

  protected evalCall(dot: Value, dotPath: DataPath | null, fn: FuncDef, node: Node, name: string, argNodes: Node[], final: Final, finalPath: DataPath | null): Value {
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
  protected validateType(value: Value, typ: ParamType | null): Value {
    const r = checkArg(value, typ);
    if (r instanceof ArgError) this.errorf(r.message);
    return r;
  }

  protected evalArg(dot: Value, dotPath: DataPath | null, typ: ParamType | null, n: Node): Value {
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
}
