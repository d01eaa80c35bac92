// Kustomize in a real editor: test/e2e/workspace/kustomize has a clean base and a production
// overlay whose patch makes the container privileged. The patch gets the finding at the node
// that de-hardens, its quick fix edits the patch, and the finding goes once the edit renders; the
// base gets what every overlay's render lacks, with its fix offered in the base and in the patch.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, diagnosticsAfter, fileUri, open, ours, rulesIn, rulesOf, span } from './util';

const PRIVILEGED = 'disallow-privileged-containers';
const SECCOMP = 'require-seccomp-profile';
const LATEST = 'disallow-latest-image-tag';

async function quickFixes(uri: vscode.Uri, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  // Resolved (the server leaves edits to codeAction/resolve), our quick fixes other than suppressions.
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, undefined, 20);
  return actions.filter(a => a.kind?.value === 'quickfix' && !a.title.startsWith('Suppress'));
}

suite('Kustomize in the editor', () => {
  suiteSetup(activate);

  teardown(async () => {
    // Not saved: the files stay as committed for any later run.
    await vscode.commands.executeCommand('workbench.action.files.revertAll').then(undefined, () => undefined);
  });

  test('a patch that makes the container privileged gets the finding at its node; its fix edits the patch and the finding goes', async () => {
    const patch = fileUri('kustomize/overlays/prod/privileged.yaml');
    const found = await diagnosticsAfter(patch, () => open(patch).then(() => undefined), ds => rulesIn(ds).includes(PRIVILEGED), `${PRIVILEGED} on the patch`, { requireEvent: true });
    // privileged.yaml line 11 is `          privileged: true`: the `true` the patch brings in.
    assert.deepEqual(found.map(d => [rulesOf(d), span(d)]), [[[PRIVILEGED], [11, 23, 11, 27]]]);
    assert.match(found[0].message, /^Container "web" is privileged/);

    const [fix] = await quickFixes(patch, found[0]);
    assert.equal(fix.title, 'Set securityContext.privileged: false in container "web" (a CNI, CSI or device-plugin container that needs the host stops working)');
    const doc = await open(patch);
    const after = await diagnosticsAfter(patch, async () => assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'fix applied'), ds => !rulesIn(ds).includes(PRIVILEGED), `${PRIVILEGED} to go`, { requireEvent: true });
    assert.equal(doc.lineAt(10).text, '          privileged: false');
    assert.deepEqual(rulesIn(after), []);
  });

  test('the base gets what the rendered overlay lacks, with the fix offered in the base and in the overlay\'s patch', async () => {
    const base = fileUri('kustomize/base/deployment.yaml');
    const found = await diagnosticsAfter(base, () => open(base).then(() => undefined), ds => rulesIn(ds).includes(SECCOMP), `${SECCOMP} on the base`, { requireEvent: true });
    // deployment.yaml line 23 is `        securityContext:` of container "web", which sets no profile.
    assert.deepEqual(found.map(d => [rulesOf(d), span(d)]), [[[SECCOMP], [23, 9, 23, 24]]]);
    const titles = (await quickFixes(base, found[0])).map(a => a.title);
    const setting = /^Set securityContext\.seccompProfile\.type: RuntimeDefault in the pod spec /;
    assert.deepEqual(titles.filter(t => setting.test(t)).map(t => t.replace(setting, '')), [
      'in the base (every overlay)',
      'in overlay prod\'s patch privileged.yaml',
    ]);
  });

  test('a chart a kustomization inflates: a value its values file sets is marked there, and the chart shows none of its defaults', async () => {
    // kustomize-helm: the chart's defaults are nginx:1.27 and privileged; the kustomization sets
    // nginx:latest (values-prod.yaml) and privileged: false (inline). What gets applied is judged.
    const values = fileUri('kustomize-helm/values-prod.yaml');
    const found = await diagnosticsAfter(values, () => open(values).then(() => undefined), ds => rulesIn(ds).includes(LATEST), `${LATEST} on the values file`, { requireEvent: true });
    // values-prod.yaml line 2 is `image: nginx:latest`: the value the template prints (quoted).
    assert.deepEqual(found.map(d => [rulesOf(d), span(d)]), [[[LATEST], [2, 8, 2, 20]]]);

    const template = fileUri('kustomize-helm/charts/web/templates/pod.yaml');
    await open(template);
    // A chart renders at first sight (a few ms here); an empty set may raise no event, so a pause stands in.
    await new Promise(resolve => setTimeout(resolve, 1500));
    assert.deepEqual(rulesIn(ours(template)), [], 'judged through the kustomization: nothing of its own');
    // The helmCharts entry deleted (unsaved): the chart is its own again, and its default privileged shows.
    const kustomization = await open(fileUri('kustomize-helm/kustomization.yaml'));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(kustomization.uri, new vscode.Range(0, 0, kustomization.lineCount, 0), 'resources: []\n');
    const alone = await diagnosticsAfter(template, async () => assert.ok(await vscode.workspace.applyEdit(edit)), ds => rulesIn(ds).includes(PRIVILEGED), `${PRIVILEGED} on the template`, { requireEvent: true });
    // pod.yaml line 10 is `      privileged: {{ .Values.privileged }}`.
    assert.deepEqual(alone.map(d => [rulesOf(d), span(d)]), [[[PRIVILEGED], [10, 19, 10, 43]]]);
  });
});
