// What an execution is given (functions, limits, clock, random source) and how it fails.
import { FuncDef, MissingKey } from './funcs';

/** Go's ExecError: the formatted message and where it happened. */
export class ExecError extends Error {
  constructor(message: string, readonly template: string, readonly line: number, readonly col: number) { super(message); }
}
/** Limits (depth, time, output size) end a render with this error, never caught by functions. */
export class LimitError extends ExecError {}

export interface ExecOptions {
  funcs: Map<string, FuncDef>;
  missingKey: MissingKey;
  maxDepth: number;
  deadline: number;
  maxOutput: number;
  now: number;
  random: () => number;
  /** What an action prints for a missing value: Go prints "<no value>", Helm then blanks it. */
  noValue: string;
  /** Parses and adds a text to the set (tpl); returns the tree's name. */
  parseText?: (name: string, text: string) => string;
}

