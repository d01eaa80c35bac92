// Fixes where the value lives: the rule's fix applied to the source node that set the value, or,
// for a missing setting, to the base object or to an overlay's patch (existing or new), each
// proven by rendering and judging again.
import * as assert from 'node:assert/strict';
import { applyEdits, judgeRenders, JudgedFinding, memorySource, planKustomize, resolveConfig, rootNames, SourceFix, SourceFixContext, sourceFixes, WorkspaceIndex } from '@kube-harden/server/out/engine';
import type { FileSource } from '@kube-harden/server/out/engine';
import { KUSTOMIZE_TREE } from './source-tree';

const DIRS = ['/ws/base', '/ws/overlays/dev', '/ws/overlays/production', '/ws/overlays/staging'];
const config = resolveConfig({});

function judged(fs: FileSource): { all: JudgedFinding[]; ctx: SourceFixContext } {
  const plan = planKustomize(fs, DIRS);
  const judge = { workspace: new WorkspaceIndex(), configFor: () => config, renderedUri: (root: string) => `file://${root}/.rendered.yaml` };
  const name = rootNames(plan.renders.map(r => r.root));
  const ctx: SourceFixContext = {
    fs, dirs: DIRS, judge, rootName: name,
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

describe('kustomize-lint: fixes where the value lives', () => {
  it('explore', () => {
    const fs = memorySource(KUSTOMIZE_TREE);
    const { all, ctx } = judged(fs);
    for (const j of all) {
      console.log(j.file, j.finding.ruleId, j.finding.message, JSON.stringify(j.source));
      for (const fix of sourceFixes(ctx, j)) console.log('  ', fix.title, JSON.stringify(apply(fs, fix)));
    }
    void assert;
  });
});
