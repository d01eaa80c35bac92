// Fixes where the value lives: the rule's fix applied to the source node that set the value, or,
// for a missing setting, to the base object or to an overlay's patch (existing or new), each
// proven by rendering and judging again.
import * as assert from 'node:assert/strict';
import { applyEdits, judgeRenders, lintParsed, parseFile, JudgedFinding, memorySource, planKustomize, resolveConfig, rootNames, SourceFix, SourceFixContext, sourceFixes, WorkspaceIndex } from '@kube-harden/server/out/engine';
import type { FileSource } from '@kube-harden/server/out/engine';
import { KUSTOMIZE_TREE, TREE, webPatch } from './source-tree';

const DIRS = ['/ws/base', '/ws/overlays/dev', '/ws/overlays/production', '/ws/overlays/staging'];
const config = resolveConfig({});

function judged(fs: FileSource, dirs = DIRS): { all: JudgedFinding[]; ctx: SourceFixContext } {
  const plan = planKustomize(fs, dirs);
  const judge = { workspace: new WorkspaceIndex(), configFor: () => config, renderedUri: (root: string) => `file://${root}/.rendered.yaml` };
  const name = rootNames(plan.renders.map(r => r.root));
  const ctx: SourceFixContext = {
    fs, dirs, judge, rootName: name,
    freePath: (dir, file) => (fs.kindOf(`${dir}/${file}`) ? `${dir}/2-${file}` : `${dir}/${file}`),
  };
  return { all: judgeRenders(fs, plan, judge), ctx };
}

function apply(fs: FileSource, fix: SourceFix): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { file, edits } of fix.edits) out[file] = applyEdits(fs.readFile(file)!, edits).text;
  if (fix.create) out[fix.create.file] = fix.create.text;
  return out;
}

const fixesOf = (fs: FileSource, file: string, ruleId: string, dirs = DIRS) => {
  const { all, ctx } = judged(fs, dirs);
  const j = all.find(x => x.file === file && x.finding.ruleId === ruleId);
  assert.ok(j, `${ruleId} in ${file}`);
  return sourceFixes(ctx, j).map(fix => ({ title: fix.title, kind: fix.kind, safety: fix.safety, files: apply(fs, fix) }));
};

const SECCOMP_TITLE = 'Set securityContext.seccompProfile.type: RuntimeDefault in the pod spec';
const POD_SECCOMP = '      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n';

