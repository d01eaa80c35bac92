import { removeFromSeq, removeItem, removeItems, removeKey } from '@kube-harden/server';
import { crlf, expectDeclined, expectEdit, expectNoChange, Subject } from '../../helpers/fix';
import { yaml } from '../../helpers/manifest';

const container = (s: Subject) => s.map('spec', 'containers', 0);
const sc = (s: Subject) => s.map('spec', 'containers', 0, 'securityContext');
const once = { idempotent: false };

describe('fix: removeKey', () => {
  it('removes a key with its line, its trailing comment, and nothing else', () => {
    expectEdit(yaml`
      spec:
        containers:
        - name: app
          securityContext:
            # comment about privileged
            privileged: true  # legacy
            # comment about runAsUser
            runAsUser: 1000
    `, s => removeKey(s.text, s.doc, sc(s), 'privileged'), yaml`
      spec:
        containers:
        - name: app
          securityContext:
            # comment about privileged
            # comment about runAsUser
            runAsUser: 1000
    `, { js: { spec: { containers: [{ name: 'app', securityContext: { runAsUser: 1000 } }] } } });
  });

  it('removes a multi-line value whole, block maps, lists and block scalars', () => {
    const input = yaml`
      spec:
        hostNetwork: false
        volumes:
        - name: host
          hostPath:
            path: /
        # about the containers
        containers:
        - name: app
          command: |
            run
            this
          image: x
    `;
    expectEdit(input, s => removeKey(s.text, s.doc, s.map('spec'), 'volumes'), yaml`
      spec:
        hostNetwork: false
        # about the containers
        containers:
        - name: app
          command: |
            run
            this
          image: x
    `);
    expectEdit(input, s => removeKey(s.text, s.doc, container(s), 'command'), yaml`
      spec:
        hostNetwork: false
        volumes:
        - name: host
          hostPath:
            path: /
        # about the containers
        containers:
        - name: app
          image: x
    `);
  });

  it('removes the last key of a map, keeping what follows', () => {
    expectEdit('spec:\n  containers:\n  - name: app\n    image: x\n    stdin: true\n\n  - name: b\n', s => removeKey(s.text, s.doc, container(s), 'stdin'),
      'spec:\n  containers:\n  - name: app\n    image: x\n\n  - name: b\n');
  });

  it('removes the first key of a list item, moving the next key beside the dash', () => {
    expectEdit('containers:\n- name: app\n  image: x\n  stdin: true\n', s => removeKey(s.text, s.doc, s.map('containers', 0), 'name'),
      'containers:\n- image: x\n  stdin: true\n');
    expectEdit('containers:\n  - privileged: true  # no\n\n    # the image\n    image: x\n', s => removeKey(s.text, s.doc, s.map('containers', 0), 'privileged'),
      'containers:\n  - # the image\n    image: x\n');
    expectEdit('containers:\n- hostPID: true\n  hostIPC: true\n', s => removeKey(s.text, s.doc, s.map('containers', 0), 'hostPID'),
      'containers:\n- hostIPC: true\n');
  });

  it('leaves an emptied block map as {} on its key line, keeping a comment there', () => {
    expectEdit(yaml`
      spec:
        containers:
        - name: app
          securityContext:  # hardened below
            privileged: true
          image: x
    `, s => removeKey(s.text, s.doc, sc(s), 'privileged'), yaml`
      spec:
        containers:
        - name: app
          securityContext: {}  # hardened below
          image: x
    `);
  });

  it('removes the emptied parent keys too when asked, cascading', () => {
    const input = yaml`
      spec:
        containers:
        - name: app
          securityContext:
            capabilities:
              add:
              - NET_ADMIN
          image: x
    `;
    expectEdit(input, s => removeKey(s.text, s.doc, s.map('spec', 'containers', 0, 'securityContext', 'capabilities'), 'add', { ifEmpty: 'removeParent' }), yaml`
      spec:
        containers:
        - name: app
          image: x
    `, once);
    expectEdit(input, s => removeKey(s.text, s.doc, s.map('spec', 'containers', 0, 'securityContext', 'capabilities'), 'add'), yaml`
      spec:
        containers:
        - name: app
          securityContext:
            capabilities: {}
          image: x
    `);
  });

  it('leaves an emptied list item or document as {}', () => {
    expectEdit('items:\n- privileged: true\n- b: 1\n', s => removeKey(s.text, s.doc, s.map('items', 0), 'privileged', { ifEmpty: 'removeParent' }), 'items:\n- {}\n- b: 1\n');
    expectEdit('# header\nprivileged: true\n', s => removeKey(s.text, s.doc, s.root, 'privileged'), '# header\n{}\n');
  });

  it('removes from flow maps with the separating comma', () => {
    const input = 'securityContext: {privileged: true, runAsUser: 0, runAsNonRoot: false}\n';
    expectEdit(input, s => removeKey(s.text, s.doc, s.map('securityContext'), 'privileged'), 'securityContext: {runAsUser: 0, runAsNonRoot: false}\n');
    expectEdit(input, s => removeKey(s.text, s.doc, s.map('securityContext'), 'runAsUser'), 'securityContext: {privileged: true, runAsNonRoot: false}\n');
    expectEdit(input, s => removeKey(s.text, s.doc, s.map('securityContext'), 'runAsNonRoot'), 'securityContext: {privileged: true, runAsUser: 0}\n');
    expectEdit('securityContext: { privileged: true }\n', s => removeKey(s.text, s.doc, s.map('securityContext'), 'privileged'), 'securityContext: {}\n');
    expectEdit('a: 1\nsecurityContext: {privileged: true}\n', s => removeKey(s.text, s.doc, s.map('securityContext'), 'privileged', { ifEmpty: 'removeParent' }), 'a: 1\n', once);
    expectEdit('{\n  "a": 1,\n  "b": 2\n}\n', s => removeKey(s.text, s.doc, s.root, 'b'), '{\n  "a": 1\n}\n');
    expectEdit('{\n  "a": 1,\n  "b": 2\n}\n', s => removeKey(s.text, s.doc, s.root, 'a'), '{\n  "b": 2\n}\n');
  });

  it('keeps CRLF and a missing final newline', () => {
    expectEdit(crlf('a: 1\nb: 2\nc: 3\n'), s => removeKey(s.text, s.doc, s.root, 'b'), crlf('a: 1\nc: 3\n'));
    expectEdit('a: 1\nb: 2', s => removeKey(s.text, s.doc, s.root, 'b'), 'a: 1');
    expectEdit('a: 1\r\nb:\r\n  c: 2', s => removeKey(s.text, s.doc, s.root, 'b'), 'a: 1');
    expectEdit('a:\n  b: 1', s => removeKey(s.text, s.doc, s.map('a'), 'b'), 'a: {}');
  });

  it('edits its own document only', () => {
    expectEdit('a: 1\nb: 2\n---\na: 1\nb: 2\n', s => removeKey(s.text, s.doc, s.root, 'b'), 'a: 1\n---\na: 1\nb: 2\n');
  });

  it('changes nothing when the key is absent', () => {
    expectNoChange('a: 1\n', s => removeKey(s.text, s.doc, s.root, 'b'));
  });

  it('declines when the key lives elsewhere or could come back', () => {
    expectDeclined('base: &b {privileged: true}\nsc:\n  <<: *b\n  x: 1\n', s => removeKey(s.text, s.doc, s.map('sc'), 'privileged'));
    expectDeclined('base: &b {privileged: true}\nsc:\n  <<: *b\n  privileged: false\n', s => removeKey(s.text, s.doc, s.map('sc'), 'privileged'));
    expectDeclined('privileged: true\nprivileged: false\n', s => removeKey(s.text, s.doc, s.root, 'privileged'));
    expectDeclined('sc: &s\n  privileged: true\n  x: 1\nother: *s\n', s => removeKey(s.text, s.doc, s.map('sc'), 'privileged'));
    expectDeclined('sc: {a: 1, # why\n  privileged: true}\n', s => removeKey(s.text, s.doc, s.map('sc'), 'privileged'));
  });

  it('declines to remove a value an alias elsewhere points at', () => {
    expectDeclined('sc:\n  opts: &o\n    type: spc_t\n  x: 1\nother: *o\n', s => removeKey(s.text, s.doc, s.map('sc'), 'opts'));
    expectDeclined('sc:\n  opts:\n    type: &t spc_t\n  x: 1\nother: *t\n', s => removeKey(s.text, s.doc, s.map('sc'), 'opts'));
    expectDeclined('sc:\n  opts: {type: &t spc_t}\nother: *t\n', s => removeKey(s.text, s.doc, s.map('sc', 'opts'), 'type', { ifEmpty: 'removeParent' }));
  });
});

