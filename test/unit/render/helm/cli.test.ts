// `kube-harden render <chart>` equals helm template's goldens; `kube-harden check` on a chart
// reports at the template line of the action that printed the value, naming values.yaml.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '@kube-harden/server/out/cli/main';

const FIXTURES = path.resolve(__dirname, '../../../../fixtures/helm');

/** main() with `cwd` as the folder relative paths are read from. */
async function run2(argv: string[], cwd: string) {
  let out = '', err = '';
  const code = await main(argv, { out: t => { out += t; }, err: t => { err += t; }, color: false, cwd });
  return { code, out, err };
}

async function run(argv: string[]) {
  let out = '', err = '';
  const code = await main(argv, { out: t => { out += t; }, err: t => { err += t; }, color: false });
  return { code, out, err };
}

describe('kube-harden render <chart>', () => {
  const chart = path.join(FIXTURES, 'testcharts/subchart');
  const cases: Array<[string[], string]> = [
    [['--set', 'service.name=apache'], 'template-set.txt'],
    [['--show-only', 'templates/subdir/role*'], 'template-show-only-glob.txt'],
    [['--show-only', 'templates/service.yaml', '--show-only', 'charts/subcharta/templates/service.yaml'], 'template-show-only-multiple.txt'],
    [['--show-only', 'templates/service.yaml'], 'template-show-only-one.txt'],
    [['--api-versions', 'helm.k8s.io/test', '--api-versions', 'helm.k8s.io/test2'], 'template-with-api-version.txt'],
    [['--name-template', 'foobar-{{ b64enc "abc" | lower }}-baz'], 'template-name-template.txt'],
  ];
  for (const [flags, golden] of cases) {
    it(`prints ${golden}`, async () => {
      const r = await run(['render', chart, '--kube-version', '1.20.0', ...flags]);
      assert.equal(r.err, '');
      assert.equal(r.out, fs.readFileSync(path.join(FIXTURES, 'output', golden), 'utf8'));
      assert.equal(r.code, 0);
    });
  }
});

describe('kube-harden render: bad input', () => {
  it('answers a missing chart, a missing values file and bad --set clearly', async () => {
    const chart = path.join(FIXTURES, 'testcharts/subchart');
    const noChart = await run(['render', path.join(FIXTURES, 'nowhere')]);
    assert.equal(noChart.code, 2);
    assert.match(noChart.err, /^kube-harden: error: .*nowhere: ENOENT/);
    const noValues = await run(['render', chart, '-f', path.join(FIXTURES, 'missing.yaml')]);
    assert.equal(noValues.code, 2);
    assert.match(noValues.err, /missing\.yaml: ENOENT/);
    const badSet = await run(['render', chart, '--set', 'a[']);
    assert.deepEqual([badSet.code, badSet.out, badSet.err], [1, '', 'Error: failed parsing --set data: error parsing index: strconv.Atoi: parsing "": invalid syntax\n']);
    const usage = await run(['render']);
    assert.deepEqual([usage.code, usage.err], [2, 'kube-harden: error: render needs a chart folder\nRun "kube-harden --help" for usage.\n']);
  });
});

