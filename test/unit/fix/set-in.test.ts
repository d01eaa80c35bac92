import * as assert from 'node:assert/strict';
import { applyEdits, setIn } from '@kube-harden/server';
import { crlf, expectDeclined, expectEdit, expectNoChange, noFinalNewline, Subject } from '../../helpers/fix';
import { yaml } from '../../helpers/manifest';

const runAsNonRoot = (s: Subject) => setIn(s.text, s.doc, s.map('spec', 'containers', 0), ['securityContext', 'runAsNonRoot'], true);

describe('fix: setIn inserting into block maps', () => {
  it('adds securityContext to a container of a non-indented list (2 spaces)', () => {
    expectEdit(yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        containers:
        - name: app
          image: nginx
    `, runAsNonRoot, yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        containers:
        - name: app
          image: nginx
          securityContext:
            runAsNonRoot: true
    `, { js: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'app', image: 'nginx', securityContext: { runAsNonRoot: true } }] } } });
  });

  it('adds securityContext to a container of an indented list', () => {
    expectEdit(yaml`
      spec:
        containers:
          - name: app
            image: nginx
    `, runAsNonRoot, yaml`
      spec:
        containers:
          - name: app
            image: nginx
            securityContext:
              runAsNonRoot: true
    `);
  });

  it('follows a 4-space file', () => {
    expectEdit(yaml`
      spec:
          containers:
              - name: app
                image: nginx
    `, runAsNonRoot, yaml`
      spec:
          containers:
              - name: app
                image: nginx
                securityContext:
                    runAsNonRoot: true
    `);
  });

  it('follows a 4-space file whose lists are not indented', () => {
    expectEdit('spec:\n    containers:\n    - name: app\n      image: nginx\n', runAsNonRoot,
      'spec:\n    containers:\n    - name: app\n      image: nginx\n      securityContext:\n          runAsNonRoot: true\n');
  });

  it("follows the map's own indentation over the rest of the file", () => {
    expectEdit(yaml`
      spec:
        containers:
        - name: app
          resources:
              limits:
                  cpu: 1
    `, runAsNonRoot, yaml`
      spec:
        containers:
        - name: app
          resources:
              limits:
                  cpu: 1
          securityContext:
              runAsNonRoot: true
    `);
  });

  it('adds a key to an existing securityContext, after its last key', () => {
    expectEdit(yaml`
      spec:
        containers:
        - name: app
          securityContext:
            runAsUser: 1000
          image: nginx
    `, runAsNonRoot, yaml`
      spec:
        containers:
        - name: app
          securityContext:
            runAsUser: 1000
            runAsNonRoot: true
          image: nginx
    `);
  });

  it('inserts after the last value, before trailing comments and the blank line before the next item', () => {
    expectEdit(yaml`
      spec:
        containers:
        - name: app
          image: nginx  # pinned below
          # about app

        # about sidecar
        - name: sidecar
          image: busybox
    `, runAsNonRoot, yaml`
      spec:
        containers:
        - name: app
          image: nginx  # pinned below
          securityContext:
            runAsNonRoot: true
          # about app

        # about sidecar
        - name: sidecar
          image: busybox
    `);
  });

  it('inserts after a multi-line block scalar, not inside it', () => {
    const input = yaml`
      spec:
        containers:
        - name: app
          args: |
            echo hi
            sleep 1

        - name: b
    `;
    expectEdit(input, runAsNonRoot, yaml`
      spec:
        containers:
        - name: app
          args: |
            echo hi
            sleep 1
          securityContext:
            runAsNonRoot: true

        - name: b
    `, { js: { spec: { containers: [{ name: 'app', args: 'echo hi\nsleep 1\n', securityContext: { runAsNonRoot: true } }, { name: 'b' }] } } });
  });

  it('inserts after the kept blank lines of a `|+` block scalar, so its value is unchanged', () => {
    expectEdit('spec:\n  containers:\n  - name: app\n    args: |+\n      echo\n\n  - name: b\n', runAsNonRoot,
      'spec:\n  containers:\n  - name: app\n    args: |+\n      echo\n\n    securityContext:\n      runAsNonRoot: true\n  - name: b\n',
      { js: { spec: { containers: [{ name: 'app', args: 'echo\n\n', securityContext: { runAsNonRoot: true } }, { name: 'b' }] } } });
  });

  it('inserts after a nested map that ends the container, before its trailing comment', () => {
    expectEdit(yaml`
      spec:
        containers:
        - name: app
          resources:
            limits:
              cpu: 1
            # no requests
        - name: b
    `, runAsNonRoot, yaml`
      spec:
        containers:
        - name: app
          resources:
            limits:
              cpu: 1
          securityContext:
            runAsNonRoot: true
            # no requests
        - name: b
    `);
  });

  it('inserts after a nested list that ends the container, before its trailing comment', () => {
    expectEdit(yaml`
      spec:
        containers:
        - name: app
          ports:
          - containerPort: 80
            name: http
          # about ports

        - name: b
    `, runAsNonRoot, yaml`
      spec:
        containers:
        - name: app
          ports:
          - containerPort: 80
            name: http
          securityContext:
            runAsNonRoot: true
          # about ports

        - name: b
    `);
  });

  it('creates intermediate maps and lists in the block style of the file', () => {
    const drop = (s: Subject) => setIn(s.text, s.doc, s.map('spec', 'containers', 0), ['securityContext', 'capabilities', 'drop'], ['ALL']);
    expectEdit('spec:\n  containers:\n  - name: app\n', drop, 'spec:\n  containers:\n  - name: app\n    securityContext:\n      capabilities:\n        drop:\n        - ALL\n');
    expectEdit('spec:\n  containers:\n    - name: app\n', drop, 'spec:\n  containers:\n    - name: app\n      securityContext:\n        capabilities:\n          drop:\n            - ALL\n');
    // Lists of scalars written `[a, b]` in the file: the new one too.
    expectEdit('spec:\n  containers:\n  - name: app\n    args: [a, b]\n', drop, 'spec:\n  containers:\n  - name: app\n    args: [a, b]\n    securityContext:\n      capabilities:\n        drop: [ALL]\n');
  });

  it('adds a pod-level setting to a document with a comment header', () => {
    const input = yaml`
      # Copyright The Authors.
      # A header comment.
      apiVersion: v1
      kind: Pod
      spec:
        containers:
        - name: a
          image: x
      # trailing comment
    `;
    expectEdit(input, s => setIn(s.text, s.doc, s.map('spec'), ['securityContext', 'seccompProfile', 'type'], 'RuntimeDefault'), yaml`
      # Copyright The Authors.
      # A header comment.
      apiVersion: v1
      kind: Pod
      spec:
        containers:
        - name: a
          image: x
        securityContext:
          seccompProfile:
            type: RuntimeDefault
      # trailing comment
    `);
  });

  it('writes CRLF into a CRLF file', () => {
    expectEdit(crlf('spec:\n  containers:\n  - name: app\n    image: nginx\n'), runAsNonRoot,
      crlf('spec:\n  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      runAsNonRoot: true\n'));
  });

  it('appends after the last line of a file without final newline, keeping it without one', () => {
    expectEdit('spec:\n  containers:\n  - name: app\n    image: nginx', runAsNonRoot,
      'spec:\n  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      runAsNonRoot: true');
    expectEdit(noFinalNewline(crlf('spec:\n  containers:\n  - name: app\n    image: nginx  # x\n')), runAsNonRoot,
      'spec:\r\n  containers:\r\n  - name: app\r\n    image: nginx  # x\r\n    securityContext:\r\n      runAsNonRoot: true');
  });

  it('edits within its own document of a multi-document file', () => {
    const input = yaml`
      spec:
        containers:
        - name: a
      ---
      spec:
        containers:
        - name: b
      ...
      ---
      spec: {}
    `;
    expectEdit(input, runAsNonRoot, yaml`
      spec:
        containers:
        - name: a
          securityContext:
            runAsNonRoot: true
      ---
      spec:
        containers:
        - name: b
      ...
      ---
      spec: {}
    `);
    expectEdit(input, runAsNonRoot, yaml`
      spec:
        containers:
        - name: a
      ---
      spec:
        containers:
        - name: b
          securityContext:
            runAsNonRoot: true
      ...
      ---
      spec: {}
    `, { docIndex: 1 });
  });

  it('fills an empty value with a nested map below its key', () => {
    expectEdit(yaml`
      spec:
        containers:
        - name: app
          securityContext:
          image: nginx
    `, runAsNonRoot, yaml`
      spec:
        containers:
        - name: app
          securityContext:
            runAsNonRoot: true
          image: nginx
    `);
    expectEdit(yaml`
      spec:
        containers:
        - name: app
          securityContext: null  # todo
    `, runAsNonRoot, yaml`
      spec:
        containers:
        - name: app
          securityContext:  # todo
            runAsNonRoot: true
    `);
    expectEdit('spec:\n  containers:\n  - securityContext: ~', runAsNonRoot, 'spec:\n  containers:\n  - securityContext:\n      runAsNonRoot: true');
  });

  it('quotes new keys in a map whose keys are all quoted', () => {
    expectEdit(yaml`
      "spec":
        "containers":
        - "name": "app"
          "securityContext":
            "runAsUser": 1000
    `, runAsNonRoot, yaml`
      "spec":
        "containers":
        - "name": "app"
          "securityContext":
            "runAsUser": 1000
            "runAsNonRoot": true
    `);
  });

  it('merges an object into an existing map: replaces what differs, adds what is missing', () => {
    expectEdit(yaml`
      spec:
        containers:
        - name: app
          securityContext:
            allowPrivilegeEscalation: true # why?
            runAsNonRoot: true
    `, s => setIn(s.text, s.doc, s.map('spec', 'containers', 0), ['securityContext'], { allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: { drop: ['ALL'] } }), yaml`
      spec:
        containers:
        - name: app
          securityContext:
            allowPrivilegeEscalation: false # why?
            runAsNonRoot: true
            capabilities:
              drop:
              - ALL
    `);
  });

  it('puts insertions into a nested last value before insertions into its parent at the same offset', () => {
    expectEdit(yaml`
      spec:
        containers: []
        securityContext:
          runAsUser: 1000
    `, s => setIn(s.text, s.doc, s.root, ['spec'], { securityContext: { runAsNonRoot: true }, automountServiceAccountToken: false }), yaml`
      spec:
        containers: []
        securityContext:
          runAsUser: 1000
          runAsNonRoot: true
        automountServiceAccountToken: false
    `);
  });

  it('changes nothing when the path already holds the value', () => {
    expectNoChange('securityContext:\n  runAsNonRoot: true\n', s => setIn(s.text, s.doc, s.root, ['securityContext', 'runAsNonRoot'], true));
    expectNoChange('securityContext: {capabilities: {drop: [ALL]}}\n', s => setIn(s.text, s.doc, s.root, ['securityContext', 'capabilities', 'drop'], ['ALL']));
    expectNoChange('securityContext:\n  runAsNonRoot: true\n', s => setIn(s.text, s.doc, s.root, ['securityContext'], {}));
  });

  it('declines what would edit through an alias or a merge, or change a non-map', () => {
    const at = (...path: string[]) => (s: Subject) => setIn(s.text, s.doc, s.root, path, true);
    expectDeclined('base: &b {runAsUser: 1}\nsecurityContext: *b\n', at('securityContext', 'runAsNonRoot'));
    expectDeclined('base: &b {securityContext: {runAsUser: 1}}\nc:\n  <<: *b\n  name: x\n', s => setIn(s.text, s.doc, s.map('c'), ['securityContext', 'runAsNonRoot'], true));
    // The map is shared by an alias: the edit would also change the other place.
    expectDeclined('c: &c\n  name: x\nd: *c\n', s => setIn(s.text, s.doc, s.map('c'), ['securityContext', 'runAsNonRoot'], true));
    expectDeclined('c:\n  securityContext: &s\n    runAsUser: 1\nd: *s\n', s => setIn(s.text, s.doc, s.map('c'), ['securityContext', 'runAsNonRoot'], true));
    expectDeclined('securityContext: "none"\n', at('securityContext', 'runAsNonRoot'));
    expectDeclined('securityContext: [a]\n', at('securityContext', 'runAsNonRoot'));
    expectDeclined('capabilities:\n  drop: [NET_RAW]\n', s => setIn(s.text, s.doc, s.root, ['capabilities', 'drop'], ['ALL']));
    expectDeclined('securityContext:\n  runAsNonRoot: {a: 1}\n', at('securityContext', 'runAsNonRoot'));
    expectDeclined('securityContext: &a\n', at('securityContext', 'runAsNonRoot', 'x'));
    assert.equal(setIn('a: 1\n', undefined as never, undefined as never, [], true), undefined);
  });
});

