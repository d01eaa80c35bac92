// Extracts the template cases of Masterminds/sprig's *_test.go into test/fixtures/gotemplate/sprig/
// cases.json: every runt(template, expected) and runtv(template, expected, vars) call whose
// arguments are Go string literals (directly, through a variable assigned a literal, or as the
// entries of a map[string]string table looped over with runt), with vars converted from Go
// composite literals to the fixture's typed JSON where they are plain data.
//
//   node scripts/dev/sprig-cases.mjs <sprig git dir> <commit>
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const [gitDir, commit = 'HEAD'] = process.argv.slice(2);
if (!gitDir) { console.error('usage: sprig-cases.mjs <sprig git dir> [commit]'); process.exit(2); }
const git = (...a) => execFileSync('git', ['--git-dir', gitDir, ...a], { encoding: 'utf8', maxBuffer: 1 << 26 });
const files = git('ls-tree', '--name-only', commit).split('\n').filter(f => f.endsWith('_test.go'));

// Go tokens enough for test tables: string literals, identifiers, numbers, punctuation.
function tokenize(src) {
  const toks = [];
  let i = 0, line = 1;
  while (i < src.length) {
    const c = src[i];
    if (c === '\n') { line++; i++; continue; }
    if (/\s/.test(c)) { i++; continue; }
    if (src.startsWith('//', i)) { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (src.startsWith('/*', i)) { const e = src.indexOf('*/', i + 2); line += src.slice(i, e).split('\n').length - 1; i = e + 2; continue; }
    if (c === '`') { const e = src.indexOf('`', i + 1); const v = src.slice(i + 1, e); toks.push({ t: 'str', v: v.replace(/\r/g, ''), line }); line += v.split('\n').length - 1; i = e + 1; continue; }
    if (c === '"') {
      let j = i + 1; while (src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      toks.push({ t: 'str', v: JSON.parse(goToJsonString(src.slice(i, j + 1))), line }); i = j + 1; continue;
    }
    if (c === "'") { let j = i + 1; while (src[j] !== "'") j += src[j] === '\\' ? 2 : 1; toks.push({ t: 'rune', v: src.slice(i, j + 1), line }); i = j + 1; continue; }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i, i + 200));
    if (id) { toks.push({ t: 'id', v: id[0], line }); i += id[0].length; continue; }
    const num = /^-?[0-9][0-9a-fA-FxX._]*(e[+-]?[0-9]+)?/.exec(src.slice(i, i + 100));
    if (num) { toks.push({ t: 'num', v: num[0], line }); i += num[0].length; continue; }
    const op = /^(:=|\.\.\.|[{}()[\],:=.;+\-*&!<>|])/.exec(src.slice(i, i + 3));
    toks.push({ t: 'op', v: op ? op[0] : c, line }); i += op ? op[0].length : 1;
  }
  return toks;
}

function goToJsonString(s) {
  // Go interpreted string -> JSON string: \x and octal escapes become \u, \a and \v too.
  return s.replace(/\\(x[0-9a-fA-F]{2}|[0-7]{3}|a|v|U[0-9a-fA-F]{8}|')/g, (_m, e) => {
    if (e === 'a') return '\\u0007';
    if (e === 'v') return '\\u000b';
    if (e === "'") return "'";
    if (e[0] === 'x') return '\\u00' + e.slice(1);
    if (e[0] === 'U') { const cp = parseInt(e.slice(1), 16); return JSON.stringify(String.fromCodePoint(cp)).slice(1, -1); }
    return '\\u' + parseInt(e, 8).toString(16).padStart(4, '0');
  });
}

/** Converts a Go composite literal starting at toks[i] to fixture JSON; returns [value, next] or null. */
function goValue(toks, i) {
  const t = toks[i];
  if (!t) return null;
  if (t.t === 'str') return [t.v, i + 1];
  if (t.t === 'num') return [/[.eE]/.test(t.v) ? Number(t.v) : { $int: String(Number(t.v)) }, i + 1];
  if (t.t === 'id' && (t.v === 'true' || t.v === 'false')) return [t.v === 'true', i + 1];
  if (t.t === 'id' && t.v === 'nil') return [null, i + 1];
  if (t.t === 'id' && /^(int|int64|float64|uint|int32|int8)$/.test(t.v) && toks[i + 1]?.v === '(') {
    const inner = goValue(toks, i + 2);
    if (!inner || toks[inner[1]]?.v !== ')') return null;
    const v = inner[0];
    if (t.v === 'float64') return [typeof v === 'number' ? v : Number(v.$int), inner[1] + 1];
    return [typeof v === 'number' ? { $int: String(Math.trunc(v)) } : v, inner[1] + 1];
  }
  // map[string]interface{}{...}, map[string]string{...}, []interface{}{...}, []int{...}, []string{...}
  let j = i;
  let kind = null;
  if (toks[j]?.v === 'map' && toks[j + 1]?.v === '[' && toks[j + 2]?.v === 'string' && toks[j + 3]?.v === ']') {
    j += 4; kind = 'map';
  } else if (toks[j]?.v === '[' && toks[j + 1]?.v === ']') { j += 2; kind = 'slice'; }
  else if (toks[j]?.v === '{') kind = 'elided';
  else return null;
  // element type
  if (kind !== 'elided') {
    if (toks[j]?.v === 'interface' && toks[j + 1]?.v === '{' && toks[j + 2]?.v === '}') j += 3;
    else if (toks[j]?.v === 'any') j += 1;
    else if (toks[j]?.t === 'id' && /^(string|int|int64|float64|bool)$/.test(toks[j].v)) j += 1;
    else if (toks[j]?.v === 'map' || toks[j]?.v === '[') {
      const nested = skipType(toks, j); if (nested < 0) return null; j = nested;
    } else return null;
  }
  if (toks[j]?.v !== '{') return null;
  j++;
  const out = kind === 'map' ? {} : [];
  while (toks[j] && toks[j].v !== '}') {
    if (kind === 'map') {
      if (toks[j].t !== 'str' || toks[j + 1]?.v !== ':') return null;
      const key = toks[j].v;
      const v = goValue(toks, j + 2) ?? (toks[j + 2]?.v === '{' ? null : null);
      if (!v) return null;
      out[key] = v[0]; j = v[1];
    } else {
      const v = goValue(toks, j);
      if (!v) return null;
      out.push(v[0]); j = v[1];
    }
    if (toks[j]?.v === ',') j++;
  }
  return [out, j + 1];
}

