// What CI needs from `check`: SARIF 2.1.0 valid against the official schema, GitHub annotations,
// fingerprints that survive unrelated edits, baselines, the --fail-on policy, standard input,
// and the same answer for a file as for its folder.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { RULES } from '@kube-harden/server';
import { cli, json, removeTempTrees, runCli, tempTree } from '../../helpers/cli';
import { FIXTURES, REAL_CORPUS, REPO_ROOT } from '../../helpers/fixture-paths';
import { yaml } from '../../helpers/manifest';
import { PRIVILEGED_POD } from './fixtures';

const schema = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
// Formats (uri, date-time, ...) are checked too, not only the structure.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function assertValidSarif(log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
}

interface Sarif {
  runs: Array<{
    tool: { driver: { rules: Array<{ id: string; helpUri: string; defaultConfiguration: { level: string }; properties: Record<string, unknown> }> } };
    columnKind: string;
    originalUriBaseIds: Record<string, { uri: string }>;
    results: Array<{
      ruleId: string; ruleIndex: number; level: string; message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }>;
      partialFingerprints: Record<string, string>;
      suppressions?: Array<{ kind: string; justification: string }>;
    }>;
    invocations: Array<{ executionSuccessful: boolean }>;
  }>;
}

const INFO_ONLY = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
    namespace: shop
  spec:
    hostAliases:
      - ip: 10.0.0.1
        hostnames: ["db.internal"]
    securityContext:
      runAsNonRoot: true
      seccompProfile:
        type: RuntimeDefault
    containers:
      - name: app
        image: registry.example/app@sha256:${'0'.repeat(64)}
        resources:
          limits:
            memory: 128Mi
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          capabilities:
            drop: ["ALL"]
