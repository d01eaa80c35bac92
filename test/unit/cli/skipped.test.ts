// Nothing unread passes: every way a file used to slip past `check` (read differently from
// kubectl, or silently not read) now reports the privileged container, or fails the run as skipped.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, json, removeTempTrees, runCli, tempTree } from '../../helpers/cli';
import { PRIVILEGED_POD } from './fixtures';

interface Out {
  findings: Array<{ file: string; rule: string; range: { start: { line: number; column: number } } }>;
  skipped?: Array<{ file: string; line: number | null; reason: string }>;
}

const LINES = PRIVILEGED_POD.trimEnd().split('\n');
/** 1-based line and column of the privileged container's `true`. */
const TRUE_LINE = LINES.findIndex(l => l.includes('privileged: true')) + 1;
const TRUE_COLUMN = LINES[TRUE_LINE - 1].indexOf('true') + 1;
const CONFIGMAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n';

function utf16(text: string, bigEndian: boolean): Buffer {
  const le = Buffer.from(text, 'utf16le');
  return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), bigEndian ? le.swap16() : le]);
}

describe('kube-harden check: nothing unread passes', () => {
  after(removeTempTrees);

  it('reports the privileged container however kubectl-readable bytes write it', async () => {
    const files: Record<string, string | Buffer> = {
      'cr-only.yaml': LINES.join('\r') + '\r',
      'nel.yaml': LINES.join('\u0085') + '\u0085',
      'line-separator.yaml': LINES.join('\u2028') + '\u2028',
      'paragraph-separator.yaml': LINES.join('\u2029') + '\u2029',
      'directive-appended.yaml': `${PRIVILEGED_POD}%YAML 1.1\n---\n`,
      'bom-in-second-document.yaml': `${CONFIGMAP}---\n\ufeff${PRIVILEGED_POD}`,
      'utf16le.yaml': utf16(PRIVILEGED_POD, false),
      'utf16be.yaml': utf16(PRIVILEGED_POD, true),
      'helm-looking-configmap.yaml': `${CONFIGMAP}data:\n  tpl: |\n    {{ if .Alerts }}\n    {{ range .Alerts }}{{ .Labels.alertname }}{{ end }}\n    {{ end }}\n---\n${PRIVILEGED_POD}`,
    };
    const dir = tempTree(files);
    const run = (await cli(['check', '--format', 'json', '.'], { cwd: dir }));
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stderr, '');
    const out = json<Out>(run);
    assert.equal(out.skipped, undefined);
    const privileged = out.findings.filter(f => f.rule === 'disallow-privileged-containers').map(f => [f.file, f.range.start.line, f.range.start.column]);
    // Lines as an editor counts them: CR ends a line, NEL, LS and PS do not (LSP).
    const oneLine = (sep: string) => LINES.slice(0, TRUE_LINE - 1).join(sep).length + sep.length + TRUE_COLUMN;
    const helmOffset = CONFIGMAP.split('\n').length - 1 + 6; // the ConfigMap, its data lines and `---`
    assert.deepEqual(privileged, [
      ['./bom-in-second-document.yaml', TRUE_LINE + 5, TRUE_COLUMN],
      ['./cr-only.yaml', TRUE_LINE, TRUE_COLUMN],
      ['./directive-appended.yaml', TRUE_LINE, TRUE_COLUMN],
      ['./helm-looking-configmap.yaml', TRUE_LINE + helmOffset, TRUE_COLUMN],
      ['./line-separator.yaml', 1, oneLine('\u2028')],
      ['./nel.yaml', 1, oneLine('\u0085')],
      ['./paragraph-separator.yaml', 1, oneLine('\u2029')],
      ['./utf16be.yaml', TRUE_LINE, TRUE_COLUMN],
      ['./utf16le.yaml', TRUE_LINE, TRUE_COLUMN],
    ]);
  });

  it('expands typed lists of any group', async () => {
    const dir = tempTree({
      'deployments.yaml': 'apiVersion: apps/v1\nkind: DeploymentList\nitems:\n- metadata:\n    name: d\n  spec:\n    template:\n      spec:\n        containers:\n        - name: app\n          image: nginx:1.27\n          securityContext:\n            privileged: true\n',
      'roles.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleList\nitems:\n- apiVersion: rbac.authorization.k8s.io/v1\n  kind: Role\n  metadata:\n    name: r\n  rules:\n  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: ["*"]\n',
    });
    const out = json<Out>((await cli(['check', '--format', 'json', '.'], { cwd: dir })));
    const at = (rule: string) => out.findings.filter(f => f.rule === rule).map(f => [f.file, f.range.start.line]);
    assert.deepEqual(at('disallow-privileged-containers'), [['./deployments.yaml', 13]]);
    assert.deepEqual(at('disallow-full-wildcard-rules').map(([file]) => file), ['./roles.yaml']);
  });

  it('fails with 3 when something was skipped, 1 when findings too, and 0 with --allow-skipped', () => {
    const broken = `${CONFIGMAP}data: [unclosed\n`;
    const dir = tempTree({ 'a-broken.yaml': broken, 'utf32.yaml': Buffer.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]) });
    const skippedLines = 'skipped: ./a-broken.yaml:5: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]\n'
      + 'skipped: ./utf32.yaml: UTF-32 text, which kubectl does not read (save it as UTF-8)\n';
    const only = runCli(['check', '.'], { cwd: dir });
    assert.deepEqual([only.status, only.stderr], [3, skippedLines]);
    assert.match(only.stdout, /\(2 files scanned, 2 skipped\)\n$/);
    const allowed = runCli(['check', '--allow-skipped', '.'], { cwd: dir });
    assert.deepEqual([allowed.status, allowed.stderr], [0, skippedLines]);

    fs.writeFileSync(path.join(dir, 'b-pod.yaml'), PRIVILEGED_POD);
    const both = runCli(['check', '.'], { cwd: dir });
    assert.deepEqual([both.status, both.stderr], [1, skippedLines]);
    assert.equal(runCli(['check', '--allow-skipped', '.'], { cwd: dir }).status, 1);
  });

  it('skips files over the size limit of the flag or the repository file, and says so', async () => {
    const dir = tempTree({ 'pod.yaml': PRIVILEGED_POD, '.kube-harden.yaml': 'maxFileSize: 100\n' });
    const size = Buffer.byteLength(PRIVILEGED_POD);
    const byFile = (await cli(['check', '--format', 'json', '.'], { cwd: dir }));
    assert.equal(byFile.status, 3, byFile.stderr);
    assert.deepEqual(json<Out>(byFile).skipped, [{ file: './pod.yaml', line: null, reason: `file too large (${size} bytes; the limit is 100 bytes, see maxFileSize)` }]);
    const byFlag = (await cli(['check', '--max-file-size', '1KiB', '.'], { cwd: dir }));
    assert.equal(byFlag.status, 1, 'the flag wins over the file');
    const bad = (await cli(['check', '--max-file-size', 'lots', '.'], { cwd: dir }));
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /invalid size "lots" for --max-file-size: use a size such as 16MiB, 500KiB or a number of bytes/);
  });

  it('judges a 17 MB package-lock.json as not Kubernetes: no finding, no skip', async function () {
    this.timeout(60_000);
    const packages: Record<string, unknown> = {};
    for (let i = 0; i < 60_000; i++) packages[`node_modules/p${i}`] = { version: '1.0.0', resolved: `https://registry.npmjs.org/p${i}/-/p${i}-1.0.0.tgz`, integrity: `sha512-${'A'.repeat(200)}`, dev: true };
    const lock = JSON.stringify({ name: 'x', lockfileVersion: 3, packages }, null, 2);
    assert.ok(lock.length > 17_000_000, `${lock.length}`);
    const dir = tempTree({ 'package-lock.json': lock });
    const run = (await cli(['check', '.'], { cwd: dir }));
    assert.deepEqual([run.status, run.stderr], [0, '']);
  });

  it('reports an alias bomb in the repository file at its node and applies the rest', async () => {
    // 10^8 leaves if expanded: `yaml` refuses it, and that is one setting's error, not the run's.
    const levels = ['&a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) levels.push(`&${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const dir = tempTree({ '.kube-harden.yaml': `level: baseline\ndeniedRegistries: [${levels.join(', ')}]\n`, 'pod.yaml': PRIVILEGED_POD });
    const run = (await cli(['check', 'pod.yaml'], { cwd: dir }));
    assert.equal(run.status, 2, run.stderr);
    assert.equal(run.stderr, 'kube-harden: error: .kube-harden.yaml:2:19: Not read: Excessive alias count indicates a resource exhaustion attack\n');
    // level: baseline applies: the restricted-only finding on the same container is not reported.
    assert.match(run.stdout, /disallow-privileged-containers/);
    assert.doesNotMatch(run.stdout, /require-run-as-non-root/);
  });

  it('does not wait on a FIFO named .kube-harden.yaml: an error, and the files are still checked', async function () {
    if (process.platform === 'win32') this.skip();
    const dir = tempTree({ 'pod.yaml': PRIVILEGED_POD });
    execFileSync('mkfifo', [path.join(dir, '.kube-harden.yaml')]);
    const run = (await cli(['check', 'pod.yaml'], { cwd: dir }));
    assert.equal(run.status, 2, run.stderr);
    assert.equal(run.stderr, 'kube-harden: error: .kube-harden.yaml: not a regular file\n');
    assert.match(run.stdout, /disallow-privileged-containers/);
  });
});

