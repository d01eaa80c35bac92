// How functions are described to the executor: Go checks a call's argument count and types
// against the function's signature before calling it, so each function declares its own.
import type { DataPath, OriginRange } from './origin';
import type { Value } from './values';

/**
 * A parameter's Go type. `value` is reflect.Value (builtins: an absent value passes as undefined);
 * `any` is interface{} (an absent value passes as nil); the rest must match the argument's type.
 */
export type ParamType = 'value' | 'any' | 'string' | 'int' | 'int64' | 'float64' | 'bool' | 'slice' | 'map' | 'strings';

/** What a function may ask of the render that calls it (Helm's include, tpl, required...). */
export interface CallContext {
  /** Executes a named template of the set with the given dot; returns its text. */
  executeTemplate(name: string, data: Value): string;
  /** Parses and executes a template text against data (Helm's tpl). */
  executeText(name: string, text: string, data: Value): string;
  /** Origins recorded for a string produced by a nested render, if any. */
  originsOf(text: string): OriginRange[] | undefined;
  /** Records origins for a string a function derived from another one (indent of an include). */
  recordOrigins(text: string, ranges: OriginRange[]): void;
  /** The render's options: clock (ms since epoch), seeded random source. */
  readonly now: number;
  random(): number;
  /** The missingkey option in force. */
  readonly missingKey: MissingKey;
  /** The name of the template being executed (tpl parses under it, as Helm does). */
  readonly currentTemplate: string;
}

export type MissingKey = 'default' | 'invalid' | 'zero' | 'error';

export interface FuncDef {
  /** Fixed parameters. */
  params: ParamType[];
  /** Type of the trailing ...parameters, when variadic. */
  variadic?: ParamType;
  fn(args: Value[], ctx: CallContext): Value;
  /** The data path of the result given the arguments' paths (pass-through functions). */
  path?: (args: Value[], paths: (DataPath | null)[]) => DataPath | null;
}

/** A function's failure, reported as Go does: "error calling NAME: message". */
export class FuncError extends Error {}

/** A function the renderer deliberately does not offer (needs real randomness, keys, network). */
export function unsupported(name: string): FuncDef {
  return { params: [], variadic: 'any', fn: () => { throw new FuncError(`${name} is not supported by this renderer`); } };
}

export const def = (params: ParamType[], fn: FuncDef['fn'], variadic?: ParamType, path?: FuncDef['path']): FuncDef =>
  ({ params, fn, variadic, path });

/** Pass-through path: the result comes from the last argument (the pipeline's value). */
export const lastPath: FuncDef['path'] = (_a, p) => p[p.length - 1] ?? null;
export const firstPath: FuncDef['path'] = (_a, p) => p[0] ?? null;