describe('kube-harden check <chart>', () => {
  it('reports privileged at the action printing it, naming the values.yaml line', async () => {
    const r = await run(['check', '--no-context', '--format', 'json', path.join(FIXTURES, 'check/privileged')]);
    const findings = JSON.parse(r.out).findings as Array<{ file: string; rule: string; message: string; range: { start: { line: number; column: number } } }>;
    const priv = findings.find(f => f.rule === 'disallow-privileged-containers')!;
    assert.ok(priv.file.endsWith('check/privileged/templates/pod.yaml'));
    assert.deepEqual(priv.range.start, { line: 10, column: 21 });
    assert.equal(priv.message, 'Container "app" is privileged: remove securityContext.privileged or set it to false. (values.yaml:3 sets .Values.securityContext.privileged)');
    // A missing setting lands on the literal text of the container in the template.
    const drop = findings.find(f => f.rule === 'require-drop-all-capabilities')!;
    assert.deepEqual(drop.range.start, { line: 9, column: 7 });
    assert.equal(r.code, 1);
  });

  it('reports a value printed inside an include at the helper, and text from tpl at the tpl call', async () => {
    const r = await run(['check', '--no-context', '--format', 'json', path.join(FIXTURES, 'check/helpers')]);
    const findings = JSON.parse(r.out).findings as Array<{ file: string; rule: string; message: string; range: { start: { line: number; column: number } } }>;
    const at = (rule: string) => findings.filter(f => f.rule === rule).map(f => [path.basename(f.file), f.range.start.line, f.range.start.column, f.message]);
    assert.deepEqual(at('disallow-privileged-containers'), [['_helpers.tpl', 2, 13, 'Container "app" is privileged: remove securityContext.privileged or set it to false. (values.yaml:1 sets .Values.privileged) [template: templates/pod.yaml]']]);
    assert.deepEqual(at('disallow-host-network'), [['pod.yaml', 6, 16, "The pod shares the node's network namespace: remove spec.hostNetwork or set it to false."]]);
  });

  it('applies --set-json, --set and --set-file to every value set, in Helm\'s order', async () => {
    const chart = path.join(FIXTURES, 'check/privileged');
    const privileged = async (...flags: string[]) => {
      const r = await run(['check', '--no-context', '--format', 'json', chart, ...flags]);
      return (JSON.parse(r.out).findings as Array<{ rule: string }>).filter(f => f.rule === 'disallow-privileged-containers').length;
    };
    assert.equal(await privileged(), 1);
    assert.equal(await privileged('--set-json', 'securityContext={"privileged":false}'), 0);
    // --set comes after --set-json whatever the order on the command line.
    assert.equal(await privileged('--set', 'securityContext.privileged=true', '--set-json', 'securityContext={"privileged":false}'), 1);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-harden-values-'));
    try {
      fs.writeFileSync(path.join(dir, 'off.yaml'), 'securityContext:\n  privileged: false\n');
      assert.equal(await privileged('-f', path.join(dir, 'off.yaml')), 0);
      const missing = await run(['check', '--no-context', chart, '-f', path.join(dir, 'nope.yaml')]);
      assert.equal(missing.code, 2);
      assert.match(missing.err, /^kube-harden: error: .*nope\.yaml: ENOENT/);
      const badFile = await run(['check', '--no-context', chart, '--set-file', `image=${path.join(dir, 'nope.txt')}`]);
      assert.equal(badFile.code, 3);
      assert.match(badFile.err, /skipped: .*Chart\.yaml: failed parsing --set-file data: ENOENT/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('renders the chart of a template named on its own and reports only that template', async () => {
    const r = await run(['check', '--no-context', '--format', 'json', path.join(FIXTURES, 'check/helpers/templates/_helpers.tpl')]);
    const findings = JSON.parse(r.out).findings as Array<{ file: string; rule: string }>;
    assert.deepEqual(findings.map(f => [path.relative(FIXTURES, f.file), f.rule]), [['check/helpers/templates/_helpers.tpl', 'disallow-privileged-containers']]);
  });

  it('renders each ci/*-values.yaml as its own value set and names the sets a finding holds in', async () => {
    const r = await run(['check', '--no-context', '--format', 'json', path.join(FIXTURES, 'check/valuesets')]);
    const findings = JSON.parse(r.out).findings as Array<{ rule: string; message: string }>;
    const priv = findings.filter(f => f.rule === 'disallow-privileged-containers').map(f => f.message);
    assert.deepEqual(priv, ['Container "app" is privileged: remove securityContext.privileged or set it to false. (values.yaml:3 sets .Values.securityContext.privileged) [value sets: values.yaml, ci/same-values.yaml]']);
    // Findings in every set carry no list.
    assert.ok(findings.filter(f => f.rule === 'require-drop-all-capabilities').every(f => !f.message.includes('[value sets')));
  });

  it('judges a chart with the value files .kube-harden.yaml names for it, and says when one is missing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kh-helm-named-'));
    try {
      const write = (rel: string, text: string) => { fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true }); fs.writeFileSync(path.join(dir, rel), text); };
      write('.kube-harden.yaml', 'helm:\n  charts/web: {values: [values-prod.yaml]}\n');
      write('charts/web/Chart.yaml', 'apiVersion: v2\nname: web\nversion: 0.1.0\n');
      write('charts/web/values.yaml', 'privileged: false\n');
      write('charts/web/values-prod.yaml', 'privileged: true\n');
      write('charts/web/templates/pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    securityContext:\n      privileged: {{ .Values.privileged }}\n');
      const again = await run2(['check', '--format', 'json', 'charts/web'], dir);
      const priv = (JSON.parse(again.out).findings as Array<{ file: string; rule: string; message: string; range: { start: { line: number; column: number } } }>)
        .filter(f => f.rule === 'disallow-privileged-containers').map(f => [f.file, f.range.start.line, f.range.start.column, f.message]);
      // pod.yaml line 10 `      privileged: {{ .Values.privileged }}`: the action starts at column 19.
      assert.deepEqual(priv, [[path.join('charts', 'web', 'templates', 'pod.yaml'), 10, 19, 'Container "app" is privileged: remove securityContext.privileged or set it to false. (values-prod.yaml:1 sets .Values.privileged) [value sets: values-prod.yaml]']]);
      // A named file the chart does not hold is said out loud: that value set was not judged.
      write('.kube-harden.yaml', 'helm:\n  charts/web: {values: [values-prod.yaml, values-qa.yaml]}\n');
      const missing = await run2(['check', 'charts/web'], dir);
      assert.match(missing.err, /skipped: charts\/web\/values-qa\.yaml: a value file \.kube-harden\.yaml names for this chart, not found in it/);
      // Findings too: they decide the status (1); a skip alone would be 3.
      assert.equal(missing.code, 1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a chart that cannot render as skipped, at the template position, and fails (exit 3: nothing unread passes)', async () => {
    const r = await run(['check', '--no-context', path.join(FIXTURES, 'check/broken')]);
    assert.equal(r.err, `kube-harden: skipped: ${path.join(FIXTURES, 'check/broken/templates/cm.yaml')}:4:29: broken/templates/cm.yaml:4:29 executing "broken/templates/cm.yaml" at <b64enc>: invalid value; expected string\n`);
    assert.equal(r.code, 3);
  });
});
