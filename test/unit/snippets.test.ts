// Every snippet, expanded with its default placeholders, is a valid manifest that lints clean
// at the restricted level: a new manifest starts hardened. Bodies use two literal spaces, not
// tabs: the editor widens a tab to the indentation unit, which breaks `- name:` items at 4
// spaces (the item's keys sit 2 columns after the dash, whatever the unit).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintParsed, parseFile, resolveConfig, summarizeFile, WorkspaceIndex } from '@kube-harden/server';

const SNIPPETS = path.resolve(__dirname, '../../../snippets/kubernetes.json');

/** Expands a VS Code snippet body as accepting every default would: `${1:x}` -> x, `$1` -> ''. */
export function expandSnippet(body: string[]): string {
  return body.join('\n')
    .replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{?\d+\}?/g, '') + '\n';
}

describe('snippets', () => {
  const snippets = JSON.parse(fs.readFileSync(SNIPPETS, 'utf8')) as Record<string, { prefix: string; body: string[]; description: string }>;

  it('expands placeholders like the editor does', () => {
    assert.equal(expandSnippet(['a: ${1:x}', '  b: ${2|p,q|}$0', 'c: $3']), 'a: x\n  b: p\nc: \n');
  });

  it('has unique prefixes', () => {
    const prefixes = Object.values(snippets).map(s => s.prefix);
    assert.deepEqual(prefixes.filter((p, i) => prefixes.indexOf(p) !== i), []);
  });

  // A workload is isolated by its namespace's policies, not by its own file: each snippet is
  // linted as a file of a workspace that also holds the default-deny snippet for its namespace.
  const deny = Object.values(snippets).find(s => s.prefix === 'kh-netpol-deny');
  it('has a default-deny NetworkPolicy snippet for the others to rely on', () => assert.ok(deny));

  for (const [name, s] of Object.entries(snippets)) {
    it(`${name} (${s.prefix}) lints clean at restricted`, () => {
      assert.ok(s.body.every(l => !l.includes('\t')), 'no tabs in the body');
      const text = expandSnippet(s.body);
      const parsed = parseFile(text);
      for (const d of parsed.documents) assert.deepEqual(d.doc.errors.map(e => e.message), []);
      assert.ok(parsed.documents.every(d => d.objects.length === 1), 'each document is one Kubernetes object');
      const object = parsed.documents[0].objects[0];
      const namespace = object.kind === 'Namespace' ? object.name! : object.namespace ?? 'default';
      const policy = expandSnippet(deny!.body).replace(/^( +namespace: ).*$/m, `$1${namespace}`);
      const workspace = new WorkspaceIndex();
      workspace.setFile('file:///snippets/default-deny.yaml', summarizeFile('file:///snippets/default-deny.yaml', parseFile(policy)));
      workspace.setFile('file:///snippets/snippet.yaml', summarizeFile('file:///snippets/snippet.yaml', parsed));
      const result = lintParsed(parsed, resolveConfig({ level: 'restricted' }), { uri: 'file:///snippets/snippet.yaml', workspace });
      assert.deepEqual(result.findings.map(f => `${f.ruleId} ${f.range.start.line + 1}: ${f.message}`), []);
    });

    // What a person sees right after expanding it into an empty file: no other file to lean on.
    it(`${name} (${s.prefix}) lints clean alone at the default preset`, () => {
      const uri = 'file:///alone/snippet.yaml';
      const parsed = parseFile(expandSnippet(s.body));
      const workspace = new WorkspaceIndex();
      workspace.setFile(uri, summarizeFile(uri, parsed));
      const result = lintParsed(parsed, resolveConfig({}), { uri, workspace });
      assert.deepEqual(result.findings.map(f => `${f.ruleId} ${f.range.start.line + 1}: ${f.message}`), []);
    });
  }
});
