// A kept base hands its transformer configuration to every build that includes it without a
// copy; an overlay that merges its own configuration copies it first, so what it adds never
// reaches another overlay of the same base, nor the kept base itself.
import * as assert from 'node:assert/strict';
import { buildStats, clearBuildMemo, memorySource, renderKustomization } from '@kube-harden/server/out/engine/render/kustomize';

const FILES: Record<string, string> = {
  '/w/base/kustomization.yaml': 'resources:\n  - widget.yaml\n',
  '/w/base/widget.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  selector:\n    tier: web\n',
  // Labels the Widget's selector too (a configuration naming its field).
  '/w/labelled/kustomization.yaml': 'resources:\n  - ../base\ncommonLabels:\n  team: a\nconfigurations:\n  - widget-config.yaml\n',
  '/w/labelled/widget-config.yaml': 'commonLabels:\n  - path: spec/selector\n    kind: Widget\n    create: true\n',
  '/w/plain/kustomization.yaml': 'resources:\n  - ../base\ncommonLabels:\n  team: b\n',
};

const render = (root: string, files = FILES) => {
  const r = renderKustomization(memorySource(files), root);
  assert.ok(r.ok, root);
  return r.yaml;
};

describe('render/kustomize: a kept base\'s transformer configuration', () => {
  it('is copied only by an overlay that merges a configuration, and never leaks into another', () => {
    clearBuildMemo();
    const alone = { labelled: render('/w/labelled'), plain: '' };
    clearBuildMemo();
    alone.plain = render('/w/plain');
    assert.match(alone.labelled, /selector:\n {4}team: a\n {4}tier: web/);
    assert.match(alone.plain, /selector:\n {4}tier: web\n/);

    clearBuildMemo();
    const copies = () => buildStats.configCopies;
    let before = copies();
    assert.equal(render('/w/plain'), alone.plain);
    assert.equal(copies() - before, 0, 'an overlay without configurations copies nothing');
    before = copies();
    assert.equal(render('/w/labelled'), alone.labelled);
    assert.equal(copies() - before, 1, 'the base is kept: its configuration is copied before the merge');
    before = copies();
    const reused = buildStats.reused;
    assert.equal(render('/w/plain'), alone.plain, 'the other overlay labels no selector');
    assert.equal(buildStats.reused - reused, 1, 'the base taken as kept');
    assert.equal(copies() - before, 0);
    assert.equal(render('/w/labelled'), alone.labelled);
  });

  it('merged by one overlay, is not what the next overlay of the kept base gets', () => {
    // A base text no render has seen (no object transformed before: nothing kept per object).
    const files = { ...FILES, '/w/base/widget.yaml': FILES['/w/base/widget.yaml'].replace('tier: web', 'tier: api') };
    clearBuildMemo();
    const before = buildStats.configCopies;
    assert.match(render('/w/labelled', files), /selector:\n {4}team: a\n {4}tier: api/);
    assert.equal(buildStats.configCopies - before, 1);
    assert.match(render('/w/plain', files), /selector:\n {4}tier: api\n/);
  });
});
