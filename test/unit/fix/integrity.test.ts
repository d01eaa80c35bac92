// Fixes that never write what does not parse, a repeated key, YAML into a JSON file, or an object
// the API server rejects; that leave a suppressed finding's node alone; and that a finding offers
// only when they apply. Test rules produce the broken edits on purpose: the guard must refuse
// them whatever a builder does.
import * as assert from 'node:assert/strict';
import { API_CONSTRAINTS, applyEdits, fixAll, fixRefusal, lint, Rule, RULES, setIn } from '@kube-harden/server';
import { parseDocument, YAMLMap } from 'yaml';
import type { TextEdit } from '@kube-harden/server';
import { yaml } from '../../helpers/manifest';
import { PRIVILEGED_POD } from '../cli/fixtures';

const restricted = { level: 'restricted' as const };

/** A rule offering `edits` as its (safe) fix on every pod spec, titled `title`. */
function ruleWith(title: string, edits: (text: string) => TextEdit[] | undefined): Rule {
  return {
    id: 'test-fixer', title: 'Test', category: 'misc', severity: 'error', pss: null, level: 'baseline',
    covers: [], equivalents: {}, messages: { m: 'test' }, docs: { summary: '', remediation: '', references: [] },
    fix: { safety: 'safe', safeBecause: 'a test' },
    checkPod({ pod, report }) { report({ messageId: 'm', at: pod.containers[0].nameNode!, fix: { title, edits: ({ text }) => edits(text) } }); },
  };
}

/** A pod whose container `app` (keys at column 6) is privileged. */
const POD = PRIVILEGED_POD;

