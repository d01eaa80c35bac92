// Safety belongs to each fix: safe only where it adds a setting the manifest does not state with
// a value nearly every image tolerates; taking away or flipping what the author wrote is unsafe.
// Node agents are recognised so "Harden this workload" keeps the host access they run on.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, nodeAgentOf, parseFile, RULES, ruleById, renderRulePage } from '@kube-harden/server';
import { yaml } from '../../helpers/manifest';
import { PSA_TESTDATA, REAL_CORPUS } from '../../helpers/fixture-paths';

const restricted = { level: 'restricted' as const };

const pod = (container: string, podSc = '') => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
  ${podSc}  containers:
    - name: app
      image: nginx:1.27
${container}`;

/** `ruleId safety: title (risk)` of every finding with a fix. */
function offers(text: string): string[] {
  return lint(text, restricted).findings.filter(f => f.fix).map(f => `${f.ruleId} ${f.fix!.safety}: ${f.fix!.title}${f.fix!.risk ? ` (${f.fix!.risk})` : ''}`);
}

describe('fix safety is decided per fix', () => {
  it('adds allowPrivilegeEscalation: false and RuntimeDefault as safe fixes where nothing is stated', () => {
    assert.deepEqual(offers(pod('')).filter(o => / safe:/.test(o)), [
      'require-no-privilege-escalation safe: Set securityContext.allowPrivilegeEscalation: false in container "app"',
      'require-seccomp-profile safe: Set securityContext.seccompProfile.type: RuntimeDefault in the pod spec',
    ]);
  });

  it('flips an explicit allowPrivilegeEscalation: true or an Unconfined profile only as unsafe fixes, saying what may break', () => {
    const text = pod('      securityContext:\n        allowPrivilegeEscalation: true\n        seccompProfile: {type: Unconfined}\n');
    const o = offers(text);
    assert.ok(o.includes('require-no-privilege-escalation unsafe: Set securityContext.allowPrivilegeEscalation: false in container "app" (setuid programs (sudo, su, some ping builds) stop gaining privileges)'), o.join('\n'));
    assert.ok(o.some(x => x.startsWith('require-seccomp-profile unsafe: ') && x.endsWith('(may stop a program that makes system calls the default profile blocks)')), o.join('\n'));
    assert.deepEqual(o.filter(x => / safe:/.test(x)), []);
  });

  it('never offers to turn off privileged, a host namespace or a host port as safe', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: agent
      spec:
        hostNetwork: true
        hostPID: true
        hostIPC: true
        containers:
        - name: agent
          image: registry.example/agent:1.0
          ports:
          - {containerPort: 9100, hostPort: 9100}
          securityContext:
            privileged: true
    `;
    const f = lint(text, { level: 'baseline' }).findings.filter(x => x.fix);
    assert.deepEqual(f.map(x => `${x.ruleId} ${x.fix!.safety}`).sort(), [
      'disallow-host-ipc unsafe', 'disallow-host-network unsafe', 'disallow-host-pid unsafe', 'disallow-host-ports unsafe', 'disallow-privileged-containers unsafe',
    ]);
    // And no escalation fix on the privileged container: the API server rejects privileged + false.
    assert.deepEqual(lint(text, restricted).findings.filter(x => x.ruleId === 'require-no-privilege-escalation').map(x => x.fix), [null]);
  });

  it('gives every safe fix found in the fixtures a rationale on its rule page', () => {
    const texts = [
      ...fs.readdirSync(REAL_CORPUS).filter(f => f.endsWith('.yaml')).slice(0, 8).map(f => fs.readFileSync(path.join(REAL_CORPUS, f), 'utf8')),
      ...['restricted/v1.30/fail', 'baseline/v1.30/fail'].flatMap(d => {
        const dir = path.join(PSA_TESTDATA, d);
        return fs.existsSync(dir) ? fs.readdirSync(dir).map(f => fs.readFileSync(path.join(dir, f), 'utf8')) : [];
      }),
      pod(''), pod('      env: [{name: A, value: "1"}, {name: A, value: "2"}]\n'),
    ];
    const safeRules = new Set<string>();
    for (const t of texts) for (const f of lint(t, restricted).findings) if (f.fix?.safety === 'safe') safeRules.add(f.ruleId);
    assert.deepEqual([...safeRules].sort(), ['disallow-duplicate-env-vars', 'require-no-privilege-escalation', 'require-seccomp-profile']);
    for (const id of safeRules) {
      const rule = ruleById(id)!;
      assert.ok(rule.fix?.safeBecause, `${id} says why its fix is safe`);
      assert.ok(renderRulePage(rule).includes(`## Fix safety\n\n`) && renderRulePage(rule).includes(rule.fix!.safeBecause!), `${id}'s page has it`);
    }
    // Every rule whose default is safe explains it.
    for (const r of RULES) if (r.fix?.safety === 'safe') assert.ok(r.fix.safeBecause, r.id);
  });
});

describe('node agents', () => {
  const agentOf = (file: string, name: string) => {
    const parsed = parseFile(fs.readFileSync(path.join(REAL_CORPUS, file), 'utf8'));
    const object = parsed.documents.flatMap(d => d.objects).find(o => o.kind === 'DaemonSet' && o.name === name);
    assert.ok(object, `${name} in ${file}`);
    return nodeAgentOf(object!);
  };

  it('recognises CNI and monitoring DaemonSets by their host access, namespace and image', () => {
    assert.deepEqual(agentOf('calico.yaml', 'calico-node'), { keeps: ['privileged', 'hostNetwork', 'hostPath'] });
    assert.deepEqual(agentOf('kube-prometheus-nodeExporter-daemonset.yaml', 'node-exporter'), { keeps: ['hostNetwork', 'hostPID', 'hostPort', 'hostPath', 'added capabilities'] });
    // flannel writes `privileged: false` and adds NET_ADMIN and NET_RAW instead.
    assert.deepEqual(agentOf('kube-flannel.yaml', 'kube-flannel-ds'), { keeps: ['hostNetwork', 'hostPath', 'added capabilities'] });
  });

  it('does not take an ordinary privileged workload for one', () => {
    const deployment = parseFile(yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: kube-system}
      spec:
        template:
          spec:
            hostNetwork: true
            containers: [{name: calico, image: calico/node:v3}]
    `).documents[0].objects[0];
    assert.equal(nodeAgentOf(deployment), undefined);
    const plain = parseFile(yaml`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: web, namespace: shop}
      spec:
        template:
          spec:
            hostNetwork: true
            containers: [{name: web, image: registry.example/shop:1}]
    `).documents[0].objects[0];
    assert.equal(nodeAgentOf(plain), undefined);
  });
});
