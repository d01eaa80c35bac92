// Fixes moved from the rendered object to the chart file that owns the value, each proven by
// rendering the chart again: exact edits, and the text they leave.
import * as assert from 'node:assert/strict';
import { applyEdits, ChartFile, chartFix, chartValueSets, judgeChart, resolveConfig } from '@kube-harden/server/out/engine';

const config = resolveConfig({});

function chart(values: string, pod: string, extra: ChartFile[] = []): ChartFile[] {
  return [
    { path: 'Chart.yaml', text: 'apiVersion: v2\nname: demo\nversion: 0.1.0\n' },
    { path: 'values.yaml', text: values },
    { path: 'templates/pod.yaml', text: pod },
    ...extra,
  ];
}

/** The proven fix of the one finding of `rule` on `container`, and the edited file's text. */
function fixOf(files: ChartFile[], rule: string, container: string) {
  const judgement = judgeChart(files, { sets: chartValueSets(files), config: () => config, uriOf: (p, s, i) => `file:///chart/${p}#${s}-${i}` });
  assert.deepEqual(judgement.failures, []);
  const hits = judgement.findings.filter(f => f.finding.ruleId === rule && f.finding.message.includes(`"${container}"`));
  assert.equal(hits.length, 1, `one ${rule} finding on ${container}`);
  const fix = chartFix(files, judgement, hits[0], { config });
  if (!fix) return undefined;
  const file = files.find(f => f.path === fix.files[0].path)!;
  return { fix, text: applyEdits(file.text, fix.files[0].edits).text };
}

const POD_HEAD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n';
const LIMITS = '    resources:\n      limits: {memory: 128Mi}\n';

describe('chart fixes', () => {
  it('sets a printed value in values.yaml, keeping its comment', () => {
    const values = 'image: nginx:1.27\nsecurityContext:\n  privileged: true # needed?\n';
    const pod = `${POD_HEAD}  containers:\n  - name: app\n    image: {{ .Values.image }}\n    securityContext:\n      privileged: {{ .Values.securityContext.privileged }}\n${LIMITS}`;
    const r = fixOf(chart(values, pod), 'disallow-privileged-containers', 'app')!;
    assert.deepEqual(r.fix, {
      title: 'Set securityContext.privileged: false in container "app" in values.yaml', safety: 'unsafe', where: 'values', suggestion: false,
      files: [{ path: 'values.yaml', edits: [{ start: 49, end: 53, newText: 'false' }] }],
    });
    assert.equal(r.text, 'image: nginx:1.27\nsecurityContext:\n  privileged: false # needed?\n');
  });

  it('adds the key to the values block a template prints with toYaml, in the file\'s indentation', () => {
    const values = 'podSecurityContext:\n    fsGroup: 2000\nother: 1\n';
    const pod = `${POD_HEAD}  securityContext:\n    {{- toYaml .Values.podSecurityContext | nindent 4 }}\n  containers:\n  - name: app\n    image: nginx:1.27\n${LIMITS}`;
    const r = fixOf(chart(values, pod), 'require-run-as-non-root', 'app')!;
    assert.equal(r.fix.where, 'values');
    assert.deepEqual(r.fix.files, [{ path: 'values.yaml', edits: [{ start: 38, end: 38, newText: '    runAsNonRoot: true\n' }] }]);
    assert.equal(r.text, 'podSecurityContext:\n    fsGroup: 2000\n    runAsNonRoot: true\nother: 1\n');
  });

  it('fills an empty flow block in values.yaml in flow style', () => {
    const values = 'securityContext: {}\n';
    const pod = `${POD_HEAD}  containers:\n  - name: app\n    image: nginx:1.27\n    securityContext: {{- toYaml .Values.securityContext | nindent 6 }}\n${LIMITS}`;
    const r = fixOf(chart(values, pod), 'require-no-privilege-escalation', 'app')!;
    assert.equal(r.fix.where, 'values');
    assert.equal(r.text, 'securityContext: {allowPrivilegeEscalation: false}\n');
  });

  it('edits literal template text in the template', () => {
    const pod = `${POD_HEAD}  containers:\n  - name: app\n    image: nginx:1.27\n    securityContext:\n      privileged: true\n${LIMITS}`;
    const r = fixOf(chart('', pod), 'disallow-privileged-containers', 'app')!;
    assert.deepEqual(r.fix, {
      title: 'Set securityContext.privileged: false in container "app" in templates/pod.yaml', safety: 'unsafe', where: 'template', suggestion: false,
      files: [{ path: 'templates/pod.yaml', edits: [{ start: 142, end: 146, newText: 'false' }] }],
    });
    assert.equal(r.text, `${POD_HEAD}  containers:\n  - name: app\n    image: nginx:1.27\n    securityContext:\n      privileged: false\n${LIMITS}`);
  });

  it('offers a block missing from the template as a suggestion in the template', () => {
    const pod = `${POD_HEAD}  containers:\n  - name: app\n    image: {{ .Values.image }}\n${LIMITS}`;
    const r = fixOf(chart('image: nginx:1.27\n', pod), 'require-no-privilege-escalation', 'app')!;
    assert.equal(r.fix.where, 'template');
    assert.equal(r.fix.suggestion, true);
    assert.equal(r.text, `${POD_HEAD}  containers:\n  - name: app\n    image: {{ .Values.image }}\n${LIMITS}    securityContext:\n      allowPrivilegeEscalation: false\n`);
  });

  it('inserts a block after a helper\'s line when the helper prints nothing, so what it prints otherwise stays put', () => {
    const helpers = '{{- define "demo.env" -}}\n{{- if .Values.tz }}\n- name: TZ\n  value: {{ .Values.tz }}\n{{- end }}\n{{- end }}\n';
    const pod = `${POD_HEAD}  containers:\n  - name: app\n    image: nginx:1.27\n${LIMITS}    env:\n    - name: A\n      value: "1"\n    {{- include "demo.env" . | nindent 4 }}\n  volumes: []\n`;
    const r = fixOf(chart('tz: ""\n', pod, [{ path: 'templates/_helpers.tpl', text: helpers }]), 'require-no-privilege-escalation', 'app')!;
    assert.equal(r.fix.suggestion, true);
    assert.equal(r.text, `${POD_HEAD}  containers:\n  - name: app\n    image: nginx:1.27\n${LIMITS}    env:\n    - name: A\n      value: "1"\n    {{- include "demo.env" . | nindent 4 }}\n    securityContext:\n      allowPrivilegeEscalation: false\n  volumes: []\n`);
  });

  it('offers nothing when no edit of the chart removes the finding', () => {
    // `default` treats false as empty: no values edit can make this print false.
    const values = 'securityContext:\n  privileged: true\n';
    const pod = `${POD_HEAD}  containers:\n  - name: app\n    image: nginx:1.27\n    securityContext:\n      privileged: {{ .Values.securityContext.privileged | default true }}\n${LIMITS}`;
    assert.equal(fixOf(chart(values, pod), 'disallow-privileged-containers', 'app'), undefined);
  });
});
