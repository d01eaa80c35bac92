import * as assert from 'node:assert/strict';
import { parseFile, podSpecOf, setScalar } from '@kube-harden/server';
import { isMap } from 'yaml';
import { crlf, expectDeclined, expectEdit, expectNoChange, noFinalNewline, subject } from '../../helpers/fix';
import { yaml } from '../../helpers/manifest';

describe('fix: setScalar', () => {
  it('replaces the value only, keeping a trailing comment and its spacing', () => {
    const input = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        containers:
        - name: app
          image: nginx
          securityContext:
            privileged: true  # legacy
            runAsUser: 0
    `;
    expectEdit(input, s => setScalar(s.text, s.doc, s.map('spec', 'containers', 0, 'securityContext'), 'privileged', false), yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        containers:
        - name: app
          image: nginx
          securityContext:
            privileged: false  # legacy
            runAsUser: 0
    `, { js: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'app', image: 'nginx', securityContext: { privileged: false, runAsUser: 0 } }] } } });
  });

  it('makes exactly one edit over the old scalar', () => {
    const input = 'privileged: yes # on\n';
    const s = subject(input);
    assert.deepEqual(setScalar(s.text, s.doc, s.root, 'privileged', false), [{ start: 12, end: 15, newText: 'false' }]);
  });

  it('keeps the quoting of a string it replaces', () => {
    expectEdit('type: "Unconfined"\n', s => setScalar(s.text, s.doc, s.root, 'type', 'RuntimeDefault'), 'type: "RuntimeDefault"\n');
    expectEdit("type: 'Unconfined' # x\n", s => setScalar(s.text, s.doc, s.root, 'type', 'RuntimeDefault'), "type: 'RuntimeDefault' # x\n");
    expectEdit('type: Unconfined\n', s => setScalar(s.text, s.doc, s.root, 'type', 'RuntimeDefault'), 'type: RuntimeDefault\n');
    // A quoted string that should have been a boolean becomes a real boolean.
    expectEdit('privileged: "true"\n', s => setScalar(s.text, s.doc, s.root, 'privileged', false), 'privileged: false\n', { js: { privileged: false } });
  });

  it('quotes a new string value when plain text would read as something else', () => {
    expectEdit('procMount: Unmasked\n', s => setScalar(s.text, s.doc, s.root, 'procMount', 'on'), 'procMount: "on"\n', { js: { procMount: 'on' } });
  });

  it('fills an empty value after the colon, before a comment', () => {
    expectEdit('privileged:\nx: 1\n', s => setScalar(s.text, s.doc, s.root, 'privileged', false), 'privileged: false\nx: 1\n');
    expectEdit('privileged:   # todo\nx: 1\n', s => setScalar(s.text, s.doc, s.root, 'privileged', false), 'privileged: false  # todo\nx: 1\n');
    expectEdit('privileged: ~\n', s => setScalar(s.text, s.doc, s.root, 'privileged', false), 'privileged: false\n');
    expectEdit('{privileged: , x: 1}\n', s => setScalar(s.text, s.doc, s.root, 'privileged', false), '{privileged: false, x: 1}\n');
  });

  it('replaces a value in a flow map and a quoted key', () => {
    const input = 'securityContext: {privileged: true, runAsUser: 0}\n';
    expectEdit(input, s => setScalar(s.text, s.doc, s.map('securityContext'), 'runAsUser', 1000), 'securityContext: {privileged: true, runAsUser: 1000}\n');
    expectEdit('"privileged": true\n', s => setScalar(s.text, s.doc, s.root, 'privileged', false), '"privileged": false\n');
  });

  it('replaces a block scalar, keeping the line break after it', () => {
    expectEdit('a: |\n  text\nb: 1\n', s => setScalar(s.text, s.doc, s.root, 'a', 'x'), 'a: x\nb: 1\n');
  });

  it('keeps an anchor no alias uses', () => {
    expectEdit('privileged: &p true\n', s => setScalar(s.text, s.doc, s.root, 'privileged', false), 'privileged: &p false\n');
  });

  it('works in CRLF files and at the end of a file without final newline', () => {
    expectEdit(crlf('a: 1\nprivileged: true\n'), s => setScalar(s.text, s.doc, s.root, 'privileged', false), crlf('a: 1\nprivileged: false\n'));
    expectEdit('a: 1\nprivileged: true', s => setScalar(s.text, s.doc, s.root, 'privileged', false), 'a: 1\nprivileged: false');
    expectEdit(noFinalNewline(crlf('a: 1\nprivileged:')), s => setScalar(s.text, s.doc, s.root, 'privileged', false), 'a: 1\r\nprivileged: false');
  });

  it('edits the named document only', () => {
    const input = 'privileged: true\n---\nprivileged: true\n';
    expectEdit(input, s => setScalar(s.text, s.doc, s.root, 'privileged', false), 'privileged: true\n---\nprivileged: false\n', { docIndex: 1 });
  });

  it('changes nothing when the value is already set', () => {
    expectNoChange('privileged: false # ok\n', s => setScalar(s.text, s.doc, s.root, 'privileged', false));
    expectNoChange('runAsUser: 1000\n', s => setScalar(s.text, s.doc, s.root, 'runAsUser', 1000));
  });

  it('declines what it cannot change in place', () => {
    const set = (key: string) => (s: ReturnType<typeof subject>) => setScalar(s.text, s.doc, s.root, key, false);
    expectDeclined('a: 1\n', set('privileged'));
    expectDeclined('privileged: {a: 1}\n', set('privileged'));
    expectDeclined('privileged: !!str true\n', set('privileged'));
    // The value lives elsewhere: an alias, or a merged map.
    expectDeclined('base: &b true\nprivileged: *b\n', set('privileged'));
    expectDeclined('base: &b {privileged: true}\nsc:\n  <<: *b\n', s => setScalar(s.text, s.doc, s.map('sc'), 'privileged', false));
    // An aliased scalar: changing it would change the other place too.
    expectDeclined('privileged: &p true\nother: *p\n', set('privileged'));
    // A map shared through an alias.
    expectDeclined('sc: &s {privileged: true}\nother: *s\n', s => setScalar(s.text, s.doc, s.map('sc'), 'privileged', false));
    // Documents with errors are not edited.
    const broken = 'privileged: true\nargs: [a,\n';
    const doc = parseFile(broken).documents[0].doc;
    assert.ok(doc.errors.length > 0 && isMap(doc.contents));
    assert.equal(setScalar(broken, doc, doc.contents, 'privileged', false), undefined);
  });

  it('accepts a yaml-nav Ref and refuses one reached through an alias', () => {
    const input = yaml`
      kind: Pod
      apiVersion: v1
      spec:
        containers:
        - name: a
          securityContext: &sc {privileged: true}
        - name: b
          securityContext: *sc
        - name: c
          securityContext: {privileged: true}
    `;
    const parsed = parseFile(input);
    const doc = parsed.documents[0].doc;
    const [a, b, c] = podSpecOf(parsed.documents[0].objects[0])!.containers;
    const viaAlias = b.field('securityContext')!;
    assert.equal(viaAlias.viaAlias, true);
    assert.equal(setScalar(input, doc, viaAlias, 'privileged', false), undefined);
    // The anchored original is shared with b: changing it would change b too.
    assert.equal(setScalar(input, doc, a.field('securityContext')!, 'privileged', false), undefined);
    const start = input.lastIndexOf('true');
    assert.deepEqual(setScalar(input, doc, c.field('securityContext')!, 'privileged', false), [{ start, end: start + 4, newText: 'false' }]);
  });
});