`;

describe('check for CI', function () {
  this.timeout(60_000);
  after(removeTempTrees);

  describe('--format sarif', () => {
    it('is valid SARIF 2.1.0 with rules, exact regions relative to %SRCROOT%, and fingerprints', async () => {
      const dir = tempTree({ 'deploy/pod.yaml': PRIVILEGED_POD });
      const run = (await cli(['check', '--format', 'sarif', 'deploy'], { cwd: dir }));
      assert.equal(run.status, 1, run.stderr);
      const log = json<Sarif>(run);
      assertValidSarif(log);
      const [r] = log.runs;
      assert.equal(r.columnKind, 'utf16CodeUnits');
      assert.equal(r.originalUriBaseIds['%SRCROOT%'].uri, `file://${fs.realpathSync(dir).split(path.sep).join('/')}/`);
      assert.equal(r.tool.driver.rules.length, RULES.length);
      const priv = r.results.find(x => x.ruleId === 'disallow-privileged-containers')!;
      assert.equal(priv.level, 'error');
      assert.equal(r.tool.driver.rules[priv.ruleIndex].id, 'disallow-privileged-containers');
      assert.equal(r.tool.driver.rules[priv.ruleIndex].helpUri, 'https://github.com/kube-harden/kube-harden/blob/main/docs/rules/disallow-privileged-containers.md');
      assert.equal(r.tool.driver.rules[priv.ruleIndex].properties['security-severity'], '9.5');
      assert.deepEqual(priv.locations[0].physicalLocation, {
        artifactLocation: { uri: 'deploy/pod.yaml', uriBaseId: '%SRCROOT%' },
        // `        privileged: true` on line 10: "true" spans columns 21 to 25 (1-based, end exclusive).
        region: { startLine: 10, startColumn: 21, endLine: 10, endColumn: 25 },
      });
      assert.match(priv.partialFingerprints['kubeHardenFinding/v1'], /^[0-9a-f]{32}$/);
      assert.equal(r.invocations[0].executionSuccessful, true);
    });

    it('lists suppressed findings with their justification', async () => {
      const suppressed = PRIVILEGED_POD.replace(/^( *)privileged: true$/m, '$1# kube-harden-ignore disallow-privileged-containers -- CSI node plugin\n$1privileged: true');
      assert.notEqual(suppressed, PRIVILEGED_POD);
      const dir = tempTree({ 'pod.yaml': suppressed });
      const log = json<Sarif>((await cli(['check', '--format', 'sarif', 'pod.yaml'], { cwd: dir })));
      assertValidSarif(log);
      const sup = log.runs[0].results.filter(x => x.suppressions);
      assert.deepEqual(sup.map(x => [x.ruleId, x.suppressions![0].kind, x.suppressions![0].justification]), [['disallow-privileged-containers', 'inSource', 'CSI node plugin']]);
    });

    it('is valid for the examples and every real-world manifest', async function () {
      // 10 MB of real manifests through the CLI: seconds alone, more on a loaded machine.
      this.timeout(300_000);
      for (const target of [path.join(REPO_ROOT, 'examples'), REAL_CORPUS]) {
        const run = (await cli(['check', '--no-context', '--format', 'sarif', target], { cwd: REPO_ROOT }));
        const log = json<Sarif>(run);
        assertValidSarif(log);
        assert.ok(log.runs[0].results.length > 0);
      }
    });
  });

  describe('fingerprints', () => {
    it('stay the same when the finding moves 10 lines, and differ per object and node', async () => {
      const moved = '# a comment block added above\n'.repeat(10) + PRIVILEGED_POD;
      const dir = tempTree({ 'a/pod.yaml': PRIVILEGED_POD, 'b/pod.yaml': moved, 'c/pod.yaml': PRIVILEGED_POD.replace('name: web', 'name: api') });
      const prints = async (file: string) => json((await cli(['check', '--format', 'json', file], { cwd: dir }))).findings
        .map((f: { rule: string; fingerprint: string; range: { start: { line: number } } }) => [f.rule, f.fingerprint, f.range.start.line]);
      // The same relative name in a fresh tree: the file name is part of the identity.
      fs.mkdirSync(path.join(dir, 'x'));
      fs.writeFileSync(path.join(dir, 'x', 'pod.yaml'), PRIVILEGED_POD);
      const before = await prints('x/pod.yaml');
      fs.writeFileSync(path.join(dir, 'x', 'pod.yaml'), moved);
      const after = await prints('x/pod.yaml');
      assert.deepEqual(after.map(([r, f]: string[]) => [r, f]), before.map(([r, f]: string[]) => [r, f]));
      assert.deepEqual(after.map((x: unknown[]) => x[2]), before.map((x: unknown[]) => (x[2] as number) + 10));
      const other = (await prints('c/pod.yaml')).map((x: string[]) => x[1]);
      assert.equal(new Set([...before.map((x: string[]) => x[1]), ...other]).size, before.length + other.length);
    });
  });

  describe('--baseline', () => {
    it('fails only on findings the baseline does not record, and lists entries no longer found', async () => {
      const dir = tempTree({ 'pod.yaml': PRIVILEGED_POD });
      const write = (await cli(['check', '--write-baseline', 'baseline.json', 'pod.yaml'], { cwd: dir }));
      assert.equal(write.status, 0, write.stderr);
      assert.match(write.stderr, /wrote \d+ findings to the baseline baseline\.json/);
      const same = (await cli(['check', '--format', 'json', '--baseline', 'baseline.json', 'pod.yaml'], { cwd: dir }));
      assert.equal(same.status, 0, same.stdout);
      const recorded = JSON.parse(fs.readFileSync(path.join(dir, 'baseline.json'), 'utf8')).findings.length;
      assert.deepEqual(json(same).findings, []);
      assert.deepEqual(json(same).baseline, { known: recorded, gone: [] });
      // Moving the block keeps every finding known; a new privileged container is new.
      fs.writeFileSync(path.join(dir, 'pod.yaml'), '# moved\n\n' + PRIVILEGED_POD + yaml`
        |    - name: sidecar
        |      image: busybox:1.36
        |      securityContext:
        |        privileged: true
      `.replace(/^\|/gm, '').replace(/^\n/, ''));
      const grown = (await cli(['check', '--format', 'json', '--baseline', 'baseline.json', 'pod.yaml'], { cwd: dir }));
      assert.equal(grown.status, 1);
      const fresh = json(grown).findings as Array<{ rule: string; message: string }>;
      assert.ok(fresh.length > 0 && fresh.every(f => f.message.includes('"sidecar"')), JSON.stringify(fresh));
      // Hardening the first container: its entries are gone, and the text output says so.
      fs.writeFileSync(path.join(dir, 'pod.yaml'), PRIVILEGED_POD.replace('privileged: true', 'privileged: false'));
      const shrunk = (await cli(['check', '--baseline', 'baseline.json', 'pod.yaml'], { cwd: dir }));
      assert.match(shrunk.stdout, /baseline entr(y|ies) no longer found \(the baseline can shrink\):\n {2}pod\.yaml {2}disallow-privileged-containers {2}Container "app" is privileged/);
    });

    it('refuses a file that is not a baseline (exit 2)', async () => {
      const dir = tempTree({ 'pod.yaml': PRIVILEGED_POD, 'b.json': '{"findings": []}' });
      const run = (await cli(['check', '--baseline', 'b.json', 'pod.yaml'], { cwd: dir }));
      assert.equal(run.status, 2);
      assert.match(run.stderr, /b\.json: not a kube-harden baseline/);
    });
  });

  describe('--fail-on', () => {
    it('defaults to warning: info findings never fail a build', async () => {
      const dir = tempTree({ 'pod.yaml': INFO_ONLY });
      const run = (await cli(['check', '--format', 'json', 'pod.yaml'], { cwd: dir }));
      const severities = new Set(json(run).findings.map((f: { severity: string }) => f.severity));
      assert.deepEqual([...severities], ['info'], run.stdout);
      assert.equal(run.status, 0);
      assert.equal((await cli(['check', '--fail-on', 'info', 'pod.yaml'], { cwd: dir })).status, 1);
    });

    it('takes error, never, and the repository file\'s failOn', () => {
      const dir = tempTree({ 'pod.yaml': PRIVILEGED_POD });
      assert.equal(runCli(['check', '--fail-on', 'never', 'pod.yaml'], { cwd: dir }).status, 0);
      assert.equal(runCli(['check', '--fail-on', 'error', 'pod.yaml'], { cwd: dir }).status, 1);
      const warnOnly = tempTree({ 'pod.yaml': PRIVILEGED_POD.replace('privileged: true', 'privileged: false'), '.kube-harden.yaml': 'failOn: error\n' });
      assert.equal(runCli(['check', 'pod.yaml'], { cwd: warnOnly }).status, 0);
      assert.equal(runCli(['check', '--fail-on', 'warning', 'pod.yaml'], { cwd: warnOnly }).status, 1);
      const bad = runCli(['check', '--fail-on', 'critical', 'pod.yaml'], { cwd: dir });
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /unknown --fail-on "critical": use "error", "warning", "info", "never"/);
    });
  });

  describe('standard input', () => {
    it('reads a YAML stream from -, named by --stdin-filename', async () => {
      const dir = tempTree({});
      const piped = runCli(['check', '--format', 'json', '--stdin-filename', 'rendered/all.yaml', '-'], { cwd: dir, input: PRIVILEGED_POD });
      assert.equal(piped.status, 1, piped.stderr);
      const priv = json(piped).findings.find((f: { rule: string }) => f.rule === 'disallow-privileged-containers');
      assert.equal(priv.file, 'rendered/all.yaml');
      assert.deepEqual(priv.range, { start: { line: 10, column: 21 }, end: { line: 10, column: 25 } });
      const unnamed = runCli(['check', '--format', 'github', '-'], { cwd: dir, input: PRIVILEGED_POD });
      assert.match(unnamed.stdout, /^::error file=<stdin>,line=10,col=21,endLine=10,endColumn=25,title=kube-harden disallow-privileged-containers::Container "app" is privileged/m);
    });
  });

  describe('--format github', () => {
    it('prints one workflow command per finding, escaping what GitHub requires', async () => {
      const dir = tempTree({ 'a,b/pod.yaml': PRIVILEGED_POD });
      const run = (await cli(['check', '--format', 'github', 'a,b'], { cwd: dir }));
      const lines = run.stdout.trim().split('\n');
      assert.ok(lines.length >= 2);
      for (const l of lines) assert.match(l, /^::(error|warning|notice) file=a%2Cb\/pod\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=kube-harden [a-z-]+::.+\(https:\/\/github\.com\/kube-harden\/kube-harden\/blob\/main\/docs\/rules\/[a-z-]+\.md\)$/);
    });
  });

  describe('the same answer for a file and its folder', () => {
    it('judges a named file with the rest of its repository, unless --no-context', async () => {
      const ns = yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels:
            pod-security.kubernetes.io/enforce: baseline
      `;
      const pod = INFO_ONLY.replace('runAsNonRoot: true', 'runAsNonRoot: false');
      const dir = tempTree({ '.git/HEAD': 'ref: refs/heads/main\n', 'ns/namespace.yaml': ns, 'apps/pod.yaml': pod });
      const rules = async (args: string[]) => json((await cli(['check', '--format', 'json', ...args], { cwd: dir }))).findings
        .filter((f: { file: string }) => f.file.endsWith('pod.yaml')).map((f: { rule: string }) => f.rule).sort();
      const folder = await rules(['.']);
      // The Namespace enforces baseline: the restricted runAsNonRoot rule is not in force there.
      assert.ok(!folder.includes('require-run-as-non-root'), folder.join());
      assert.deepEqual(await rules(['apps/pod.yaml']), folder);
      assert.ok((await rules(['--no-context', 'apps/pod.yaml'])).includes('require-run-as-non-root'));
    });
  });
});
