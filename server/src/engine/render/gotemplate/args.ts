// Go's argument checks for function calls (validateType, evalBool/evalString/evalInteger/
// evalFloat in exec.go): an argument must be assignable to the parameter's type, and a constant
// written in the template takes the parameter's type when it can.
import { ParamType } from './funcs';
import { Node, nodeString } from './nodes';
import { Value, kindOf, typeName } from './values';

export const GO_TYPE: Record<ParamType, string> = {
  value: 'reflect.Value', any: 'interface {}', string: 'string', int: 'int', int64: 'int64', float64: 'float64', bool: 'bool',
  slice: '[]interface {}', map: 'map[string]interface {}', strings: '[]string',
};

/** A failed check, with Go's message. */
export class ArgError { constructor(readonly message: string) {} }

const nilable = (t: ParamType) => t === 'any' || t === 'slice' || t === 'map' || t === 'strings';

/** validateType: the value passed for a parameter of type typ (null: untyped), or the error. */
export function checkArg(value: Value, typ: ParamType | null): Value | ArgError {
  if (value === undefined) {
    if (typ === null || typ === 'value') return undefined;
    if (nilable(typ)) return null;
    return new ArgError(`invalid value; expected ${GO_TYPE[typ]}`);
  }
  if (typ === null || typ === 'value' || typ === 'any') return value;
  if (value === null) return nilable(typ) ? null : new ArgError(`wrong type for value; expected ${GO_TYPE[typ]}; got interface {}`);
  const k = kindOf(value);
  const ok = (typ === 'string' && k === 'string') || ((typ === 'int' || typ === 'int64') && k === 'int') || (typ === 'float64' && k === 'float64') ||
    (typ === 'bool' && k === 'bool') || (typ === 'slice' && k === 'slice') || (typ === 'map' && k === 'map') ||
    (typ === 'strings' && k === 'slice' && (value as Value[]).every(x => typeof x === 'string'));
  return ok ? value : new ArgError(`wrong type for value; expected ${GO_TYPE[typ]}; got ${typeName(value)}`);
}

/** A literal (bool, string, number, nil) written as the argument of a typed parameter. */
export function constantArg(n: Node, typ: ParamType | null): Value | ArgError {
  switch (typ) {
    case 'bool': return n.type === 'bool' ? n.value : new ArgError(`expected bool; found ${nodeString(n)}`);
    case 'float64': return n.type === 'number' && n.isFloat ? n.float : new ArgError(`expected float; found ${nodeString(n)}`);
    case 'int': case 'int64': return n.type === 'number' && n.isInt ? n.int : new ArgError(`expected integer; found ${nodeString(n)}`);
    case 'string': return n.type === 'string' ? n.text : new ArgError(`expected string; found ${nodeString(n)}`);
    case null: case 'any': case 'value':
      if (n.type === 'bool') return n.value;
      if (n.type === 'string') return n.text;
  }
  return new ArgError(`can't handle ${nodeString(n)} for arg of type ${GO_TYPE[typ ?? 'any']}`);
}
