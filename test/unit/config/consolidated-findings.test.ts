// A finding that stands for several rules' rows follows the configuration of each: it takes the
// highest severity in force among them, a rule turned off stops counting, and when the rule it
// is reported under is off the rules it replaced report their own findings.
import * as assert from 'node:assert/strict';
import { lint } from '@kube-harden/server';
import type { RuleSetting } from '@kube-harden/server';
import { yaml } from '../../helpers/manifest';

const SYS_ADMIN = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    containers:
    - name: app
      image: nginx:1.27
      securityContext:
        capabilities:
          add: ["SYS_ADMIN"]
`;

const CHOWN = SYS_ADMIN.replace('SYS_ADMIN', 'CHOWN');

const SECRETS_STAR = yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRole
  metadata:
    name: secrets-all
  rules:
  - apiGroups: [""]
    resources: ["secrets"]
    verbs: ["*"]
`;

const CAPABILITY_RULES = ['restrict-capabilities-to-net-bind-service', 'disallow-non-default-capabilities'];
const SECRET_RULES = ['disallow-wildcard-verbs', 'restrict-secret-read-access'];

/** rule id, severity and covered rows of each finding of the listed rules, at the restricted level. */
function findings(text: string, rules: Record<string, RuleSetting>, ids: string[]): string[] {
  return lint(text, { level: 'restricted', rules }).findings.filter(f => ids.includes(f.ruleId)).map(f => `${f.ruleId} ${f.severity} ${f.covers.join(',')}`);
}

describe('config: a consolidated finding follows every rule it stands for', () => {
  it('the restricted capability rule reports a baseline capability at the baseline rule\'s error', () => {
    assert.deepEqual(findings(SYS_ADMIN, {}, CAPABILITY_RULES), ['restrict-capabilities-to-net-bind-service error R07,B06']);
  });

  it('a capability only the restricted level forbids is the restricted rule\'s warning', () => {
    assert.deepEqual(findings(CHOWN, {}, CAPABILITY_RULES), ['restrict-capabilities-to-net-bind-service warning R07']);
  });

  it('the baseline rule off: the restricted rule still forbids it, at its own severity', () => {
    assert.deepEqual(findings(SYS_ADMIN, { 'disallow-non-default-capabilities': 'off' }, CAPABILITY_RULES), ['restrict-capabilities-to-net-bind-service warning R07,B06']);
  });

  it('the baseline rule lowered: the highest of the two severities', () => {
    assert.deepEqual(findings(SYS_ADMIN, { 'disallow-non-default-capabilities': 'info' }, CAPABILITY_RULES), ['restrict-capabilities-to-net-bind-service warning R07,B06']);
    assert.deepEqual(findings(SYS_ADMIN, { 'disallow-non-default-capabilities': 'info', 'restrict-capabilities-to-net-bind-service': 'info' }, CAPABILITY_RULES), ['restrict-capabilities-to-net-bind-service info R07,B06']);
  });

  it('the restricted rule raised applies to the rows it shares', () => {
    assert.deepEqual(findings(CHOWN, { 'restrict-capabilities-to-net-bind-service': 'error' }, CAPABILITY_RULES), ['restrict-capabilities-to-net-bind-service error R07']);
  });

  it('the restricted rule off: the baseline rule reports its own finding', () => {
    assert.deepEqual(findings(SYS_ADMIN, { 'restrict-capabilities-to-net-bind-service': 'off' }, CAPABILITY_RULES), ['disallow-non-default-capabilities error B06']);
  });

  it('both off: nothing', () => {
    assert.deepEqual(findings(SYS_ADMIN, { 'restrict-capabilities-to-net-bind-service': 'off', 'disallow-non-default-capabilities': 'off' }, CAPABILITY_RULES), []);
  });

  // "*" on secrets also deletes them (RB10, restrict-workload-deletion, a warning).
  it('"*" on secrets: one wildcard finding answering for RB05 and RB10, at the highest severity of their rules', () => {
    assert.deepEqual(findings(SECRETS_STAR, {}, SECRET_RULES), ['disallow-wildcard-verbs error RB01,RB05,RB10']);
    assert.deepEqual(findings(SECRETS_STAR, { 'disallow-wildcard-verbs': 'info' }, SECRET_RULES), ['disallow-wildcard-verbs error RB01,RB05,RB10']);
    assert.deepEqual(findings(SECRETS_STAR, { 'disallow-wildcard-verbs': 'info', 'restrict-secret-read-access': 'warning' }, SECRET_RULES), ['disallow-wildcard-verbs warning RB01,RB05,RB10']);
    assert.deepEqual(findings(SECRETS_STAR, { 'restrict-secret-read-access': 'off' }, SECRET_RULES), ['disallow-wildcard-verbs error RB01,RB05,RB10']);
  });

  it('"*" on secrets with the wildcard rule off: the Secrets rule reports it; both off: nothing', () => {
    assert.deepEqual(findings(SECRETS_STAR, { 'disallow-wildcard-verbs': 'off' }, SECRET_RULES), ['restrict-secret-read-access error RB05']);
    assert.deepEqual(findings(SECRETS_STAR, { 'disallow-wildcard-verbs': 'off', 'restrict-secret-read-access': 'off' }, SECRET_RULES), []);
  });
});
