// The .vsix as it ships (npm run package): only the manifest, the esbuild bundles, snippets, docs,
// images, license, changelog and notices; and the bundled language server, run from the unpacked
// .vsix, lints a workspace with its index worker thread and links each finding to a rule page
// inside the package.
import * as assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { packagesInBundle, packagesInNotices } from '../../helpers/bundled-packages';
import { LspClient } from '../../helpers/lsp-client';
import { yaml } from '../../helpers/manifest';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
// Compiled to CommonJS, where a plain import() would become require(): load the .mjs scripts as ESM.
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;

describe('package: the .vsix', function () {
  this.timeout(180_000);
  let tmp: string;
  let names: string[];
  let unpacked: string;

  before(async () => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kube-harden-vsix-')));
    const { packageVsix } = await importEsm(pathToFileURL(path.join(ROOT, 'scripts', 'package.mjs')).href);
    const { unzipTo } = await importEsm(pathToFileURL(path.join(ROOT, 'scripts', 'zip-list.mjs')).href);
    const vsix = path.join(tmp, 'kube-harden.vsix');
    const built = packageVsix(vsix, { quiet: true }) as { entries: { name: string }[] };
    names = built.entries.map(e => e.name);
    unpacked = path.join(tmp, 'unpacked');
    unzipTo(vsix, unpacked);
  });

  after(() => { if (tmp) fs.rmSync(tmp, { recursive: true, force: true }); });

  it('holds the bundles, manifest, snippets and every rule page, and no sources, tests, maps or node_modules', () => {
    const shipped = names.filter(n => n.startsWith('extension/')).map(n => n.slice('extension/'.length));
    const offending = shipped.filter(n =>
      /(^|\/)(src|test|node_modules|client|server|out|scripts|examples)\//.test(n) || /\.(ts|map|tsbuildinfo|mjs|vsix)$/.test(n));
    assert.deepEqual(offending, []);
    for (const f of ['package.json', 'readme.md', 'dist/extension.js', 'dist/server.js', 'dist/indexWorker.js', 'snippets/kubernetes.json']) {
      assert.ok(shipped.includes(f), `${f} in ${shipped.join(', ')}`);
    }
    const pages = fs.readdirSync(path.join(ROOT, 'docs', 'rules')).map(f => `docs/rules/${f}`).sort();
    assert.ok(pages.length > 50, `${pages.length} rule pages in the repository`);
    assert.deepEqual(shipped.filter(n => n.startsWith('docs/rules/')).sort(), pages);
    // Whatever the README shows must be in the package: VS Code renders it from the extension's folder.
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map(m => m[1]);
    assert.ok(images.length > 0);
    for (const image of images) assert.ok(shipped.includes(image), `${image} (README) in the package`);
    const top = [...new Set(shipped.map(n => n.split('/')[0]))].sort();
    assert.deepEqual(top, ['LICENSE.txt', 'ThirdPartyNotices.txt', 'changelog.md', 'dist', 'docs', 'images', 'package.json', 'readme.md', 'snippets', 'syntaxes']);
  });

  it('ships the license, the changelog, the icon and every relative link target of its Markdown', () => {
    const ext = path.join(unpacked, 'extension');
    // vsce renames LICENSE and CHANGELOG.md; the Marketplace and VS Code find them by these names.
    assert.match(fs.readFileSync(path.join(ext, 'LICENSE.txt'), 'utf8'), /Apache License\s+Version 2\.0/);
    const manifest = JSON.parse(fs.readFileSync(path.join(ext, 'package.json'), 'utf8'));
    assert.match(fs.readFileSync(path.join(ext, 'changelog.md'), 'utf8'), new RegExp(`^## \\[${manifest.version.replace(/\./g, '\\.')}\\]`, 'm'));
    // The icon the manifest names: a PNG (signature, then IHDR) of 128x128 pixels.
    const icon = fs.readFileSync(path.join(ext, manifest.icon));
    assert.deepEqual([...icon.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(icon.toString('ascii', 12, 16), 'IHDR');
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
    // Rule pages link to ../catalogue.md, which links the semantics page: all must resolve offline.
    const broken: string[] = [];
    let checked = 0;
    for (const md of names.filter(n => /^extension\/docs\/.*\.md$/.test(n))) {
      const file = path.join(unpacked, md);
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/i.test(m[1])) continue;
        checked++;
        if (!fs.existsSync(path.resolve(path.dirname(file), m[1]))) broken.push(`${md} -> ${m[1]}`);
      }
    }
    assert.deepEqual(broken, []);
    assert.ok(checked > 134, `${checked} relative links checked (each rule page links the catalogue)`);
  });

  it('names every package its bundles carry in ThirdPartyNotices.txt', () => {
    const ext = path.join(unpacked, 'extension');
    const bundled = new Set(['extension', 'server', 'indexWorker']
      .flatMap(b => packagesInBundle(path.join(ext, 'dist', `${b}.js`), ROOT)).map(p => `${p.name} ${p.version}`));
    assert.ok([...bundled].some(p => p.startsWith('vscode-languageclient ')), [...bundled].join(', '));
    const notices = fs.readFileSync(path.join(ext, 'ThirdPartyNotices.txt'), 'utf8');
    assert.deepEqual(packagesInNotices(notices).sort(), [...bundled].sort());
  });

  it('points `main` at the client bundle, which needs nothing but Node and VS Code', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(unpacked, 'extension', 'package.json'), 'utf8'));
    assert.equal(manifest.main, './dist/extension.js');
    const allowed = new Set([...builtinModules, ...builtinModules.map(m => `node:${m}`), 'vscode']);
    for (const bundle of ['extension', 'server', 'indexWorker']) {
      const text = fs.readFileSync(path.join(unpacked, 'extension', 'dist', `${bundle}.js`), 'utf8');
      const required = [...new Set([...text.matchAll(/\brequire\("([^"]+)"\)/g)].map(m => m[1]))];
      assert.ok(required.length > 0, `${bundle}.js requires something (the pattern still matches esbuild's output)`);
      assert.deepEqual(required.filter(r => !allowed.has(r)), [], `${bundle}.js requires only builtins`);
    }
  });

  it('its server lints a workspace, reads files in its worker thread, and links the rule pages it ships', async () => {
    const ext = path.join(unpacked, 'extension');
    const ws = path.join(tmp, 'workspace');
    fs.mkdirSync(ws);
    // A Namespace that is never opened sets the level: only the disk index (the worker) knows it.
    fs.writeFileSync(path.join(ws, 'namespace.yaml'), yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: team
        labels:
          pod-security.kubernetes.io/enforce: baseline
    `);
    const pod = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        namespace: team
      spec:
        hostNetwork: true
        containers:
        - name: app
          image: nginx:1.27
    `;
    fs.writeFileSync(path.join(ws, 'pod.yaml'), pod);
    const uri = pathToFileURL(path.join(ws, 'pod.yaml')).href;
    const client = await LspClient.start({
      serverModule: path.join(ext, 'dist', 'server.js'),
      workspaceFolders: [{ uri: pathToFileURL(ws).href, name: 'workspace' }],
      initializationOptions: { docsRoot: path.join(ext, 'docs', 'rules') },
    });
    try {
      await client.open(uri, pod);
      const published = await client.waitForDiagnostics(uri, { version: 1 });
      // pod.yaml line 7 is `  hostNetwork: true`; restricted-only findings are gone (baseline);
      // line 9 names the container, which sets no memory limit (a rule outside the standards).
      assert.deepEqual(published.diagnostics.map(d => [d.code, d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1]),
        [['disallow-host-network', 7, 16, 7, 20], ['require-memory-limit', 9, 11, 9, 14]]);
      const href = published.diagnostics[0].codeDescription?.href ?? '';
      assert.equal(href, pathToFileURL(path.join(ext, 'docs', 'rules', 'disallow-host-network.md')).href);
      assert.ok(fs.existsSync(new URL(href)), `${href} exists in the package`);
      const workerProblems = client.logs.filter(l => /worker/i.test(l.message));
      assert.deepEqual(workerProblems, []);
    } finally {
      await client.stop();
    }
  });
});
