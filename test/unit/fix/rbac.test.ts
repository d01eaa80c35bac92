// The RBAC list edits: a "*" entry becomes the values it stands for in the list's own style, and a
// verb goes with its rule when it is the rule's last (the API server rejects a rule without verbs).
import { removeVerb, replaceItemWithMany } from '@kube-harden/server';
import { crlf, expectDeclined, expectEdit, noFinalNewline } from '../../helpers/fix';

const once = { idempotent: false };
const READ = ['get', 'list', 'watch'];

describe('fix: replaceItemWithMany', () => {
  it('writes the values in place, flow or block, following the other items\' quoting', () => {
    expectEdit('verbs: ["*"]\n', s => replaceItemWithMany(s.text, s.doc, s.seq('verbs'), 0, READ), 'verbs: ["get", "list", "watch"]\n', once);
    expectEdit("verbs: [create, '*']\n", s => replaceItemWithMany(s.text, s.doc, s.seq('verbs'), 1, READ), 'verbs: [create, get, list, watch]\n', once);
    expectEdit('verbs:\n  - create\n  - "*"  # all\n  - delete\n', s => replaceItemWithMany(s.text, s.doc, s.seq('verbs'), 1, READ),
      'verbs:\n  - create\n  - get  # all\n  - list\n  - watch\n  - delete\n', once);
  });

  it('adds only what the list lacks, and removes the "*" when nothing is missing', () => {
    expectEdit('verbs: [watch, "*", get]\n', s => replaceItemWithMany(s.text, s.doc, s.seq('verbs'), 1, READ), 'verbs: [watch, list, get]\n', once);
    expectEdit('verbs: [get, list, watch, "*"]\n', s => replaceItemWithMany(s.text, s.doc, s.seq('verbs'), 3, READ), 'verbs: [get, list, watch]\n', once);
  });

  it('keeps CRLF and a missing final newline', () => {
    expectEdit(crlf('verbs:\n- "*"\n'), s => replaceItemWithMany(s.text, s.doc, s.seq('verbs'), 0, READ), crlf('verbs:\n- "get"\n- "list"\n- "watch"\n'), once);
    expectEdit(noFinalNewline('verbs:\n- "*"\n'), s => replaceItemWithMany(s.text, s.doc, s.seq('verbs'), 0, READ), 'verbs:\n- "get"\n- "list"\n- "watch"', once);
  });

  it('declines a shared list, an alias item, and an item with no line of its own', () => {
    expectDeclined('a: &v ["*"]\nverbs: *v\n', s => replaceItemWithMany(s.text, s.doc, s.seq('a'), 0, READ));
    expectDeclined('s: &s "*"\nverbs: [*s]\n', s => replaceItemWithMany(s.text, s.doc, s.seq('verbs'), 0, READ));
    expectDeclined('verbs:\n- - "*"\n', s => replaceItemWithMany(s.text, s.doc, s.seq('verbs', 0), 0, READ));
  });
});

describe('fix: removeVerb', () => {
  it('removes the verb, or the whole rule when it is the last verb', () => {
    expectEdit('rules:\n- resources: [roles]\n  verbs: [get, escalate]\n', s => removeVerb(s.text, s.doc, s.seq('rules'), 0, s.seq('rules', 0, 'verbs'), 1),
      'rules:\n- resources: [roles]\n  verbs: [get]\n', once);
    expectEdit('rules:\n- resources: [pods]\n  verbs: [get]\n- resources: [roles]\n  verbs: [bind]\n', s => removeVerb(s.text, s.doc, s.seq('rules'), 1, s.seq('rules', 1, 'verbs'), 0),
      'rules:\n- resources: [pods]\n  verbs: [get]\n', once);
  });
});