describe('kube-harden check: a chart\'s data files', () => {
  after(removeTempTrees);

  // A CRD a template renders with tpl (.Files.Get ...), as opentelemetry-operator's conf/crds do.
  const TEMPLATED = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  annotations: {{- include "x.annotations" . | nindent 4 }}\n  name: things.example.com\n';

  it('leaves a templated file outside templates/ to the render: not skipped, no finding', async () => {
    const dir = tempTree({
      'chart/Chart.yaml': 'apiVersion: v2\nname: demo\nversion: 0.1.0\n',
      'chart/values.yaml': '{}\n',
      'chart/templates/cm.yaml': CONFIGMAP,
      'chart/conf/crds/things.yaml': TEMPLATED,
      // Outside a chart the same text is a manifest that does not parse: skipped, as before.
      'plain/things.yaml': TEMPLATED,
    });
    const run = await cli(['check', '--format', 'json', '.'], { cwd: dir });
    const out = json<Out>(run);
    assert.deepEqual((out.skipped ?? []).map(s => s.file.split(path.sep).join('/')), ['./plain/things.yaml']);
    assert.equal(run.status, 3, run.stderr);
  });

  it('still judges a plain manifest and a file that does not parse for another reason there', async () => {
    const dir = tempTree({
      'chart/Chart.yaml': 'apiVersion: v2\nname: demo\nversion: 0.1.0\n',
      'chart/examples/pod.yaml': PRIVILEGED_POD,
      'chart/examples/broken.yaml': `${CONFIGMAP}data: [unclosed\n`,
      // crds/ is applied as written: a template there is a manifest that does not parse.
      'chart/crds/things.yaml': TEMPLATED,
    });
    const out = json<Out>(await cli(['check', '--format', 'json', '.'], { cwd: dir }));
    assert.ok(out.findings.some(f => f.rule === 'disallow-privileged-containers' && f.file.endsWith('pod.yaml')));
    assert.deepEqual((out.skipped ?? []).map(s => s.file.split(path.sep).join('/')).sort(), ['./chart/crds/things.yaml', './chart/examples/broken.yaml']);
  });
});
