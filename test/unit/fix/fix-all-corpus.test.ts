// Fix-all (every SAFE fix, restricted level, to a fixed point: what on-save and `check --fix`
// do) over every real-world manifest in test/fixtures/real. For each file: it converges;
// every document that parsed before still parses, without errors; every comment line survives;
// and nothing changes but the fixes' own edits. That last check replays the passes with the
// same lint and fix selection as fixAll (and must reach fixAll's exact text), and in each pass
// requires the output to equal the input outside the applied edits' spans, each edit to be
// local (a scalar, an insertion, or whole lines, never across a comment, never writing one),
// and the data of each document to differ only in the settings safe fixes may change. How many
// fixes each file got is printed, not asserted: it grows as rules gain fixes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixes, fixAll, lintParsed, mergeEdits, parseFile, resolveConfig, selectFixable } from '@kube-harden/server';
import type { Fix } from '@kube-harden/server';
import { REAL_CORPUS } from '../../helpers/fixture-paths';

const CORPUS = REAL_CORPUS;
const CONFIG = { level: 'restricted' as const };
const MAX_PASSES = 10;

/**
 * The settings a safe fix may touch: a new securityContext, allowPrivilegeEscalation, a seccomp
 * profile, an overridden env entry, the deprecated serviceAccount field. Never a host namespace,
 * a hostPort or privileged: those are the author's (a CNI or an exporter needs them).
 */
const SAFE_PATH = /(^|\.)securityContext(\.allowPrivilegeEscalation|\.seccompProfile(\.type)?)?$|(^|\.)env(\.\d+.*)?$|(^|\.)serviceAccount(Name)?$/;

/** Keys whose written value is a privilege the author asked for: a safe fix never changes one. */
const PRIVILEGE_KEYS = new Set(['privileged', 'hostNetwork', 'hostPID', 'hostIPC', 'hostPort', 'add', 'hostPath', 'procMount', 'hostUsers']);

/** Every written privilege of a document as `path=value`, and every `Unconfined` profile. */
function privileges(js: unknown, at = '', out: string[] = []): string[] {
  if (Array.isArray(js)) js.forEach((v, i) => privileges(v, `${at}.${i}`, out));
  else if (typeof js === 'object' && js !== null) {
    for (const [k, v] of Object.entries(js)) {
      if (PRIVILEGE_KEYS.has(k) || v === 'Unconfined') out.push(`${at}.${k}=${JSON.stringify(v)}`);
      privileges(v, `${at}.${k}`, out);
    }
  }
  return out;
}

function changedPaths(a: unknown, b: unknown, at: string, out: string[]): void {
  if (Object.is(a, b)) return;
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (!isObj(a) || !isObj(b) || Array.isArray(a) !== Array.isArray(b)) { out.push(at); return; }
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) changedPaths(a[k], b[k], at ? `${at}.${k}` : k, out);
}

function commentLines(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of text.split(/\r?\n/)) if (/^\s*#/.test(l)) m.set(l.trim(), (m.get(l.trim()) ?? 0) + 1);
  return m;
}

const isLineStart = (text: string, i: number) => i === 0 || text[i - 1] === '\n';

