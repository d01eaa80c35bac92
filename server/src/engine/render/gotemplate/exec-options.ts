// What an execution is given (functions, limits, clock, random source) and how it fails.
import { FuncDef, MissingKey } from './funcs';

/** Go's ExecError: the formatted message and where it happened. */
export class ExecError extends Error {
  constructor(message: string, readonly template: string, readonly line: number, readonly col: number) { super(message); }
}
/** Limits (depth, time, output size) end a render with this error, never caught by functions. */
export class LimitError extends ExecError {}

/**
 * The clock a render's time budget is counted on (ms): this process's CPU time, not the wall
 * clock, so a chart renders or runs out of budget alike on an idle and on a loaded machine (a
 * chart that makes a dozen RSA keys with genCA took 3.5 s of a 5 s budget alone, and went over it
 * in wall time whenever the machine was busy).
 */
export function budgetClock(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

export interface ExecOptions {
  funcs: Map<string, FuncDef>;
  missingKey: MissingKey;
  maxDepth: number;
  /** When the budget runs out, on budgetClock. */
  deadline: number;
  maxOutput: number;
  now: number;
  random: () => number;
  /** What an action prints for a missing value: Go prints "<no value>", Helm then blanks it. */
  noValue: string;
  /** Parses and adds a text to the set (tpl); returns the tree's name. */
  parseText?: (name: string, text: string) => string;
}

