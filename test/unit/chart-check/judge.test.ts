// judgeChart: findings at the template span, the values node that set the value, and the value
// sets a finding holds in.
import * as assert from 'node:assert/strict';
import { chartValueSets, judgeChart, resolveConfig, chartNote, WorkspaceIndex } from '@kube-harden/server/out/engine';

const config = resolveConfig({});
const files = [
  { path: 'Chart.yaml', text: 'apiVersion: v2\nname: demo\nversion: 0.1.0\n' },
  { path: 'values.yaml', text: 'sc:\n  privileged: false\n' },
  { path: 'ci/priv-values.yaml', text: 'sc:\n  privileged: true\n' },
  { path: 'ci/plain-values.yaml', text: 'other: 1\n' },
  { path: 'templates/pod.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    securityContext:\n      privileged: {{ .Values.sc.privileged }}\n' },
];

describe('judgeChart', () => {
  it('renders each value set and names the sets a finding holds in, with the values node that set it', () => {
    const sets = chartValueSets(files);
    assert.deepEqual(sets.map(s => s.name), ['values.yaml', 'ci/plain-values.yaml', 'ci/priv-values.yaml']);
    const j = judgeChart(files, { sets, config: () => config, uriOf: (p, s, i) => `file:///c/${p}#${s}-${i}` });
    const priv = j.findings.filter(f => f.finding.ruleId === 'disallow-privileged-containers');
    assert.equal(priv.length, 1);
    assert.deepEqual(priv[0].sets, ['ci/priv-values.yaml']);
    assert.deepEqual(priv[0].at, { path: 'templates/pod.yaml', start: { line: 10, column: 19 }, end: { line: 10, column: 46 }, startOffset: 142, endOffset: 169 });
    assert.deepEqual(priv[0].value, {
      file: 'ci/priv-values.yaml', key: ['sc', 'privileged'],
      keySpan: { path: 'ci/priv-values.yaml', start: { line: 2, column: 3 }, end: { line: 2, column: 13 }, startOffset: 6, endOffset: 16 },
      value: { start: 18, end: 22 },
    });
    // Findings that hold in every set name none.
    const drop = j.findings.find(f => f.finding.ruleId === 'require-drop-all-capabilities')!;
    assert.deepEqual(drop.sets, ['values.yaml', 'ci/plain-values.yaml', 'ci/priv-values.yaml']);
  });

  it('reports a finding a shared helper prints once, at the helper, naming every template that includes it', () => {
    const shared = [
      { path: 'Chart.yaml', text: 'apiVersion: v2\nname: demo\nversion: 0.1.0\n' },
      { path: 'values.yaml', text: 'privileged: true\n' },
      { path: 'templates/_helpers.tpl', text: '{{- define "demo.sc" -}}\nprivileged: {{ .Values.privileged }}\n{{- end }}\n' },
      ...['api', 'web'].map(name => ({
        path: `templates/${name}.yaml`,
        text: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    securityContext:\n      {{- include "demo.sc" . | nindent 6 }}\n`,
      })),
    ];
    const j = judgeChart(shared, { sets: chartValueSets(shared), config: () => config, uriOf: (p, s, i) => `file:///c/${p}#${s}-${i}` });
    const priv = j.findings.filter(f => f.finding.ruleId === 'disallow-privileged-containers');
    // `_helpers.tpl` line 2 `privileged: {{ .Values.privileged }}`: the action from column 13.
    assert.deepEqual(priv.map(f => [f.at.path, f.at.start.line, f.at.start.column, f.templates, chartNote(f, j)]), [
      ['templates/_helpers.tpl', 2, 13, ['templates/api.yaml', 'templates/web.yaml'], 'templates: templates/api.yaml, templates/web.yaml'],
    ]);
    // A finding in the template itself names nothing.
    assert.ok(j.findings.filter(f => f.at.path !== 'templates/_helpers.tpl').every(f => chartNote(f, j) === undefined));
  });

  it('reports a value set the chart cannot render with, at the template position', () => {
    const broken = files.map(f => (f.path === 'templates/pod.yaml' ? { ...f, text: f.text.replace('{{ .Values.sc.privileged }}', '{{ required "sc.privileged is required" .Values.sc.privileged }}') } : f))
      .map(f => (f.path === 'ci/plain-values.yaml' ? { ...f, text: 'sc:\n  privileged: null\n' } : f));
    const j = judgeChart(broken, { sets: chartValueSets(broken), config: () => config, uriOf: (p, s, i) => `file:///c/${p}#${s}-${i}` });
    assert.deepEqual(j.failures.map(f => ({ set: f.set.name, error: f.error, at: f.at })), [{
      set: 'ci/plain-values.yaml',
      error: 'execution error at (demo/templates/pod.yaml:10:21): sc.privileged is required',
      // Go's column counts from 0: `required` starts 21 bytes into the line.
      at: { path: 'templates/pod.yaml', line: 10, col: 21 },
    }]);
  });

  it('judges each value set as an install of its own, also in a shared repository model', () => {
    // The same binding in every set: counted once per set, never once per set rendered so far.
    const rbac = [
      { path: 'Chart.yaml', text: 'apiVersion: v2\nname: demo\nversion: 0.1.0\n' },
      { path: 'values.yaml', text: 'replicas: 1\n' },
      { path: 'ci/a-values.yaml', text: 'replicas: 2\n' },
      { path: 'ci/b-values.yaml', text: 'replicas: 3\n' },
      { path: 'templates/rbac.yaml', text: [
        'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n---',
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: app\nrules:\n- apiGroups: [""]\n  resources: [secrets]\n  verbs: [get]\n---',
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: app\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: app}\nsubjects:\n- {kind: ServiceAccount, name: app, namespace: default}\n---',
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  replicas: {{ .Values.replicas }}\n  selector: {matchLabels: {app: a}}\n  template:\n    metadata: {labels: {app: a}}\n    spec:\n      serviceAccountName: app\n      containers:\n      - {name: c, image: nginx:1.27}\n',
      ].join('\n') },
    ];
    for (const workspace of [undefined, new WorkspaceIndex()]) {
      const j = judgeChart(rbac, { sets: chartValueSets(rbac), config: () => config, uriOf: (p, s, i) => `file:///c/${p}#${s}-${i}`, ...(workspace ? { workspace } : {}) });
      const token = j.findings.filter(f => f.finding.ruleId === 'disallow-automounted-token-with-rbac');
      assert.deepEqual(token.map(f => f.sets), [['values.yaml', 'ci/a-values.yaml', 'ci/b-values.yaml']]);
      // The binding it names, where the template prints it: `name: app` of the ClusterRoleBinding.
      assert.deepEqual(token[0].related, [{
        at: { path: 'templates/rbac.yaml', start: { line: 18, column: 9 }, end: { line: 18, column: 12 }, startOffset: 294, endOffset: 297 },
        message: 'ClusterRoleBinding "app" binds ClusterRole "app" to ServiceAccount "app".',
      }]);
    }
  });
});
