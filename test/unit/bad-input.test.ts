// Whatever is thrown at it (broken YAML, binary junk, alias bombs, huge files, YAML that is not
// Kubernetes, Helm templates, a rule that throws), the engine and the CLI answer without an
// exception, and report nothing where nothing is a manifest.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Finding, HELM_CHART_TEMPLATE, lint, LintResult, lintParsed, parseFile, resolveConfig, Rule, ruleById } from '@kube-harden/server';
import { json, removeTempTrees, cli, tempTree } from '../helpers/cli';
import { yaml } from '../helpers/manifest';
import { KNOWN_RULES, PRIVILEGED_POD, PRIVILEGED_POD_JSON } from './cli/fixtures';

const ALL = { enableAll: true };
const at = (f: Finding) => [f.ruleId, f.range.start.line + 1, f.range.start.character + 1, f.range.end.line + 1, f.range.end.character + 1];
const known = (r: LintResult) => r.findings.filter(f => KNOWN_RULES.has(f.ruleId)).map(at);

function range(sl: number, sc: number, el: number, ec: number) {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}

function assertNothing(text: string, what: string): LintResult {
  const r = lint(text, ALL);
  assert.deepEqual(r.findings.map(at), [], what);
  assert.deepEqual(r.failures, [], what);
  return r;
}

/** Deterministic bytes (mulberry32), so a failure can be reproduced. */
function junk(length: number, seed: number, allowNul: boolean): Buffer {
  const out = Buffer.alloc(length);
  let a = seed >>> 0;
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const byte = ((t ^ (t >>> 14)) >>> 0) & 0xff;
    out[i] = allowNul ? byte : byte || 1;
  }
  return out;
}

/** Syntax errors, or YAML with no Kubernetes object in it. */
const MALFORMED: Record<string, string> = {
  'unclosed flow sequence': 'apiVersion: v1\nkind: Pod\nspec: [\n',
  'unterminated quote': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "web\n',
  'tab indentation': 'apiVersion: v1\nkind: Pod\nspec:\n\tcontainers: []\n',
  'bad indentation': 'apiVersion: v1\n kind: Pod\n  spec:\n containers: x\n',
  'colons everywhere': ': : :\n- - :\n',
  'mismatched brackets': '{ [ } ]\n',
  'unknown YAML version': '%YAML 9.9\n---\napiVersion: v1\n',
  'only document markers': '---\n...\n---\n...\n',
  'a scalar document': 'just a string\n',
  'a sequence document': '- apiVersion: v1\n  kind: Pod\n',
  'kind is a map': 'apiVersion: v1\nkind: {Pod: true}\nspec:\n  containers:\n  - name: a\n    securityContext: {privileged: true}\n',
};

/**
 * Pods whose fields have the wrong shape. They parse, so rules added later may have something
 * to say about them; what must hold is that nothing throws and the rules present now are silent.
 */
const MISSHAPEN: Record<string, string> = {
  'an undefined alias': 'apiVersion: v1\nkind: Pod\nspec:\n  containers: *nowhere\n',
  'duplicate anchors and keys': 'apiVersion: v1\nkind: Pod\nkind: Pod\nspec: &a {}\nx: &a []\n',
  'containers is a string': 'apiVersion: v1\nkind: Pod\nspec:\n  containers: "none"\n',
  'containers are not maps': 'apiVersion: v1\nkind: Pod\nspec:\n  containers: [1, null, [], "x"]\n',
  'securityContext is a list': 'apiVersion: v1\nkind: Pod\nspec:\n  securityContext: [runAsNonRoot]\n  containers:\n  - name: a\n    securityContext: privileged\n',
  'privileged is a string': 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    securityContext: {privileged: "true", runAsNonRoot: true}\n',
};

const GITHUB_WORKFLOW = yaml`
  name: ci
  on:
    push:
      branches: [main]
  jobs:
    build:
      runs-on: ubuntu-latest
      container:
        image: node:20
        options: --privileged
      steps:
        - uses: actions/checkout@v4
        - run: npm ci && npm test
`;

