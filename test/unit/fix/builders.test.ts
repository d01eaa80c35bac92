// The builders the baseline rules share (fix/workload.ts): they compose primitives, so what is
// tested here is the composition: changes that go together, the fallback that keeps comment
// lines, and replacing an entry where it is written.
import { keepingComments, removeKey, removePruning, replaceEntry, setProfileType } from '@kube-harden/server';
import { crlf, expectDeclined, expectEdit } from '../../helpers/fix';

const once = { idempotent: false };

describe('fix builders: replaceEntry', () => {
  it('replaces a key and its whole value where they are written, block or flow', () => {
    expectEdit('volumes:\n- name: v\n  hostPath:\n    path: /x\n    type: Directory\n  readOnly: true\n', s => replaceEntry(s.map('volumes', 0), 'hostPath', 'emptyDir', {})(s),
      'volumes:\n- name: v\n  emptyDir: {}\n  readOnly: true\n', once);
    expectEdit('v: {hostPath: {path: /x}, name: v}\n', s => replaceEntry(s.map('v'), 'hostPath', 'emptyDir', {})(s), 'v: {emptyDir: {}, name: v}\n', once);
    expectEdit(crlf('p:\n  localhostProfile: a.json\n'), s => replaceEntry(s.map('p'), 'localhostProfile', 'type', 'RuntimeDefault')(s), crlf('p:\n  type: RuntimeDefault\n'), once);
  });

  it('quotes the new key like the map\'s keys (JSON)', () => {
    expectEdit('{"name": "v", "hostPath": {"path": "/x"}}\n', s => replaceEntry(s.root, 'hostPath', 'emptyDir', {})(s), '{"name": "v", "emptyDir": {}}\n', once);
  });

  it('declines when a comment would go, the new key exists, or the entry is shared or merged', () => {
    expectDeclined('v:\n  hostPath:\n    # the logs\n    path: /x\n', s => replaceEntry(s.map('v'), 'hostPath', 'emptyDir', {})(s));
    expectDeclined('v:\n  hostPath:\n    path: /x  # the logs\n    type: Directory\n', s => replaceEntry(s.map('v'), 'hostPath', 'emptyDir', {})(s));
    expectDeclined('v:\n  hostPath: {path: /x}\n  emptyDir: {}\n', s => replaceEntry(s.map('v'), 'hostPath', 'emptyDir', {})(s));
    expectDeclined('v:\n  hostPath: &h {path: /x}\nw: *h\n', s => replaceEntry(s.map('v'), 'hostPath', 'emptyDir', {})(s));
    expectDeclined('b: &b {hostPath: {path: /x}}\nv:\n  <<: *b\n  name: v\n', s => replaceEntry(s.map('v'), 'hostPath', 'emptyDir', {})(s));
  });

  it('keeps a # inside a value, which is no comment', () => {
    expectEdit('v:\n  hostPath:\n    path: /a#b\n', s => replaceEntry(s.map('v'), 'hostPath', 'emptyDir', {})(s), 'v:\n  emptyDir: {}\n', once);
  });
});

describe('fix builders: setProfileType', () => {
  it('sets the type and drops a localhostProfile, which only Localhost allows', () => {
    expectEdit('p:\n  type: Unconfined\n  localhostProfile: a.json\n', s => setProfileType(s.map('p'), 'RuntimeDefault')(s), 'p:\n  type: RuntimeDefault\n');
    expectEdit('p: {localhostProfile: a.json, type: Unconfined}\n', s => setProfileType(s.map('p'), 'RuntimeDefault')(s), 'p: {type: RuntimeDefault}\n');
    expectEdit('p: {}\n', s => setProfileType(s.map('p'), 'RuntimeDefault')(s), 'p: {type: RuntimeDefault}\n');
  });

  it('puts the type in place of a lone localhostProfile, so the map is never left empty', () => {
    expectEdit('p:\n  localhostProfile: a.json\n', s => setProfileType(s.map('p'), 'RuntimeDefault')(s), 'p:\n  type: RuntimeDefault\n');
    expectEdit('p: {localhostProfile: a.json}\n', s => setProfileType(s.map('p'), 'RuntimeDefault')(s), 'p: {type: RuntimeDefault}\n');
  });
});

describe('fix builders: keepingComments and removePruning', () => {
  it('prunes emptied parents when no comment line goes with them', () => {
    expectEdit('c:\n  sc:\n    opts:\n      user: u\n  image: x\n', s => removePruning(s.map('c', 'sc', 'opts'), 'user')(s), 'c:\n  image: x\n', once);
  });

  it('falls back to leaving the map empty when pruning would take a comment line', () => {
    expectEdit('c:\n  sc:\n    # why\n    opts:\n      user: u\n  image: x\n', s => removePruning(s.map('c', 'sc', 'opts'), 'user')(s),
      'c:\n  sc:\n    # why\n    opts: {}\n  image: x\n', once);
  });

  it('declines when every variant would take a comment line', () => {
    expectDeclined('a:\n  # inside\n  b: 1\nc: 2\n', s => keepingComments(ctx => removeKey(ctx.text, ctx.doc, s.root, 'a'))(s));
  });
});
