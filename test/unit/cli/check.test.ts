// `kube-harden check`: exit status, the exact JSON contract, file names, directory walking,
// levels and policy versions, through the real binary.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '@kube-harden/server/out/cli/main';
import { json, removeTempTrees, cli, runCli, tempTree } from '../../helpers/cli';
import { yaml } from '../../helpers/manifest';
import { KNOWN_RULES, message, NOT_A_MANIFEST, PRIVILEGED_POD, PRIVILEGED_POD_JSON, privilegedPodFindings, ROOT_POD } from './fixtures';

interface JsonFinding {
  file: string; rule: string; severity: string; message: string;
  range: { start: { line: number; column: number }; end: { line: number; column: number } };
  covers: string[]; fix: null | { safety: string }; fingerprint?: string;
}
type Output = { findings: JsonFinding[] };

// The fingerprint is a hash (its stability is tested in ci.test.ts): checked for its shape here,
// then left out so the rest of the contract compares exactly.
const known = (o: Output) => o.findings.filter(f => KNOWN_RULES.has(f.rule)).map(({ fingerprint, ...rest }) => {
  assert.match(fingerprint ?? '', /^[0-9a-f]{32}$/);
  return rest;
});
const rulesOf = (o: Output) => [...new Set(o.findings.map(f => f.rule))].sort();

