// Fixes in JSON manifests write JSON: the Pod Security Admission fixtures that fail the restricted
// level, converted to JSON (pretty-printed as kubectl writes it, and on one line), hardened with
// every fix, safe and unsafe. Each result must still be JSON, converge, have no fix refused (a
// refusal here means a builder wrote YAML), and read back as the same object but for the settings
// the fixes may change.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { fixAll } from '@kube-harden/server';
import { PSA_TESTDATA } from '../../helpers/fixture-paths';

const DIR = path.join(PSA_TESTDATA, 'restricted', 'v1.30', 'fail');
/** What a restricted fix may change: security contexts, host namespaces and ports, volumes, AppArmor annotations. */
const FIXABLE = /(^|\.)(securityContext|hostNetwork|hostPID|hostIPC|hostPort|volumes|volumeMounts|readOnly)(\.|$)|^metadata\.annotations\.container\.apparmor\.security\.beta\.kubernetes\.io/;

function changedPaths(a: unknown, b: unknown, at: string, out: string[]): void {
  if (Object.is(a, b)) return;
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (!isObj(a) || !isObj(b)) { out.push(at); return; }
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) changedPaths(a[k], b[k], at ? `${at}.${k}` : k, out);
}

describe('fix: JSON manifests stay JSON (PSA restricted fixtures as JSON, every fix)', function () {
  this.timeout(120_000);
  const files = fs.readdirSync(DIR).filter(f => f.endsWith('.yaml')).sort();

  it('has the fixtures', () => assert.ok(files.length >= 50, DIR));

  let changed = 0;
  for (const file of files) {
    it(file, () => {
      const data = parseYaml(fs.readFileSync(path.join(DIR, file), 'utf8'));
      for (const text of [JSON.stringify(data, null, 2) + '\n', JSON.stringify(data)]) {
        const r = fixAll(text, { level: 'restricted' }, { safety: 'unsafe' });
        assert.deepEqual(r.refused, [], 'no fix wrote YAML');
        assert.equal(r.converged, true);
        const after = JSON.parse(r.text);
        const paths: string[] = [];
        changedPaths(data, after, '', paths);
        for (const p of paths) assert.match(p, FIXABLE, `${file}: changed only what fixes may change`);
        if (r.text !== text) changed++;
      }
    });
  }

  it('fixed most of them (the check is not vacuous)', () => assert.ok(changed >= files.length, `${changed} of ${files.length * 2}`));
});