describe('kustomize-lint: fixes where the value lives', () => {
  it('fixes a value in the patch that set it, and nowhere else', () => {
    const fs = memorySource(KUSTOMIZE_TREE);
    assert.deepEqual(fixesOf(fs, '/ws/overlays/production/privileged.yaml', 'disallow-privileged-containers'), [{
      title: 'Set securityContext.privileged: false in container "web"', kind: 'node', safety: 'unsafe',
      files: { '/ws/overlays/production/privileged.yaml': webPatch(['privileged: false']) },
    }]);
  });

  it('offers a missing setting in the base, in a new patch of an overlay with none, and in an overlay\'s own patch', () => {
    const fs = memorySource(KUSTOMIZE_TREE);
    const base = TREE['base/deployment.yaml'].replace('        runAsNonRoot: true\n', '        runAsNonRoot: true\n        seccompProfile:\n          type: RuntimeDefault\n');
    assert.deepEqual(fixesOf(fs, '/ws/base/deployment.yaml', 'require-seccomp-profile'), [
      { title: `${SECCOMP_TITLE} in the base (every overlay)`, kind: 'base', safety: 'safe', files: { '/ws/base/deployment.yaml': base } },
      {
        title: `${SECCOMP_TITLE} in a new patch web-require-seccomp-profile.yaml of overlay dev`, kind: 'new-patch', safety: 'safe',
        files: {
          '/ws/overlays/dev/kustomization.yaml': 'resources:\n  - ../../base\npatches:\n  - path: web-require-seccomp-profile.yaml\n',
          '/ws/overlays/dev/web-require-seccomp-profile.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n' + POD_SECCOMP,
        },
      },
      {
        title: `${SECCOMP_TITLE} in overlay production's patch privileged.yaml`, kind: 'patch', safety: 'safe',
        files: { '/ws/overlays/production/privileged.yaml': webPatch(['privileged: true']) + POD_SECCOMP },
      },
    ]);
  });

  it('never offers a fix the render undoes: an overlay that drops the pod securityContext keeps the finding', () => {
    // Production's patch removes the pod securityContext (null deletes in a strategic merge):
    // a profile added to it in the base never reaches production.
    const dropping = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      securityContext: null\n';
    const fs = memorySource({ ...KUSTOMIZE_TREE, '/ws/overlays/production/privileged.yaml': dropping });
    const offered = fixesOf(fs, '/ws/base/deployment.yaml', 'require-seccomp-profile').map(f => f.title);
    assert.ok(!offered.includes(`${SECCOMP_TITLE} in the base (every overlay)`), offered.join('\n'));
    assert.ok(offered.includes(`${SECCOMP_TITLE} in a new patch web-require-seccomp-profile.yaml of overlay dev`), offered.join('\n'));
  });

  it('judges a render without building the fixes it would drop (lint option fixes: false)', () => {
    const text = webPatch(['privileged: true']);
    const withFixes = lintParsed(parseFile(text), config).findings;
    const without = lintParsed(parseFile(text), config, { fixes: false }).findings;
    assert.ok(withFixes.some(f => f.fix !== null));
    assert.deepEqual(without.map(f => [f.ruleId, f.offsets, f.fix, f.suggestions]), withFixes.map(f => [f.ruleId, f.offsets, null, []]));
  });

  it('offers a missing setting of a chart\'s object (helmCharts) in a new patch of the kustomization that inflates it', () => {
    const deployment = [
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: {{ .Release.Name }}-web', 'spec:', '  selector:', '    matchLabels: {app: web}',
      '  template:', '    metadata:', '      labels: {app: web}', '    spec:', '      containers:', '      - name: web', '        image: nginx:1.27',
      '        securityContext:', '          runAsNonRoot: true', '          allowPrivilegeEscalation: false', '          capabilities:', '            drop: [ALL]',
      '        resources:', '          limits: {memory: 128Mi}', '',
    ].join('\n');
    const fs = memorySource({
      '/ws/app/charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
      '/ws/app/charts/web/values.yaml': '',
      '/ws/app/charts/web/templates/deployment.yaml': deployment,
      '/ws/app/kustomization.yaml': 'helmCharts:\n  - name: web\n    releaseName: prod\n',
    });
    // The finding is on the entry (the chart decides it); the patch names the object as rendered.
    assert.deepEqual(fixesOf(fs, '/ws/app/kustomization.yaml', 'require-seccomp-profile', ['/ws/app']), [{
      title: `${SECCOMP_TITLE} in a new patch prod-web-require-seccomp-profile.yaml of overlay app`, kind: 'new-patch', safety: 'safe',
      files: {
        '/ws/app/kustomization.yaml': 'helmCharts:\n  - name: web\n    releaseName: prod\npatches:\n  - path: prod-web-require-seccomp-profile.yaml\n',
        '/ws/app/prod-web-require-seccomp-profile.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: prod-web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n' + POD_SECCOMP,
      },
    }]);
  });

  it('picks a free name for a new patch file', () => {
    const fs = memorySource({ ...KUSTOMIZE_TREE, '/ws/overlays/dev/web-require-seccomp-profile.yaml': 'kind: ConfigMap\n' });
    const created = fixesOf(fs, '/ws/base/deployment.yaml', 'require-seccomp-profile').find(f => f.kind === 'new-patch');
    assert.deepEqual(Object.keys(created!.files), ['/ws/overlays/dev/kustomization.yaml', '/ws/overlays/dev/2-web-require-seccomp-profile.yaml']);
    assert.equal(created!.files['/ws/overlays/dev/kustomization.yaml'], 'resources:\n  - ../../base\npatches:\n  - path: 2-web-require-seccomp-profile.yaml\n');
  });
});
