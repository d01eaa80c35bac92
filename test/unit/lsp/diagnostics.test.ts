import * as assert from 'node:assert/strict';
import { lint, resolveConfig } from '@kube-harden/server';
import type { Diagnostic } from 'vscode-languageserver';
import { DEFAULT_DOCS_ROOT, docsLinker, toDiagnostic, toDiagnostics } from '@kube-harden/server/out/lsp/diagnostics';
import { isManifestCandidate, ParseCache } from '@kube-harden/server/out/lsp/documents';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { yaml } from '../../helpers/manifest';
import { modelCache } from '../../helpers/model-cache';

const POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
`;

describe('lsp: diagnostics and documents', () => {
  it('maps severities; the rule is the code, the message id is in data (what code actions need)', () => {
    const finding = lint(POD, { level: 'baseline', rules: { 'disallow-privileged-containers': 'info' } }).findings.find(f => f.ruleId === 'disallow-privileged-containers')!;
    const d = toDiagnostic(finding, id => `https://example.test/${id}`);
    assert.equal(d.severity, 3);
    assert.deepEqual(d.range, { start: { line: 9, character: 18 }, end: { line: 9, character: 22 } });
    assert.equal(d.code, 'disallow-privileged-containers');
    assert.deepEqual(d.data, { messageId: 'privileged' });
    assert.equal(d.codeDescription?.href, 'https://example.test/disallow-privileged-containers');
  });

  it('one diagnostic per range: a container missing several settings is one problem listing each rule', () => {
    const findings = lint(POD, { level: 'restricted', rules: { 'require-memory-limit': 'off' } }).findings;
    // Four restricted rules at the container's securityContext key, and the privileged value.
    assert.deepEqual(findings.map(f => [f.ruleId, f.range.start.line, f.range.start.character]), [
      ['require-drop-all-capabilities', 8, 4],
      ['require-no-privilege-escalation', 8, 4],
      ['require-run-as-non-root', 8, 4],
      ['require-seccomp-profile', 8, 4],
      ['disallow-privileged-containers', 9, 18],
    ]);
    const ds = toDiagnostics(findings, id => `https://example.test/${id}`);
    assert.equal(ds.length, 2);
    const group = ds.find(d => d.range.start.line === 8)!;
    assert.deepEqual([group.code, group.severity, group.codeDescription?.href], ['require-drop-all-capabilities', 2, 'https://example.test/require-drop-all-capabilities']);
    assert.equal(group.message, [
      'Container "app": 4 problems',
      '- does not drop all capabilities: set securityContext.capabilities.drop: ["ALL"]. (require-drop-all-capabilities)',
      '- does not disable privilege escalation: set securityContext.allowPrivilegeEscalation: false. (require-no-privilege-escalation)',
      '- may run as root: set securityContext.runAsNonRoot: true (here or in the pod securityContext). (require-run-as-non-root)',
      '- runs without a seccomp profile: set securityContext.seccompProfile.type: RuntimeDefault (here or in the pod securityContext). (require-seccomp-profile)',
    ].join('\n'));
    // Its data names each member by rule and message, nothing more (code actions find the rest).
    assert.deepEqual(group.data, {
      messageId: 'missing',
      group: [
        { ruleId: 'require-drop-all-capabilities', messageId: 'missing' },
        { ruleId: 'require-no-privilege-escalation', messageId: 'notFalse' },
        { ruleId: 'require-run-as-non-root', messageId: 'missing' },
        { ruleId: 'require-seccomp-profile', messageId: 'missing' },
      ],
    });
    assert.deepEqual(findings.slice(0, 4).map(f => [f.ruleId, f.fix?.safety ?? null]), [
      ['require-drop-all-capabilities', 'unsafe'],
      // The container is privileged: the API server rejects allowPrivilegeEscalation: false beside it.
      ['require-no-privilege-escalation', null],
      ['require-run-as-non-root', 'unsafe'],
      // No profile is stated anywhere: adding RuntimeDefault is safe.
      ['require-seccomp-profile', 'safe'],
    ]);
    // A finding alone on its range keeps its own diagnostic, unchanged.
    const single = ds.find(d => d.range.start.line === 9)!;
    assert.deepEqual(single, toDiagnostic(findings.find(f => f.ruleId === 'disallow-privileged-containers')!, id => `https://example.test/${id}`));
  });

  it('groups findings of one range that are not neighbours (a composed result need not be sorted)', () => {
    const findings = lint(POD, { level: 'restricted', rules: { 'require-memory-limit': 'off' } }).findings;
    const [a, b, c, d, privileged] = findings;
    const ds = toDiagnostics([a, privileged, c, b, d], id => `https://example.test/${id}`);
    assert.deepEqual(ds.map(x => [x.range.start.line, x.code, (x.data as { group?: Array<{ ruleId: string }> }).group?.map(g => g.ruleId)]), [
      [8, 'require-drop-all-capabilities', ['require-drop-all-capabilities', 'require-run-as-non-root', 'require-no-privilege-escalation', 'require-seccomp-profile']],
      [9, 'disallow-privileged-containers', undefined],
    ]);
  });

  it('problems with suppressions: code `suppressions`, no rule page', () => {
    const text = POD.replace('privileged: true', 'privileged: true # kube-harden-ignore disallow-privileged-containers');
    const finding = lint(text, { level: 'baseline' }).findings.find(f => f.ruleId === 'suppressions')!;
    const d = toDiagnostic(finding, id => `https://example.test/${id}`);
    assert.deepEqual([d.code, d.severity, d.source, d.codeDescription], ['suppressions', 2, 'kube-harden', undefined]);
    // `      privileged: true # kube-harden-ignore ` is 44 characters; the rule id, 30, follows.
    assert.deepEqual(d.range, { start: { line: 9, character: 44 }, end: { line: 9, character: 74 } });
  });

  it('links rule pages in a folder, or under a URL prefix', () => {
    assert.equal(DEFAULT_DOCS_ROOT, path.resolve(__dirname, '../../../../docs/rules'));
    assert.equal(docsLinker('/opt/kube harden/docs')('r'), 'file:///opt/kube%20harden/docs/r.md');
    assert.equal(docsLinker('https://example.test/rules/')('r'), 'https://example.test/rules/r.md');
  });

  it('lints YAML and JSON documents only', () => {
    assert.ok(isManifestCandidate({ uri: 'untitled:Untitled-1', languageId: 'yaml' }));
    assert.ok(isManifestCandidate({ uri: 'file:///x/pod.json', languageId: 'jsonc' }));
    assert.ok(isManifestCandidate({ uri: 'file:///x/POD.YML', languageId: 'plaintext' }));
    assert.ok(!isManifestCandidate({ uri: 'file:///x/README.md', languageId: 'markdown' }));
    assert.ok(!isManifestCandidate({ uri: 'file:///x/yaml', languageId: 'plaintext' }));
  });

  it('parses each document version once', () => {
    const cache = new ParseCache();
    const v1 = TextDocument.create('file:///x/pod.yaml', 'yaml', 1, POD);
    const first = cache.get(v1);
    assert.equal(cache.get(v1), first);
    const v2 = TextDocument.update(v1, [{ text: POD.replace('true', 'false') }], 2);
    assert.notEqual(cache.get(v2), first);
    cache.delete(v2.uri);
    assert.equal(cache.size, 0);
  });

  it('gives a finding that a keystroke left in place its diagnostic of last time, and one that moved or changed a new one', () => {
    // Over a workspace model, as the server lints: findings of untouched documents are reused.
    const { cache } = modelCache();
    const resolved = resolveConfig({ level: 'restricted' });
    const href = (id: string) => `https://example.test/${id}`;
    const text = `${POD}---\n${POD.replace('name: p', 'name: q')}`;
    let doc = TextDocument.create('file:///x/pods.yaml', 'yaml', 1, text);
    const first = toDiagnostics(cache.lint(doc, resolved).findings, href);
    const secondDoc = (ds: Diagnostic[]) => ds.filter(d => d.range.start.line > 10);
    assert.ok(secondDoc(first).length >= 2, JSON.stringify(first.map(d => d.range)));
    // What a conversion from scratch says for the same findings (no diagnostic kept from before).
    const scratch = (t: string) => JSON.parse(JSON.stringify(toDiagnostics(lint(t, { level: 'restricted' }).findings, href)));

    // A character typed in the first Pod's image: the second Pod's findings are reused in place.
    doc = TextDocument.update(doc, [{ range: { start: { line: 7, character: 16 }, end: { line: 7, character: 16 } }, text: '1' }], 2);
    const second = toDiagnostics(cache.lint(doc, resolved).findings, href);
    assert.deepEqual(JSON.parse(JSON.stringify(second)), scratch(doc.getText()));
    secondDoc(second).forEach((d, i) => assert.equal(d, secondDoc(first)[i], `the second Pod's diagnostic ${i} is the same object`));

    // A line added at the top: every finding moved, every diagnostic is new, with its new range.
    doc = TextDocument.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# pods\n' }], 3);
    const third = toDiagnostics(cache.lint(doc, resolved).findings, href);
    assert.deepEqual(JSON.parse(JSON.stringify(third)), scratch(doc.getText()));
    third.forEach((d, i) => assert.notEqual(d, second[i]));

    // The same finding (its data object) with another message or severity is never given the kept diagnostic.
    const f = cache.lint(doc, resolved).findings[0];
    const kept = toDiagnostic(f, href);
    assert.equal(toDiagnostic({ ...f }, href), kept);
    assert.equal(toDiagnostic({ ...f, message: 'changed' }, href).message, 'changed');
    assert.equal(toDiagnostic({ ...f, severity: 'error' }, href).severity, 1);
    assert.equal(toDiagnostic(f, id => `https://other.test/${id}`).codeDescription?.href, `https://other.test/${f.ruleId}`);
  });
});
