// `kube-harden check` through Kustomize: the roots are rendered and judged as applied, each
// finding reported once at the source line that decides it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, json, removeTempTrees, tempTree } from '../../helpers/cli';
import { BASE_DEPLOYMENT, BROKEN, TREE } from './tree';
import { helmChartTree, helmValuesTree } from './helm-chart-tree';

interface Row { file: string; rule: string; severity: string; message: string; at: string }
type Output = { findings: Array<{ file: string; rule: string; severity: string; message: string; range: { start: { line: number; column: number }; end: { line: number; column: number } } }> };

/** Each finding as one comparable row: where (line:column-line:column), what, which rule. */
function rows(o: Output): Row[] {
  return o.findings.map(f => ({
    file: f.file.replace(/^\.\//, ''), rule: f.rule, severity: f.severity, message: f.message,
    at: `${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column}`,
  }));
}

const MEMORY = 'Container "web" sets no resources.limits.memory: set one (e.g. 256Mi, sized for the workload).';
const SECCOMP = 'Container "web" runs without a seccomp profile: set securityContext.seccompProfile.type: RuntimeDefault (here or in the pod securityContext).';
const PRIVILEGED = (c: string) => `Container "${c}" is privileged: remove securityContext.privileged or set it to false.`;

describe('check through Kustomize', function () {
  this.timeout(60_000);
  after(removeTempTrees);

  it('judges the overlays as rendered: each finding once, at the line that decides it', async () => {
    const dir = tempTree(TREE);
    const run = await cli(['check', '--format', 'json', '.'], { cwd: dir });
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
    assert.deepEqual(rows(json(run)), [
      // Missing in both overlays: once, on the base's container, no overlay named.
      { file: 'base/deployment.yaml', rule: 'require-memory-limit', severity: 'warning', message: MEMORY, at: '15:17-15:20' },
      // Staging's patch sets it, production's does not: on the base's securityContext, production named.
      { file: 'base/deployment.yaml', rule: 'require-seccomp-profile', severity: 'warning', message: `${SECCOMP} (in overlay production)`, at: '17:11-17:26' },
      // The de-hardening patch: at its `true`, in the patch file.
      { file: 'overlays/production/privileged.yaml', rule: 'disallow-privileged-containers', severity: 'error', message: `${PRIVILEGED('web')} (in overlay production)`, at: '11:25-11:29' },
    ]);
    // Not there: the latest tag (both overlays retag nginx), the debug pod (a component deletes
    // it), the hardening patch, the component, the `$patch: delete` file and the kustomizations.
  });

  it('reports nothing on the base for a setting every overlay patches in', async () => {
    const dir = tempTree({
      ...TREE,
      'overlays/production/privileged.yaml': TREE['overlays/production/privileged.yaml'] + '            seccompProfile:\n              type: RuntimeDefault\n',
    });
    const found = rows(json(await cli(['check', '--format', 'json', '.'], { cwd: dir }))).map(r => `${r.file} ${r.rule} ${r.at}`);
    assert.deepEqual(found, [
      'base/deployment.yaml require-memory-limit 15:17-15:20',
      'overlays/production/privileged.yaml disallow-privileged-containers 11:25-11:29',
    ]);
  });

  it('gives cross-file rules the rendered objects: labels an overlay adds take part', async () => {
    const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    env: prod\n  ports:\n    - port: 80\n';
    const kustomization = 'resources:\n  - ../base\n  - svc.yaml\nlabels:\n  - pairs:\n      env: prod\n    includeTemplates: true\n';
    const dangling = (o: Output) => rows(o).filter(r => r.rule === 'disallow-dangling-service').map(r => `${r.file} ${r.at}`);
    // As written, no pod carries env=prod: the Service selects nothing.
    const plain = tempTree({ 'base/deployment.yaml': BASE_DEPLOYMENT, 'prod/svc.yaml': svc });
    assert.deepEqual(dangling(json(await cli(['check', '--format', 'json', '.'], { cwd: plain }))), ['prod/svc.yaml 6:3-6:11']);
    // Rendered, the overlay's labels put it on the pods.
    const dir = tempTree({ 'base/kustomization.yaml': TREE['base/kustomization.yaml'], 'base/deployment.yaml': BASE_DEPLOYMENT, 'prod/svc.yaml': svc, 'prod/kustomization.yaml': kustomization });
    assert.deepEqual(dangling(json(await cli(['check', '--format', 'json', '.'], { cwd: dir }))), []);
  });

  it('reports a latest tag set by an overlay images entry at that entry', async () => {
    const dir = tempTree({
      'base/kustomization.yaml': 'resources:\n  - deployment.yaml\nimages:\n  - name: nginx\n    newTag: "1.27.0"\n',
      'base/deployment.yaml': BASE_DEPLOYMENT,
      'dev/kustomization.yaml': 'resources:\n  - ../base\nimages:\n  - name: nginx\n    newTag: latest\n',
    });
    // The whole entry: its name and newTag together make the image.
    const found = rows(json(await cli(['check', '--format', 'json', '.'], { cwd: dir }))).filter(r => r.rule === 'disallow-latest-image-tag');
    assert.deepEqual(found.map(r => `${r.file} ${r.at} ${r.message}`), [
      'dev/kustomization.yaml 4:5-5:19 Container "web" runs image "nginx:latest" with the latest tag: pin a version tag (or a digest) so every node runs the same, reviewed image.',
    ]);
  });

  it('lints the same base as written when no kustomization reaches it', async () => {
    const dir = tempTree({ 'base/deployment.yaml': TREE['base/deployment.yaml'] });
    const found = rows(json(await cli(['check', '--format', 'json', '.'], { cwd: dir }))).map(r => `${r.rule} ${r.at}`);
    // The contrast that makes the first test mean something: these are what the overlays decide.
    assert.ok(found.includes('disallow-latest-image-tag 16:18-16:30'), found.join('\n'));
    assert.ok(found.includes('disallow-privileged-containers 32:21-32:25'), found.join('\n'));
    assert.ok(found.includes('require-seccomp-profile 17:11-17:26'), found.join('\n'));
  });

  it('judges a checked base through the overlays of its repository that include it', async () => {
    const dir = tempTree({ ...TREE, '.git/HEAD': 'ref: refs/heads/main\n' });
    const found = rows(json(await cli(['check', '--format', 'json', 'base'], { cwd: dir })));
    assert.deepEqual(found.map(r => `${r.file} ${r.rule} ${r.at}`), [
      'base/deployment.yaml require-memory-limit 15:17-15:20',
      'base/deployment.yaml require-seccomp-profile 17:11-17:26',
    ]);
  });

  it('renders a checked base as its own root when nothing in its repository includes it', async () => {
    const dir = tempTree(TREE);
    const found = rows(json(await cli(['check', '--format', 'json', 'base'], { cwd: dir }))).map(r => `${r.rule} ${r.at}`);
    assert.ok(found.includes('disallow-latest-image-tag 16:18-16:30'), found.join('\n'));
    assert.ok(found.includes('disallow-privileged-containers 32:21-32:25'), found.join('\n'));
  });

  it('reports the patch file when only the overlay is checked, and nothing of the unchecked base', async () => {
    const dir = tempTree(TREE);
    const found = rows(json(await cli(['check', '--format', 'json', 'overlays/production'], { cwd: dir })));
    assert.deepEqual(found.map(r => `${r.file} ${r.rule} ${r.at}`), [
      'overlays/production/privileged.yaml disallow-privileged-containers 11:25-11:29',
    ]);
  });

  it('--fix adds a missing setting to the base, never creates a patch file, and leaves an unsafe fix to --fix-unsafe', async () => {
    const dir = tempTree(TREE);
    const listing = () => fs.readdirSync(dir, { recursive: true }).map(String).sort();
    const before = listing();
    const run = await cli(['check', '--fix', '--format', 'json', '.'], { cwd: dir });
    // Production lacks the seccomp profile staging's patch sets: the base's pod spec gets it (safe).
    const base = TREE['base/deployment.yaml'].replace('              drop: ["ALL"]\n', '              drop: ["ALL"]\n      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n');
    assert.equal(fs.readFileSync(path.join(dir, 'base/deployment.yaml'), 'utf8'), base);
    assert.deepEqual((json(run) as unknown as { fixed: unknown }).fixed, [{ file: './base/deployment.yaml', count: 1 }]);
    // What remains is reported from the fixed files: the memory limit (no fix) and the privileged patch (unsafe).
    assert.deepEqual(rows(json(run)).map(r => `${r.file} ${r.rule} ${r.at}`), [
      'base/deployment.yaml require-memory-limit 15:17-15:20',
      'overlays/production/privileged.yaml disallow-privileged-containers 11:25-11:29',
    ]);
    for (const [file, text] of Object.entries(TREE)) if (file !== 'base/deployment.yaml') assert.equal(fs.readFileSync(path.join(dir, file), 'utf8'), text, file);
    assert.deepEqual(listing(), before, 'no file created');

    // --fix-unsafe: the patch that made the container privileged is the node that set it.
    await cli(['check', '--fix-unsafe', '.'], { cwd: dir });
    assert.equal(fs.readFileSync(path.join(dir, 'overlays/production/privileged.yaml'), 'utf8'), TREE['overlays/production/privileged.yaml'].replace('privileged: true', 'privileged: false'));
    assert.deepEqual(listing(), before, 'no file created');
  });

  it('reports a broken kustomization at its entry and lints the files it covers as written', async () => {
    const dir = tempTree({ ...TREE, ...BROKEN });
    const run = await cli(['check', '--format', 'json', '.'], { cwd: dir });
    assert.equal(run.stderr, '');
    const found = rows(json(run)).filter(r => r.file.startsWith('broken/'));
    const missing = path.join(fs.realpathSync(dir), 'broken', 'missing.yaml');
    const error = found.find(r => r.rule === 'kustomize-build');
    assert.deepEqual(error && { ...error, message: error.message.replaceAll(missing, '<missing>').replace(path.join(dir, 'broken', 'missing.yaml'), '<missing>') }, {
      file: 'broken/kustomization.yaml', rule: 'kustomize-build', severity: 'error', at: '3:5-3:17',
      message: "kustomize build fails: accumulating resources: accumulation err='accumulating resources from 'missing.yaml': open <missing>: no such file or directory': must build at directory: not a valid directory: evalsymlink failure on '<missing>' : lstat <missing>: no such file or directory",
    });
    // As written: the same positions a lint of the file alone gives.
    assert.deepEqual(found.filter(r => r.rule !== 'kustomize-build').map(r => `${r.rule} ${r.at}`), [
      'require-memory-limit 8:13-8:16',
      'require-drop-all-capabilities 10:7-10:22',
      'require-no-privilege-escalation 10:7-10:22',
      'require-run-as-non-root 10:7-10:22',
      'require-seccomp-profile 10:7-10:22',
      'disallow-privileged-containers 11:21-11:25',
    ]);
    // The overlays are judged all the same.
    assert.equal(rows(json(run)).filter(r => r.file.startsWith('overlays/')).length, 1);
  });

  // Each failure at the entry that causes it, with Kustomize's meaning; the pod it covers is linted as written.
  const POD = BROKEN['broken/pod.yaml'];
  const FAILURES: Array<{ name: string; files: Record<string, string>; at: string; message: RegExp }> = [
    { name: 'a cycle', files: { 'a/kustomization.yaml': 'resources:\n  - ../b\n', 'b/kustomization.yaml': 'resources:\n  - ../a\n' },
      at: 'b/kustomization.yaml 2:5-2:9', message: /^kustomize build fails: .*cycle detected: candidate root '.*\/a' contains visited root '.*\/b'$/ },
    { name: 'malformed YAML', files: { 'k/kustomization.yaml': 'resources: [pod.yaml\n', 'k/pod.yaml': POD },
      at: 'k/kustomization.yaml 2:1-2:1', message: /^kustomize build fails: MalformedYAMLError: yaml: line 2: / },
    { name: 'a patch that matches nothing', files: { 'k/kustomization.yaml': 'resources:\n  - pod.yaml\npatches:\n  - path: p.yaml\n', 'k/pod.yaml': POD,
      'k/p.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: other\nspec:\n  hostNetwork: true\n' },
      at: 'k/kustomization.yaml 4:5-4:17', message: /^kustomize build fails: no matches for Id Pod\.v1\.\[noGrp\]\/other\.\[noNs\]; failed to find unique target for patch/ },
    { name: 'a JSON patch on a missing path', files: { 'k/pod.yaml': POD,
      'k/kustomization.yaml': 'resources:\n  - pod.yaml\npatches:\n  - target:\n      kind: Pod\n    patch: |-\n      - op: replace\n        path: /spec/nothing/here\n        value: 1\n' },
      at: 'k/kustomization.yaml 8:15-8:33', message: /^kustomize build fails: replace operation does not apply: doc is missing path: "\/spec\/nothing\/here": missing value$/ },
  ];
  for (const { name, files, at, message } of FAILURES) {
    it(`reports ${name} at its entry, and the files it covers as written`, async () => {
      const dir = tempTree(files);
      const run = await cli(['check', '--format', 'json', '.'], { cwd: dir });
      assert.equal(run.stderr, '');
      const found = rows(json(run));
      const errors = found.filter(r => r.rule === 'kustomize-build');
      assert.deepEqual(errors.map(r => `${r.file} ${r.at}`), [at], JSON.stringify(errors));
      assert.match(errors[0].message, message);
      assert.equal(errors[0].severity, 'error');
      if (files['k/pod.yaml']) assert.ok(found.some(r => r.file === 'k/pod.yaml' && r.rule === 'disallow-privileged-containers' && r.at === '11:21-11:25'));
    });
  }

  it('honours suppression comments of the source files', async () => {
    const dir = tempTree({
      ...TREE,
      'overlays/production/privileged.yaml': TREE['overlays/production/privileged.yaml'].replace('privileged: true', 'privileged: true # kube-harden-ignore disallow-privileged-containers -- needs the host network stack'),
      'base/kustomization.yaml': TREE['base/kustomization.yaml'] + '# kube-harden-ignore require-memory-limit -- nothing here to suppress\n',
    });
    const run = await cli(['check', '--format', 'json', '.'], { cwd: dir });
    assert.deepEqual(rows(json(run)).map(r => `${r.file} ${r.rule} ${r.at}`), [
      'base/deployment.yaml require-memory-limit 15:17-15:20',
      'base/deployment.yaml require-seccomp-profile 17:11-17:26',
      'base/kustomization.yaml suppressions 3:22-3:42',
    ]);
    assert.deepEqual(json<{ suppressed: Array<{ file: string; rule: string }> }>(run).suppressed.map(s => `${s.file} ${s.rule}`),
      ['./overlays/production/privileged.yaml disallow-privileged-containers']);
  });

  it('does not build a Component no kustomization lists: its patch is judged as a patch', async () => {
    const dir = tempTree({
      'components/no-debug/kustomization.yaml': TREE['components/no-debug/kustomization.yaml'].replace('delete-debug.yaml', 'limits.yaml'),
      'components/no-debug/limits.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  containers:\n    - name: shell\n      securityContext:\n        privileged: true\n',
    });
    assert.deepEqual(rows(json(await cli(['check', '--format', 'json', '.'], { cwd: dir }))).map(r => `${r.file} ${r.rule} ${r.at}`), [
      'components/no-debug/limits.yaml disallow-privileged-containers 9:21-9:25',
    ]);
  });

  it('judges a local chart of helmCharts as rendered with its inline values, at the inline value', async () => {
    const dir = tempTree(helmChartTree('app', true));
    const run = await cli(['check', '--format', 'json', '.'], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    // The chart as written (privileged: false) is clean; rendered with the inline value it is not.
    assert.deepEqual(rows(json(run)), [
      { file: 'app/kustomization.yaml', rule: 'disallow-privileged-containers', severity: 'error', at: '5:19-5:23', message: 'Container "app" is privileged: remove securityContext.privileged or set it to false.' },
    ]);
  });

  it('marks a chart value where the kustomization set it: inline, in its values file or an additional one', async () => {
    const dir = tempTree(helmValuesTree(
      'helmCharts:\n  - name: web\n    releaseName: prod\n    valuesFile: values-prod.yaml\n    valuesInline:\n      securityContext:\n        privileged: true\n    additionalValuesFiles:\n      - host.yaml\n',
      'image: nginx:1.27\nhostNetwork: false\n',
      { 'app/values-prod.yaml': '# production\nimage: nginx:latest\n', 'app/host.yaml': 'hostNetwork: true\n' },
    ));
    const run = await cli(['check', '--format', 'json', '.'], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(rows(json(run)).map(r => `${r.file} ${r.rule} ${r.at}`), [
      // The additional file sets hostNetwork; the latest tag is the values file's (quoted in the template);
      // privileged is a key of the map the template prints whole (toYaml), set inline.
      'app/host.yaml disallow-host-network 1:14-1:18',
      'app/kustomization.yaml disallow-privileged-containers 7:21-7:25',
      'app/values-prod.yaml disallow-latest-image-tag 2:8-2:20',
    ]);
  });

  it('marks a chart value where the values that win set it, and the chart\'s own defaults at the entry', async () => {
    const dir = tempTree(helmValuesTree(
      // valuesMerge: merge: the file wins over the inline values.
      'helmCharts:\n  - name: web\n    releaseName: prod\n    valuesFile: values-prod.yaml\n    valuesMerge: merge\n    valuesInline:\n      securityContext:\n        privileged: false\n',
      'image: nginx:1.27\nhostNetwork: true\n',
      { 'app/values-prod.yaml': 'securityContext:\n  privileged: true\n' },
    ));
    const run = await cli(['check', '--format', 'json', '.'], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(rows(json(run)).map(r => `${r.file} ${r.rule} ${r.at}`), [
      // hostNetwork: true is the vendored chart's default: at the entry that brings the chart in
      // (the chart is judged through the kustomization only, never also on its own).
      'app/kustomization.yaml disallow-host-network 2:5-8:26',
      'app/values-prod.yaml disallow-privileged-containers 2:15-2:19',
    ]);
  });

  it('judges a chart a kustomization inflates as it renders there, on its own only when the root cannot render', async () => {
    // The chart's default is privileged; the kustomization's values, all that gets applied, are not.
    const tree = helmChartTree('app', false);
    tree['app/charts/web/values.yaml'] = 'privileged: true\n';
    const clean = await cli(['check', '--format', 'json', '.'], { cwd: tempTree(tree) });
    assert.equal(clean.status, 0, clean.stderr);
    assert.deepEqual(rows(json(clean)), []);
    // A root that does not render judges nothing: the chart is judged on its own, with its defaults.
    const broken = { ...tree, 'app/kustomization.yaml': `resources:\n  - missing.yaml\n${tree['app/kustomization.yaml']}` };
    const run = await cli(['check', '--format', 'json', '.'], { cwd: tempTree(broken) });
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(rows(json(run)).map(r => `${r.file} ${r.rule} ${r.at}`), [
      'app/kustomization.yaml kustomize-build 2:5-2:17',
      'app/charts/web/templates/pod.yaml disallow-privileged-containers 10:19-10:43',
    ]);
  });

  it('says what it does not render: remote resources and Helm charts it would pull, at their entries', async () => {
    const dir = tempTree({
      'app/kustomization.yaml': 'resources:\n  - https://github.com/example/repo//base?ref=v1\nhelmCharts:\n  - name: x\n    repo: https://example.com\n',
    });
    const run = await cli(['check', '--format', 'json', '.'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(rows(json(run)), [
      { file: 'app/kustomization.yaml', rule: 'kustomize-build', severity: 'info', at: '2:5-2:49', message: 'remote resource "https://github.com/example/repo//base?ref=v1" is not rendered: what it adds is not judged' },
      { file: 'app/kustomization.yaml', rule: 'kustomize-build', severity: 'info', at: '4:5-4:12', message: 'Helm chart "x" is not rendered: it is not in charts/ and would be pulled from https://example.com (nothing is fetched over the network; vendor it with "helm pull --untar"): what it adds is not judged' },
    ]);
  });
});
