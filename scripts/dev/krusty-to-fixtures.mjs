#!/usr/bin/env node
// Turns Kustomize's own end-to-end tests (api/krusty/*_test.go) into JSON data fixtures:
// one file per case with the files the test writes, the folder it builds and the expected
// output or error substring. Only the data is taken; nothing of the Go code runs.
//
// The Go subset understood is what those tests use: string literals (raw and interpreted),
// `+` concatenation, file-level string constants, th.WriteK/WriteC/WriteF/WriteLegacyConfigs,
// th.Run/RunWithErr, th.Reset, the Assert* helpers, err.Error() substring checks, and calls to
// helper functions of the same file that take the harness (inlined with their string
// arguments bound). Anything else marks the case unconvertible, with the reason, in the index.
//
// Usage: node scripts/dev/krusty-to-fixtures.mjs <kustomize checkout> <commit>
import { readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, posix } from 'node:path';

const [root, commit] = process.argv.slice(2);
if (!root || !commit) {
  console.error('usage: krusty-to-fixtures.mjs <kustomize checkout> <commit>');
  process.exit(2);
}
const outDir = new URL('../../test/fixtures/kustomize/krusty/', import.meta.url).pathname;
const krustyDir = join(root, 'api/krusty');

// ---- tokenizer -----------------------------------------------------------------------------
function tokenize(src) {
  const toks = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '/' && src[i + 1] === '/') { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (c === '/' && src[i + 1] === '*') { i = src.indexOf('*/', i + 2) + 2; continue; }
    if (/\s/.test(c)) { i++; continue; }
    if (c === '`') {
      const end = src.indexOf('`', i + 1);
      toks.push({ t: 'str', v: src.slice(i + 1, end).replace(/\r/g, '') });
      i = end + 1; continue;
    }
    if (c === '"') {
      let j = i + 1, v = '';
      while (src[j] !== '"') {
        if (src[j] === '\\') {
          const e = src[j + 1];
          const map = { n: '\n', t: '\t', '"': '"', '\\': '\\', r: '\r', "'": "'" };
          if (e in map) { v += map[e]; j += 2; continue; }
          if (e === 'x') { v += String.fromCharCode(parseInt(src.substr(j + 2, 2), 16)); j += 4; continue; }
          if (e === 'u') { v += String.fromCharCode(parseInt(src.substr(j + 2, 4), 16)); j += 6; continue; }
          v += e; j += 2; continue;
        }
        v += src[j++];
      }
      toks.push({ t: 'str', v }); i = j + 1; continue;
    }
    if (c === "'") { const end = src.indexOf("'", i + 2); toks.push({ t: 'rune' }); i = end + 1; continue; }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i, i + 200));
    if (id) { toks.push({ t: 'id', v: id[0] }); i += id[0].length; continue; }
    const num = /^[0-9][0-9a-fA-FxX._]*/.exec(src.slice(i, i + 50));
    if (num) { toks.push({ t: 'num', v: num[0] }); i += num[0].length; continue; }
    const op = /^(:=|==|!=|&&|\|\||<-|\.\.\.|[-+*/%<>=!&|^.,;:(){}[\]])/.exec(src.slice(i, i + 3));
    toks.push({ t: 'op', v: op ? op[0] : c }); i += op ? op[0].length : 1;
  }
  return toks;
}

// ---- file-level declarations ---------------------------------------------------------------
function matchBrace(toks, i) {
  const open = toks[i].v, close = { '{': '}', '(': ')', '[': ']' }[open];
  let depth = 0;
  for (let j = i; j < toks.length; j++) {
    if (toks[j].t === 'op' && toks[j].v === open) depth++;
    else if (toks[j].t === 'op' && toks[j].v === close && --depth === 0) return j;
  }
  throw new Error('unbalanced');
}

function declarations(toks) {
  const funcs = new Map(), consts = new Map();
  for (let i = 0; i < toks.length; i++) {
    const tk = toks[i];
    if (tk.t === 'id' && tk.v === 'func' && toks[i + 1].t === 'id') {
      const name = toks[i + 1].v;
      const pOpen = i + 2, pClose = matchBrace(toks, pOpen);
      let b = pClose + 1;
      while (!(toks[b].t === 'op' && toks[b].v === '{')) b++;
      const bClose = matchBrace(toks, b);
      const params = [];
      const ptoks = toks.slice(pOpen + 1, pClose);
      for (let k = 0; k < ptoks.length; k++) {
        if (ptoks[k].t === 'id' && (k === 0 || ptoks[k - 1].v === ',')) params.push(ptoks[k].v);
      }
      funcs.set(name, { name, params, body: toks.slice(b + 1, bClose), sig: ptoks.map((x) => x.v).join(' ') });
      i = bClose;
    } else if (tk.t === 'id' && (tk.v === 'const' || tk.v === 'var')) {
      const entries = [];
      if (toks[i + 1].v === '(') {
        const close = matchBrace(toks, i + 1);
        let k = i + 2;
        while (k < close) {
          const s = k; let e = k;
          while (e < close && !(toks[e + 1] && toks[e + 1].t === 'id' && toks[e + 2] && toks[e + 2].v === '=' && e + 1 > s + 1)) e++;
          entries.push(toks.slice(s, e + 1)); k = e + 1;
        }
        i = close;
      } else {
        let e = i + 1;
        while (e + 1 < toks.length && !(toks[e + 1].t === 'id' && ['func', 'const', 'var', 'type'].includes(toks[e + 1].v))) e++;
        entries.push(toks.slice(i + 1, e + 1)); i = e;
      }
      for (const en of entries) {
        if (en[0]?.t === 'id' && en[1]?.v === '=') consts.set(en[0].v, en.slice(2));
      }
    }
  }
  return { funcs, consts };
}

