// The edits of "Suppress <rule> on this line" / "for this object": exact texts, comments and
// indentation kept; declined where a comment line cannot go.
import * as assert from 'node:assert/strict';
import { applyEdits, lintParsed, parseFile, resolveConfig, suppressOnLine, suppressOnObject } from '@kube-harden/server';
import { yaml } from '../../helpers/manifest';

function suppress(text: string, ruleId: string, how: 'line' | 'object'): string | undefined {
  const parsed = parseFile(text);
  const f = lintParsed(parsed, resolveConfig({ rules: { '*': 'off', [ruleId]: 'error' } })).findings.find(x => x.ruleId === ruleId)!;
  assert.ok(f, `a ${ruleId} finding`);
  const d = parsed.documents.find(x => x.index === f.object.docIndex)!;
  const edits = how === 'line' ? suppressOnLine(text, d.doc, ruleId, f.offsets[0]) : suppressOnObject(text, d.objects[0], ruleId);
  return edits && applyEdits(text, edits).text;
}

const POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
    labels: {app: web}  # keep me
  spec:
    hostNetwork: true
    containers:
        - name: app
          image: nginx:1.27
          securityContext:
              privileged: true  # why?
`;

describe('suppression edits', () => {
  it('a comment above the line, at its indentation (4-space nesting kept); the finding is then flagged for its reason only', () => {
    const out = suppress(POD, 'disallow-privileged-containers', 'line');
    assert.equal(out, POD.replace('            privileged: true', '            # kube-harden-ignore disallow-privileged-containers -- TODO: reason\n            privileged: true'));
    const after = lintParsed(parseFile(out!), resolveConfig({ rules: { '*': 'off', 'disallow-privileged-containers': 'error' } })).findings;
    assert.deepEqual(after.map(f => `${f.ruleId}/${f.messageId}`), ['suppressions/missingReason', 'disallow-privileged-containers/privileged']);
    // With a reason written, it holds.
    const reasoned = out!.replace('TODO: reason', 'CSI node plugin');
    assert.deepEqual(lintParsed(parseFile(reasoned), resolveConfig({ rules: { '*': 'off', 'disallow-privileged-containers': 'error' } })).findings, []);
  });

  it('adds the rule to a suppression comment already above the line', () => {
    const text = POD.replace('  hostNetwork: true', '  # kube-harden-ignore disallow-host-pid -- agent\n  hostNetwork: true');
    assert.equal(suppress(text, 'disallow-host-network', 'line'),
      text.replace('# kube-harden-ignore disallow-host-pid -- agent', '# kube-harden-ignore disallow-host-pid, disallow-host-network -- agent'));
  });

  it('keeps CRLF line ends', () => {
    const crlf = POD.replace(/\n/g, '\r\n');
    assert.equal(suppress(crlf, 'disallow-host-network', 'line'), crlf.replace('  hostNetwork: true', '  # kube-harden-ignore disallow-host-network -- TODO: reason\r\n  hostNetwork: true'));
    assert.equal(suppress(crlf, 'disallow-host-network', 'object'),
      crlf.replace('  labels: {app: web}  # keep me\r\n', '  labels: {app: web}  # keep me\r\n  annotations:\r\n    kube-harden.io/ignore.disallow-host-network: "TODO: reason"\r\n'));
  });

  it('an annotation into existing annotations, in a second document', () => {
    const text = 'a: 1\n---\n' + POD.replace('  labels: {app: web}  # keep me\n', '  annotations:\n    team: web # owner\n');
    assert.equal(suppress(text, 'disallow-host-network', 'object'),
      text.replace('    team: web # owner\n', '    team: web # owner\n    kube-harden.io/ignore.disallow-host-network: "TODO: reason"\n'));
  });

  it('JSON: no comment line (# is no comment there); the annotation in JSON style', () => {
    const json = '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "x"}, "spec": {"hostNetwork": true, "containers": [{"name": "a", "image": "x:1"}]}}\n';
    assert.equal(suppress(json, 'disallow-host-network', 'line'), undefined);
    assert.equal(suppress(json, 'disallow-host-network', 'object'),
      json.replace('{"name": "x"}', '{"name": "x", "annotations": {"kube-harden.io/ignore.disallow-host-network": "TODO: reason"}}'));
  });
});
