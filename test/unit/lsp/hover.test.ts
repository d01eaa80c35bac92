import * as assert from 'node:assert/strict';
import { lintParsed, parseFile, resolveConfig, RuleMeta } from '@kube-harden/server';
import { ParseCache } from '@kube-harden/server/out/lsp/documents';
import {
  escapeMarkdown, findingsHover, permissionsHover, HOVER_CONTRIBUTORS, HoverContributor, provideHover, renderFindingHover,
} from '@kube-harden/server/out/lsp/hover';
import { RateLimitedLog } from '@kube-harden/server/out/lsp/log';
import { SettingsStore } from '@kube-harden/server/out/lsp/settings';
import { MarkupContent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { yaml } from '../../helpers/manifest';

// Line 8 `    securityContext:` carries four findings (the missing capabilities.drop,
// allowPrivilegeEscalation, runAsNonRoot and seccompProfile: chars 4-19); line 9 `      privileged: true` one (`true`,
// chars 18-22); line 7 `    image: nginx:1.27` none. Positions are 0-based, as LSP sends them.
const POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
`;

const RULE: RuleMeta = {
  id: 'demo-rule',
  title: 'Demo rule',
  category: 'images',
  severity: 'warning',
  pss: null,
  covers: [],
  equivalents: { checkov: ['CKV_K8S_1'], trivy: ['KSV001', 'KSV002'] },
  messages: {},
  docs: { summary: 'Summary `x`.', remediation: 'Set `y`.', references: ['https://a.test/1', 'https://b.test/2'] },
  fix: null,
};

function setup(text = POD) {
  const doc = TextDocument.create('file:///w/pod.yaml', 'yaml', 1, text);
  let lints = 0;
  const cache = new ParseCache({
    parseFile,
    lintParsed: (...a) => { lints++; return lintParsed(...a); },
  });
  const settings = new SettingsStore(undefined, new RateLimitedLog({ error() {}, warn() {} }));
  const deps = { document: (uri: string) => (uri === doc.uri ? doc : undefined), cache, settings, docsHref: (id: string) => `file:///docs/${id}.md` };
  const hoverAt = (line: number, character: number) => provideHover(deps, { textDocument: { uri: doc.uri }, position: { line, character } });
  // What the validator does for this version: lint it under the document's settings.
  const validate = async () => cache.lint(doc, resolveConfig((await settings.get(doc.uri)).config));
  return { doc, deps, hoverAt, validate, lints: () => lints };
}

