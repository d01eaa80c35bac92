// The executor of Go's text/template (exec.go): walks a tree against data, runs if/with/range
// and nested templates, and writes output with the origin of every piece. Pipelines are
// evaluated by its base class (exec-eval.ts) with Go's rules for fields, map keys, variables,
// function calls and argument types.
import { makeContext } from './context';
import { budgetClock, ExecOptions, LimitError } from './exec-options';
import { Evaluator } from './exec-eval';
import { CallContext, FuncError } from './funcs';

export { ExecError, LimitError } from './exec-options';
export type { ExecOptions } from './exec-options';
import { formatV } from './fmt';
import { ActionNode, BranchNode, Node, TemplateNode, nodeString } from './nodes';
import { CallSite, DataPath, Origin, OriginRange, OutputBuilder } from './origin';
import { Tree } from './parse';
import { GoFunc, GoMap, Value, isTrue, kindOf, mapView, sortedKeys, typeName } from './values';

class BreakSignal {}
class ContinueSignal {}
const BREAK = new BreakSignal(), CONTINUE = new ContinueSignal();

export class Executor extends Evaluator {
  private depth = 0;
  private steps = 0;
  private via: CallSite[] = [];
  /** Origins of strings produced by nested renders (and derived from them by indent). */
  readonly produced = new Map<string, OriginRange[]>();
  /** Source span of the action being evaluated: the call site of include/tpl. */
  private actionSpan = { start: 0, end: 0 };
  out: OutputBuilder;
  readonly context: CallContext;

  constructor(readonly trees: Map<string, Tree>, opts: ExecOptions, root: Tree) {
    super(opts, root);
    this.out = new OutputBuilder(opts.maxOutput);
    this.context = makeContext(this);
  }

  run(data: Value): void {
    this.vars = [{ name: '$', value: data, path: [] }];
    this.walk(data, [], this.tree.root);
  }

  private tick(): void {
    if ((++this.steps & 255) === 0 && budgetClock() > this.opts.deadline) this.errorf('render took longer than its time budget', LimitError);
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
      const view = mapView(val);
      switch (kindOf(view)) {
        case 'slice': {
          const a = view as Value[];
          if (a.length === 0) break;
          for (let i = 0; i < a.length; i++) if (!one(BigInt(i), a[i], i)) break;
          return;
        }
        case 'map': {
          const m = view as GoMap;
          const keys = sortedKeys(m);
          if (keys.length === 0) break;
          for (const k of keys) if (!one(k, m[k], k)) break;
          return;
        }
        case 'int': {
          if (decl.length > 1) this.errorf(`can't use ${formatV(val)} to iterate over more than one variable`);
          const n = view as bigint;
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
