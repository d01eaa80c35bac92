import * as assert from 'node:assert/strict';
import { replaceItem, replaceKey } from '@kube-harden/server';
import { crlf, expectDeclined, expectEdit, expectNoChange, noFinalNewline, subject } from '../../helpers/fix';
import { yaml } from '../../helpers/manifest';

const volumes = yaml`
  volumes:
  - name: share   # shared
    nfs:          # the old filer
      server: nfs.example
      path: /exports  # read-write
  - name: logs
    hostPath: {path: /var/log}
`;

describe('fix: replaceKey', () => {
  it('swaps a block entry for another where it stands, the old value\'s lines going with it', () => {
    expectEdit(volumes, s => replaceKey(s.text, s.doc, s.map('volumes', 0), 'nfs', 'emptyDir', {}), yaml`
      volumes:
      - name: share   # shared
        emptyDir: {}
      - name: logs
        hostPath: {path: /var/log}
    `);
  });

  it('writes a map value in block style at the key\'s column, in the file\'s indentation', () => {
    const input = [
      'spec:',
      '    volumes:',
      '    -   name: logs',
      '        hostPath:',
      '            path: /var/log',
      '            type: Directory',
      '    -   name: tmp',
      '        emptyDir: {}',
      '',
    ].join('\n');
    expectEdit(input, s => replaceKey(s.text, s.doc, s.map('spec', 'volumes', 0), 'hostPath', 'persistentVolumeClaim', { claimName: 'logs' }), [
      'spec:',
      '    volumes:',
      '    -   name: logs',
      '        persistentVolumeClaim:',
      '            claimName: logs',
      '    -   name: tmp',
      '        emptyDir: {}',
      '',
    ].join('\n'), { js: { spec: { volumes: [{ name: 'logs', persistentVolumeClaim: { claimName: 'logs' } }, { name: 'tmp', emptyDir: {} }] } } });
  });

  it('keeps the dash of a first entry, CRLF and a missing final newline', () => {
    const input = crlf(noFinalNewline(yaml`
      volumes:
      - iscsi: {targetPortal: 10.0.0.1, lun: 0}
        name: block
      - awsElasticBlockStore:
          volumeID: vol-1
    `));
    expectEdit(input, s => replaceKey(s.text, s.doc, s.map('volumes', 0), 'iscsi', 'persistentVolumeClaim', { claimName: 'block' }), crlf(noFinalNewline(yaml`
      volumes:
      - persistentVolumeClaim:
          claimName: block
        name: block
      - awsElasticBlockStore:
          volumeID: vol-1
    `)));
    expectEdit(input, s => replaceKey(s.text, s.doc, s.map('volumes', 1), 'awsElasticBlockStore', 'emptyDir', {}), crlf(noFinalNewline(yaml`
      volumes:
      - iscsi: {targetPortal: 10.0.0.1, lun: 0}
        name: block
      - emptyDir: {}
    `)));
  });

  it('swaps an entry of a flow map in place', () => {
    expectEdit('volumes: [{name: a, nfs: {server: x, path: /}, readOnly: true}]\n',
      s => replaceKey(s.text, s.doc, s.map('volumes', 0), 'nfs', 'persistentVolumeClaim', { claimName: 'a' }),
      'volumes: [{name: a, persistentVolumeClaim: {claimName: a}, readOnly: true}]\n');
  });

  it('rewrites a value under the same key, and then has nothing left to do', () => {
    expectEdit('securityContext:\n  seccompProfile: RuntimeDefault  # old style\n  runAsNonRoot: true\n',
      s => replaceKey(s.text, s.doc, s.map('securityContext'), 'seccompProfile', 'seccompProfile', { type: 'RuntimeDefault' }),
      'securityContext:\n  seccompProfile:\n    type: RuntimeDefault\n  runAsNonRoot: true\n');
  });

  it('has nothing to do when the key is absent', () => {
    expectNoChange(volumes, s => replaceKey(s.text, s.doc, s.map('volumes', 1), 'nfs', 'emptyDir', {}));
  });

  it('declines a duplicate or merged key, an existing new key, an anchored value, a shared map', () => {
    expectDeclined('v:\n  nfs: {}\n  nfs: {server: x}\n', s => replaceKey(s.text, s.doc, s.map('v'), 'nfs', 'emptyDir', {}));
    expectDeclined('base: &b {nfs: {server: x}}\nv:\n  <<: *b\n  name: a\n', s => replaceKey(s.text, s.doc, s.map('v'), 'nfs', 'emptyDir', {}));
    expectDeclined('v:\n  emptyDir: {}\n  hostPath: {path: /}\n', s => replaceKey(s.text, s.doc, s.map('v'), 'hostPath', 'emptyDir', {}));
    expectDeclined('v:\n  nfs: &n {server: x}\nw:\n  nfs: *n\n', s => replaceKey(s.text, s.doc, s.map('v'), 'nfs', 'emptyDir', {}));
    expectDeclined('v: &v\n  nfs: {server: x}\nw: *v\n', s => replaceKey(s.text, s.doc, s.map('v'), 'nfs', 'emptyDir', {}));
  });
});

describe('fix: replaceItem', () => {
  it('replaces a block item over its own range, a trailing comment kept', () => {
    expectEdit('drop:\n- all   # everything\n- NET_RAW\n', s => replaceItem(s.text, s.doc, s.seq('drop'), 0, 'ALL'), 'drop:\n- ALL   # everything\n- NET_RAW\n');
  });

  it('keeps the quoting of the string it replaces', () => {
    expectEdit('drop: ["CAP_ALL", x]\n', s => replaceItem(s.text, s.doc, s.seq('drop'), 0, 'ALL'), 'drop: ["ALL", x]\n');
    expectEdit("drop: ['all']\n", s => replaceItem(s.text, s.doc, s.seq('drop'), 0, 'ALL'), "drop: ['ALL']\n");
  });

  it('has nothing to do when the item already holds the value', () => {
    expectNoChange('drop: [ALL]\n', s => replaceItem(s.text, s.doc, s.seq('drop'), 0, 'ALL'));
  });

  it('declines an alias, an anchored or tagged item, a collection, an index out of range, a shared list', () => {
    expectDeclined('x: &a all\ndrop: [*a]\n', s => replaceItem(s.text, s.doc, s.seq('drop'), 0, 'ALL'));
    expectDeclined('drop: [&a all]\ny: *a\n', s => replaceItem(s.text, s.doc, s.seq('drop'), 0, 'ALL'));
    expectDeclined('drop: [!!str all]\n', s => replaceItem(s.text, s.doc, s.seq('drop'), 0, 'ALL'));
    expectDeclined('drop: [[all]]\n', s => replaceItem(s.text, s.doc, s.seq('drop'), 0, 'ALL'));
    expectDeclined('drop: [all]\n', s => replaceItem(s.text, s.doc, s.seq('drop'), 1, 'ALL'));
    expectDeclined('drop: &d [all]\nadd: *d\n', s => replaceItem(s.text, s.doc, s.seq('drop'), 0, 'ALL'));
  });

  it('makes exactly one edit', () => {
    const s = subject('drop: [NET_RAW, all]\n');
    assert.deepEqual(replaceItem(s.text, s.doc, s.seq('drop'), 1, 'ALL'), [{ start: 16, end: 19, newText: 'ALL' }]);
  });
});