describe('lsp: hover', () => {
  it('renders title, severity, message, why, how, OWASP category, peers, references and the rule page', () => {
    const md = renderFindingHover({ ruleId: 'demo-rule', message: 'Container "a_b" is *bad*.', severity: 'error' }, id => `file:///d/${id}.md`, RULE);
    assert.equal(md, [
      '**Demo rule** — error · `demo-rule`',
      'Container "a\\_b" is \\*bad\\*.',
      '**Why it matters:** Summary `x`.',
      '**How to fix:** Set `y`.',
      '**OWASP Kubernetes Top 10:** [K02:2022 Supply Chain Vulnerabilities](https://owasp.org/www-project-kubernetes-top-ten/)',
      '**Also known as:** Checkov `CKV_K8S_1` · Trivy `KSV001`, `KSV002`',
      '**References:** <https://a.test/1> · <https://b.test/2>',
      '[Rule page](file:///d/demo-rule.md)',
    ].join('\n\n'));
  });

  it('uses the per-rule OWASP override where the category is not the risk', () => {
    const md = renderFindingHover({ ruleId: 'report-eol-and-vulnerable-components', message: 'm', severity: 'warning' }, id => id);
    assert.match(md, /\*\*OWASP Kubernetes Top 10:\*\* \[K10:2022 Outdated and Vulnerable Kubernetes Components\]/);
  });

  it('escapes markdown in user values', () => {
    assert.equal(escapeMarkdown('a_[b](c)<d>`e`'), 'a\\_\\[b\\]\\(c\\)\\<d\\>\\`e\\`');
  });

  it('shows the one finding on a flagged value, with its range', async () => {
    const h = setup();
    await h.validate();
    const hover = await h.hoverAt(9, 20);
    assert.ok(hover);
    assert.deepEqual(hover.range, { start: { line: 9, character: 18 }, end: { line: 9, character: 22 } });
    const value = (hover.contents as MarkupContent).value;
    assert.equal((hover.contents as MarkupContent).kind, 'markdown');
    assert.ok(value.startsWith('**Containers must not be privileged** — error · `disallow-privileged-containers`\n\n'
      + 'Container "app" is privileged: remove securityContext.privileged or set it to false.\n\n'), value);
    assert.match(value, /\[K01:2022 Insecure Workload Configurations\]/);
    assert.match(value, /`CKV_K8S_16`/);
    assert.ok(value.endsWith('[Rule page](file:///docs/disallow-privileged-containers.md)'), value);
    assert.ok(!value.includes('---'), 'one finding, one section');
  });

  it('shows every finding on a node that carries several, in report order', async () => {
    const h = setup();
    await h.validate();
    const hover = await h.hoverAt(8, 4);
    assert.ok(hover);
    assert.deepEqual(hover.range, { start: { line: 8, character: 4 }, end: { line: 8, character: 19 } });
    const sections = (hover.contents as MarkupContent).value.split('\n\n---\n\n');
    assert.deepEqual(sections.map(s => /`([a-z-]+)`/.exec(s)![1]), ['require-drop-all-capabilities', 'require-no-privilege-escalation', 'require-run-as-non-root', 'require-seccomp-profile']);
  });

  it('answers null on a clean node and just past a flagged one', async () => {
    const h = setup();
    await h.validate();
    assert.equal(await h.hoverAt(7, 12), null);
    assert.equal(await h.hoverAt(9, 22), null, 'the range end is exclusive');
    assert.equal(await h.hoverAt(9, 17), null);
  });

  it('lints at most once per version: a hover before the validator computes the lint the validator reuses', async () => {
    const h = setup();
    assert.ok(await h.hoverAt(9, 20));
    assert.equal(h.lints(), 1);
    await h.validate();
    assert.ok(await h.hoverAt(9, 20));
    assert.equal(h.lints(), 1, 'the validator and the second hover read the first hover\'s lint');
  });

  it('is null for a disabled document and for a document that is not YAML or JSON', async () => {
    const h = setup();
    await h.validate();
    const txt = TextDocument.create('file:///w/notes.txt', 'plaintext', 1, POD);
    assert.equal(await provideHover({ ...h.deps, document: () => txt }, { textDocument: { uri: txt.uri }, position: { line: 9, character: 20 } }), null);
    h.deps.settings.changed({ kubeHarden: { enable: false } });
    assert.equal(await h.hoverAt(9, 20), null);
  });

  it('takes more contributors, whose sections follow in list order', async () => {
    assert.deepEqual(HOVER_CONTRIBUTORS, [findingsHover, permissionsHover]);
    const h = setup();
    await h.validate();
    const extra: HoverContributor = ctx => ctx.position.line === 9
      ? { markdown: 'EXTRA', range: { start: { line: 9, character: 6 }, end: { line: 9, character: 22 } } }
      : undefined;
    const hover = await provideHover({ ...h.deps, contributors: [...HOVER_CONTRIBUTORS, extra] }, { textDocument: { uri: h.doc.uri }, position: { line: 9, character: 20 } });
    assert.ok(hover);
    assert.ok((hover.contents as MarkupContent).value.endsWith('\n\n---\n\nEXTRA'));
    assert.deepEqual(hover.range, { start: { line: 9, character: 18 }, end: { line: 9, character: 22 } }, 'the narrowest range holding the position');
    const only = await provideHover({ ...h.deps, contributors: [extra] }, { textDocument: { uri: h.doc.uri }, position: { line: 9, character: 8 } });
    assert.deepEqual(only, { contents: { kind: 'markdown', value: 'EXTRA' }, range: { start: { line: 9, character: 6 }, end: { line: 9, character: 22 } } });
  });
});
