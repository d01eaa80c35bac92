// Suppression comments and annotations (ours and other tools'), checked suppressions (unused,
// unknown rule, no reason, expired), and fix-all leaving suppressed findings alone. Positions are
// 1-based line:column, counted from the manifests below.
import * as assert from 'node:assert/strict';
import { fixAll, LintConfig, lintParsed, parseFile, resolveConfig } from '@kube-harden/server';
import { yaml } from '../../helpers/manifest';

const CONFIG: Partial<LintConfig> = {
  rules: { '*': 'off', 'disallow-privileged-containers': 'error', 'require-run-as-non-root': 'warning', 'disallow-host-network': 'error', 'disallow-latest-image-tag': 'warning' },
};
const NOW = new Date('2026-06-15T12:00:00Z');

function run(text: string, now = NOW) {
  const r = lintParsed(parseFile(text), resolveConfig(CONFIG), { now });
  return {
    findings: r.findings.map(f => `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1} ${f.ruleId}/${f.messageId} ${f.severity}`),
    suppressed: (r.suppressed ?? []).map(s => `${s.finding.range.start.line + 1} ${s.finding.ruleId} via ${s.via}: ${s.reason}`),
    messages: r.findings.filter(f => f.ruleId === 'suppressions').map(f => f.message),
  };
}

// Unsuppressed: host network 6:16, privileged app 11:21, runAsNonRoot false 12:23,
// privileged sidecar 16:21, sidecar's missing runAsNonRoot at its securityContext key 15:7.
const POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    hostNetwork: true
    containers:
      - name: app
        image: nginx:1.27
        securityContext:
          privileged: true
          runAsNonRoot: false
      - name: sidecar
        image: busybox:1.36
        securityContext:
          privileged: true