const DOCKER_COMPOSE = yaml`
  services:
    web:
      image: nginx:1.27
      privileged: true
      user: root
      cap_add: [SYS_ADMIN]
      network_mode: host
      volumes:
        - /var/run/docker.sock:/var/run/docker.sock
`;

const HELM_VALUES = yaml`
  replicaCount: 1
  image:
    repository: nginx
    tag: latest
  podSecurityContext:
    runAsNonRoot: false
  securityContext:
    privileged: true
    allowPrivilegeEscalation: true
  containers:
    - name: app
      securityContext:
        privileged: true
`;

const HELM_TEMPLATE = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: {{ .Values.name }}
  spec:
    containers:
      - name: app
        image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
        securityContext:
          privileged: true
`;

/** "Billion laughs": each level is ten aliases of the level below, 10^levels leaves if expanded. */
function laughs(levels: number, prefix = ''): string {
  let s = prefix + 'l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n';
  for (let l = 1; l < levels; l++) s += `l${l}: &l${l} [${Array(10).fill(`*l${l - 1}`).join(', ')}]\n`;
  return s;
}

/** The same with merge keys: every level merges the level below ten times. */
function mergeBomb(levels: number): string {
  let s = 'apiVersion: v1\nkind: Pod\nmetadata: {name: bomb}\nx:\n  m0: &m0 {a: 1}\n';
  for (let l = 1; l < levels; l++) s += `  m${l}: &m${l}\n    <<: [${Array(10).fill(`*m${l - 1}`).join(', ')}]\n`;
  return s + `spec:\n  <<: *m${levels - 1}\n  containers:\n  - <<: *m${levels - 1}\n    name: app\n`;
}

/** 2,000 documents of 25 lines: a 50,000-line file, each document a privileged pod. */
const BIG_DOC = [
  '---',
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: pod-NNN',
  '  labels:',
  '    app: demo',
  '    tier: web',
  '  annotations:',
  '    note: "document NNN"',
  'spec:',
  '  securityContext:',
  '    runAsNonRoot: true',
  '  containers:',
  '    - name: app',
  '      image: nginx:1.27',
  '      ports:',
  '        - containerPort: 80',
  '      env:',
  '        - name: MODE',
  '          value: production',
  '      securityContext:',
  '        privileged: true',
  '      resources: {}',
  '    # end of document NNN',
];
const BIG_DOCS = 2000;
const bigManifest = () => Array.from({ length: BIG_DOCS }, (_, i) => BIG_DOC.join('\n').replace(/NNN/g, String(i))).join('\n') + '\n';
/** 1-based line of `privileged: true` in document i (0-based), column 21 after 8 spaces + "privileged: ". */
const bigLine = (i: number) => i * BIG_DOC.length + BIG_DOC.indexOf('        privileged: true') + 1;

describe('bad input', function () {
  this.timeout(120_000);
  after(removeTempTrees);

  describe('engine', () => {
    for (const [what, text] of Object.entries(MALFORMED)) {
      it(`reports nothing for malformed YAML: ${what}`, () => { assertNothing(text, what); });
    }

    for (const [what, text] of Object.entries(MISSHAPEN)) {
      it(`does not throw on a pod where ${what}`, () => {
        const r = lint(text, ALL);
        assert.deepEqual(r.failures, []);
        // With securityContexts that are not maps, runAsNonRoot is still unset: reported at the
        // nearest key, `securityContext` on line 7, 4 spaces in.
        assert.deepEqual(known(r), what === 'securityContext is a list' ? [['require-run-as-non-root', 7, 5, 7, 20]] : []);
      });
    }

    it('still lints a good document after a broken one', () => {
      const text = 'apiVersion: v1\nkind: Pod\nspec: [\n---\n' + PRIVILEGED_POD;
      // PRIVILEGED_POD starts on line 5: `privileged: true` (its line 10) is on line 14.
      assert.deepEqual(known(lint(text)).filter(f => f[0] === 'disallow-privileged-containers'), [['disallow-privileged-containers', 14, 21, 14, 25]]);
    });

    for (const [what, text] of Object.entries({ empty: '', whitespace: '  \n\t\n   \r\n\n', comments: '# nothing\n   # here\n', 'a BOM': '\ufeff\n' })) {
      it(`reports nothing for ${what}`, () => { assertNothing(text, what); });
    }

    it('lints a 50,000-line multi-document manifest, every document', () => {
      const text = bigManifest();
      assert.equal(text.split('\n').length - 1, 50_000);
      const r = lint(text, ALL);
      assert.deepEqual(r.failures, []);
      const privileged = r.findings.filter(f => f.ruleId === 'disallow-privileged-containers');
      assert.equal(privileged.length, BIG_DOCS);
      assert.deepEqual(at(privileged[0]), ['disallow-privileged-containers', bigLine(0), 21, bigLine(0), 25]);
      assert.deepEqual(at(privileged[BIG_DOCS - 1]), ['disallow-privileged-containers', bigLine(BIG_DOCS - 1), 21, bigLine(BIG_DOCS - 1), 25]);
      assert.equal(privileged[BIG_DOCS - 1].object.name, `pod-${BIG_DOCS - 1}`);
    });

    it('does not expand an alias bomb', () => {
      assertNothing(laughs(12), 'billion laughs');
      // The same bomb as a pod's containers: items that are sequences are not containers.
      const pod = laughs(12, 'apiVersion: v1\nkind: Pod\nmetadata: {name: lol}\n') + 'spec:\n  containers: *l11\n  initContainers: [*l11, *l11]\n';
      const r = lint(pod, ALL);
      assert.deepEqual(r.failures, []);
      assert.deepEqual(known(r), []);
    });

    it('does not expand a merge-key bomb, and still sees the container', () => {
      const text = mergeBomb(12);
      const r = lint(text, ALL);
      assert.deepEqual(r.failures, []);
      // The container sets nothing: runAsNonRoot is reported at its name, `app` on the last line.
      const last = text.split('\n').length - 1;
      assert.deepEqual(known(r), [['require-run-as-non-root', last, 11, last, 14]]);
    });

    it('survives alias cycles: a map containing its own alias, merging itself, a list of itself', () => {
      const text = yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: cycles}
        spec: &spec
          <<: *spec
          self: *spec
          securityContext: &psc
            <<: *psc
          containers: &list
          - *list
          - &c
            <<: *c
            name: app
            securityContext: {privileged: true}
      `;
      const r = lint(text, ALL);
      assert.deepEqual(r.failures, []);
      // Line 14: `    securityContext: {privileged: true}`; securityContext at 5, true at 35.
      assert.deepEqual(known(r), [
        ['require-run-as-non-root', 14, 5, 14, 20],
        ['disallow-privileged-containers', 14, 35, 14, 39],
      ]);
    });

    it('skips binary junk (NUL bytes) and reports nothing for junk without them', () => {
      const binary = junk(64 * 1024, 1, true);
      binary[100] = 0;
      assert.equal(assertNothing(binary.toString('utf8'), 'binary').skipped, 'binary content');
      for (const seed of [2, 3, 4]) assertNothing(junk(16 * 1024, seed, false).toString('utf8'), `junk ${seed}`);
      const head = lint('apiVersion: v1\nkind: Pod\nspec:\n' + junk(4096, 5, false).toString('latin1'), ALL);
      assert.deepEqual([head.failures, known(head)], [[], []], 'a manifest head, then junk');
    });

    for (const [what, text] of Object.entries({ 'a GitHub workflow': GITHUB_WORKFLOW, 'a docker-compose file': DOCKER_COMPOSE, 'a Helm values.yaml': HELM_VALUES })) {
      it(`reports nothing in ${what}`, () => { assertNothing(text, what); });
    }

    it('lints JSON manifests, a List included, at their JSON positions', () => {
      assert.deepEqual(known(lint(PRIVILEGED_POD_JSON)), [['disallow-privileged-containers', 12, 25, 12, 29]]);
      const list = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [JSON.parse(PRIVILEGED_POD_JSON), JSON.parse(PRIVILEGED_POD_JSON)] });
      // One line: the two `true` values of "privileged" are where the text says they are.
      const first = list.indexOf('"privileged":true') + '"privileged":'.length;
      const second = list.indexOf('"privileged":true', first) + '"privileged":'.length;
      assert.deepEqual(known(lint(list)), [
        ['disallow-privileged-containers', 1, first + 1, 1, first + 5],
        ['disallow-privileged-containers', 1, second + 1, 1, second + 5],
      ]);
    });

    it('skips a chart template (known by its path) and a template that does not parse, and says why', () => {
      // A chart template, even without actions, is not judged until charts are rendered.
      const chart = lint(PRIVILEGED_POD, ALL, { helmTemplate: true });
      assert.deepEqual([chart.findings, chart.skipped, chart.notChecked], [[], HELM_CHART_TEMPLATE, [{ reason: HELM_CHART_TEMPLATE, range: range(0, 0, 0, 0) }]]);
      // Control lines outside a chart: the YAML does not parse, and the reason names the likely cause.
      const control = lint(`{{- if .Values.enabled }}\n${PRIVILEGED_POD}{{- end }}\n`, ALL);
      assert.deepEqual(control.findings, []);
      assert.deepEqual(control.notChecked, [{
        reason: "YAML syntax error (Block collections are not allowed within flow collections); it looks like a template outside a Helm chart's templates/ folder",
        range: range(0, 2, 0, 2),
      }]);
    });

    it('judges `{{ }}` in an ordinary manifest as the text it is: every document is linted', () => {
      const text = `${HELM_TEMPLATE}---\n${PRIVILEGED_POD}`;
      const offset = HELM_TEMPLATE.split('\n').length; // the lines before the second document
      const r = lint(text, { rules: { 'disallow-privileged-containers': 'error' }, level: 'baseline' });
      assert.deepEqual([r.skipped, r.notChecked], [undefined, undefined]);
      // The container's name: it sets no memory limit (on by default at every level).
      assert.deepEqual(r.findings.map(at), [
        ['require-memory-limit', 7, 13, 7, 16], ['disallow-privileged-containers', 10, 21, 10, 25],
        ['require-memory-limit', offset + 7, 13, offset + 7, 16], ['disallow-privileged-containers', offset + 10, 21, offset + 10, 25],
      ]);
    });

    it('isolates a rule that throws: the others still report, the failure names it', () => {
      const thrower: Rule = {
        id: 'test-thrower', title: 'Throws', category: 'misc', severity: 'error', pss: null, level: 'baseline',
        covers: [], equivalents: {}, messages: {}, docs: { summary: '', remediation: '', references: [] }, fix: null,
        checkPod() { throw new TypeError('cannot read the pod'); },
      };
      const real = ruleById('disallow-privileged-containers')!;
      const resolved = resolveConfig({}, [thrower, real]);
      assert.deepEqual(resolved.active.map(a => a.rule.id), ['test-thrower', 'disallow-privileged-containers']);
      const r = lintParsed(parseFile(PRIVILEGED_POD), resolved);
      assert.deepEqual(r.findings.map(at), [['disallow-privileged-containers', 10, 21, 10, 25]]);
      assert.deepEqual(r.failures.map(f => f.ruleId), ['test-thrower']);
      assert.match(r.failures[0].error, /TypeError: cannot read the pod/);
    });
  });

  describe('CLI', () => {
    it('answers a directory of bad input with no findings, each unread file skipped, exit status 3', async () => {
      const binary = junk(8192, 7, true);
      binary[0] = 0;
      const files: Record<string, string | Buffer> = {
        'empty.yaml': '',
        'whitespace.yaml': '  \n\t\n',
        'binary.yaml': binary,
        'junk.yaml': junk(8192, 8, false),
        'laughs.yaml': laughs(12),
        'workflow.yml': GITHUB_WORKFLOW,
        'docker-compose.yml': DOCKER_COMPOSE,
        'values.yaml': HELM_VALUES,
        'template.yaml': `{{- if .Values.enabled }}\n${HELM_TEMPLATE}{{- end }}\n`,
        'broken.json': '{"apiVersion": "v1", "kind": "Pod", "spec": {',
      };
      Object.entries(MALFORMED).forEach(([, text], i) => { files[`malformed-${i}.yaml`] = text; });
      const dir = tempTree(files);
      // 17 MiB of zeros without writing them: larger than the engine lints, never read.
      fs.writeFileSync(path.join(dir, 'huge.yaml'), '');
      fs.truncateSync(path.join(dir, 'huge.yaml'), 17 * 1024 * 1024);
      const run = await cli(['check', '--enable-all', '--format', 'json', '.'], { cwd: dir });
      assert.equal(run.status, 3, run.stdout + run.stderr);
      const syntax = (file: string, line: number, error: string) => ({ file: `./${file}`, line, reason: `YAML syntax error: ${error}` });
      const skipped = [
        { file: './binary.yaml', line: null, reason: 'binary content' },
        syntax('broken.json', 1, 'Flow map in block collection must be sufficiently indented and end with a }'),
        { file: './huge.yaml', line: null, reason: 'file too large (17 MiB; the limit is 16 MiB, see maxFileSize)' },
        // An unclosed collection or quote is reported on the document's last line, not past the end of the file.
        syntax('malformed-0.yaml', 3, 'Flow sequence in block collection must be sufficiently indented and end with a ]'),
        syntax('malformed-1.yaml', 4, 'Missing closing "quote'),
        syntax('malformed-2.yaml', 4, 'Tabs are not allowed as indentation'),
        syntax('malformed-3.yaml', 1, 'Nested mappings are not allowed in compact mappings'),
        syntax('malformed-4.yaml', 1, 'Nested mappings are not allowed in compact mappings'),
        syntax('malformed-5.yaml', 1, 'Flow sequence in block collection must be sufficiently indented and end with a ]'),
        { file: './template.yaml', line: 1, reason: "YAML syntax error (Block collections are not allowed within flow collections); it looks like a template outside a Helm chart's templates/ folder" },
      ];
      assert.deepEqual(json(run), { findings: [], skipped });
      assert.equal(run.stderr, skipped.map(s => `skipped: ${s.file}${s.line === null ? '' : `:${s.line}`}: ${s.reason}\n`).join(''));
      const allowed = await cli(['check', '--enable-all', '--allow-skipped', '.'], { cwd: dir });
      assert.equal(allowed.status, 0, allowed.stderr);
      assert.equal(allowed.stderr, run.stderr, 'what was skipped is still said');
    });

    it('reports every document of a 50,000-line manifest', async () => {
      const dir = tempTree({ 'big.yaml': bigManifest() });
      const run = await cli(['check', '--format', 'json', 'big.yaml'], { cwd: dir });
      assert.equal(run.status, 1, run.stderr);
      const privileged = json<{ findings: Array<{ rule: string; range: { start: { line: number; column: number } } }> }>(run)
        .findings.filter(f => f.rule === 'disallow-privileged-containers');
      assert.equal(privileged.length, BIG_DOCS);
      assert.deepEqual(privileged.map(f => f.range.start.line), Array.from({ length: BIG_DOCS }, (_, i) => bigLine(i)));
      assert.ok(privileged.every(f => f.range.start.column === 21));
    });
  });
});