// ---- a tiny evaluator for string expressions -------------------------------------------------
class Unsupported extends Error {}

function evalString(toks, env) {
  let out = '', expectOperand = true;
  for (let k = 0; k < toks.length; k++) {
    const tk = toks[k];
    if (expectOperand) {
      if (tk.t === 'str') out += tk.v;
      else if (tk.t === 'id' && env.vars.has(tk.v)) out += env.vars.get(tk.v);
      else if (tk.t === 'id' && env.consts.has(tk.v)) out += evalString(env.consts.get(tk.v), env);
      else if (tk.t === 'id' && tk.v === 'th' && toks[k + 1]?.v === '.' && toks[k + 2]?.v === 'Join') {
        const close = matchBrace(toks, k + 3);
        const args = splitArgs(toks.slice(k + 4, close)).map((a) => evalString(a, env));
        out += posix.join(...args); k = close;
      } else if (tk.t === 'id' && tk.v === 'filepath' && toks[k + 2]?.v === 'Join') {
        const close = matchBrace(toks, k + 3);
        const args = splitArgs(toks.slice(k + 4, close)).map((a) => evalString(a, env));
        out += posix.join(...args); k = close;
      } else throw new Unsupported(`expression ${toks.map((x) => x.v ?? JSON.stringify(x.v)).join(' ').slice(0, 60)}`);
      expectOperand = false;
    } else if (tk.v === '+') expectOperand = true;
    else throw new Unsupported(`operator ${tk.v}`);
  }
  return out;
}

function splitArgs(toks) {
  const args = []; let cur = [], depth = 0;
  for (const tk of toks) {
    if (tk.t === 'op' && '([{'.includes(tk.v)) depth++;
    if (tk.t === 'op' && ')]}'.includes(tk.v)) depth--;
    if (depth === 0 && tk.v === ',' && tk.t === 'op') { args.push(cur); cur = []; continue; }
    cur.push(tk);
  }
  if (cur.length) args.push(cur);
  return args;
}

// ---- running a test body -------------------------------------------------------------------
// Options set in Go (anywhere in the test, including closures passed to th.Run).
function scanFeatures(body, features) {
  for (const tk of body) {
    if (tk.t !== 'id') continue;
    if (tk.v === 'LoadRestrictionsNone') features.add('load restrictions none');
    if (tk.v === 'Reorder') features.add('legacy reorder option');
    if (tk.v === 'EnableExec') features.add('exec plugins');
    if (tk.v === 'MakeOptionsPluginsEnabled') features.add('plugins enabled in Go options');
  }
}

