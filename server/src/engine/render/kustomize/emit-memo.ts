// Emitting is the costliest step of rendering a large root, and a keystroke changes few of its
// objects (often none). Each object's YAML is kept under its JSON form, which the runtime writes
// several times faster than the emitter: an object that renders as before is not emitted again.
// JSON writes NaN and ±Infinity as null, so an object holding one is always emitted.
// An object a kept build shares (build-memo.ts) is the same tree render after render: its plain
// form and its text are kept by that tree, so it costs neither a conversion nor a JSON key.
import { emitDocument } from './emit';
import { forgetPlainForms, Plain } from './model';

/** Characters kept (keys and texts): a few renders of the largest roots. */
const CHAR_LIMIT = 48 * 1024 * 1024;

const memo = new Map<string, string>();
let chars = 0;

export interface PlainObject {
  value: Plain;
  /** False when the value holds a number JSON cannot write (NaN, ±Infinity). */
  jsonExact: boolean;
}

// A plain form is kept by its tree (model.ts plainOf), and its text by the plain form.
let textOfPlain = new WeakMap<object, string>();

/** Each object's YAML as `kustomize build` prints it (the stream is them joined by `---` lines, as emitStream writes it). */
export function emitTexts(objects: readonly PlainObject[]): string[] {
  return objects.map(emitObject);
}

function emitObject(o: PlainObject): string {
  if (!o.jsonExact) return emitDocument(o.value);
  const same = typeof o.value === 'object' && o.value !== null ? textOfPlain.get(o.value) : undefined;
  if (same !== undefined) return same;
  const text = emitKeyed(o);
  if (typeof o.value === 'object' && o.value !== null) textOfPlain.set(o.value, text);
  return text;
}

function emitKeyed(o: PlainObject): string {
  const key = JSON.stringify(o.value);
  const hit = memo.get(key);
  if (hit !== undefined) {
    // The most recently used go last: the oldest are dropped first.
    memo.delete(key);
    memo.set(key, hit);
    return hit;
  }
  const text = emitDocument(o.value);
  memo.set(key, text);
  chars += key.length + text.length;
  for (const [k, t] of memo) {
    if (chars <= CHAR_LIMIT) break;
    memo.delete(k);
    chars -= k.length + t.length;
  }
  return text;
}

export function clearEmitMemo(): void {
  memo.clear();
  forgetPlainForms();
  textOfPlain = new WeakMap();
  chars = 0;
}
