// configMapGenerator and secretGenerator: objects made from literals, files and env files.
// Each generated node's origin is its generator entry in the kustomization.
import { KustomizeError } from './errors';
import { FileSource } from './file-source';
import { Kustomization, listField } from './kustomization';
import { fromPlain, get, isMap, KMap, KNode, Origin, Plain, str, strings } from './model';
import { Resource } from './resource';
import { readInRoot } from './load-restrictions';

export function runGenerators(fs: FileSource, k: Kustomization): Resource[] {
  const out: Resource[] = [];
  const options = get(k.node, 'generatorOptions');
  for (const kind of ['ConfigMap', 'Secret'] as const) {
    const field = kind === 'ConfigMap' ? 'configMapGenerator' : 'secretGenerator';
    for (const entry of listField(k, field)) out.push(generate(fs, k, kind, entry, options));
  }
  return out;
}

function generate(fs: FileSource, k: Kustomization, kind: 'ConfigMap' | 'Secret', entry: KNode, global: KNode | undefined): Resource {
  if (!isMap(entry)) throw new KustomizeError(`invalid ${kind} generator entry in ${k.file}`, entry.origin);
  const at: Origin = entry.origin ?? { file: k.file, range: [0, 0] };
  const name = str(get(entry, 'name')) ?? '';
  const namespace = str(get(entry, 'namespace'));
  // Kustomize knows create, merge and replace, spelled exactly; any other word is "unspecified",
  // which adds the object as create does.
  const written = str(get(entry, 'behavior'));
  const behavior = written === 'merge' || written === 'replace' ? written : 'create';
  const data: Record<string, string> = {};
  const put = (key: string, value: string) => {
    if (key in data) throw new KustomizeError(`cannot add key ${key}, another key by that name already exists`, at);
    data[key] = value;
  };
  for (const lit of strings(get(entry, 'literals'))) {
    const [key, value] = splitKeyValue(lit, at);
    put(key, unquote(value));
  }
  // Kustomize keeps a file that is not UTF-8 as bytes: base64 in a ConfigMap's binaryData.
  const binary: Record<string, Uint8Array> = {};
  for (const f of strings(get(entry, 'files'))) {
    const eq = f.indexOf('=');
    const key = eq < 0 ? f.slice(f.lastIndexOf('/') + 1) : f.slice(0, eq);
    const path = eq < 0 ? f : f.slice(eq + 1);
    const { file, text } = readInRoot(fs, k, path, at);
    const bytes = fs.readBytes?.(file);
    if (bytes && !isUtf8(bytes)) {
      if (key in data || key in binary) throw new KustomizeError(`cannot add key ${key}, another key by that name already exists`, at);
      binary[key] = bytes;
    } else put(key, text);
  }
  const envs = strings(get(entry, 'envs'));
  const env = str(get(entry, 'env'));
  if (env) envs.push(env);
  for (const e of envs) for (const [key, value] of parseEnvFile(readRequired(fs, k, e, at))) put(key, value);

  const opts = mergeOptions(global, get(entry, 'options'));
  const metadata: Record<string, Plain> = { name };
  if (namespace) metadata.namespace = namespace;
  if (Object.keys(opts.labels).length) metadata.labels = opts.labels;
  if (Object.keys(opts.annotations).length) metadata.annotations = opts.annotations;
  const obj: Record<string, Plain> = { apiVersion: 'v1', kind, metadata };
  if (kind === 'Secret') obj.type = str(get(entry, 'type')) ?? 'Opaque';
  // A generated Secret always has its data map (kyaml's LoadMapIntoSecretData creates it), empty
  // or not; a ConfigMap gets one only for some data.
  const encoded = (m: Record<string, Uint8Array>) => Object.fromEntries(Object.entries(m).map(([key, v]) => [key, wrap70(base64(v))]));
  if (kind === 'Secret') obj.data = encoded({ ...utf8Map(data), ...binary });
  else {
    if (Object.keys(data).length) obj.data = data;
    if (Object.keys(binary).length) obj.binaryData = encoded(binary);
  }
  if (opts.immutable) obj.immutable = true;
  const r = new Resource(fromPlain(obj, at) as KMap, at);
  r.generated = { behavior, hash: !opts.disableHash, entry: at };
  return r;
}

function readRequired(fs: FileSource, k: Kustomization, rel: string, at: Origin): string {
  return readInRoot(fs, k, rel, at).text;
}

function splitKeyValue(s: string, at: Origin): [string, string] {
  const i = s.indexOf('=');
  if (i < 0) throw new KustomizeError(`invalid literal source ${s}, expected key=value`, at);
  return [s.slice(0, i), s.slice(i + 1)];
}

function unquote(v: string): string {
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) return v.slice(1, -1);
  return v;
}

function parseEnvFile(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const i = line.indexOf('=');
    if (i < 0) continue; // a bare KEY reads the process environment, which a pure render has not got
    out.push([line.slice(0, i), unquote(line.slice(i + 1))]);
  }
  return out;
}

interface GenOptions { labels: Record<string, string>; annotations: Record<string, string>; disableHash: boolean; immutable: boolean }

function mergeOptions(global: KNode | undefined, local: KNode | undefined): GenOptions {
  const o: GenOptions = { labels: {}, annotations: {}, disableHash: false, immutable: false };
  for (const src of [global, local]) {
    if (!isMap(src)) continue;
    Object.assign(o.labels, stringMap(get(src, 'labels')));
    Object.assign(o.annotations, stringMap(get(src, 'annotations')));
    const dh = get(src, 'disableNameSuffixHash');
    if (dh) o.disableHash = str(dh) === 'true';
    if (str(get(src, 'immutable')) === 'true') o.immutable = true;
  }
  return o;
}

function stringMap(n: KNode | undefined): Record<string, string> {
  return isMap(n) ? Object.fromEntries(n.entries.map((e) => [e.key, str(e.value) ?? ''])) : {};
}

function isUtf8(bytes: Uint8Array): boolean {
  try { new TextDecoder('utf-8', { fatal: true }).decode(bytes); return true; } catch { return false; }
}

function utf8Map(m: Record<string, string>): Record<string, Uint8Array> {
  const encoder = new TextEncoder();
  return Object.fromEntries(Object.entries(m).map(([key, v]) => [key, encoder.encode(v)]));
}

function base64(bytes: Uint8Array): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += chars[(n >> 18) & 63] + chars[(n >> 12) & 63];
    out += i + 1 < bytes.length ? chars[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? chars[n & 63] : '=';
  }
  return out;
}

/** kyaml writes long base64 values as 70-character lines, each ending in a line break. */
function wrap70(b64: string): string {
  if (b64.length < 70) return b64;
  let out = '';
  for (let i = 0; i < b64.length; i += 70) out += b64.slice(i, i + 70) + '\n';
  return out;
}