function runBody(body, env, state) {
  for (let k = 0; k < body.length; k++) {
    const tk = body[k];
    if (tk.t === 'id' && ['for', 'switch', 'go', 'select'].includes(tk.v)) throw new Unsupported(`Go ${tk.v} statement`);
    if (tk.t === 'id' && tk.v === 'th' && body[k + 1]?.v === '.') {
      const m = body[k + 2]?.v;
      if (body[k + 3]?.v !== '(') continue;
      const close = matchBrace(body, k + 3);
      const args = splitArgs(body.slice(k + 4, close));
      switch (m) {
        case 'WriteK': case 'WriteC': {
          const dir = evalString(args[0], env);
          const head = m === 'WriteK' ? 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n'
            : 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n';
          state.files[posix.join(dir, 'kustomization.yaml')] = '\n' + head + evalString(args[1], env);
          break;
        }
        case 'WriteF': state.files[posix.normalize(evalString(args[0], env))] = evalString(args[1], env); break;
        case 'WriteLegacyConfigs': throw new Unsupported('WriteLegacyConfigs (Go-side default field specs)');
        case 'MkDir': state.dirs.push(evalString(args[0], env)); break;
        case 'Reset': if (body[k - 1]?.v !== 'defer') { state.files = {}; state.dirs = []; } break;
        case 'Run': state.pending = { dir: evalString(args[0], env) }; break;
        case 'RunWithErr': state.pending = { dir: evalString(args[0], env), error: true }; break;
        case 'AssertActualEqualsExpected': case 'AssertActualEqualsExpectedNoIdAnnotations':
          if (args[0].length > 3 && args[0][2].v === 'Run') state.pending = { dir: evalString(splitArgs(args[0].slice(4, -1))[0], env) };
          emit(state, { expected: evalString(args[1], env), noIdAnnotations: m.endsWith('NoIdAnnotations') });
          break;
        case 'AssertActualEqualsExpectedWithTweak': throw new Unsupported('output tweak function');
        default: break;
      }
      k = close;
    } else if (tk.t === 'id' && (body[k + 1]?.v === ':=' || body[k + 1]?.v === '=') && body[k - 1]?.v !== '.') {
      // a local string variable: name := "..." + other
      // operand (+ operand)*: an operand is a string literal or a plain identifier.
      let e = k + 2;
      const operand = (t) => t && (t.t === 'str' || (t.t === 'id' && body[body.indexOf(t) + 1]?.v !== '(' && body[body.indexOf(t) + 1]?.v !== '.'));
      while (operand(body[e])) { e++; if (body[e]?.v === '+' && operand(body[e + 1])) e++; else break; }
      try { if (e > k + 2) env.vars.set(tk.v, evalString(body.slice(k + 2, e), env)); } catch { /* not a string */ }
    } else if (tk.t === 'id' && tk.v === 'Error' && body[k - 1]?.v === '.' && body[k + 1]?.v === '(' && state.pending?.error) {
      // err.Error(), "substring"  |  strings.Contains(err.Error(), "substring")
      const j = k + 3;
      if (body[j]?.v === ',' && body[j + 1]?.t === 'str') {
        let e = j + 1; const parts = [body[e]];
        while (body[e + 1]?.v === '+' && body[e + 2]?.t === 'str') { parts.push(body[e + 1], body[e + 2]); e += 2; }
        emit(state, { errorContains: evalString(parts, env) });
      }
    } else if (tk.t === 'id' && env.funcs.has(tk.v) && body[k + 1]?.v === '(' && body[k - 1]?.v !== '.') {
      const fn = env.funcs.get(tk.v);
      const close = matchBrace(body, k + 1);
      const args = splitArgs(body.slice(k + 2, close));
      if (!/kusttest_test \. Harness|HarnessEnhanced|\*testing/.test(fn.sig)) { k = close; continue; }
      const vars = new Map(env.vars);
      fn.params.forEach((p, idx) => {
        if (!args[idx]) return;
        if (args[idx].length === 1 && args[idx][0].v === 'th') return;
        try { vars.set(p, evalString(args[idx], env)); } catch { /* non-string argument */ }
      });
      if (fn.body.some((x) => x.v === 'return') && body[k - 1]?.v !== ';' && body[k - 2]?.v === ':=') {
        throw new Unsupported(`helper ${fn.name} returns a value`);
      }
      runBody(fn.body, { ...env, vars }, state);
      k = close;
    }
  }
}

function emit(state, result) {
  if (!state.pending) throw new Unsupported('assertion without a run');
  state.cases.push({ files: { ...state.files }, dir: state.pending.dir, features: [...state.features], ...result });
  state.pending.emitted = true;
}

// ---- main ----------------------------------------------------------------------------------
mkdirSync(outDir, { recursive: true });
// Only the generated cases are replaced: SOURCE.md and LICENSE stay.
for (const f of readdirSync(outDir)) if (f.endsWith('.json')) rmSync(join(outDir, f));
const index = { source: `kubernetes-sigs/kustomize@${commit} api/krusty`, cases: [], unconvertible: [] };
for (const file of readdirSync(krustyDir).filter((f) => f.endsWith('_test.go')).sort()) {
  const toks = tokenize(readFileSync(join(krustyDir, file), 'utf8'));
  const { funcs, consts } = declarations(toks);
  for (const fn of funcs.values()) {
    if (!fn.name.startsWith('Test') || !/testing \. T/.test(fn.sig)) continue;
    const state = { files: {}, dirs: [], cases: [], features: new Set(), pending: null };
    const base = file.replace(/_test\.go$/, '') + '.' + fn.name;
    scanFeatures(fn.body, state.features);
    try {
      runBody(fn.body, { funcs, consts, vars: new Map() }, state);
      if (!state.cases.length) throw new Unsupported('no output or error assertion found');
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
      index.unconvertible.push({ test: base, reason: e.message });
      continue;
    }
    state.cases.forEach((c, i) => {
      const name = state.cases.length > 1 ? `${base}.${i + 1}` : base;
      const fixture = { name, test: `${file}:${fn.name}`, ...c };
      writeFileSync(join(outDir, name + '.json'), JSON.stringify(fixture, null, 1) + '\n');
      index.cases.push(name);
    });
  }
}
writeFileSync(join(outDir, 'index.json'), JSON.stringify(index, null, 1) + '\n');
console.log(`${index.cases.length} cases, ${index.unconvertible.length} tests unconvertible`);
