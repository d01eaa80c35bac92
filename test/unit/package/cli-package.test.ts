// The npm package of the CLI and language server as a user gets it: `npm pack` of server/ (its
// prepack bundles everything into dist/), installed OFFLINE into an empty prefix, per project and
// globally. The installed commands must run with nothing but Node: no dependency to fetch.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { packagesInBundle, packagesInNotices } from '../../helpers/bundled-packages';
import { REPO_ROOT } from '../../helpers/fixture-paths';
import { LspClient } from '../../helpers/lsp-client';
import { yaml } from '../../helpers/manifest';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const PACKAGE = '@kube-harden/server';

function npm(args: string[], cwd: string): string {
  const r = spawnSync(NPM, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  assert.equal(r.status, 0, `npm ${args.join(' ')}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

describe('package: the npm package of the CLI and language server', function () {
  this.timeout(180_000);
  let tmp: string;
  let tarball: string;
  let files: Array<{ path: string; size: number }>;
  let local: string;
  let global: string;

  before(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kube-harden-npm-')));
    // The prepack script's own output comes first on stdout; the JSON report starts at a line `[`.
    const out = npm(['pack', '--workspace', 'server', '--json', '--pack-destination', tmp], REPO_ROOT);
    const [packed] = JSON.parse(out.slice(out.search(/^\[/m))) as Array<{ filename: string; files: typeof files }>;
    tarball = path.join(tmp, packed.filename);
    files = packed.files;
    // An absolute path: npm reads `dir/name.tgz` as a GitHub shorthand and would go online.
    local = path.join(tmp, 'project');
    fs.mkdirSync(local);
    npm(['install', '--offline', '--no-audit', '--no-fund', '--prefix', local, tarball], tmp);
    global = path.join(tmp, 'global');
    npm(['install', '--global', '--offline', '--no-audit', '--no-fund', '--prefix', global, tarball], tmp);
  });

  after(() => { if (tmp) fs.rmSync(tmp, { recursive: true, force: true }); });

  it('ships the bundles, commands, license, notices and rule pages, and no sources or tsc output', () => {
    const names = files.map(f => f.path);
    for (const f of ['package.json', 'README.md', 'LICENSE', 'ThirdPartyNotices.txt', 'bin/kube-harden.js', 'bin/kube-harden-ls.js',
      'dist/cli.js', 'dist/server.js', 'dist/indexWorker.js', 'docs/catalogue.md', 'docs/kubernetes-semantics.md']) {
      assert.ok(names.includes(f), `${f} in the tarball`);
    }
    const pages = fs.readdirSync(path.join(REPO_ROOT, 'docs', 'rules')).map(f => `docs/rules/${f}`).sort();
    assert.deepEqual(names.filter(n => n.startsWith('docs/rules/')).sort(), pages);
    assert.deepEqual(names.filter(n => /(^|\/)(src|out|node_modules|test)\//.test(n) || /\.(ts|map|tsbuildinfo)$/.test(n)), []);
    const manifest = JSON.parse(fs.readFileSync(path.join(local, 'node_modules', PACKAGE, 'package.json'), 'utf8'));
    assert.equal(manifest.dependencies, undefined, 'everything it runs is bundled: nothing to fetch at install');
    assert.deepEqual(manifest.publishConfig, { access: 'public' }, 'a scoped package is private on the registry unless told');
    assert.ok(fs.statSync(tarball).size < 2 * 1024 * 1024, `${fs.statSync(tarball).size} bytes`);
  });

  it('names every package its bundles carry in ThirdPartyNotices.txt, with its license text', () => {
    const installed = path.join(local, 'node_modules', PACKAGE);
    const notices = fs.readFileSync(path.join(installed, 'ThirdPartyNotices.txt'), 'utf8');
    const bundled = new Set(['cli', 'server', 'indexWorker']
      .flatMap(b => packagesInBundle(path.join(installed, 'dist', `${b}.js`), REPO_ROOT)).map(p => `${p.name} ${p.version}`));
    assert.ok(bundled.has(`yaml ${JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules', 'yaml', 'package.json'), 'utf8')).version}`));
    assert.deepEqual(packagesInNotices(notices).sort(), [...bundled].sort());
    // yaml's ISC license and the MIT notice of Microsoft's language server libraries, quoted.
    assert.match(notices, /Copyright Eemeli Aro <eemeli@gmail\.com>/);
    assert.match(notices, /Copyright \(c\) Microsoft Corporation/);
  });

  it('`kube-harden check` of a project install reports the exact findings and exit code 1', () => {
    const dir = path.join(tmp, 'manifests');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'pod.yaml'), yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        hostNetwork: true
        containers:
        - name: app
          image: nginx:1.27
    `);
    const bin = path.join(local, 'node_modules', '.bin', 'kube-harden');
    const r = spawnSync(bin, ['check', '--level', 'baseline', 'pod.yaml'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, [
      'pod.yaml:6:16  error  disallow-host-network  The pod shares the node\'s network namespace: remove spec.hostNetwork or set it to false.',
      'pod.yaml:8:11  warning  require-memory-limit  Container "app" sets no resources.limits.memory: set one (e.g. 256Mi, sized for the workload).',
      '',
      '2 findings: 1 error, 1 warning, 0 info (1 file scanned)',
      '',
    ].join('\n'));
    assert.equal(r.status, 1);
  });

  it('a global install puts `kube-harden` on the prefix\'s bin, at the package\'s version', () => {
    const r = spawnSync(path.join(global, 'bin', 'kube-harden'), ['--version'], { encoding: 'utf8' });
    assert.equal(r.stdout.trim(), JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'server', 'package.json'), 'utf8')).version);
    assert.equal(r.status, 0);
  });

  it('`kube-harden-ls --stdio` answers initialize and links findings to the rule pages it ships', async () => {
    const ls = path.join(local, 'node_modules', '.bin', 'kube-harden-ls');
    const client = await LspClient.start({ serverModule: ls });
    try {
      const result = client.initializeResult!;
      assert.deepEqual(result.serverInfo, { name: 'kube-harden', version: '0.1.0' });
      assert.deepEqual(result.capabilities.textDocumentSync, { openClose: true, change: 2 });
      assert.deepEqual(result.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'refactor.rewrite', 'source.fixAll.kube-harden'], resolveProvider: true });
      assert.equal(result.capabilities.hoverProvider, true);
      assert.deepEqual(result.capabilities.executeCommandProvider, { commands: ['kubeHarden.scanWorkspace'] });
      const uri = pathToFileURL(path.join(tmp, 'open.yaml')).href;
      await client.open(uri, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: true\n  containers: []\n');
      const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
      const hostPid = diagnostics.find(d => d.code === 'disallow-host-pid');
      const page = path.join(local, 'node_modules', PACKAGE, 'docs', 'rules', 'disallow-host-pid.md');
      // vscode-uri spells `@` as %40: compare the paths the links name.
      assert.equal(fileURLToPath(hostPid?.codeDescription?.href ?? 'file:///missing'), page);
      assert.ok(fs.existsSync(page));
    } finally {
      await client.stop();
    }
  });
});