`;

const withLines = (text: string, edits: Record<number, string>) =>
  text.split('\n').map((l, i) => (edits[i + 1] !== undefined ? edits[i + 1].replace('$', l) : l)).join('\n');

describe('suppressions', () => {
  it('no suppression: the findings as counted', () => {
    assert.deepEqual(run(POD).findings, [
      '6:16-6:20 disallow-host-network/hostNetwork error',
      '11:21-11:25 disallow-privileged-containers/privileged error',
      '12:23-12:28 require-run-as-non-root/containerFalse warning',
      '15:7-15:22 require-run-as-non-root/missing warning',
      '16:21-16:25 disallow-privileged-containers/privileged error',
    ]);
  });

  describe('comments', () => {
    it('on the line above (indented as the line) and at the end of the line; several ids', () => {
      const text = withLines(POD, {
        6: '  # kube-harden-ignore disallow-host-network -- the CNI agent needs the node network\n$',
        11: '$ # kube-harden-ignore disallow-privileged-containers, require-run-as-non-root -- debug image, ADR-12',
      });
      const r = run(text);
      // Line 11's trailing comment: privileged (11) suppressed; require-run-as-non-root reports on
      // line 13 (12 + the inserted line), not 11, so it is unused there and reported at its id.
      assert.deepEqual(r.findings, [
        '12:79-12:102 suppressions/unused info',
        '13:23-13:28 require-run-as-non-root/containerFalse warning',
        '16:7-16:22 require-run-as-non-root/missing warning',
        '17:21-17:25 disallow-privileged-containers/privileged error',
      ]);
      assert.deepEqual(r.suppressed, [
        '7 disallow-host-network via comment: the CNI agent needs the node network',
        '12 disallow-privileged-containers via comment: debug image, ADR-12',
      ]);
      assert.deepEqual(r.messages, ['Nothing to suppress: require-run-as-non-root reports nothing here. Remove the suppression.']);
    });

    it('without a reason, or with the TODO placeholder, it is not honoured and says so', () => {
      const text = withLines(POD, {
        6: '$ # kube-harden-ignore disallow-host-network',
        11: '$ # kube-harden-ignore disallow-privileged-containers -- TODO: reason',
      });
      const r = run(text);
      assert.deepEqual(r.findings.filter(f => !f.includes('run-as-non-root')), [
        '6:16-6:20 disallow-host-network/hostNetwork error',
        '6:42-6:63 suppressions/missingReason warning',
        '11:21-11:25 disallow-privileged-containers/privileged error',
        '11:47-11:77 suppressions/missingReason warning',
        '16:21-16:25 disallow-privileged-containers/privileged error',
      ]);
      assert.equal(r.messages[0], 'The suppression of disallow-host-network needs a reason (# kube-harden-ignore disallow-host-network -- <why>): without one it is not honoured.');
      assert.deepEqual(r.suppressed, []);
    });

    it('an unknown rule id is a warning at the id; a rule that is off is not "unused"', () => {
      const text = withLines(POD, { 6: '$ # kube-harden-ignore disallow-host-netwrok, require-cpu-limit -- typo' });
      const r = run(text);
      assert.deepEqual(r.findings.slice(0, 2), ['6:16-6:20 disallow-host-network/hostNetwork error', '6:42-6:63 suppressions/unknownRule warning']);
      assert.equal(r.findings.filter(f => f.includes('suppressions')).length, 1);
      assert.equal(r.messages[0], 'Unknown rule "disallow-host-netwrok" in a suppression: run "kube-harden rules" for the list.');
    });

    it('the words inside a block scalar are not a comment', () => {
      const text = POD + yaml`
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: script
        data:
          run.sh: |
            # kube-harden-ignore disallow-host-network -- not a comment
      `;
      assert.deepEqual(run(text).findings.filter(f => f.includes('suppressions')), []);
    });

    it('an expiry date: honoured through that day (UTC), then reported as expired', () => {
      const text = withLines(POD, { 6: '$ # kube-harden-ignore disallow-host-network -- until 2026-06-15: migration to Cilium' });
      assert.deepEqual(run(text, new Date('2026-06-15T23:59:59Z')).suppressed, ['6 disallow-host-network via comment: migration to Cilium']);
      const after = run(text, new Date('2026-06-16T00:00:00Z'));
      assert.deepEqual(after.suppressed, []);
      assert.deepEqual(after.findings.slice(0, 2), ['6:16-6:20 disallow-host-network/hostNetwork error', '6:42-6:63 suppressions/expired info']);
      assert.equal(after.messages[0], 'The suppression of disallow-host-network expired on 2026-06-15: the finding is reported again. Fix it, or renew the suppression with a new date and reason.');
    });
  });

  describe('annotations', () => {
    const annotated = (annotations: string, template = false) => template
      ? [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: web',
        'spec:',
        '  template:',
        '    metadata:',
        '      annotations:',
        ...annotations.split('\n').map(l => `        ${l}`),
        '    spec:',
        '      hostNetwork: true',
        '      containers:',
        '        - name: app',
        '          image: nginx:latest',
        '          securityContext:',
        '            privileged: true',
        '            runAsNonRoot: true',
        '',
      ].join('\n')
      : POD.replace('  name: web\n', `  name: web\n  annotations:\n${annotations.split('\n').map(l => `    ${l}`).join('\n')}\n`);

    it('for the object, and per container; unused and reasonless ones are reported at the key / value', () => {
      const text = annotated([
        'kube-harden.io/ignore.disallow-host-network: "node exporter"',
        'kube-harden.io/ignore.disallow-privileged-containers.sidecar: "until 2027-01-31: needs /dev/fuse"',
        'kube-harden.io/ignore.require-run-as-non-root.nothere: "typo in the container name"',
        'kube-harden.io/ignore.disallow-latest-image-tag: ""',
      ].join('\n'));
      const r = run(text);
      // Four annotation lines push the spec down by 5 (the `annotations:` key too).
      assert.deepEqual(r.findings, [
        '8:5-8:58 suppressions/unused info',
        '9:54-9:56 suppressions/missingReason warning',
        '16:21-16:25 disallow-privileged-containers/privileged error',
        '17:23-17:28 require-run-as-non-root/containerFalse warning',
        '20:7-20:22 require-run-as-non-root/missing warning',
      ]);
      assert.deepEqual(r.suppressed, [
        '11 disallow-host-network via annotation: node exporter',
        '21 disallow-privileged-containers via annotation: needs /dev/fuse',
      ]);
      assert.deepEqual(r.messages, [
        'Nothing to suppress: require-run-as-non-root (container "nothere") reports nothing here. Remove the suppression.',
        'The suppression of disallow-latest-image-tag needs a reason (kube-harden.io/ignore.disallow-latest-image-tag: "<why>"): without one it is not honoured.',
      ]);
    });

    it('on the pod template of a workload; an unknown rule; an expired one', () => {
      const text = annotated([
        'kube-harden.io/ignore.disallow-host-network: "until 2026-01-01: old"',
        'kube-harden.io/ignore.disallow-privileged-containers: "CSI node plugin"',
        'kube-harden.io/ignore.no-such-rule: "x"',
      ].join('\n'), true);
      const r = run(text);
      assert.deepEqual(r.findings, [
        '9:9-9:52 suppressions/expired info',
        '11:9-11:43 suppressions/unknownRule warning',
        '13:20-13:24 disallow-host-network/hostNetwork error',
        '16:18-16:30 disallow-latest-image-tag/latest warning',
      ]);
      assert.deepEqual(r.suppressed, ['18 disallow-privileged-containers via annotation: CSI node plugin']);
    });

    it('an annotation key longer than Kubernetes allows is flagged (and still honoured)', () => {
      const r = run(annotated('kube-harden.io/ignore.disallow-privileged-containers.sidecar: "CSI"'));
      // ignore. (7) + disallow-privileged-containers (30) + .sidecar (8) = 45: fine.
      assert.deepEqual(r.findings.filter(f => f.includes('suppressions')), []);
      assert.deepEqual(r.suppressed, ['18 disallow-privileged-containers via annotation: CSI']);
      const long = run(annotated('kube-harden.io/ignore.restrict-capabilities-to-net-bind-service.sidecar-container: "x"'));
      // 7 + 41 + 18 = 66 > 63; the key is 15 + 66 = 81 characters from column 5. The rule is off
      // here, so the suppression is not "unused" as well.
      assert.deepEqual(long.findings.filter(f => f.includes('suppressions')), ['6:5-6:86 suppressions/keyTooLong warning']);
      assert.equal(long.messages[0], 'The API server rejects this annotation: the part after "kube-harden.io/" has 66 characters, at most 63 are allowed. Use a # kube-harden-ignore comment instead.');
    });

    it('other tools\' annotations for the rules whose equivalents name their checks; never reported as unused', () => {
      const r = run(annotated([
        'ignore-check.kube-linter.io/privileged-container: "CSI driver"',
        'checkov.io/skip1: CKV_K8S_19=host network for the CNI',
        'polaris.fairwinds.com/runAsRootAllowed-exempt: "true"',
        'bridgecrew.io/skip2: CKV_K8S_999=nothing maps here',
      ].join('\n')));
      assert.deepEqual(r.findings, []);
      assert.deepEqual(r.suppressed, [
        '16 disallow-privileged-containers via ignore-check.kube-linter.io/privileged-container: CSI driver',
        '21 disallow-privileged-containers via ignore-check.kube-linter.io/privileged-container: CSI driver',
        '11 disallow-host-network via checkov.io/skip1: CKV_K8S_19=host network for the CNI',
        '17 require-run-as-non-root via polaris.fairwinds.com/runAsRootAllowed-exempt: true',
        '20 require-run-as-non-root via polaris.fairwinds.com/runAsRootAllowed-exempt: true',
      ]);
      assert.deepEqual(run(annotated('kube-linter.io/ignore-all: "legacy"')).findings, []);
      assert.deepEqual(run(annotated('polaris.fairwinds.com/exempt: "true"')).findings, []);
      assert.equal(run(annotated('polaris.fairwinds.com/exempt: "false"')).findings.length, 5);
    });
  });

  describe('kubeaudit override labels', () => {
    const labelled = (labels: string[]) => POD.replace('  name: web\n', `  name: web\n  labels:\n${labels.map(l => `    ${l}`).join('\n')}\n`);

    it('for the pod, and per container; the deprecated spellings too; their value is the reason', () => {
      const r = run(labelled([
        'kubeaudit.io/allow-namespace-host-network: "CNI agent"',
        'container.kubeaudit.io/sidecar.allow-privileged: "needs /dev/fuse"',
        'container.audit.kubernetes.io/app.allow-run-as-root: "legacy image"',
      ]));
      // Three label lines and the `labels:` key push the spec down by 4.
      assert.deepEqual(r.findings, ['15:21-15:25 disallow-privileged-containers/privileged error', '19:7-19:22 require-run-as-non-root/missing warning']);
      assert.deepEqual(r.suppressed, [
        '10 disallow-host-network via kubeaudit.io/allow-namespace-host-network: CNI agent',
        '20 disallow-privileged-containers via container.kubeaudit.io/sidecar.allow-privileged: needs /dev/fuse',
        '16 require-run-as-non-root via container.audit.kubernetes.io/app.allow-run-as-root: legacy image',
      ]);
    });

    it('an override for another container, an unknown override, or an annotation of that name suppresses nothing', () => {
      const r = run(labelled(['container.kubeaudit.io/other.allow-privileged: "x"', 'kubeaudit.io/allow-everything: "x"']));
      assert.deepEqual(r.suppressed, []);
      const annotated = POD.replace('  name: web\n', '  name: web\n  annotations:\n    kubeaudit.io/allow-privileged: "x"\n');
      assert.deepEqual(run(annotated).suppressed, []);
    });

    it('allow-capability-<cap> covers only the findings about that capability', () => {
      const caps = yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: agent
          labels:
            kubeaudit.io/allow-capability-net-admin: "configures routes"
        spec:
          containers:
          - name: a
            image: agent:1.0
            securityContext:
              capabilities:
                add: [NET_ADMIN, SYS_ADMIN]
      `;
      const r = lintParsed(parseFile(caps), resolveConfig({ rules: { '*': 'off', 'disallow-non-default-capabilities': 'error' } }), { now: NOW });
      assert.deepEqual(r.findings.map(f => f.data.capability), ['SYS_ADMIN']);
      assert.deepEqual((r.suppressed ?? []).map(x => [x.finding.data.capability, x.via]), [['NET_ADMIN', 'kubeaudit.io/allow-capability-net-admin']]);
    });
  });

  it('fix-all leaves suppressed findings alone', () => {
    const text = withLines(POD, { 11: '$ # kube-harden-ignore disallow-privileged-containers -- debug image, ADR-12' });
    // Unsafe fixes included (turning privileged or the host network off is never safe): the
    // suppressed app container keeps privileged: true (and its comment); the sidecar and the host
    // network are fixed.
    const fixed = fixAll(text, { rules: { '*': 'off', 'disallow-privileged-containers': 'error', 'disallow-host-network': 'error' } }, { safety: 'unsafe' });
    assert.equal(fixed.text, withLines(POD, {
      6: '  hostNetwork: false',
      11: '$ # kube-harden-ignore disallow-privileged-containers -- debug image, ADR-12',
      16: '        privileged: false',
    }));
  });
});
