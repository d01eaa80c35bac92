// Sprig v3's TxtFuncMap (Masterminds/sprig), the function library Helm adds to text/template.
import { FuncDef } from '../funcs';

export const SPRIG: Record<string, FuncDef> = {};

/** Sprig functions this renderer refuses at the call site (real randomness, keys, network). */
export const UNSUPPORTED_SPRIG: string[] = [];
