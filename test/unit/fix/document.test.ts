// Creating an object: a document appended to the file, or the same text as a new file, in the
// file's style; and proposals that offer both.
import * as assert from 'node:assert/strict';
import { appendDocument, applyEdits, createDocument, lintParsed, newDocumentFile, parseFile, resolveConfig } from '@kube-harden/server';
import type { NewDocument } from '@kube-harden/server';
import { defineRule } from '@kube-harden/server/out/engine/rule';

const POLICY: NewDocument = {
  comment: ['Denies everything.'],
  object: { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny' }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } },
};

function append(text: string): string | undefined {
  const doc = parseFile(text).documents[0].doc;
  const edits = appendDocument(text, doc, POLICY);
  return edits && applyEdits(text, edits).text;
}

describe('fix: new documents', () => {
  it('appends after `---`, in the file\'s indentation and list style', () => {
    assert.equal(append('a:\n    b:\n        - x\n'), 'a:\n    b:\n        - x\n---\n# Denies everything.\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n    name: deny\nspec:\n    podSelector: {}\n    policyTypes:\n        - Ingress\n        - Egress\n');
    assert.equal(append('a:\n  b: [x, y]\n'), 'a:\n  b: [x, y]\n---\n# Denies everything.\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n');
  });

  it('keeps CRLF line breaks and a missing final newline', () => {
    assert.equal(append('a:\r\n- x'), 'a:\r\n- x\r\n---\r\n# Denies everything.\r\napiVersion: networking.k8s.io/v1\r\nkind: NetworkPolicy\r\nmetadata:\r\n  name: deny\r\nspec:\r\n  podSelector: {}\r\n  policyTypes:\r\n  - Ingress\r\n  - Egress');
  });

  it('fills an empty last document instead of adding another', () => {
    assert.equal(append('a: 1\n---\n')!.split('---').length, 2);
    assert.equal(append('a: 1\n--- \n'), 'a: 1\n--- \n# Denies everything.\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\nspec:\n  podSelector: {}\n  policyTypes:\n    - Ingress\n    - Egress\n');
  });

  it('declines a JSON file, which cannot take a second document; the new file is still possible', () => {
    const text = '{"a": [1]}\n';
    const doc = parseFile(text).documents[0].doc;
    assert.equal(appendDocument(text, doc, POLICY), undefined);
    assert.match(newDocumentFile(text, doc, POLICY), /^# Denies everything\.\napiVersion: networking\.k8s\.io\/v1\n/);
  });

  it('writes a new file with the file\'s line breaks and a final newline', () => {
    const text = 'a:\r\n  b: 1';
    assert.equal(newDocumentFile(text, parseFile(text).documents[0].doc, POLICY).split('\r\n').length, 11);
  });

  it('binds a proposal\'s new file to the finding, next to its edits', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';
    const rule = defineRule({
      id: 'test-create', title: 'Test rule that creates', category: 'network', severity: 'info', pss: null, covers: ['NET02'], equivalents: {},
      messages: { m: 'm' }, docs: { summary: '', remediation: '', references: [] }, fix: null,
      checkObject({ object, report }) { report({ messageId: 'm', at: object.node, suggestions: [createDocument('Create it', 'deny-shop.yaml', POLICY)] }); },
    });
    const [finding] = lintParsed(parseFile(text), resolveConfig({}, [rule])).findings;
    assert.equal(finding.suggestions[0].title, 'Create it');
    assert.equal(applyEdits(text, finding.suggestions[0].edits()!).text, `${text}---\n${newDocumentFile(text, parseFile(text).documents[0].doc, POLICY)}`);
    assert.deepEqual(finding.suggestions[0].newFile?.(), { name: 'deny-shop.yaml', text: newDocumentFile(text, parseFile(text).documents[0].doc, POLICY) });
  });
});
