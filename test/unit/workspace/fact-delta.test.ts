import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintParsed, parseFile, resolveConfig, RULES } from '@kube-harden/server';
import type { Rule } from '@kube-harden/server';
import { WorkspaceIndex } from '@kube-harden/server/out/engine/workspace';
import { factDelta, readsChanged } from '@kube-harden/server/out/engine/workspace/fact-delta';
import type { FactDelta, FactEdit } from '@kube-harden/server/out/engine/workspace/fact-delta';
import { summarizeFile } from '@kube-harden/server/out/engine/workspace/summary';
import { NETWORK_POLICY_READS, RBAC_READS, SERVICE_ACCOUNT_READS } from '@kube-harden/server/out/engine/workspace/reads';
import { REAL_CORPUS, REPO_ROOT } from '../../helpers/fixture-paths';

const deployment = (name: string, labels: string, image = 'nginx:1.27') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels: {${labels}}
  template:
    metadata:
      labels: {${labels}}
    spec:
      containers:
      - name: app
        image: ${image}
`;
const summaries = (text: string) => summarizeFile('file:///w/a.yaml', parseFile(text));
/** The edits of a delta that must be a list. */
function edits(d: FactDelta): readonly FactEdit[] {
  assert.notEqual(d, 'any');
  return d as readonly FactEdit[];
}

describe('workspace: what a change of the model changed, fact by fact', () => {
  it('an edited name, label or image is that field of that kind; positions are no fact', () => {
    const before = summaries(deployment('web', 'app: web'));
    assert.deepEqual(factDelta(before, summaries(deployment('api', 'app: web'))), [{ kind: 'Deployment', has: ['kind', 'group', 'name', 'labels', 'pod'], field: 'name' }]);
    assert.deepEqual(edits(factDelta(before, summaries(deployment('web', 'app: api')))).map(e => e.field), ['pod.labels']);
    assert.deepEqual(edits(factDelta(before, summaries(deployment('web', 'app: web', 'nginx:1.28')))).map(e => e.field), ['pod.images']);
    // The same object two lines lower: nothing changed.
    assert.deepEqual(factDelta(before, summaries(`# a comment\n# another\n${deployment('web', 'app: web')}`)), []);
  });

  it('an object added, removed or re-kinded changes as a whole; a Namespace or kustomization changes anything', () => {
    const one = summaries(deployment('web', 'app: web'));
    const two = summaries(`${deployment('web', 'app: web')}---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n`);
    assert.deepEqual(factDelta(one, two), [{ kind: 'ServiceAccount', has: ['kind', 'group', 'name', 'labels', 'serviceAccount'], field: '*' }]);
    assert.deepEqual(edits(factDelta(two, one)).map(e => [e.kind, e.field]), [['ServiceAccount', '*']]);
    const rekinded = summaries(deployment('web', 'app: web').replace('kind: Deployment', 'kind: StatefulSet'));
    assert.deepEqual(edits(factDelta(one, rekinded)).map(e => [e.kind, e.field]), [['Deployment', '*'], ['StatefulSet', '*']]);
    assert.equal(factDelta(one, summaries('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: web\n')), 'any');
    assert.equal(factDelta([], summaries('apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: web\n')), 'any');
    // A file that comes or goes: each of its objects as a whole, in order; a placing one is anything.
    assert.deepEqual(edits(factDelta([], two)).map(e => [e.kind, e.field]), [['Deployment', '*'], ['ServiceAccount', '*']]);
    assert.deepEqual(edits(factDelta(two, [])).map(e => [e.kind, e.field]), [['Deployment', '*'], ['ServiceAccount', '*']]);
    assert.equal(factDelta(summaries('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: web\n'), []), 'any');
  });

  it('a rule sees a change only of what it declares it reads', () => {
    const label = factDelta(summaries(deployment('web', 'app: web')), summaries(deployment('web', 'app: api')));
    const removed = factDelta(summaries(deployment('web', 'app: web')), []);
    const policy = factDelta([], summaries('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: {}\n'));
    const POLICY = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: {}\n---\n';
    const besidePolicy = factDelta(summaries(POLICY + deployment('web', 'app: web')), summaries(POLICY));
    const oneOfTwo = factDelta(summaries(POLICY + deployment('web', 'app: web') + '---\n' + deployment('api', 'app: api')), summaries(POLICY + deployment('api', 'app: api')));
    // Network rules read policies, and whether the files of policies hold workloads: a workload
    // that goes from a file without policies, or leaves others beside the policy, is nothing to them.
    assert.equal(readsChanged(NETWORK_POLICY_READS, label), false);
    assert.equal(readsChanged(NETWORK_POLICY_READS, removed), false);
    assert.equal(readsChanged(NETWORK_POLICY_READS, oneOfTwo), false);
    assert.equal(readsChanged(NETWORK_POLICY_READS, besidePolicy), true);
    assert.deepEqual(edits(besidePolicy).map(e => [e.kind, e.field]), [['Deployment', '*'], ['', 'workloadsBesidePolicies']]);
    assert.equal(readsChanged(NETWORK_POLICY_READS, policy), true);
    assert.equal(readsChanged(RBAC_READS, label), false);
    assert.equal(readsChanged(RBAC_READS, policy), false);
    // RBAC and account rules read which accounts exist and whether they mount a token, not their labels.
    const account = (extra: string) => summaries(`apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n  labels: {team: ${extra}}\n`);
    const relabelled = factDelta(account('a'), account('b'));
    const automount = factDelta(account('a'), summaries('apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n  labels: {team: a}\nautomountServiceAccountToken: false\n'));
    assert.deepEqual(edits(relabelled).map(e => e.field), ['labels']);
    for (const reads of [RBAC_READS, SERVICE_ACCOUNT_READS]) {
      assert.equal(readsChanged(reads, relabelled), false);
      assert.equal(readsChanged(reads, automount), true);
    }
    // Undeclared reads are reads of everything; nothing changed is nothing seen.
    assert.equal(readsChanged(undefined, label), true);
    assert.equal(readsChanged(undefined, []), false);
    assert.equal(readsChanged([], 'any'), true);
  });

  it('the model remembers what each move changed, and answers `any` past what it remembers', () => {
    const index = new WorkspaceIndex();
    index.setFile('file:///w/a.yaml', summaries(deployment('web', 'app: web')));
    const start = index.generation;
    assert.deepEqual(index.changesSince(start), []);
    index.setFile('file:///w/a.yaml', summaries(deployment('api', 'app: web')));
    index.setFile('file:///w/b.yaml', summaries('apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: x\n'));
    assert.deepEqual(edits(index.changesSince(start)).map(e => [e.kind, e.field]), [['Deployment', 'name'], ['ServiceAccount', '*']]);
    // Moving text is no move of the model.
    assert.equal(index.setFile('file:///w/b.yaml', summaries('\n\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: x\n')), false);
    index.setDefaultNamespace('apps');
    assert.equal(index.changesSince(start), 'any');
    const now = index.generation;
    for (let i = 0; i < 70; i++) index.setFile('file:///w/b.yaml', summaries(`apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: x${i}\n`));
    assert.equal(index.changesSince(now), 'any');
    assert.equal(edits(index.changesSince(now + 60)).length, 10);
  });

  it('every rule that reads the model declares what it reads (over the real corpus, the examples and the rule examples)', () => {
    const readers = new Set<string>();
    const watched: Rule[] = RULES.map(r => {
      const watch = <C extends { workspace: { index: WorkspaceIndex } }>(check: (ctx: C) => void) => (ctx: C) => {
        const ws = ctx.workspace;
        check({ ...ctx, workspace: { ...ws, get index() { readers.add(r.id); return ws.index; } } });
      };
      return { ...r, ...(r.checkPod ? { checkPod: watch(r.checkPod) } : {}), ...(r.checkObject ? { checkObject: watch(r.checkObject) } : {}) } as Rule;
    });
    const resolved = resolveConfig({ enableAll: true }, watched);
    const texts = [
      ...fs.readdirSync(REAL_CORPUS).filter(f => f.endsWith('.yaml')).map(f => fs.readFileSync(path.join(REAL_CORPUS, f), 'utf8')),
      ...fs.readdirSync(path.join(REPO_ROOT, 'examples')).filter(f => f.endsWith('.yaml')).map(f => fs.readFileSync(path.join(REPO_ROOT, 'examples', f), 'utf8')),
      ...RULES.flatMap(r => [r.examples?.incorrect, r.examples?.correct]).filter((t): t is string => typeof t === 'string'),
    ];
    for (const text of texts) lintParsed(parseFile(text), resolved, { uri: 'file:///w/x.yaml' });
    assert.ok(readers.size >= 50, `${readers.size} rules read the model`);
    assert.deepEqual([...readers].filter(id => !RULES.find(r => r.id === id)!.workspaceReads), []);
  });
});