describe('fix: removing list items', () => {
  it('removes a block item with its line', () => {
    const input = 'add:\n- NET_ADMIN  # needed?\n- SYS_TIME\n- NET_RAW\ndrop: []\n';
    expectEdit(input, s => removeItem(s.text, s.doc, s.seq('add'), 0), 'add:\n- SYS_TIME\n- NET_RAW\ndrop: []\n', once);
    expectEdit(input, s => removeItem(s.text, s.doc, s.seq('add'), 1), 'add:\n- NET_ADMIN  # needed?\n- NET_RAW\ndrop: []\n', once);
    expectEdit(input, s => removeItem(s.text, s.doc, s.seq('add'), 2), 'add:\n- NET_ADMIN  # needed?\n- SYS_TIME\ndrop: []\n', once);
    expectEdit(input, s => removeItems(s.text, s.doc, s.seq('add'), [0, 2]), 'add:\n- SYS_TIME\ndrop: []\n', once);
  });

  it('removes a multi-line item', () => {
    expectEdit('volumes:\n  - name: a\n    hostPath:\n      path: /\n  # keep\n  - name: b\n', s => removeItem(s.text, s.doc, s.seq('volumes'), 0),
      'volumes:\n  # keep\n  - name: b\n', once);
  });

  it('leaves `key: []` when the last item goes, or removes the key when asked', () => {
    const input = 'capabilities:\n  add:  # why\n    - NET_ADMIN\n  drop: [ALL]\n';
    expectEdit(input, s => removeItem(s.text, s.doc, s.seq('capabilities', 'add'), 0), 'capabilities:\n  add: []  # why\n  drop: [ALL]\n', once);
    expectEdit(input, s => removeItem(s.text, s.doc, s.seq('capabilities', 'add'), 0, { ifEmpty: 'removeParent' }), 'capabilities:\n  drop: [ALL]\n', once);
    // The cascade stops at the document root, which is left an empty map.
    expectEdit('capabilities:\n  add: [NET_ADMIN]\n', s => removeItem(s.text, s.doc, s.seq('capabilities', 'add'), 0, { ifEmpty: 'removeParent' }), '{}\n', once);
  });

  it('removes from flow lists with the separating comma', () => {
    const input = 'add: [NET_ADMIN, SYS_TIME, NET_RAW]\n';
    expectEdit(input, s => removeItem(s.text, s.doc, s.seq('add'), 0), 'add: [SYS_TIME, NET_RAW]\n', once);
    expectEdit(input, s => removeItem(s.text, s.doc, s.seq('add'), 1), 'add: [NET_ADMIN, NET_RAW]\n', once);
    expectEdit(input, s => removeItem(s.text, s.doc, s.seq('add'), 2), 'add: [NET_ADMIN, SYS_TIME]\n', once);
    expectEdit(input, s => removeItems(s.text, s.doc, s.seq('add'), [1, 2]), 'add: [NET_ADMIN]\n', once);
    expectEdit(input, s => removeItems(s.text, s.doc, s.seq('add'), [0, 2]), 'add: [SYS_TIME]\n', once);
    expectEdit(input, s => removeItems(s.text, s.doc, s.seq('add'), [0, 1, 2]), 'add: []\n', once);
    expectEdit('add: [ NET_ADMIN, ]\n', s => removeItem(s.text, s.doc, s.seq('add'), 0), 'add: []\n', once);
    expectEdit('add: [\n  NET_ADMIN,\n  SYS_TIME\n]\n', s => removeItem(s.text, s.doc, s.seq('add'), 0), 'add: [\n  SYS_TIME\n]\n', once);
  });

  it('keeps CRLF and a missing final newline', () => {
    expectEdit(crlf('add:\n- A\n- B\n'), s => removeItem(s.text, s.doc, s.seq('add'), 1), crlf('add:\n- A\n'), once);
    expectEdit('add:\n- A\n- B\n- C', s => removeItems(s.text, s.doc, s.seq('add'), [1, 2]), 'add:\n- A', once);
  });

  it('declines a shared list, an index out of range and a comment in a flow gap', () => {
    expectDeclined('a: &a [X, Y]\nb: *a\n', s => removeItem(s.text, s.doc, s.seq('a'), 0));
    expectDeclined('a: [X, Y]\n', s => removeItem(s.text, s.doc, s.seq('a'), 2));
    expectDeclined('a: [X, # the x\n  Y]\n', s => removeItem(s.text, s.doc, s.seq('a'), 0));
    expectDeclined('a:\n- - X\n  - Y\n', s => removeItem(s.text, s.doc, s.seq('a', 0), 0));
  });
});

