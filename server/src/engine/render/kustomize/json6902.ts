// RFC 6902 JSON patches on the node tree (Kustomize uses evanphx/json-patch; messages follow it).
// Values an operation writes keep the patch's nodes, so their origin is the patch.
import { KustomizeError } from './errors';
import { clone, get, isMap, isSeq, KNode, str } from './model';

export function applyJson6902(doc: KNode, ops: KNode): KNode {
  if (!isSeq(ops)) throw new KustomizeError('json patch must be a list of operations', ops.origin);
  let root = doc;
  for (const op of ops.items) {
    if (!isMap(op)) throw new KustomizeError('json patch operation must be a map', op.origin);
    const name = str(get(op, 'op'));
    const path = str(get(op, 'path'));
    if (path === undefined) throw new KustomizeError(`${name ?? 'unknown'} operation does not apply: missing path`, op.origin);
    const value = get(op, 'value');
    try {
      switch (name) {
        case 'add': root = add(root, path, need(value, op), op); break;
        case 'remove': root = removeAt(root, path, 'remove').root; break;
        case 'replace': {
          // evanphx/json-patch (v4, as Kustomize uses it) needs only the parent of a map key:
          // replacing a key the map lacks sets it. A list item must exist.
          const toks = tokens(path);
          if (toks.length === 0 || !isMap(lookupParent(root, toks, path, 'replace'))) removeAt(root, path, 'replace');
          root = add(root, path, need(value, op), op);
          break;
        }
        case 'move': case 'copy': {
          const from = str(get(op, 'from')) ?? '';
          const taken = name === 'move' ? removeAt(root, from, 'move') : { root, value: clone(lookup(root, from, 'copy')) };
          root = add(taken.root, path, taken.value, op);
          break;
        }
        case 'test': {
          const have = lookup(root, path, 'test');
          if (JSON.stringify(plainish(have)) !== JSON.stringify(plainish(need(value, op)))) {
            throw new KustomizeError(`testing value ${path} failed: test failed`, op.origin);
          }
          break;
        }
        default: throw new KustomizeError(`Unexpected kind: ${name}`, op.origin);
      }
    } catch (e) {
      if (e instanceof KustomizeError && !e.at) throw new KustomizeError(e.message, get(op, 'path')?.origin ?? op.origin, e.code);
      throw e;
    }
  }
  return root;
}

function need(v: KNode | undefined, op: KNode): KNode {
  if (v === undefined) throw new KustomizeError('missing value', op.origin);
  return clone(v);
}

function plainish(n: KNode): unknown {
  if (n.kind === 'scalar') return n.value;
  if (n.kind === 'seq') return n.items.map(plainish);
  return Object.fromEntries(n.entries.map((e) => [e.key, plainish(e.value)]));
}

function tokens(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new KustomizeError(`invalid JSON pointer ${JSON.stringify(path)}`);
  return path.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function lookup(root: KNode, path: string, opName: string): KNode {
  let cur: KNode | undefined = root;
  for (const t of tokens(path)) {
    cur = child(cur, t);
    if (cur === undefined) throw new KustomizeError(`${opName} operation does not apply: doc is missing path: "${path}": missing value`, undefined, 'json-patch-missing-path');
  }
  return cur;
}

function child(n: KNode | undefined, t: string): KNode | undefined {
  if (isMap(n)) return get(n, t);
  if (isSeq(n) && /^(0|[1-9][0-9]*)$/.test(t)) return n.items[Number(t)];
  return undefined;
}

function add(root: KNode, path: string, value: KNode, op: KNode): KNode {
  const toks = tokens(path);
  if (toks.length === 0) return value;
  const parent = lookupParent(root, toks, path, 'add');
  const last = toks[toks.length - 1];
  if (isMap(parent)) {
    const e = parent.entries.find((x) => x.key === last);
    if (e) e.value = value;
    else parent.entries.push({ key: last, value, keyOrigin: op.origin });
  } else if (isSeq(parent)) {
    const i = last === '-' ? parent.items.length : Number(last);
    if (!/^(0|[1-9][0-9]*|-)$/.test(last) || i > parent.items.length) {
      throw new KustomizeError(`add operation does not apply: doc is missing path: "${path}": missing value`, undefined, 'json-patch-missing-path');
    }
    parent.items.splice(i, 0, value);
  }
  return root;
}

function lookupParent(root: KNode, toks: string[], path: string, opName: string): KNode {
  let cur: KNode | undefined = root;
  for (const t of toks.slice(0, -1)) {
    cur = child(cur, t);
    if (cur === undefined) throw new KustomizeError(`${opName} operation does not apply: doc is missing path: "${path}": missing value`, undefined, 'json-patch-missing-path');
  }
  if (!isMap(cur) && !isSeq(cur)) throw new KustomizeError(`${opName} operation does not apply: doc is missing path: "${path}": missing value`, undefined, 'json-patch-missing-path');
  return cur;
}

function removeAt(root: KNode, path: string, opName: string): { root: KNode; value: KNode } {
  const toks = tokens(path);
  const parent = lookupParent(root, toks, path, opName);
  const last = toks[toks.length - 1];
  const missing = () => new KustomizeError(`${opName} operation does not apply: doc is missing path: "${path}": missing value`, undefined, 'json-patch-missing-path');
  if (isMap(parent)) {
    const i = parent.entries.findIndex((x) => x.key === last);
    if (i < 0) throw missing();
    const [e] = parent.entries.splice(i, 1);
    return { root, value: e.value };
  }
  const seqParent = parent as Extract<KNode, { kind: 'seq' }>;
  const i = Number(last);
  if (!/^(0|[1-9][0-9]*)$/.test(last) || i >= seqParent.items.length) throw missing();
  const [v] = seqParent.items.splice(i, 1);
  return { root, value: v };
}
