// Public API of the Go text/template engine: parse a set of template files once, render any
// template of the set against data. Errors are values, never exceptions; every render is
// bounded in depth, time and output size.
import { BUILTINS } from './builtins';
import { ExecError, Executor, LimitError } from './exec';
import { budgetClock } from './exec-options';
import { FuncDef, MissingKey } from './funcs';
import { OriginRange, OutputLimit } from './origin';
import { ParseError, Tree, parseInto } from './parse';
import { SPRIG } from './sprig/index';
import { Value } from './values';

export type { FuncDef, CallContext, ParamType, MissingKey } from './funcs';
export { FuncError, def, unsupported } from './funcs';
export type { Origin, OriginRange, DataPath, CallSite } from './origin';
export { fromJsonLike, toJsonLike, GoStruct, GoFunc, withZero } from './values';
export type { Value, GoMap } from './values';
export { sprintf, sprint, sprintln, formatFloat } from './fmt';
export { nodeString } from './nodes';
export { parseNumber } from './parse';
export { UNSUPPORTED_SPRIG } from './sprig/index';
export { HELM_FUNCS, HELM_INCLUDE_LIMIT } from './helm-funcs';
export { budgetClock } from './exec-options';
export { toYaml } from './to-yaml';

export const DEFAULT_MAX_DEPTH = 200;

export interface TemplateFile { name: string; text: string }

export interface TemplateError { message: string; template: string; line: number; col: number }

export interface ParseOptions {
  /** Functions beyond text/template's builtins and Sprig (Helm's include, tpl...). */
  funcs?: Record<string, FuncDef>;
  /** Leave Sprig out (plain text/template). */
  noSprig?: boolean;
  /** Nesting limit of parentheses and control structures (Go's maxStackDepth, 10000). */
  maxStackDepth?: number;
}

/** Parsed templates by name; files that failed to parse are listed in errors. */
export interface TemplateSet {
  readonly trees: Map<string, Tree>;
  readonly funcs: Map<string, FuncDef>;
  readonly errors: TemplateError[];
}

export interface RenderOptions {
  /** Functions added for this render (they must have been known at parse time too). */
  funcs?: Record<string, FuncDef>;
  /** Go's missingkey option: default (= invalid, prints "<no value>"), zero, error. */
  missingkey?: MissingKey;
  /** The clock of date functions, in ms since the epoch (default 0: renders are reproducible). */
  clock?: number;
  /** Seed of the random functions (randAlphaNum, uuidv4...). */
  seed?: number;
  /** Time budget of the render in ms (default 2000). */
  budgetMs?: number;
  /**
   * Nesting limit of template/include/tpl calls. Go's text/template allows 100000 (maxExecDepth
   * in exec.go, 1000 on wasm) and Helm 1000 includes of one name (recursionMaxNums in
   * pkg/engine/engine.go); the default here is 200, below where Node's default stack runs out
   * (about 400 nested includes), so runaway recursion ends with this limit's error, not the stack.
   */
  maxDepth?: number;
  /**
   * What an action prints for a missing value (default Go's "<no value>"). Helm blanks it in the
   * output (strings.ReplaceAll after rendering); passing "" here does that with origins intact.
   */
  noValue?: string;
  /** Output size limit in characters (default 64 MiB). */
  maxOutput?: number;
}

export type RenderResult =
  | { ok: true; text: string; origins: OriginRange[] }
  | { ok: false; error: TemplateError; partialText: string; origins: OriginRange[] };

function funcTable(extra?: Record<string, FuncDef>, noSprig = false): Map<string, FuncDef> {
  // As Go's findFunction: functions added to the template win over the builtins of the same
  // name (Sprig's list `slice` replaces text/template's `slice` under Helm).
  const m = new Map<string, FuncDef>(Object.entries(BUILTINS));
  if (!noSprig) for (const [k, v] of Object.entries(SPRIG)) m.set(k, v);
  for (const [k, v] of Object.entries(extra ?? {})) m.set(k, v);
  return m;
}

function toError(e: unknown): TemplateError {
  if (e instanceof ParseError || e instanceof ExecError) return { message: e.message, template: e.template, line: e.line, col: e.col };
  if (e instanceof OutputLimit) return { message: e.message, template: '', line: 0, col: 0 };
  if (e instanceof RangeError) return { message: 'template nesting too deep for this renderer (stack exhausted)', template: '', line: 0, col: 0 };
  return { message: `internal error: ${e instanceof Error ? e.message : String(e)}`, template: '', line: 0, col: 0 };
}

/** Parses every file into one set; a file's defines join the set, later files win. */
export function parseTemplates(files: TemplateFile[], opts: ParseOptions = {}): TemplateSet {
  const trees = new Map<string, Tree>();
  const funcs = funcTable(opts.funcs, opts.noSprig);
  const errors: TemplateError[] = [];
  for (const f of files) {
    const staged = new Map(trees);
    try {
      parseInto(staged, f.name, f.text, n => funcs.has(n), opts.maxStackDepth);
      for (const [k, v] of staged) trees.set(k, v);
    } catch (e) {
      errors.push(toError(e));
    }
  }
  return { trees, funcs, errors };
}

/** A small seeded generator (mulberry32): the random functions are reproducible per seed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Renders template `name` of the set against data. */
export function render(set: TemplateSet, name: string, data: Value, opts: RenderOptions = {}): RenderResult {
  const root = set.trees.get(name);
  if (!root) {
    return { ok: false, error: { message: `template: no template ${JSON.stringify(name)} associated with template set`, template: name, line: 0, col: 0 }, partialText: '', origins: [] };
  }
  const funcs = opts.funcs ? new Map([...set.funcs, ...Object.entries(opts.funcs)]) : set.funcs;
  const trees = new Map(set.trees);
  let tplCount = 0;
  const exec = new Executor(trees, {
    funcs,
    missingKey: opts.missingkey ?? 'default',
    maxDepth: opts.maxDepth ?? DEFAULT_MAX_DEPTH,
    deadline: budgetClock() + (opts.budgetMs ?? 2000),
    maxOutput: opts.maxOutput ?? 64 * 1024 * 1024,
    noValue: opts.noValue ?? '<no value>',
    now: opts.clock ?? 0,
    random: seeded(opts.seed ?? 1),
    parseText: (tname, text) => {
      const key = `${tname}#tpl${++tplCount}`;
      const staged = new Map<string, Tree>();
      parseInto(staged, tname, text, n => funcs.has(n));
      for (const [k, v] of staged) trees.set(k === tname ? key : k, k === tname ? { ...v, name: tname, originFile: key } : v);
      return key;
    },
  }, root);
  try {
    // Execute(w, nil) runs with an invalid dot, not a nil inside an interface.
    exec.run(data === null ? undefined : data);
    return { ok: true, text: exec.out.text(), origins: exec.out.ranges };
  } catch (e) {
    const error = toError(e);
    void LimitError;
    return { ok: false, error, partialText: exec.out.text(), origins: exec.out.ranges };
  }
}
