// Mutations of real manifests for the fuzzer: each takes a text and a seeded random source and
// returns a variant a person (or a tool) could plausibly write or break: lines moved, dropped or
// re-indented, values of another type, other encodings and line breaks, properties on keys
// (anchors, tags, explicit keys, aliases), template text, comments, astral characters.
import { parse } from 'yaml';

/** A seeded PRNG (mulberry32): the same seed gives the same cases on every machine. */
export class Rng {
  private s: number;
  constructor(seed: number) { this.s = seed >>> 0; }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number { return Math.floor(this.next() * n); }
  pick<T>(items: readonly T[]): T { return items[this.int(items.length)]; }
}

export type Mutation = (text: string, rng: Rng) => string;

const lines = (t: string) => t.split('\n');
/** Indexes of lines holding `key: value` (a block map entry), optionally only those matching `re`. */
function keyLines(ls: readonly string[], re = /^(\s*(?:- )?)([A-Za-z][\w.-]*):( |$)/): number[] {
  return ls.map((l, i) => (re.test(l) ? i : -1)).filter(i => i >= 0);
}
function onLine(t: string, rng: Rng, edit: (line: string, m: RegExpExecArray) => string, re = /^(\s*(?:- )?)([A-Za-z][\w.-]*):( .*|)$/): string {
  const ls = lines(t);
  const hits = keyLines(ls, re);
  if (hits.length === 0) return t;
  const i = rng.pick(hits);
  ls[i] = edit(ls[i], re.exec(ls[i])!);
  return ls.join('\n');
}

const SCALARS = ['true', 'false', '"true"', 'yes', '0', '1000', '-1', '"1000"', '~', 'null', '[]', '{}', '[ALL]', '{type: Unconfined}', 'Unmasked', '0x10', '1e3', "'x'", '|\n  block', '"\\u00e9"', '*nope'];
const KEYS = ['privileged', 'allowPrivilegeEscalation', 'runAsNonRoot', 'runAsUser', 'hostNetwork', 'hostPID', 'hostIPC', 'hostPort', 'procMount', 'seccompProfile', 'capabilities', 'add', 'drop', 'readOnlyRootFilesystem', 'securityContext', 'hostUsers', 'hostPath', 'os', 'windowsOptions', 'mountPropagation'];

export const MUTATIONS: Record<string, Mutation> = {
  deleteLine: (t, r) => { const ls = lines(t); ls.splice(r.int(ls.length), 1); return ls.join('\n'); },
  duplicateLine: (t, r) => { const ls = lines(t); const i = r.int(ls.length); ls.splice(i, 0, ls[i]); return ls.join('\n'); },
  swapLines: (t, r) => { const ls = lines(t); const i = r.int(Math.max(1, ls.length - 1)); [ls[i], ls[i + 1]] = [ls[i + 1] ?? '', ls[i]]; return ls.join('\n'); },
  reindent: (t, r) => { const ls = lines(t); const i = r.int(ls.length); ls[i] = r.next() < 0.5 ? ' '.repeat(1 + r.int(3)) + ls[i] : ls[i].replace(/^ {1,2}/, ''); return ls.join('\n'); },
  swapType: (t, r) => onLine(t, r, (_l, m) => `${m[1]}${m[2]}: ${r.pick(SCALARS)}`),
  mapToString: (t, r) => onLine(t, r, (_l, m) => `${m[1]}${m[2]}: "${m[2]}"`, /^(\s*(?:- )?)(securityContext|capabilities|seccompProfile|spec|template|ports|env):()\s*$/),
  insertSetting: (t, r) => onLine(t, r, (l, m) => `${l}\n${' '.repeat(m[1].length + 2)}${r.pick(KEYS)}: ${r.pick(SCALARS)}`, /^(\s*(?:- )?)(securityContext|capabilities|spec|seccompProfile):()\s*$/),
  anchorKey: (t, r) => onLine(t, r, (l, m) => `${m[1]}&k${r.int(9)} ${l.slice(m[1].length)}`),
  tagKey: (t, r) => onLine(t, r, (l, m) => `${m[1]}!!str ${l.slice(m[1].length)}`),
  explicitKey: (t, r) => onLine(t, r, (l, m) => (/- $/.test(m[1]) || m[3] === '' ? l : `${m[1]}? ${m[2]}\n${m[1]}:${m[3]}`)),
  anchorAndAlias: (t, r) => {
    const ls = lines(t);
    const maps = keyLines(ls, /^(\s*)(securityContext|resources|capabilities):\s*$/);
    if (maps.length < 1) return t;
    const i = r.pick(maps);
    ls[i] = `${ls[i]} &sc`;
    const j = r.pick(maps.filter(x => x !== i).concat([ls.length]));
    if (j < ls.length) ls[j] = ls[j].replace(/:\s*$/, ': *sc');
    return ls.join('\n');
  },
  template: (t, r) => onLine(t, r, (l, m) => (r.next() < 0.5 ? `${m[1]}${m[2]}: "{{ .Values.${m[2]} }}"` : `${l}\n${m[1]}{{ include "x" . }}`)),
  comment: (t, r) => { const ls = lines(t); const i = r.int(ls.length); ls[i] = r.next() < 0.5 ? `${ls[i]} # note` : `${ls[i].match(/^\s*/)![0]}# kube-harden-ignore ${r.pick(['disallow-privileged-containers', 'require-no-privilege-escalation', 'require-seccomp-profile'])} -- fuzz\n${ls[i]}`; return ls.join('\n'); },
  astral: (t, r) => onLine(t, r, (_l, m) => `${m[1]}${m[2]}: "😀 ${m[2]}"`, /^(\s*(?:- )?)(name|image):( .*)$/),
  json: (t, r) => {
    try {
      const v = parse(t);
      return v && typeof v === 'object' ? JSON.stringify(v, null, r.next() < 0.5 ? 2 : undefined) + (r.next() < 0.5 ? '\n' : '') : t;
    } catch {
      return t;
    }
  },
  crlf: t => t.replace(/\r?\n/g, '\r\n'),
  bom: t => (t.startsWith('\ufeff') ? t : '\ufeff' + t),
  noFinalNewline: t => t.replace(/\s+$/, ''),
  tabs: (t, r) => { const ls = lines(t); const i = r.int(ls.length); ls[i] = ls[i].replace(/^ {2}/, '\t'); return ls.join('\n'); },
  truncate: (t, r) => t.slice(0, r.int(t.length + 1)),
  splice: (t, r) => { const a = r.int(t.length + 1); const b = a + r.int(40); return t.slice(0, a) + t.slice(b); },
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);
