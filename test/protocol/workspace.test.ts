// The workspace model over the protocol: files that are never opened (a Namespace's Pod Security
// label) decide the findings of the open ones, and edits, closes, file events, folder changes
// and exclusion settings change them without the open document being touched.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient, LspClientOptions } from '../helpers/lsp-client';
import { yaml } from '../helpers/manifest';
import { rulesIn, rulesOf } from '../helpers/diagnostic-rules';
import { WEB_IN_SHOP, webReaderBinding } from '../helpers/rbac';

// Baseline finds the host network and the missing memory limit (on at every level); restricted
// adds the four restricted-only rules.
const POD = yaml`
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
const BASELINE = ['disallow-host-network', 'require-memory-limit'];
const RESTRICTED = ['disallow-host-network', 'require-drop-all-capabilities', 'require-memory-limit', 'require-no-privilege-escalation', 'require-run-as-non-root', 'require-seccomp-profile'];

function namespace(level: string, name = 'team'): string {
  return yaml`
    apiVersion: v1
    kind: Namespace
    metadata:
      name: ${name}
      labels:
        pod-security.kubernetes.io/enforce: ${level}
  `;
}

const codes = (p: PublishDiagnosticsParams) => rulesIn(p.diagnostics).sort();
const sameCodes = (expected: string[]) => (p: PublishDiagnosticsParams) => JSON.stringify(codes(p)) === JSON.stringify([...expected].sort());

class TempWorkspace {
  readonly dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kube-harden-ws-')));
  readonly folder = { uri: pathToFileURL(this.dir).href, name: path.basename(this.dir) };

  write(rel: string, text: string): string {
    const file = path.join(this.dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return this.uri(rel);
  }

  uri(rel: string): string { return pathToFileURL(path.join(this.dir, rel)).href; }
  read(rel: string): string { return fs.readFileSync(path.join(this.dir, rel), 'utf8'); }
  remove(): void { fs.rmSync(this.dir, { recursive: true, force: true }); }
}

async function withServer(ws: TempWorkspace, options: LspClientOptions, body: (client: LspClient) => Promise<void>): Promise<void> {
  const client = await LspClient.start({ workspaceFolders: [ws.folder], ...options });
  try {
    await body(client);
  } finally {
    await client.stop();
    ws.remove();
  }
}

describe('protocol: workspace model', () => {
  it('lints an open Pod at the level of a Namespace file that is never opened, and follows its edits, close and file events', async () => {
    const ws = new TempWorkspace();
    const nsUri = ws.write('cluster/namespace.yaml', namespace('baseline'));
    const podUri = ws.write('apps/pod.yaml', POD);
    await withServer(ws, {}, async client => {
      await client.open(podUri, POD);
      // The first publish already knows the Namespace: linting waits for the initial indexing.
      assert.deepEqual(codes(await client.waitForDiagnostics(podUri, { version: 1 })), BASELINE);

      // The Namespace opened as on disk: same facts, the Pod keeps its diagnostics.
      await client.open(nsUri, ws.read('cluster/namespace.yaml'));
      assert.deepEqual((await client.waitForDiagnostics(nsUri, { version: 1 })).diagnostics, []);

      // Its label edited in the editor (not saved): the Pod, untouched, is re-published at restricted.
      let mark = client.mark();
      await client.change(nsUri, 2, [{ text: namespace('restricted') }]);
      const p = await client.waitForDiagnostics(podUri, { since: mark });
      assert.equal(p.version, 1, 'the Pod itself did not change');
      assert.deepEqual(codes(p), RESTRICTED);

      // Closed without saving: the disk's baseline applies again.
      mark = client.mark();
      await client.close(nsUri);
      assert.deepEqual(codes(await client.waitForDiagnostics(podUri, { since: mark })), BASELINE);

      // Deleted on disk: no Namespace, the configured level (restricted) applies.
      mark = client.mark();
      fs.rmSync(path.join(ws.dir, 'cluster'), { recursive: true });
      await client.changeWatchedFiles([{ uri: ws.uri('cluster'), type: FileChangeType.Deleted }]);
      assert.deepEqual(codes(await client.waitForDiagnostics(podUri, { since: mark })), RESTRICTED);

      // A new file declaring the Namespace privileged: no Pod Security finding at all (the
      // memory limit is not a Pod Security rule: the label does not silence it).
      mark = client.mark();
      const created = ws.write('team-ns.yml', namespace('privileged'));
      await client.changeWatchedFiles([{ uri: created, type: FileChangeType.Created }]);
      assert.deepEqual(codes(await client.waitForDiagnostics(podUri, { since: mark })), ['require-memory-limit']);

      // Changed on disk to baseline.
      mark = client.mark();
      ws.write('team-ns.yml', namespace('baseline'));
      await client.changeWatchedFiles([{ uri: created, type: FileChangeType.Changed }]);
      assert.deepEqual(codes(await client.waitForDiagnostics(podUri, { since: mark })), BASELINE);

      const watcher = client.registrations.find(r => r.method === 'workspace/didChangeWatchedFiles');
      assert.deepEqual(watcher?.registerOptions, { watchers: [{ globPattern: '**/*.{yaml,yml,json}' }, { globPattern: '**/.kube-harden.{yaml,yml}' }] });
    });
  });

  it('re-publishes an open workload when a NetworkPolicy edited in another document starts or stops selecting its pods', async () => {
    const ws = new TempWorkspace();
    const policy = (app: string) => yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: allow-web
        namespace: shop
      spec:
        podSelector:
          matchLabels: {app: ${app}}
        policyTypes: [Ingress]
    `;
    const deployment = yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
      spec:
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
            - name: web
              image: nginx:1.27
    `;
    const npUri = ws.write('policies/allow-web.yaml', policy('db'));
    const webUri = ws.write('apps/web.yaml', deployment);
    const NP = 'require-network-policy';
    await withServer(ws, {}, async client => {
      await client.open(webUri, deployment);
      // The namespace's policy (never opened yet) selects other pods: the workload is reported, on its name.
      let p = await client.waitForDiagnostics(webUri, { version: 1 });
      const finding = p.diagnostics.find(d => d.code === NP);
      assert.ok(finding, `${NP} among ${JSON.stringify(codes(p))}`);
      assert.deepEqual(finding.range, { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } });

      await client.open(npUri, policy('db'));
      await client.waitForDiagnostics(npUri, { version: 1 });
      // Edited (not saved) to select the workload: its diagnostics, version 1, lose the finding.
      let mark = client.mark();
      await client.change(npUri, 2, [{ text: policy('web') }]);
      p = await client.waitForDiagnostics(webUri, { since: mark });
      assert.equal(p.version, 1, 'the workload itself did not change');
      assert.ok(!codes(p).includes(NP), JSON.stringify(codes(p)));

      // And back: the finding returns.
      mark = client.mark();
      await client.change(npUri, 3, [{ text: policy('api') }]);
      p = await client.waitForDiagnostics(webUri, { since: mark });
      assert.equal(p.version, 1);
      assert.ok(codes(p).includes(NP), JSON.stringify(codes(p)));
    });
  });

  it('moves a related location into another file when that file\'s objects only move, typed or read from disk', async () => {
    const ws = new TempWorkspace();
    const binding = webReaderBinding();
    // Runs as ServiceAccount `web`, which the binding names.
    const deployment = WEB_IN_SHOP;
    const rbacUri = ws.write('rbac/web-reader.yaml', binding);
    const webUri = ws.write('apps/web.yaml', deployment);
    const RULE = 'disallow-automounted-token-with-rbac';
    const relatedOf = (p: PublishDiagnosticsParams) => p.diagnostics.find(d => d.code === RULE)?.relatedInformation?.map(r => ({ uri: r.location.uri, range: r.location.range }));
    // metadata.name of the binding: "web-reader" on the given line.
    const at = (line: number) => [{ uri: rbacUri, range: { start: { line, character: 8 }, end: { line, character: 18 } } }];
    await withServer(ws, {}, async client => {
      await client.open(webUri, deployment);
      assert.deepEqual(relatedOf(await client.waitForDiagnostics(webUri, { version: 1 })), at(3));
      await client.open(rbacUri, binding);
      await client.waitForDiagnostics(rbacUri, { version: 1 });

      // Two comment lines typed above the binding: no fact changed, the binding moved down two lines.
      let mark = client.mark();
      await client.change(rbacUri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# Owned by team shop.\n# Reviewed in December.\n' }]);
      let p = await client.waitForDiagnostics(webUri, { since: mark });
      assert.equal(p.version, 1, 'the workload itself did not change');
      assert.deepEqual(relatedOf(p), at(5));

      // One line taken out again, and the binding renamed on its line (a fact: the workload is linted again).
      mark = client.mark();
      await client.change(rbacUri, 3, [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, text: '' }]);
      assert.deepEqual(relatedOf(await client.waitForDiagnostics(webUri, { since: mark })), at(4));
      mark = client.mark();
      await client.change(rbacUri, 4, [{ range: { start: { line: 4, character: 18 }, end: { line: 4, character: 18 } }, text: 's' }]);
      p = await client.waitForDiagnostics(webUri, { since: mark, where: q => relatedOf(q)?.[0].range.end.character === 19 });
      assert.deepEqual(relatedOf(p), [{ uri: rbacUri, range: { start: { line: 4, character: 8 }, end: { line: 4, character: 19 } } }]);

      // Closed without saving: the disk's binding, where it was at first.
      mark = client.mark();
      await client.close(rbacUri);
      p = await client.waitForDiagnostics(webUri, { since: mark, where: q => relatedOf(q)?.[0].range.start.line === 3 });
      assert.deepEqual(relatedOf(p), at(3));
    });
  });

  it('keeps open editor text over the disk: a file event for an open file changes nothing', async () => {
    const ws = new TempWorkspace();
    const nsUri = ws.write('ns.yaml', namespace('baseline'));
    const podUri = ws.write('pod.yaml', POD);
    await withServer(ws, {}, async client => {
      await client.open(podUri, POD);
      assert.deepEqual(codes(await client.waitForDiagnostics(podUri, { version: 1 })), BASELINE);
      await client.open(nsUri, namespace('restricted'));
      let mark = client.mark();
      assert.deepEqual(codes(await client.waitForDiagnostics(podUri, { since: mark, where: sameCodes(RESTRICTED) })), RESTRICTED);

      // On disk it becomes privileged; the editor still says restricted, and wins.
      ws.write('ns.yaml', namespace('privileged'));
      await client.changeWatchedFiles([{ uri: nsUri, type: FileChangeType.Changed }]);
      // Then a policy of another namespace appears: a fact the Pod's network rules read, so the
      // Pod is linted again, still at restricted.
      mark = client.mark();
      const other = ws.write('np.yaml', 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\n  namespace: elsewhere\nspec:\n  podSelector: {}\n');
      await client.changeWatchedFiles([{ uri: other, type: FileChangeType.Created }]);
      assert.deepEqual(codes(await client.waitForDiagnostics(podUri, { since: mark })), RESTRICTED);
    });
  });

  it('indexes rootUri when the client sends no workspace folders, and follows workspace folder changes', async () => {
    const ws = new TempWorkspace();
    ws.write('ns.yaml', namespace('baseline'));
    const podUri = ws.write('pod.yaml', POD);
    const client = await LspClient.start({ rootUri: ws.folder.uri });
    try {
      await client.open(podUri, POD);
      assert.deepEqual(codes(await client.waitForDiagnostics(podUri, { version: 1 })), BASELINE);
    } finally {
      await client.stop();
    }

    const other = new TempWorkspace();
    await withServer(other, {}, async c => {
      await c.open(podUri, POD);
      assert.deepEqual(codes(await c.waitForDiagnostics(podUri, { version: 1 })), RESTRICTED, 'the Namespace is in no folder of this server');
      let mark = c.mark();
      await c.changeWorkspaceFolders([ws.folder], []);
      assert.deepEqual(codes(await c.waitForDiagnostics(podUri, { since: mark })), BASELINE);
      mark = c.mark();
      await c.changeWorkspaceFolders([], [ws.folder]);
      assert.deepEqual(codes(await c.waitForDiagnostics(podUri, { since: mark })), RESTRICTED);
    });
    ws.remove();
  });

  it('keeps files matched by files.exclude or kubeHarden.exclude out of the model, and re-indexes when they change', async () => {
    const ws = new TempWorkspace();
    ws.write('vendor/ns.yaml', namespace('baseline'));
    const podUri = ws.write('pod.yaml', POD);
    await withServer(ws, { settings: { files: { exclude: { '**/vendor': true, '**/.DS_Store': true } } } }, async client => {
      await client.open(podUri, POD);
      assert.deepEqual(codes(await client.waitForDiagnostics(podUri, { version: 1 })), RESTRICTED, 'files.exclude hides the Namespace');
      assert.ok(client.configurationRequests.some(r => r.items.some(i => i.section === 'files' && i.scopeUri === ws.folder.uri)));

      let mark = client.mark();
      client.settings = {};
      await client.changeConfiguration(null);
      await client.waitForDiagnostics(podUri, { since: mark, where: sameCodes(BASELINE) });

      mark = client.mark();
      client.settings = { kubeHarden: { exclude: ['vendor/**'] } };
      await client.changeConfiguration(null);
      await client.waitForDiagnostics(podUri, { since: mark, where: sameCodes(RESTRICTED) });
    });
  });

  it('reports indexing progress with begin, percentages and end', async () => {
    const ws = new TempWorkspace();
    for (let i = 0; i < 40; i++) ws.write(`cm/cm-${String(i).padStart(2, '0')}.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`);
    await withServer(ws, { progress: true }, async client => {
      const end = await client.waitFor(() => client.progress.find(p => p.value.kind === 'end'), 'progress end');
      assert.ok(client.progressTokens.includes(end.token), 'created with window/workDoneProgress/create first');
      const mine = client.progress.filter(p => p.token === end.token).map(p => p.value);
      assert.equal(mine[0].kind, 'begin');
      assert.equal((mine[0] as { percentage?: number }).percentage, 0);
      assert.equal(mine[0].kind === 'begin' && mine[0].cancellable, true);
      const percentages = mine.filter(v => v.kind === 'report').map(v => (v as { percentage?: number }).percentage!);
      assert.equal(percentages[percentages.length - 1], 100);
      assert.deepEqual(percentages, [...percentages].sort((a, b) => a - b), 'never goes backwards');
      assert.equal(mine[mine.length - 1].kind, 'end');
    });
  });

  it('shows no progress for a handful of files, nor to a client without workDoneProgress', async () => {
    const small = new TempWorkspace();
    small.write('ns.yaml', namespace('baseline'));
    const podUri = small.write('pod.yaml', POD);
    await withServer(small, { progress: true }, async client => {
      await client.open(podUri, POD);
      await client.waitForDiagnostics(podUri, { version: 1 });
      assert.deepEqual(client.progressTokens, []);
    });
    const large = new TempWorkspace();
    for (let i = 0; i < 40; i++) large.write(`cm-${i}.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`);
    large.write('ns.yaml', namespace('baseline'));
    const pod = large.write('pod.yaml', POD);
    await withServer(large, { progress: false }, async client => {
      await client.open(pod, POD);
      assert.deepEqual(codes(await client.waitForDiagnostics(pod, { version: 1 })), BASELINE);
      assert.deepEqual([client.progressTokens, client.progress], [[], []]);
    });
  });

  it('stops indexing when the user cancels the progress', async () => {
    const ws = new TempWorkspace();
    for (let i = 0; i < 600; i++) ws.write(`cm-${String(i).padStart(3, '0')}.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`);
    await withServer(ws, { progress: true }, async client => {
      const begin = await client.waitFor(() => client.progress.find(p => p.value.kind === 'begin'), 'progress begin');
      await client.cancelProgress(begin.token);
      await client.waitFor(() => client.progress.find(p => p.token === begin.token && p.value.kind === 'end'), 'progress end');
      const reports = client.progress.filter(p => p.token === begin.token && p.value.kind === 'report');
      assert.ok(reports.every(r => (r.value as { percentage?: number }).percentage! < 100), 'ended before the last file');
      await client.waitFor(() => client.logs.find(l => l.message.includes('cancelled')), 'a log message about the cancelled indexing');
    });
  });

  it('answers requests while indexing a large workspace and shuts down cleanly in the middle of it', async function () {
    this.timeout(60_000);
    const ws = new TempWorkspace();
    const deployment = (i: number) => yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: d${i}
        labels: { app: d${i} }
      spec:
        selector: { matchLabels: { app: d${i} } }
        template:
          metadata: { labels: { app: d${i} } }
          spec:
            containers:
            - name: app
              image: nginx:1.27
    `;
    for (let i = 0; i < 3000; i++) ws.write(`apps/${Math.floor(i / 100)}/d-${i}.yaml`, deployment(i));
    await withServer(ws, { progress: true }, async client => {
      const begin = await client.waitFor(() => client.progress.find(p => p.value.kind === 'begin'), 'progress begin', 30_000);
      const answer = await client.request<unknown[]>('textDocument/codeAction', {
        textDocument: { uri: ws.uri('not-open.yaml') }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] },
      });
      assert.deepEqual(answer, []);
      assert.ok(!client.progress.some(p => p.token === begin.token && p.value.kind === 'end'), 'answered while the indexing was still under way');
      assert.equal(await client.stop(), 0);
      assert.equal(client.serverStderr, '');
    });
  });

  it('places objects naming no namespace in kubeHarden.defaultNamespace, from the start and when it changes; the repository file wins', async () => {
    const ws = new TempWorkspace();
    ws.write('cluster/team-a.yaml', namespace('baseline', 'team-a'));
    const pod = POD.replace('  namespace: team\n', '');
    const podUri = ws.write('apps/pod.yaml', pod);
    // 0-based: line 5 `  hostNetwork: true` (the value at 15-19), line 7 `  - name: app` (the name at 10-13).
    const ranges = (p: PublishDiagnosticsParams) => p.diagnostics.flatMap(d => rulesOf(d).map(r => `${r} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`)).sort();
    await withServer(ws, { settings: { kubeHarden: { defaultNamespace: 'team-a' } } }, async client => {
      await client.open(podUri, pod);
      // Read before the first indexing pass ends: the first publish is already at team-a's level.
      assert.deepEqual(ranges(await client.waitForDiagnostics(podUri, { version: 1 })), ['disallow-host-network 5:15-5:19', 'require-memory-limit 7:10-7:13']);

      let mark = client.mark();
      client.settings = { kubeHarden: { defaultNamespace: 'default' } };
      await client.changeConfiguration(null);
      const p = await client.waitForDiagnostics(podUri, { since: mark, where: sameCodes(RESTRICTED) });
      assert.equal(p.version, 1, 'the Pod itself did not change');
      assert.deepEqual(ranges(p), [
        'disallow-host-network 5:15-5:19', 'require-drop-all-capabilities 7:10-7:13', 'require-memory-limit 7:10-7:13',
        'require-no-privilege-escalation 7:10-7:13', 'require-run-as-non-root 7:10-7:13', 'require-seccomp-profile 7:10-7:13',
      ]);

      // A repository file at the folder's root names team-a: it wins over the setting.
      mark = client.mark();
      const config = ws.write('.kube-harden.yaml', 'defaultNamespace: team-a\n');
      await client.changeWatchedFiles([{ uri: config, type: FileChangeType.Created }]);
      assert.deepEqual(codes(await client.waitForDiagnostics(podUri, { since: mark, where: sameCodes(BASELINE) })), BASELINE);

      // Removed again, and an invalid setting: said in the log, `default` applies.
      mark = client.mark();
      fs.rmSync(path.join(ws.dir, '.kube-harden.yaml'));
      client.settings = { kubeHarden: { defaultNamespace: 'Team_A' } };
      await client.changeWatchedFiles([{ uri: config, type: FileChangeType.Deleted }]);
      await client.changeConfiguration(null);
      assert.deepEqual(codes(await client.waitForDiagnostics(podUri, { since: mark, where: sameCodes(RESTRICTED) })), RESTRICTED);
      await client.waitFor(() => client.logs.find(l => l.message.includes('kubeHarden.defaultNamespace') && l.message.includes('Team_A')), 'a log message about the namespace');
    });
  });
});
