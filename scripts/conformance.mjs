// Pod Security Admission agreement of the built CLI at every policy version the fixtures hold,
// both levels, with `--pss-version` set to the version under test (without it the CLI checks at
// the latest version, which only means something for the newest fixtures). Fixtures: the
// Kubernetes project's, in test/fixtures/pod-security-admission (see its SOURCE.md).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = resolve(process.argv[2] ?? join(root, 'test', 'fixtures', 'pod-security-admission', 'testdata'));
// Catalogue rows per PSA check id (each fixture's file-name prefix), shared with the mocha suite.
const rowsFor = JSON.parse(readFileSync(join(root, 'test', 'psa-check-rows.json'), 'utf8'));
const isPss = r => /^(B|R)\d/.test(r);
const versions = readdirSync(join(fixtures, 'restricted')).sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
let allOk = 0, allTotal = 0;
console.log('version   baseline   restricted   (files agreeing on verdict and named check / files)');
for (const version of versions) {
  const cells = [];
  for (const level of ['baseline', 'restricted']) {
    let ok = 0, total = 0;
    for (const verdict of ['pass', 'fail']) {
      const dir = join(fixtures, level, version, verdict);
      let files;
      try { files = readdirSync(dir).filter(f => f.endsWith('.yaml')).map(f => join(dir, f)); } catch { continue; }
      if (!files.length) continue;
      let out;
      try { out = execFileSync(process.execPath, [join(root, 'server', 'bin', 'kube-harden.js'), 'check', '--no-context', '--format', 'json', '--level', level, '--pss-version', version, ...files], { encoding: 'utf8', maxBuffer: 1 << 28 }); }
      catch (e) { out = e.stdout; }
      const findings = JSON.parse(out).findings;
      for (const f of files) {
        total++;
        const pss = findings.filter(x => x.file === f && x.covers.some(isPss));
        if (verdict === 'pass') { if (!pss.length) ok++; continue; }
        const want = rowsFor[basename(f).replace(/\d+\.yaml$/, '')] ?? [];
        if (pss.some(x => x.covers.some(r => want.includes(r)))) ok++;
      }
    }
    cells.push(`${ok}/${total}`.padEnd(12));
    allOk += ok; allTotal += total;
  }
  console.log(`${version.padEnd(9)} ${cells.join(' ')}`);
}
console.log(`all versions: ${allOk}/${allTotal}`);
process.exit(allOk === allTotal ? 0 : 1);
