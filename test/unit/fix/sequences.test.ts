import { appendItem, ensureInSeq } from '@kube-harden/server';
import { crlf, expectDeclined, expectEdit, expectNoChange, Subject } from '../../helpers/fix';
import { yaml } from '../../helpers/manifest';

const drop = (s: Subject) => s.seq('securityContext', 'capabilities', 'drop');
const appendAll = (s: Subject) => appendItem(s.text, s.doc, drop(s), 'ALL');
const once = { idempotent: false };

describe('fix: appendItem', () => {
  it('appends to a flow list in flow style, with its spacing and quoting', () => {
    expectEdit('securityContext:\n  capabilities:\n    drop: [NET_RAW]\n', appendAll, 'securityContext:\n  capabilities:\n    drop: [NET_RAW, ALL]\n', once);
    expectEdit('securityContext:\n  capabilities:\n    drop: [ NET_RAW ]  # x\n', appendAll, 'securityContext:\n  capabilities:\n    drop: [ NET_RAW, ALL ]  # x\n', once);
    expectEdit('securityContext:\n  capabilities:\n    drop: ["NET_RAW"]\n', appendAll, 'securityContext:\n  capabilities:\n    drop: ["NET_RAW", "ALL"]\n', once);
    expectEdit('securityContext:\n  capabilities:\n    drop: []\n', appendAll, 'securityContext:\n  capabilities:\n    drop: [ALL]\n', once);
  });

  it('keeps one item per line in a multi-line flow list', () => {
    expectEdit('securityContext:\n  capabilities:\n    drop: [\n      NET_RAW,\n      SYS_ADMIN\n    ]\n', appendAll,
      'securityContext:\n  capabilities:\n    drop: [\n      NET_RAW,\n      SYS_ADMIN,\n      ALL\n    ]\n', once);
  });

  it('appends to a block list at its dashes, non-indented or indented', () => {
    expectEdit(yaml`
      securityContext:
        capabilities:
          drop:
          - NET_RAW
          add: []
    `, appendAll, yaml`
      securityContext:
        capabilities:
          drop:
          - NET_RAW
          - ALL
          add: []
    `, once);
    expectEdit(yaml`
      securityContext:
          capabilities:
              drop:
                  - NET_RAW  # keep
                  # last comment

              add: []
    `, appendAll, yaml`
      securityContext:
          capabilities:
              drop:
                  - NET_RAW  # keep
                  - ALL
                  # last comment

              add: []
    `, once);
  });

  it('appends a map item aligned like the existing items', () => {
    expectEdit(yaml`
      ports:
        - containerPort: 80
          name: http
        - containerPort: 443
          name: https
      image: x
    `, s => appendItem(s.text, s.doc, s.seq('ports'), { containerPort: 8080, name: 'alt' }), yaml`
      ports:
        - containerPort: 80
          name: http
        - containerPort: 443
          name: https
        - containerPort: 8080
          name: alt
      image: x
    `, once);
    expectEdit('ports:\n-   containerPort: 80\n    name: http\n', s => appendItem(s.text, s.doc, s.seq('ports'), { containerPort: 8080 }),
      'ports:\n-   containerPort: 80\n    name: http\n-   containerPort: 8080\n', once);
  });

  it('appends after a last item that is a block scalar or a nested list', () => {
    expectEdit('args:\n- |\n  multi\n  line\n- x\n', s => appendItem(s.text, s.doc, s.seq('args'), 'z'), 'args:\n- |\n  multi\n  line\n- x\n- z\n', once);
    expectEdit('args:\n- x\n- |\n  multi\n\nenv: []\n', s => appendItem(s.text, s.doc, s.seq('args'), 'z'), 'args:\n- x\n- |\n  multi\n- z\n\nenv: []\n',
      { ...once, js: { args: ['x', 'multi\n', 'z'], env: [] } });
  });

  it('writes CRLF and keeps a missing final newline', () => {
    expectEdit(crlf('drop:\n- NET_RAW\n'), s => appendItem(s.text, s.doc, s.seq('drop'), 'ALL'), crlf('drop:\n- NET_RAW\n- ALL\n'), once);
    expectEdit('drop:\n  - NET_RAW', s => appendItem(s.text, s.doc, s.seq('drop'), 'ALL'), 'drop:\n  - NET_RAW\n  - ALL', once);
  });

  it('declines a list shared through an alias', () => {
    expectDeclined('a: &d [NET_RAW]\ndrop: *d\n', s => appendItem(s.text, s.doc, s.seq('a'), 'ALL'));
  });
});

describe('fix: ensureInSeq', () => {
  const ensureAll = (s: Subject) => ensureInSeq(s.text, s.doc, s.root, ['securityContext', 'capabilities', 'drop'], 'ALL');

  it('appends to an existing list when the item is missing', () => {
    expectEdit('securityContext:\n  capabilities:\n    drop:\n      - NET_RAW\n', ensureAll, 'securityContext:\n  capabilities:\n    drop:\n      - NET_RAW\n      - ALL\n');
  });

  it('creates the list and the maps above it', () => {
    // No block list in the file to copy: its dash is indented by the indentation unit.
    expectEdit('securityContext:\n  runAsNonRoot: true\n', ensureAll, 'securityContext:\n  runAsNonRoot: true\n  capabilities:\n    drop:\n      - ALL\n',
      { js: { securityContext: { runAsNonRoot: true, capabilities: { drop: ['ALL'] } } } });
    expectEdit('securityContext:\n  capabilities:\n    add: [NET_ADMIN]\n    drop:\n', ensureAll, 'securityContext:\n  capabilities:\n    add: [NET_ADMIN]\n    drop: [ALL]\n');
    expectEdit('securityContext: {capabilities: {}}\n', ensureAll, 'securityContext: {capabilities: {drop: [ALL]}}\n');
  });

  it('changes nothing when the item is there', () => {
    expectNoChange('securityContext:\n  capabilities:\n    drop: [NET_RAW, ALL]\n', ensureAll);
    expectNoChange('x: &a ALL\nsecurityContext:\n  capabilities:\n    drop: [*a]\n', ensureAll);
  });

  it('declines through an alias or onto a non-list', () => {
    expectDeclined('d: &d [NET_RAW]\nsecurityContext:\n  capabilities:\n    drop: *d\n', ensureAll);
    expectDeclined('securityContext:\n  capabilities:\n    drop: ALL\n', ensureAll);
    expectDeclined('securityContext:\n  capabilities: none\n', ensureAll);
  });
});