describe('fix: setIn in flow maps', () => {
  const sc = (s: Subject) => setIn(s.text, s.doc, s.map('spec', 'containers', 0), ['securityContext', 'runAsNonRoot'], true);

  it('fills an empty flow map in flow style', () => {
    expectEdit('spec:\n  containers:\n  - name: app\n    securityContext: {}\n', sc, 'spec:\n  containers:\n  - name: app\n    securityContext: {runAsNonRoot: true}\n');
    expectEdit('spec:\n  containers:\n  - name: app\n    securityContext: { }  # empty\n', sc, 'spec:\n  containers:\n  - name: app\n    securityContext: {runAsNonRoot: true}  # empty\n');
  });

  it('adds to a flow map after its last entry, with its spacing', () => {
    expectEdit('spec:\n  containers:\n  - name: app\n    securityContext: {runAsUser: 1000}\n', sc, 'spec:\n  containers:\n  - name: app\n    securityContext: {runAsUser: 1000, runAsNonRoot: true}\n');
    expectEdit('spec:\n  containers:\n  - name: app\n    securityContext: { runAsUser: 1000, }\n', sc, 'spec:\n  containers:\n  - name: app\n    securityContext: { runAsUser: 1000, runAsNonRoot: true, }\n');
  });

  it('writes whole missing paths in flow style inside a flow map', () => {
    expectEdit('spec:\n  containers:\n  - {name: app, image: nginx}\n', sc, 'spec:\n  containers:\n  - {name: app, image: nginx, securityContext: {runAsNonRoot: true}}\n');
    expectEdit('spec: {containers: [{name: app, securityContext: {}}]}\n',
      s => setIn(s.text, s.doc, s.map('spec', 'containers', 0), ['securityContext', 'capabilities', 'drop'], ['ALL']),
      'spec: {containers: [{name: app, securityContext: {capabilities: {drop: [ALL]}}}]}\n');
    expectEdit('securityContext: {seccompProfile: ~}\n', s => setIn(s.text, s.doc, s.root, ['securityContext', 'seccompProfile', 'type'], 'RuntimeDefault'),
      'securityContext: {seccompProfile: {type: RuntimeDefault}}\n');
  });

  it('keeps one entry per line in a multi-line flow map (JSON)', () => {
    const input = [
      '{',
      '  "kind": "Pod",',
      '  "spec": {',
      '    "containers": [',
      '      {',
      '        "name": "app",',
      '        "image": "nginx"',
      '      }',
      '    ]',
      '  }',
      '}',
      '',
    ].join('\n');
    const out = expectEdit(input, sc, [
      '{',
      '  "kind": "Pod",',
      '  "spec": {',
      '    "containers": [',
      '      {',
      '        "name": "app",',
      '        "image": "nginx",',
      '        "securityContext": {"runAsNonRoot": true}',
      '      }',
      '    ]',
      '  }',
      '}',
      '',
    ].join('\n'));
    assert.deepEqual(JSON.parse(applyEdits(input, out).text).spec.containers[0].securityContext, { runAsNonRoot: true }, 'still JSON');
  });

  it('keeps a comment on the last entry of a multi-line flow map with that entry', () => {
    const add = (s: Subject) => setIn(s.text, s.doc, s.root, ['securityContext', 'runAsNonRoot'], true);
    expectEdit('securityContext: {\n  runAsUser: 1000  # uid\n}\n', add, 'securityContext: {\n  runAsUser: 1000,  # uid\n  runAsNonRoot: true\n}\n');
    expectEdit('securityContext: {\n  runAsUser: 1000, # uid\n}\n', add, 'securityContext: {\n  runAsUser: 1000, # uid\n  runAsNonRoot: true,\n}\n');
    expectEdit(crlf('securityContext: {\n    runAsUser: 1000\n  }\n'), s => setIn(s.text, s.doc, s.root, ['securityContext'], { runAsNonRoot: true, runAsGroup: 1 }),
      crlf('securityContext: {\n    runAsUser: 1000,\n    runAsNonRoot: true,\n    runAsGroup: 1\n  }\n'));
  });

  it('declines to fill an empty flow map holding a comment', () => {
    expectDeclined('securityContext: {\n  # nothing yet\n}\n', s => setIn(s.text, s.doc, s.root, ['securityContext', 'runAsNonRoot'], true));
  });
});
