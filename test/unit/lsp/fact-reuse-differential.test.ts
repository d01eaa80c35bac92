// The editor reuses the findings of documents an edit did not touch, and of other files, where
// the rules that read the workspace model read no fact the edit changed (RuleMeta.workspaceReads).
// That is only right if every rule declares what it reads: this test types a long series of
// edits that change facts other documents read (names, labels, namespaces, selectors, accounts,
// roles, images, kinds), and comment lines that move what follows, into two files of real manifests, and after each one compares what the
// editor publishes for both files with a lint from scratch of the same texts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintParsed, parseFile, resolveConfig, summarizeFile, WorkspaceIndex } from '@kube-harden/server';
import type { Finding, LintResult } from '@kube-harden/server';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { REAL_CORPUS } from '../../helpers/fixture-paths';
import { modelCache } from '../../helpers/model-cache';

/**
 * What a user sees of a finding: rule, message, severity, place (and the offsets code actions
 * find it by), related places, and what its fix and suggestions edit.
 */
function seen(f: Finding): string {
  const r = (x: Finding['range']) => `${x.start.line}:${x.start.character}-${x.end.line}:${x.end.character}`;
  const proposal = (p: { title: string; edits(): unknown }) => `${p.title} ${JSON.stringify(p.edits())}`;
  return [f.ruleId, f.messageId, f.severity, r(f.range), `@${f.offsets[0]}-${f.offsets[1]}`, f.message, f.fix ? proposal(f.fix) : '', ...f.suggestions.map(proposal), ...f.related.map(x => `${x.uri}@${r(x.range)}: ${x.message}`)].join(' | ');
}

const seenAll = (l: LintResult) => l.findings.map(seen);

// Objects whose facts other documents read: policies, RBAC, accounts, config, defaults, runtimes.
const EXTRA = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-only
  namespace: kubernetes-dashboard
spec:
  podSelector:
    matchLabels:
      k8s-app: kubernetes-dashboard
  policyTypes: [Ingress]
---
apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
  namespace: default
spec:
  limits:
  - type: Container
    default:
      memory: 256Mi
---
apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata:
  name: gvisor
handler: runsc
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: frontend
  namespace: default
automountServiceAccountToken: false
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: frontend-admin
  namespace: default
subjects:
- kind: ServiceAccount
  name: frontend
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: admin
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: redis
  namespace: default
spec:
  podSelector:
    matchLabels:
      app: redis
  policyTypes: [Ingress, Egress]
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
  namespace: default
data:
  mode: quiet
---
apiVersion: v1
kind: Pod
metadata:
  name: worker
  namespace: default
  labels:
    app: frontend
spec:
  serviceAccountName: frontend
  runtimeClassName: gvisor
  containers:
  - name: worker
    image: busybox:1.36
    envFrom:
    - configMapRef:
        name: app-config
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: default
spec:
  tls:
  - secretName: app-config
  rules:
  - http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: frontend
            port:
              number: 80
`;

// Keys whose values are facts some rule reads about another object.
const FACT_KEYS = /^(\s*-?\s*)(name|namespace|app|tier|k8s-app|app\.kubernetes\.io\/name|serviceAccountName|image|kind|handler|runtimeClassName|automountServiceAccountToken|hostNetwork|memory|policyTypes):[ \t]*(\S.*)$/;
// Plain list items (an RBAC rule's verbs and resources, a subject list's entries).
const LIST_ITEM = /^(\s*- )([\w*./-]+)$/;

/** A deterministic generator (mulberry32), so a failure names a reproducible step. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Site { line: number; start: number; end: number; key: string; value: string }

function sites(text: string): Site[] {
  const out: Site[] = [];
  text.split('\n').forEach((l, line) => {
    const m = FACT_KEYS.exec(l);
    if (m && !m[3].startsWith('|') && !m[3].startsWith('>')) out.push({ line, start: l.length - m[3].length, end: l.length, key: m[2], value: m[3] });
    const item = LIST_ITEM.exec(l);
    if (item) out.push({ line, start: item[1].length, end: l.length, key: '-', value: item[2] });
  });
  return out;
}

describe('lsp: reused findings equal a lint from scratch after edits of facts', function () {
  this.timeout(120_000);

  it('two files of real manifests, 400 fact edits: every publish equals a fresh lint of both', () => {
    const read = (f: string) => fs.readFileSync(path.join(REAL_CORPUS, f), 'utf8');
    const texts = {
      'file:///w/app.yaml': [read('k8s-examples-guestbook-all-in-one.yaml'), EXTRA].join('\n---\n'),
      'file:///w/infra.yaml': [read('k8s-dashboard-recommended-v2.7.yaml'), read('metrics-server-base-rbac.yaml')].join('\n---\n'),
    };
    const resolved = resolveConfig({ enableAll: true });
    const { cache } = modelCache();
    const docs = new Map(Object.entries(texts).map(([uri, t]) => [uri, TextDocument.create(uri, 'yaml', 1, t)]));
    for (const d of docs.values()) cache.lint(d, resolved);
    const next = random(20261206);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
    let compared = 0;
    for (let step = 0; step < 400; step++) {
      const uri = pick([...docs.keys()]);
      const doc = docs.get(uri)!;
      const all = [...docs.values()].flatMap(d => sites(d.getText()));
      // A key first, then one of its places: rare references (accounts, runtimes) are typed as often as names.
      const own = sites(doc.getText());
      const key = pick([...new Set(own.map(s => s.key))]);
      const site = pick(own.filter(s => s.key === key));
      const peers = all.filter(s => s.key === site.key && s.value !== site.value);
      // Mostly a value another object has (a selector meets labels, a reference its object), else a new one.
      const value = peers.length && next() < 0.7 ? pick(peers).value : `${site.value}x`;
      // Now and then a comment line above instead, so every document below moves down a line.
      const change = next() < 0.15
        ? { range: { start: { line: site.line, character: 0 }, end: { line: site.line, character: 0 } }, text: '# moved\n' }
        : { range: { start: { line: site.line, character: site.start }, end: { line: site.line, character: site.end } }, text: value };
      const updated = TextDocument.update(doc, [change], doc.version + 1);
      docs.set(uri, updated);
      // What the editor publishes: the edited file, then the other (re-linted as a dependant).
      const published = new Map([[uri, seenAll(cache.lint(updated, resolved))]]);
      for (const [u, d] of docs) if (u !== uri) published.set(u, seenAll(cache.lint(d, resolved)));
      const index = new WorkspaceIndex();
      const parsed = new Map([...docs].map(([u, d]) => [u, parseFile(d.getText())]));
      for (const [u, p] of parsed) index.setFile(u, summarizeFile(u, p));
      for (const [u, p] of parsed) {
        const fresh = seenAll(lintParsed(p, resolved, { uri: u, workspace: index }));
        assert.deepEqual(published.get(u), fresh, `step ${step}: ${change.text === value ? `${site.key}: ${site.value} -> ${value}` : 'a comment line'} at ${uri}:${site.line + 1}; findings of ${u}`);
        compared += fresh.length;
      }
    }
    // The comparisons were about something: both files have findings throughout.
    assert.ok(compared > 400 * 40, `${compared} findings compared`);
  });
});