describe('fix: removeFromSeq', () => {
  const dropNetRaw = (s: Subject) => removeFromSeq(s.text, s.doc, s.root, ['capabilities', 'add'], 'NET_RAW', { ifEmpty: 'removeParent' });

  it('removes every occurrence of the value', () => {
    expectEdit('capabilities:\n  add:\n  - NET_RAW\n  - SYS_TIME\n  - NET_RAW\n', dropNetRaw, 'capabilities:\n  add:\n  - SYS_TIME\n');
    expectEdit('capabilities:\n  add: [NET_RAW, NET_RAW, SYS_TIME]\n', dropNetRaw, 'capabilities:\n  add: [SYS_TIME]\n');
    expectEdit('capabilities:\n  add: [NET_RAW]\n  drop: [ALL]\n', dropNetRaw, 'capabilities:\n  drop: [ALL]\n');
  });

  it('changes nothing when the list or the value is absent', () => {
    expectNoChange('capabilities:\n  drop: [ALL]\n', dropNetRaw);
    expectNoChange('capabilities:\n  add: [SYS_TIME]\n', dropNetRaw);
  });

  it('declines a list reached through an alias', () => {
    expectDeclined('x: &x [NET_RAW]\ncapabilities:\n  add: *x\n', dropNetRaw);
  });

  it('declines to remove what an alias elsewhere points at', () => {
    expectDeclined('capabilities:\n  add: [&n NET_RAW, SYS_TIME]\nother: [*n]\n', dropNetRaw);
    expectDeclined('capabilities:\n  add: &l [NET_RAW]\nother: *l\n', dropNetRaw);
  });
});
