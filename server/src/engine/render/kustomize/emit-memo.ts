// Emitting is the costliest step of rendering a large root, and a keystroke changes few of its
// objects (often none). Each object's YAML is kept under its JSON form, which the runtime writes
// several times faster than the emitter: an object that renders as before is not emitted again.
// JSON writes NaN and ±Infinity as null, so an object holding one is always emitted.
import { emitDocument } from './emit';
import { Plain } from './model';

/** Characters kept (keys and texts): a few renders of the largest roots. */
const CHAR_LIMIT = 48 * 1024 * 1024;

const memo = new Map<string, string>();
let chars = 0;

export interface PlainObject {
  value: Plain;
  /** False when the value holds a number JSON cannot write (NaN, ±Infinity). */
  jsonExact: boolean;
}

/** The stream `kustomize build` prints, as emitStream writes it. */
export function emitObjects(objects: readonly PlainObject[]): string {
  return objects.map(emitObject).join('---\n');
}

function emitObject(o: PlainObject): string {
  if (!o.jsonExact) return emitDocument(o.value);
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
  chars = 0;
}