function skipType(toks, j) {
  if (toks[j]?.v === 'map') { j += 2; j = skipType(toks, j); if (toks[j]?.v !== ']') return -1; return skipType(toks, j + 1); }
  if (toks[j]?.v === '[' && toks[j + 1]?.v === ']') return skipType(toks, j + 2);
  if (toks[j]?.v === 'interface') return j + 3;
  if (toks[j]?.t === 'id') return j + 1;
  return -1;
}

const cases = [];
const skipped = [];
for (const file of files) {
  const src = git('show', `${commit}:${file}`);
  const toks = tokenize(src);
  let fn = '';
  const vars = new Map();
  const dataVars = new Map();
  let table = null; // string pairs of the latest map[string]string literal
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.v === 'func' && toks[i + 1]?.t === 'id' && toks[i + 2]?.v === '(') { fn = toks[i + 1].v; vars.clear(); dataVars.clear(); table = null; }
    if (t.t === 'id' && (toks[i + 1]?.v === ':=' || (toks[i + 1]?.v === '=' && toks[i - 1]?.v !== ','))) {
      if (toks[i + 2]?.t === 'str' && ![',', ':', '+'].includes(toks[i + 3]?.v)) vars.set(t.v, toks[i + 2].v);
      else if (toks[i + 2]?.v === 'map' && toks[i + 4]?.v === 'string' && toks[i + 6]?.v === 'string') {
        const v = goValue(toks, i + 2);
        if (v) table = { name: t.v, pairs: Object.entries(v[0]), line: t.line, used: false };
      } else {
        vars.delete(t.v);
        const v = goValue(toks, i + 2);
        if (v && typeof v[0] === 'object' && v[0] !== null) dataVars.set(t.v, v[0]); else dataVars.delete(t.v);
      }
    }
    if (t.t === 'id' && (t.v === 'runt' || t.v === 'runtv') && toks[i + 1]?.v === '(' && toks[i - 1]?.v !== 'func') {
      const arg = k => { const a = toks[k]; if (!a) return undefined; if (a.t === 'str' && [',', ')'].includes(toks[k + 1]?.v)) return a.v; if (a.t === 'id' && vars.has(a.v) && [',', ')'].includes(toks[k + 1]?.v)) return vars.get(a.v); return undefined; };
      const tplTok = toks[i + 2];
      // assert.Error(t, runt(...)): the case passes when the render fails.
      const expectError = toks[i - 4]?.v === 'Error' && toks[i - 3]?.v === '(' && toks[i - 1]?.v === ',';
      // A table loop: for tpl, expect := range tests { runt(tpl, expect) }
      if (table && tplTok.t === 'id' && !vars.has(tplTok.v) && toks[i + 4]?.t === 'id' && !vars.has(toks[i + 4].v) && !table.used) {
        table.used = true;
        for (const [tpl, expect] of table.pairs) cases.push({ file, test: fn, line: table.line, template: tpl, expected: expect, ...(expectError ? { expectError } : {}) });
        continue;
      }
      const tpl = arg(i + 2);
      const expect = tpl !== undefined && toks[i + 3]?.v === ',' ? arg(i + 4) : undefined;
      if (tpl === undefined || expect === undefined) { skipped.push({ file, test: fn, line: t.line, reason: 'template or expected value computed in Go' }); continue; }
      const c = { file, test: fn, line: t.line, template: tpl, expected: expect, ...(expectError ? { expectError } : {}) };
      if (t.v === 'runtv') {
        const d = toks[i + 6];
        const v = d?.t === 'id' && dataVars.has(d.v) && toks[i + 7]?.v === ')' ? [dataVars.get(d.v), i + 7] : goValue(toks, i + 6);
        if (!v) { skipped.push({ file, test: fn, line: t.line, reason: 'data given as Go values that are not plain data', template: tpl }); continue; }
        c.data = v[0];
      }
      cases.push(c);
    }
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = path.join(root, 'test', 'fixtures', 'gotemplate', 'sprig', 'cases.json');
fs.writeFileSync(out, JSON.stringify({
  source: { repository: 'Masterminds/sprig', commit: git('rev-parse', commit).trim(), files },
  extracted: cases.length, notExtracted: skipped, cases,
}, null, 1) + '\n');
console.log(`${cases.length} cases, ${skipped.length} call sites not extracted -> ${path.relative(process.cwd(), out)}`);