/** One pass: the output is the input with only the applied fixes' spans replaced, and each edit is local. */
function checkPass(file: string, before: string, after: string, applied: readonly Fix[]): void {
  for (const fix of applied) {
    for (const e of fix) {
      const removed = before.slice(e.start, e.end);
      assert.doesNotMatch(e.newText, /#/, `${file}: a fix writes no comment`);
      const wholeLines = isLineStart(before, e.start) && isLineStart(before, e.end) && e.newText === '';
      // A removed key may take its own trailing comment (its line goes); anything else replaces
      // a scalar or inserts, never across a line break or a comment.
      if (!wholeLines) assert.doesNotMatch(removed, /[\n#]/, `${file}: edit at ${e.start} replaces ${JSON.stringify(removed)}`);
    }
  }
  const spans = applied.map(f => mergeEdits(before, f)!).sort((a, b) => a.start - b.start);
  let pos = 0;
  let delta = 0;
  for (const s of [...spans, { start: before.length, end: before.length, newText: '' }]) {
    assert.equal(after.slice(pos + delta, s.start + delta), before.slice(pos, s.start), `${file}: text between the edits unchanged`);
    delta += s.newText.length - (s.end - s.start);
    pos = s.end;
  }
  assert.equal(after.length, before.length + delta);
}

const files = fs.existsSync(CORPUS) ? fs.readdirSync(CORPUS).filter(f => /\.(ya?ml|json)$/i.test(f)).sort() : [];
const report: Array<{ file: string; fixed: number; passes: number; ms: number }> = [];

describe('fix-all (safe, restricted) over the real-world corpus', function () {
  this.timeout(120_000);
  const started = Date.now();

  after(() => {
    const width = Math.max(...report.map(r => r.file.length));
    console.log(`\n      safe fixes applied per file (restricted level), ${((Date.now() - started) / 1000).toFixed(1)} s in all:`);
    for (const r of report) console.log(`        ${r.file.padEnd(width)}  ${String(r.fixed).padStart(3)} fixed, ${r.passes} pass(es), ${r.ms} ms`);
    console.log(`        total: ${report.reduce((n, r) => n + r.fixed, 0)} fixed`);
  });

  it('has the corpus', () => assert.ok(files.length >= 20, `corpus at ${CORPUS}`));

  for (const file of files) {
    it(file, () => {
      const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
      const t0 = Date.now();
      const result = fixAll(text, CONFIG, { safety: 'safe', maxPasses: MAX_PASSES });
      report.push({ file, fixed: result.fixed, passes: result.passes, ms: Date.now() - t0 });
      assert.ok(result.converged, `${file}: fix-all converges`);
      if (result.text === text) return;

      const original = parseFile(text);
      const fixed = parseFile(result.text);
      assert.equal(fixed.skipped, original.skipped);
      assert.equal(fixed.documents.length, original.documents.length, 'as many documents as before');
      original.documents.forEach((d, i) => {
        if (d.hasErrors) return;
        assert.deepEqual(fixed.documents[i].doc.errors.map(e => e.message), [], `${file}: document ${i} still parses`);
        const changed: string[] = [];
        const [was, is] = [d.doc.toJS({ maxAliasCount: -1 }), fixed.documents[i].doc.toJS({ maxAliasCount: -1 })];
        changedPaths(was, is, '', changed);
        for (const p of changed) assert.match(p, SAFE_PATH, `${file}: document ${i} changed only where safe fixes may`);
        assert.deepEqual(privileges(is), privileges(was), `${file}: document ${i} keeps every privilege written`);
      });
      const after = commentLines(result.text);
      for (const [line, n] of commentLines(text)) assert.ok((after.get(line) ?? 0) >= n, `${file}: comment line kept: ${line}`);

      // The passes again, each checked.
      const resolved = resolveConfig(CONFIG);
      let cur = text;
      for (let pass = 0; pass < MAX_PASSES; pass++) {
        const fixes = selectFixable(lintParsed(parseFile(cur), resolved).findings, { safety: 'safe' })
          .map(f => f.fix!.edits())
          .filter((e): e is NonNullable<typeof e> => !!e && e.length > 0);
        if (fixes.length === 0) break;
        const r = applyFixes(cur, fixes);
        assert.ok(r.applied.length > 0, `${file}: pass ${pass + 1} applies something`);
        checkPass(file, cur, r.text, r.applied);
        cur = r.text;
      }
      assert.equal(cur, result.text, `${file}: the checked passes reach fixAll's text`);
    });
  }

  it('fixed something (the check is not vacuous)', () => {
    assert.ok(report.reduce((n, r) => n + r.fixed, 0) >= 10, JSON.stringify(report));
  });
});
