// `kube-harden rules`: the catalogue from the engine's metadata.
import * as assert from 'node:assert/strict';
import { RULES } from '@kube-harden/server';
import { cli, json } from '../../helpers/cli';

describe('kube-harden rules', function () {
  this.timeout(30_000);

  it('--format json lists every rule with exactly the contract keys', async () => {
    const run = await cli(['rules', '--format', 'json']);
    assert.equal(run.status, 0, run.stderr);
    const out = json<{ rules: Array<Record<string, unknown>> }>(run);
    assert.deepEqual(Object.keys(out), ['rules']);
    assert.deepEqual(out.rules.map(r => r.id), RULES.map(r => r.id));
    for (const [i, r] of out.rules.entries()) {
      const meta = RULES[i];
      const keys = ['id', 'title', 'category', 'severity', 'pss', 'covers', 'rows', ...(meta.overrides ? ['overrides'] : []), 'equivalents', 'fix'];
      assert.deepEqual(Object.keys(r), keys);
      const { rows, overrides, ...rest } = r as Record<string, unknown> & { rows: Array<{ id: string; severity: string }> };
      assert.deepEqual(rows.map(row => row.id), meta.covers);
      assert.deepEqual(overrides, meta.overrides);
      assert.deepEqual(rest, {
        id: meta.id,
        title: meta.title,
        category: meta.category,
        severity: meta.severity,
        // `since` is internal: the contract has the level and the admission plugin's check id.
        pss: meta.pss ? { level: meta.pss.level, check: meta.pss.check } : null,
        covers: meta.covers,
        equivalents: meta.equivalents,
        fix: meta.fix ? meta.fix.safety : null,
      });
      for (const row of rows as Array<{ id: string; check?: unknown }>) assert.ok(typeof row.check === 'string' && row.check.length > 0, `${meta.id}: row ${row.id} has a check`);
    }
    // The catalogue's row B02 (catalogue-rows.ts: "Host network").
    assert.deepEqual(out.rules.find(r => r.id === 'disallow-host-network')?.rows, [{ id: 'B02', check: 'Host network', severity: 'error' }]);
  });

  it('says what a covered row checks', async () => {
    const out = json<{ rules: Array<{ id: string; rows: unknown }> }>(await cli(['rules', '--format', 'json']));
    assert.deepEqual(out.rules.find(r => r.id === 'disallow-privileged-containers')!.rows, [{ id: 'B05', check: 'Privileged container', severity: 'error' }]);
  });

  it('describes the two first rules as their files do', async () => {
    const out = json<{ rules: Array<Record<string, unknown>> }>(await cli(['rules', '--format', 'json']));
    const byId = new Map(out.rules.map(r => [r.id, r]));
    assert.deepEqual(byId.get('disallow-privileged-containers')?.pss, { level: 'baseline', check: 'privileged' });
    assert.equal(byId.get('disallow-privileged-containers')?.fix, 'unsafe');
    assert.deepEqual(byId.get('require-run-as-non-root')?.pss, { level: 'restricted', check: 'runAsNonRoot' });
    assert.deepEqual(byId.get('require-run-as-non-root')?.covers, ['R03']);
    assert.equal(byId.get('require-run-as-non-root')?.fix, 'unsafe');
  });

  // A finding takes the highest severity of its rows: the restricted capability rule's baseline
  // row keeps the replaced baseline rule's error, so the listing and the finding agree.
  it('gives each row its severity: a replacing rule keeps the replaced rule\'s for the rows they share', async () => {
    const out = json<{ rules: Array<Record<string, unknown>> }>(await cli(['rules', '--format', 'json']));
    const byId = new Map(out.rules.map(r => [r.id, r]));
    const caps = byId.get('restrict-capabilities-to-net-bind-service')!;
    assert.equal(caps.severity, 'warning');
    assert.deepEqual(caps.overrides, ['disallow-non-default-capabilities']);
    assert.deepEqual(caps.rows, [
      { id: 'R07', check: 'Capability added beyond NET_BIND_SERVICE', severity: 'warning' },
      { id: 'B06', check: 'Capability outside baseline default set', severity: 'error' },
    ]);
    assert.deepEqual((byId.get('disallow-wildcard-verbs')!.rows as unknown[]).length, 1);
  });

  it('prints a table by default: a header, then one row per rule', async () => {
    const run = await cli(['rules']);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^ID +CATEGORY +LEVEL +SEVERITY +FIX +TITLE$/);
    assert.equal(lines.length, RULES.length + 1);
    for (const [i, rule] of RULES.entries()) {
      assert.ok(lines[i + 1].startsWith(rule.id + ' '), lines[i + 1]);
      assert.ok(lines[i + 1].endsWith(rule.title), lines[i + 1]);
    }
    // Columns line up: the title column starts at the same offset on every line.
    const titleAt = lines[0].indexOf('TITLE');
    for (const [i, rule] of RULES.entries()) assert.equal(lines[i + 1].indexOf(rule.title, titleAt), titleAt);
  });
});
