// Is this JSON text a Kubernetes object at all? JSON files (package-lock.json, tsconfig.json,
// dashboards) open in the editor and lie in every repository; a full YAML parse of a 17 MB lock
// file takes seconds for no finding. One pass over the characters finds the keys of the top-level
// object (or of a top-level array's objects): without `apiVersion` or `kind` among them kubectl
// could not read a Kubernetes object from the file, so there is nothing to judge.

const enum C { Quote = 0x22, Backslash = 0x5c, OpenBrace = 0x7b, CloseBrace = 0x7d, OpenBracket = 0x5b, CloseBracket = 0x5d, Colon = 0x3a, Comma = 0x2c }

const SCALAR_CHARS = new Set([...'-+.0123456789eEtruefalsn'].map(ch => ch.charCodeAt(0)));

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * True when `text` is plain JSON whose top-level object, or every object of whose top-level
 * array, has neither an `apiVersion` nor a `kind` key. False whenever that is not certain: text
 * that is not plain JSON (YAML flow with bare keys, comments, several values, an escaped key that
 * could spell `kind`, a `<<` merge key), and JSON that names either key. Strings are skipped with
 * indexOf, so a file of long strings costs little more than reading it.
 */
export function isNonKubernetesJson(text: string): boolean {
  let i = 0;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i++;
  while (i < n && isBlank(text.charCodeAt(i))) i++;
  const top = text.charCodeAt(i);
  if (top !== C.OpenBrace && top !== C.OpenBracket) return false;
  // No object kubectl reads lacks `apiVersion` (a list's items borrow the list's): text that
  // never spells it, and has no escape that could, holds none. Native searches, a few ms for 17 MB.
  if (!text.includes('apiVersion') && !text.includes('\\')) return true;
  // The depth at which keys decide: the top object's own, or those of the array's objects.
  const keyDepth = top === C.OpenBrace ? 1 : 2;
  const stack: number[] = [];
  let expectKey = false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isBlank(c)) continue;
    if (c === C.Quote) {
      const end = stringEnd(text, i);
      if (end < 0) return false;
      if (expectKey && stack.length === keyDepth) {
        const key = text.slice(i + 1, end);
        if (key === 'apiVersion' || key === 'kind' || key === '<<' || key.includes('\\')) return false;
      }
      expectKey = false;
      i = end;
      continue;
    }
    // A key that is not a string is YAML flow, not JSON (an empty object closes at once).
    if (expectKey && c !== C.CloseBrace) return false;
    expectKey = false;
    switch (c) {
      case C.OpenBrace: stack.push(c); expectKey = true; break;
      case C.OpenBracket: stack.push(c); break;
      case C.CloseBrace: case C.CloseBracket:
        if (stack.pop() !== (c === C.CloseBrace ? C.OpenBrace : C.OpenBracket)) return false;
        if (stack.length === 0) return onlyBlanksAfter(text, i + 1);
        break;
      case C.Comma: expectKey = stack[stack.length - 1] === C.OpenBrace; break;
      case C.Colon: break;
      default:
        // Numbers, true/false/null: anything else (`#`, `&`, `*`, `!`, bare words) is YAML.
        if (!SCALAR_CHARS.has(c)) return false;
    }
  }
  return false;
}

/** The index of the quote that ends the string opened at `open`, or -1. */
function stringEnd(text: string, open: number): number {
  let q = text.indexOf('"', open + 1);
  while (q > 0) {
    let slashes = 0;
    while (text.charCodeAt(q - 1 - slashes) === C.Backslash) slashes++;
    if (slashes % 2 === 0) return q;
    q = text.indexOf('"', q + 1);
  }
  return -1;
}

function onlyBlanksAfter(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) if (!isBlank(text.charCodeAt(i))) return false;
  return true;
}