describe('fix integrity: a fix result is checked before it is applied', () => {
  const at = (needle: string) => POD.indexOf(needle) + needle.length;

  it('refuses a result that would not parse, and says why', () => {
    const rule = ruleWith('Break it', text => [{ start: text.indexOf('image'), end: text.indexOf('image'), newText: '[' }]);
    const r = fixAll(POD, { rules: { 'test-fixer': 'error' } }, { safety: 'safe', rules: [rule] });
    assert.equal(r.text, POD);
    assert.equal(r.converged, true);
    assert.equal(r.refused.length, 1);
    assert.match(r.refused[0], /^Break it: the result would not parse \(/);
  });

  it('refuses a result that repeats a key', () => {
    const rule = ruleWith('Add image again', () => [{ start: at('nginx:1.27\n'), end: at('nginx:1.27\n'), newText: '      image: busybox\n' }]);
    const r = fixAll(POD, { rules: { 'test-fixer': 'error' } }, { safety: 'safe', rules: [rule] });
    assert.equal(r.text, POD);
    assert.deepEqual(r.refused, ['Add image again: the result would repeat the key "image"']);
  });

  it('refuses allowPrivilegeEscalation: false next to privileged: true (the API server rejects the pair)', () => {
    const edit = { start: at('privileged: true\n'), end: at('privileged: true\n'), newText: '        allowPrivilegeEscalation: false\n' };
    assert.equal(fixRefusal(POD, [edit]), 'the API server would reject the result (Pod "web": privileged-excludes-no-escalation: Container "app")');
    const rule = ruleWith('Disable escalation', () => [edit]);
    assert.deepEqual(fixAll(POD, { rules: { 'test-fixer': 'error' } }, { safety: 'safe', rules: [rule] }).refused,
      ['Disable escalation: the API server would reject the result (Pod "web": privileged-excludes-no-escalation: Container "app")']);
  });

  it('refuses turning privileged off under a Bidirectional mount', () => {
    const text = POD + '      volumeMounts:\n      - {name: csi, mountPath: /var/lib/kubelet, mountPropagation: Bidirectional}\n';
    const v = text.indexOf('true');
    assert.match(fixRefusal(text, [{ start: v, end: v + 4, newText: 'false' }])!, /bidirectional-needs-privileged: Container "app"/);
    // And disallow-privileged-containers offers no fix there: the mount must change first.
    assert.deepEqual(lint(text, restricted).findings.filter(f => f.ruleId === 'disallow-privileged-containers').map(f => f.fix), [null]);
    assert.notEqual(lint(POD, restricted).findings.find(f => f.ruleId === 'disallow-privileged-containers')!.fix, null);
  });

  it('refuses hostUsers: false next to a host namespace, and Linux fields in a Windows pod', () => {
    const host = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: agent}
      spec:
        hostNetwork: true
        containers:
        - {name: a, image: x}
    `;
    const i = host.indexOf('  hostNetwork');
    assert.match(fixRefusal(host, [{ start: i, end: i, newText: '  hostUsers: false\n' }])!, /host-users-excludes-host-namespaces: hostNetwork/);
    const win = host.replace('  hostNetwork: true\n', '  os: {name: windows}\n');
    const j = win.indexOf('  os:');
    assert.match(fixRefusal(win, [{ start: j, end: j, newText: '  securityContext: {seccompProfile: {type: RuntimeDefault}}\n' }])!,
      /windows-no-linux-fields: the pod securityContext\.seccompProfile/);
  });

  it('keeps the API constraints as data, each with its Kubernetes source', () => {
    assert.ok(API_CONSTRAINTS.length >= 6);
    for (const c of API_CONSTRAINTS) assert.match(c.source, /^kubernetes\/kubernetes pkg\/apis\/core\/validation\/validation\.go \(\w+/, c.id);
    assert.equal(new Set(API_CONSTRAINTS.map(c => c.id)).size, API_CONSTRAINTS.length);
  });

  it('refuses YAML written into a JSON file', () => {
    const json = '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"}, "spec": {"containers": [{"name": "app", "image": "nginx"}]}}\n';
    const i = json.indexOf('"image"');
    assert.equal(fixRefusal(json, [{ start: i, end: i, newText: 'tty: true, ' }]), 'the result would no longer be JSON');
    assert.equal(fixRefusal(json, [{ start: i, end: i, newText: '"tty": true, ' }]), undefined);
  });
});

describe('fix integrity: a finding offers a fix only when it applies', () => {
  it('offers none where the securityContext is an anchor another container reuses, or a plain string', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        securityContext: "strict"
        containers:
        - name: a
          image: nginx:1.27
          securityContext: &sc
            runAsUser: 1000
        - name: b
          image: nginx:1.27
          securityContext: *sc
    `;
    const findings = lint(text, restricted).findings;
    const withFix = findings.filter(f => f.fix).map(f => `${f.ruleId} ${f.fix!.title}`);
    assert.deepEqual(withFix, []);
    // And fix-all indeed changes nothing, safe or unsafe.
    assert.equal(fixAll(text, restricted, { safety: 'unsafe' }).text, text);
  });
});