describe('kube-harden check', function () {
  this.timeout(60_000);
  after(removeTempTrees);

  describe('exit status', () => {
    it('is 0 when nothing is found, with an empty findings list', async () => {
      const dir = tempTree({ 'compose.yaml': NOT_A_MANIFEST });
      const run = await cli(['check', '--format', 'json', 'compose.yaml'], { cwd: dir });
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(json(run), { findings: [] });
      assert.equal(run.stderr, '');
    });

    it('is 1 when something is found', async () => {
      const dir = tempTree({ 'pod.yaml': PRIVILEGED_POD });
      const run = await cli(['check', 'pod.yaml'], { cwd: dir });
      assert.equal(run.status, 1, run.stderr);
    });

    it('is 2 for a missing file, named on stderr; the other files are still reported', async () => {
      const dir = tempTree({ 'pod.yaml': PRIVILEGED_POD });
      const run = await cli(['check', '--format', 'json', 'missing.yaml', 'pod.yaml'], { cwd: dir });
      assert.equal(run.status, 2);
      assert.match(run.stderr, /missing\.yaml: no such file or directory/);
      assert.deepEqual(known(json(run)), privilegedPodFindings('pod.yaml'));
    });

    it('is 2 for a dangling symbolic link found in a directory', async () => {
      const dir = tempTree({ 'm/pod.yaml': NOT_A_MANIFEST });
      fs.symlinkSync(path.join(dir, 'nowhere.yaml'), path.join(dir, 'm', 'broken.yaml'));
      const run = await cli(['check', 'm'], { cwd: dir });
      assert.equal(run.status, 2);
      assert.match(run.stderr, /m[\\/]broken\.yaml: no such file or directory/);
    });
  });

  describe('--format json', () => {
    it('prints exactly the contract: 1-based ranges, the file as given, sorted by position', async () => {
      const dir = tempTree({ 'pod.yaml': PRIVILEGED_POD });
      const run = await cli(['check', '--format', 'json', './pod.yaml'], { cwd: dir });
      const out = json<Output>(run);
      assert.deepEqual(Object.keys(out), ['findings']);
      assert.deepEqual(known(out), privilegedPodFindings('./pod.yaml'));
      for (const f of out.findings) {
        assert.deepEqual(Object.keys(f), ['file', 'rule', 'severity', 'message', 'range', 'covers', 'fix', 'fingerprint']);
        assert.ok(['error', 'warning', 'info'].includes(f.severity));
        assert.ok(f.fix === null || (Object.keys(f.fix).join() === 'safety' && ['safe', 'unsafe'].includes(f.fix.safety)));
      }
    });

    it('reports a JSON manifest at its JSON position', async () => {
      const dir = tempTree({ 'pod.json': PRIVILEGED_POD_JSON });
      const out = json<Output>(await cli(['check', '--format', 'json', 'pod.json'], { cwd: dir }));
      assert.deepEqual(known(out), [{
        file: 'pod.json',
        rule: 'disallow-privileged-containers',
        severity: 'error',
        message: message('disallow-privileged-containers', 'privileged', { container: 'Container "app"' }),
        // `          "privileged": true`: 10 spaces + `"privileged": ` (14) before the value.
        range: { start: { line: 12, column: 25 }, end: { line: 12, column: 29 } },
        covers: ['B05'],
        fix: { safety: 'unsafe' },
      }]);
    });

    it('keeps absolute paths as given and sorts by file name, not argument order', async () => {
      const dir = tempTree({ 'b.yaml': PRIVILEGED_POD, 'a.yaml': PRIVILEGED_POD });
      const a = path.join(dir, 'a.yaml'), b = path.join(dir, 'b.yaml');
      const out = json<Output>(await cli(['check', '--format', 'json', b, a, b]));
      assert.deepEqual(known(out), [...privilegedPodFindings(a), ...privilegedPodFindings(b)]);
    });
  });

  describe('directories', () => {
    const tree = () => tempTree({
      'm/a.yaml': PRIVILEGED_POD,
      'm/b.yml': PRIVILEGED_POD,
      'm/c.json': PRIVILEGED_POD_JSON,
      'm/sub/deeper/d.yaml': PRIVILEGED_POD,
      'm/notes.txt': PRIVILEGED_POD,
      'm/README.md': '# not YAML\n',
      'm/node_modules/x.yaml': PRIVILEGED_POD,
      'm/sub/node_modules/y.yaml': PRIVILEGED_POD,
      'm/.git/z.yaml': PRIVILEGED_POD,
      'm/.github/workflows/ci.yml': 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n',
      // A chart: its templates are not plain manifests, even without a `{{ }}` in them.
      'm/chart/Chart.yaml': 'apiVersion: v2\nname: demo\nversion: 0.1.0\n',
      'm/chart/values.yaml': 'securityContext:\n  privileged: true\n',
      'm/chart/templates/pod.yaml': PRIVILEGED_POD,
    });
    const withFindings = (o: Output) => [...new Set(known(o).map(f => f.file))];

    it('walks recursively, .yaml/.yml/.json only, skipping node_modules and .git, in sorted order', async () => {
      const dir = tree();
      const run = await cli(['check', '--format', 'json', 'm'], { cwd: dir });
      assert.equal(run.status, 1, run.stderr);
      const out = json<Output>(run);
      const sep = path.sep;
      // The chart's template is judged through its render, never as a plain manifest.
      assert.deepEqual(withFindings(out), ['m/a.yaml', 'm/b.yml', 'm/c.json', 'm/chart/templates/pod.yaml', 'm/sub/deeper/d.yaml'].map(f => f.split('/').join(sep)));
      assert.deepEqual(known(out).filter(f => f.file === `m${sep}a.yaml`), privilegedPodFindings(`m${sep}a.yaml`));
    });

    it('names files as the directory argument joined with the relative path', async () => {
      const dir = tree();
      const first = async (arg: string) => withFindings(json<Output>(await cli(['check', '--format', 'json', arg], { cwd: dir })))[0];
      assert.equal(await first('m/'), path.join('m', 'a.yaml'));
      assert.equal(await first(`.${path.sep}m`), `.${path.sep}m${path.sep}a.yaml`);
      assert.equal(await first(path.join(dir, 'm')), path.join(dir, 'm', 'a.yaml'));
    });

    it('counts the files scanned in the text summary; the chart template is judged through its chart', async () => {
      const dir = tree();
      const run = await cli(['check', 'm'], { cwd: dir });
      // a.yaml b.yml c.json sub/deeper/d.yaml .github/workflows/ci.yml chart/{Chart,values,templates/pod}.yaml
      assert.match(run.stdout, /\(8 files scanned\)\n$/);
      assert.equal(run.stderr, '');
    });

    it('lists a file given twice (or inside a directory also given) once', async () => {
      const dir = tree();
      const out = json<Output>(await cli(['check', '--format', 'json', 'm/a.yaml', 'm', 'm/a.yaml'], { cwd: dir }));
      assert.deepEqual(known(out).filter(f => f.file.endsWith('a.yaml')), privilegedPodFindings('m/a.yaml'));
    });

    it('is 0 for a directory with no manifests', async () => {
      const dir = tempTree({ 'docs/readme.md': 'x', 'docs/values.yaml': NOT_A_MANIFEST });
      const run = await cli(['check', 'docs'], { cwd: dir });
      assert.equal(run.status, 0, run.stdout + run.stderr);
    });
  });

  describe('text format', () => {
    it('prints file:line:col  severity  rule-id  message, one entry per spot, grouped per file, then a summary', async () => {
      const dir = tempTree({ 'a.yaml': PRIVILEGED_POD, 'b.yaml': PRIVILEGED_POD });
      const run = await cli(['check', 'b.yaml', 'a.yaml'], { cwd: dir });
      assert.equal(run.status, 1);
      assert.doesNotMatch(run.stdout, /\x1b/, 'no colour when stdout is not a terminal');
      const lines = run.stdout.split('\n');
      const msg = (id: string, m: string) => message(id, m, { container: 'Container "app"' });
      for (const file of ['a.yaml', 'b.yaml']) {
        assert.ok(lines.includes(`${file}:10:21  error  disallow-privileged-containers  ${msg('disallow-privileged-containers', 'privileged')}`), run.stdout);
        // The container's securityContext draws several restricted rules: one entry lists them,
        // each member without the repeated "Container "app"".
        const head = lines.findIndex(l => l.startsWith(`${file}:9:7  `));
        assert.match(lines[head], /^[ab]\.yaml:9:7 {2}warning {2}Container "app": \d+ problems$/);
        const members = lines.slice(head + 1).filter((_l, i, all) => all.slice(0, i + 1).every(x => x.startsWith('    ')));
        assert.equal(members.length, Number(/(\d+) problems/.exec(lines[head])![1]));
        assert.ok(members.includes(`    warning  require-run-as-non-root  ${msg('require-run-as-non-root', 'missing').slice('Container "app" '.length)}`), members.join('\n'));
      }
      // a.yaml's group, a blank line, b.yaml's group, a blank line, the summary.
      const body = lines.slice(0, -3);
      const gap = body.indexOf('');
      const inFile = (f: string) => (l: string) => l.startsWith(`${f}:`) || l.startsWith('    ');
      assert.ok(gap > 0 && body.slice(0, gap).every(inFile('a.yaml')) && body.slice(gap + 1).every(inFile('b.yaml')), run.stdout);
      for (const l of body.filter(l => l)) assert.match(l, /^(\S+:\d+:\d+ {2}(error|warning|info) {2}([a-z0-9-]+ {2}\S.*|Container "app": \d+ problems)| {4}(error|warning|info) {2}[a-z0-9-]+ {2}\S.*)$/);

      const out = json<Output>(await cli(['check', '--format', 'json', 'a.yaml', 'b.yaml'], { cwd: dir }));
      const n = (s: string) => out.findings.filter(f => f.severity === s).length;
      const s = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
      assert.equal(lines.at(-2), `${s(out.findings.length, 'finding')}: ${s(n('error'), 'error')}, ${s(n('warning'), 'warning')}, ${n('info')} info (2 files scanned)`);
    });

    it('colours the severity only when the output is a terminal', async () => {
      const dir = tempTree({ 'pod.yaml': PRIVILEGED_POD });
      const render = async (color: boolean) => {
        let out = '';
        const code = await main(['check', path.join(dir, 'pod.yaml')], { out: t => { out += t; }, err: () => {}, color });
        assert.equal(code, 1);
        return out;
      };
      assert.match(await render(true), /:10:21 {2}\x1b\[31merror\x1b\[0m {2}/);
      assert.doesNotMatch(await render(false), /\x1b/);
    });

    it('summarises a clean run', async () => {
      const dir = tempTree({ 'c.yaml': NOT_A_MANIFEST });
      const run = await cli(['check', 'c.yaml'], { cwd: dir });
      assert.equal(run.stdout, '0 findings: 0 errors, 0 warnings, 0 info (1 file scanned)\n');
    });
  });

  describe('configuration flags', () => {
    it('--level baseline leaves out the restricted-only require-run-as-non-root', async () => {
      const dir = tempTree({ 'pod.yaml': PRIVILEGED_POD, 'root.yaml': ROOT_POD });
      const at = async (...flags: string[]) => json<Output>(await cli(['check', '--format', 'json', ...flags, 'pod.yaml', 'root.yaml'], { cwd: dir }));
      const restricted = await at(), explicit = await at('--level', 'restricted'), baseline = await at('--level=baseline');
      assert.deepEqual(explicit, restricted);
      assert.deepEqual(rulesOf({ findings: known(restricted) }), ['disallow-privileged-containers', 'require-run-as-non-root']);
      assert.deepEqual(known(baseline), privilegedPodFindings('pod.yaml').filter(f => (f as JsonFinding).rule === 'disallow-privileged-containers'));
      assert.ok(known(restricted).some(f => f.file === 'root.yaml' && f.rule === 'require-run-as-non-root'));
    });

    it('--pss-version selects the policy version (user namespaces exempt runAsNonRoot from v1.35)', async () => {
      const dir = tempTree({
        'userns.yaml': yaml`
          apiVersion: v1
          kind: Pod
          metadata:
            name: userns
          spec:
            hostUsers: false
            containers:
            - name: app
              image: nginx:1.27
        `,
      });
      const at = async (v: string) => known(json<Output>(await cli(['check', '--format', 'json', '--pss-version', v, 'userns.yaml'], { cwd: dir })));
      assert.deepEqual(await at('latest'), []);
      assert.deepEqual(await at('v1.35'), []);
      // No securityContext: the container's name, `app` on line 8 after `  - name: ` (10 characters).
      assert.deepEqual((await at('v1.34')).map(f => [f.rule, f.range.start.line, f.range.start.column]), [['require-run-as-non-root', 8, 11]]);
    });

    it('--enable-all reports at least what the default does', async () => {
      const dir = tempTree({ 'pod.yaml': PRIVILEGED_POD });
      const base = json<Output>(await cli(['check', '--format', 'json', 'pod.yaml'], { cwd: dir }));
      const all = json<Output>(await cli(['check', '--enable-all', '--format', 'json', 'pod.yaml'], { cwd: dir }));
      const key = (f: JsonFinding) => JSON.stringify(f);
      const allKeys = new Set(all.findings.map(key));
      assert.ok(base.findings.every(f => allKeys.has(key(f))));
    });
  });

  describe('engine failures', () => {
    it('reports a rule that throws on stderr without changing the exit status', () => {
      // Registers a throwing rule in the real binary's process before the CLI runs.
      const dir = tempTree({
        'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: v\n',
        'pod.yaml': PRIVILEGED_POD,
      });
      const registry = require.resolve('@kube-harden/server/out/engine/registry');
      fs.writeFileSync(path.join(dir, 'thrower.js'), `
        require(${JSON.stringify(registry)}).RULES.push({
          id: 'test-thrower', title: 'throws', category: 'misc', severity: 'error', pss: null, level: 'baseline',
          covers: [], equivalents: {}, messages: {}, docs: { summary: '', remediation: '', references: [] }, fix: null,
          checkObject() { throw new Error('boom from the test rule'); },
        });
      `);
      const nodeArgs = ['--require', path.join(dir, 'thrower.js')];
      const clean = runCli(['check', 'cm.yaml'], { cwd: dir, nodeArgs });
      assert.equal(clean.status, 0, clean.stdout);
      assert.match(clean.stderr, /rule test-thrower failed on cm\.yaml: Error: boom from the test rule/);

      const dirty = runCli(['check', '--format', 'json', 'pod.yaml'], { cwd: dir, nodeArgs });
      assert.equal(dirty.status, 1);
      assert.match(dirty.stderr, /rule test-thrower failed on pod\.yaml/);
      assert.deepEqual(known(json(dirty)), privilegedPodFindings('pod.yaml'));
    });
  });
});