describe('fix integrity: suppressed findings are left alone', () => {
  it('keeps privileged: true under a suppression comment; no other fix rewrites it', () => {
    const text = yaml`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: csi-node
      spec:
        selector: {matchLabels: {app: csi}}
        template:
          metadata: {labels: {app: csi}}
          spec:
            containers:
            - name: plugin
              image: registry.example/csi-driver:1.0
              securityContext:
                # kube-harden-ignore disallow-privileged-containers -- CSI node plugin
                privileged: true
    `;
    for (const safety of ['safe', 'unsafe'] as const) {
      const r = fixAll(text, restricted, { safety });
      assert.equal(r.converged, true);
      assert.match(r.text, /# kube-harden-ignore disallow-privileged-containers -- CSI node plugin\n {10}privileged: true\n/);
      // allowPrivilegeEscalation: false is never written next to privileged: true.
      assert.doesNotMatch(r.text, /allowPrivilegeEscalation/);
    }
  });

  it('refuses a fix whose edit touches a suppressed finding\'s node', () => {
    const text = POD.replace('      securityContext:\n', '      securityContext:\n        # kube-harden-ignore disallow-privileged-containers -- debug image\n');
    assert.notEqual(text, POD);
    const rule = ruleWith('Flip it', t => [{ start: t.indexOf('true'), end: t.indexOf('true') + 4, newText: 'false' }]);
    const config = { rules: { '*': 'off' as const, 'test-fixer': 'error' as const, 'disallow-privileged-containers': 'error' as const } };
    const r = fixAll(text, config, { safety: 'safe', rules: [rule, ...RULES] });
    assert.equal(r.text, text);
    assert.deepEqual(r.refused, ['Flip it: it would change a suppressed finding']);
  });
});

describe('fix integrity: edits keep the layout', () => {
  const pod = (sc: string) => yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      securityContext:
        seccompProfile: {type: RuntimeDefault}
      containers:
      - name: app
        image: nginx:1.27
        securityContext:
    ` + sc;

  for (const [what, key] of [['an anchor', '&uid runAsUser: 1000'], ['a tag', '!!str runAsUser: "1000"'], ['an explicit key', '? runAsUser\n      : 1000']]) {
    it(`inserts at the keys' column when the first key has ${what}`, () => {
      const text = pod(`      ${key}\n`);
      const r = fixAll(text, restricted, { safety: 'safe' });
      assert.deepEqual(r.refused, []);
      assert.equal(r.text, text + '      allowPrivilegeEscalation: false\n');
    });
  }

  it('keeps the comments on the lines a safe fix edits', () => {
    const text = pod('      runAsUser: 1000 # the image\'s user\n').replace('securityContext:\n    seccompProfile: {type: RuntimeDefault}', 'securityContext: {} # pod defaults');
    const r = fixAll(text, restricted, { safety: 'safe' });
    assert.equal(r.text, text
      .replace('securityContext: {} # pod defaults', 'securityContext: {seccompProfile: {type: RuntimeDefault}} # pod defaults')
      + '      allowPrivilegeEscalation: false\n');
  });

  it('does not shift edits when the text an editor sends starts with a byte-order mark', () => {
    const text = pod('      runAsUser: 1000\n');
    const r = fixAll('\ufeff' + text, restricted, { safety: 'safe' });
    assert.equal(r.text, '\ufeff' + text + '      allowPrivilegeEscalation: false\n');
    // A new top-level key goes at column 0, not one column right of the mark.
    const bare = '\ufeffapiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n';
    const doc = parseDocument(bare);
    const edits = setIn(bare, doc, doc.contents as YAMLMap, ['spec'], { hostUsers: false });
    assert.equal(applyEdits(bare, edits!).text, bare + 'spec:\n  hostUsers: false\n');
  });
});

describe('fix integrity: JSON files get JSON', () => {
  const check = (input: string, expected: string) => {
    const r = fixAll(input, restricted, { safety: 'unsafe' });
    assert.deepEqual(r.refused, []);
    assert.equal(r.converged, true);
    assert.equal(r.text, expected);
    JSON.parse(r.text);
  };

  it('fills an empty flow map and adds to nested maps and arrays, keys and strings quoted', () => {
    check(
      '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"}, "spec": {"securityContext": {"runAsNonRoot": true}, "containers": [{"name": "app", "image": "nginx:1.27", "securityContext": {}, "resources": {"limits": {"memory": "1Gi"}}}]}}\n',
      '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"}, "spec": {"securityContext": {"runAsNonRoot": true, "seccompProfile": {"type": "RuntimeDefault"}}, "containers": [{"name": "app", "image": "nginx:1.27", "securityContext": {"capabilities": {"drop": ["ALL"]}, "allowPrivilegeEscalation": false}, "resources": {"limits": {"memory": "1Gi"}}}]}}\n',
    );
  });

  it('appends to an existing array in JSON, one entry per line as written', () => {
    const input = [
      '{',
      '  "apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"},',
      '  "spec": {',
      '    "securityContext": {"runAsNonRoot": true, "seccompProfile": {"type": "RuntimeDefault"}},',
      '    "containers": [',
      '      {"name": "app", "image": "nginx:1.27", "resources": {"limits": {"memory": "1Gi"}},',
      '       "securityContext": {"allowPrivilegeEscalation": false, "capabilities": {"drop": [',
      '         "NET_RAW"',
      '       ]}}}',
      '    ]',
      '  }',
      '}',
      '',
    ].join('\n');
    check(input, input.replace('         "NET_RAW"\n', '         "NET_RAW",\n         "ALL"\n'));
  });
});
