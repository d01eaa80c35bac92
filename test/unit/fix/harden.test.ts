// "Harden this workload": every fix of the restricted level applied at once (safe and unsafe,
// no rule filter), to a fixed point. Fixes from different rules meet in the same maps — two
// inherited fields at pod level, drop ALL next to a removed capability, allowPrivilegeEscalation
// waiting for CAP_SYS_ADMIN to go, runAsNonRoot kept away from a UID 0 — and must converge to a
// manifest the API server accepts, leaving no restricted finding that still offers a fix. What
// has no fix stays: a memory limit (on by default) must be sized by the user.
import * as assert from 'node:assert/strict';
import { fixAll, lint } from '@kube-harden/server';
import { crlf, parseStrict } from '../../helpers/fix';
import { yaml } from '../../helpers/manifest';

const restricted = { level: 'restricted' as const };

const commentLines = (text: string) => text.split(/\r?\n/).filter(l => /^\s*#/.test(l));

/** Hardens `input` (unsafe fixes included) and checks the result; returns the findings left. */
function expectHardened(input: string, expected: string): string[] {
  const r = fixAll(input, restricted, { safety: 'unsafe' });
  assert.equal(r.converged, true, 'the fixes converge');
  assert.equal(r.text, expected);
  parseStrict(r.text);
  for (const line of commentLines(input)) assert.ok(commentLines(r.text).includes(line), `comment kept: ${line}`);
  const left = lint(r.text, restricted).findings;
  assert.deepEqual(left.filter(f => (f.fix?.edits()?.length ?? 0) > 0).map(f => f.message), [], 'no finding left offers a fix');
  assert.equal(fixAll(r.text, restricted, { safety: 'unsafe' }).text, r.text, 'hardening again changes nothing');
  return left.map(f => `${f.range.start.line + 1} ${f.ruleId}/${f.messageId}`);
}

function expectSafe(input: string, expected: string): void {
  const r = fixAll(input, restricted, { safety: 'safe' });
  assert.equal(r.converged, true);
  assert.equal(r.text, expected);
  parseStrict(r.text);
  const fixed = lint(r.text, restricted).findings.filter(f => f.fix?.safety === 'safe' && (f.fix.edits()?.length ?? 0) > 0);
  assert.deepEqual(fixed.map(f => f.message), [], 'no safe fix is left');
}

const bare = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
    labels:
      app: web
  spec:
    containers:
    - name: web
      image: nginx:1.27
      ports:
      - containerPort: 8080
`;

const partial = yaml`
  # the storefront: app and its proxy
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: shop
  spec:
    replicas: 2
    selector:
      matchLabels: {app: shop}
    template:
      metadata:
        labels: {app: shop}
      spec:
        containers:
        - name: app
          image: registry.example/shop:2.4
          securityContext:
            allowPrivilegeEscalation: false
            capabilities:
              add: [NET_ADMIN]  # iptables at start-up
        - name: proxy
          image: envoyproxy/envoy:v1.31.0
          securityContext:
            runAsNonRoot: true
            seccompProfile:
              type: Unconfined
            capabilities:
              add:
              - CAP_SYS_ADMIN
              drop:
              - all
`;

const cronJob = yaml`
  apiVersion: batch/v1
  kind: CronJob
  metadata:
    name: report
  spec:
    schedule: "0 3 * * *"
    jobTemplate:
      spec:
        template:
          spec:
            restartPolicy: OnFailure
            securityContext:
              runAsUser: 0  # writes to a root-owned mount
            initContainers:
            - name: fetch
              image: curlimages/curl:8.10.1
            containers:
            - name: report
              image: registry.example/report:1.0
              securityContext:
                runAsUser: 1000
`;

const fourSpaces = crlf([
  'apiVersion: apps/v1',
  'kind: StatefulSet',
  'metadata:',
  '    name: db',
  'spec:',
  '    serviceName: db',
  '    selector:',
  '        matchLabels:',
  '            app: db',
  '    template:',
  '        metadata:',
  '            labels:',
  '                app: db',
  '        spec:',
  '            containers:',
  '                -   name: db',
  '                    image: postgres:16',
  '                    securityContext:',
  '                        readOnlyRootFilesystem: true',
  '                        procMount: Unmasked',
  '',
].join('\n'));

describe('fix: harden a workload (every restricted fix at once)', () => {
  it('a pod without any securityContext: pod-level inherited fields share one new map, container fields another', () => {
    const left = expectHardened(bare, yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        labels:
          app: web
      spec:
        containers:
        - name: web
          image: nginx:1.27
          ports:
          - containerPort: 8080
          securityContext:
            capabilities:
              drop:
              - ALL
            allowPrivilegeEscalation: false
        securityContext:
          runAsNonRoot: true
          seccompProfile:
            type: RuntimeDefault
    `);
    assert.deepEqual(left, ['9 require-memory-limit/missing']);
  });

  it('two containers with partial settings: fields go where a sibling already sets them; APE waits for CAP_SYS_ADMIN to go', () => {
    // The proxy sets runAsNonRoot and a profile, so the app gets its own (not the pod); the
    // proxy's APE fix is held back while CAP_SYS_ADMIN is added (the API rejects the pair) and
    // lands in a later pass, after the capability's removal.
    const left = expectHardened(partial, yaml`
      # the storefront: app and its proxy
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: shop
      spec:
        replicas: 2
        selector:
          matchLabels: {app: shop}
        template:
          metadata:
            labels: {app: shop}
          spec:
            containers:
            - name: app
              image: registry.example/shop:2.4
              securityContext:
                allowPrivilegeEscalation: false
                capabilities:
                  drop:
                  - ALL
                runAsNonRoot: true
                seccompProfile:
                  type: RuntimeDefault
            - name: proxy
              image: envoyproxy/envoy:v1.31.0
              securityContext:
                runAsNonRoot: true
                seccompProfile:
                  type: RuntimeDefault
                capabilities:
                  drop:
                  - ALL
                allowPrivilegeEscalation: false
    `);
    assert.deepEqual(left, ['15 require-memory-limit/missing', '25 require-memory-limit/missing']);
  });

  it('a CronJob with a pod-level UID 0: runAsNonRoot reaches only the container with its own UID; the root choice is left to the user', () => {
    const left = expectHardened(cronJob, yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: report
      spec:
        schedule: "0 3 * * *"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: OnFailure
                securityContext:
                  runAsUser: 0  # writes to a root-owned mount
                  seccompProfile:
                    type: RuntimeDefault
                initContainers:
                - name: fetch
                  image: curlimages/curl:8.10.1
                  securityContext:
                    capabilities:
                      drop:
                      - ALL
                    allowPrivilegeEscalation: false
                containers:
                - name: report
                  image: registry.example/report:1.0
                  securityContext:
                    runAsUser: 1000
                    capabilities:
                      drop:
                      - ALL
                    allowPrivilegeEscalation: false
                    runAsNonRoot: true
    `);
    // runAsUser: 0 has suggestions only, and runAsNonRoot: true next to it would stop the kubelet
    // from starting the init container: both wait for the user's choice.
    assert.deepEqual(left, ['13 disallow-root-user/podRoot', '17 require-memory-limit/missing', '19 require-run-as-non-root/missing', '25 require-memory-limit/missing']);
  });

  it('4-space indentation with indented dashes and CRLF line breaks are kept', () => {
    const left = expectHardened(fourSpaces, crlf([
      'apiVersion: apps/v1',
      'kind: StatefulSet',
      'metadata:',
      '    name: db',
      'spec:',
      '    serviceName: db',
      '    selector:',
      '        matchLabels:',
      '            app: db',
      '    template:',
      '        metadata:',
      '            labels:',
      '                app: db',
      '        spec:',
      '            containers:',
      '                -   name: db',
      '                    image: postgres:16',
      '                    securityContext:',
      '                        readOnlyRootFilesystem: true',
      '                        procMount: Default',
      '                        capabilities:',
      '                            drop:',
      '                                - ALL',
      '                        allowPrivilegeEscalation: false',
      '            securityContext:',
      '                runAsNonRoot: true',
      '                seccompProfile:',
      '                    type: RuntimeDefault',
      '',
    ].join('\n')));
    assert.deepEqual(left, ['16 require-memory-limit/missing']);
  });

  it('runAsNonRoot is written once at pod level however many containers need it', () => {
    const r = fixAll(bare.replace('  - name: web\n', '  - name: web\n    image: nginx:1.27\n  - name: sidecar\n'), restricted, { safety: 'unsafe' });
    assert.equal(r.converged, true);
    assert.equal(r.text.match(/runAsNonRoot/g)?.length, 1);
    assert.equal(r.text.match(/seccompProfile/g)?.length, 1);
    assert.match(r.text, /\n {2}securityContext:\n {4}runAsNonRoot: true\n {4}seccompProfile:\n {6}type: RuntimeDefault\n$/);
  });
});

describe('fix: fix all safe problems at the restricted level', () => {
  it('adds only allowPrivilegeEscalation: false and a RuntimeDefault seccomp profile where unset, leaving every unsafe fix offered', () => {
    const safe = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        labels:
          app: web
      spec:
        containers:
        - name: web
          image: nginx:1.27
          ports:
          - containerPort: 8080
          securityContext:
            allowPrivilegeEscalation: false
        securityContext:
          seccompProfile:
            type: RuntimeDefault
    `;
    expectSafe(bare, safe);
    const unsafeLeft = lint(safe, restricted).findings.filter(f => f.fix?.safety === 'unsafe' && (f.fix.edits()?.length ?? 0) > 0);
    assert.deepEqual(unsafeLeft.map(f => f.ruleId), ['require-drop-all-capabilities', 'require-run-as-non-root']);
  });

  it('in every container list, indentation and line breaks kept', () => {
    expectSafe(cronJob, yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: report
      spec:
        schedule: "0 3 * * *"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: OnFailure
                securityContext:
                  runAsUser: 0  # writes to a root-owned mount
                  seccompProfile:
                    type: RuntimeDefault
                initContainers:
                - name: fetch
                  image: curlimages/curl:8.10.1
                  securityContext:
                    allowPrivilegeEscalation: false
                containers:
                - name: report
                  image: registry.example/report:1.0
                  securityContext:
                    runAsUser: 1000
                    allowPrivilegeEscalation: false
    `);
    expectSafe(fourSpaces, fourSpaces.replace('procMount: Unmasked\r\n', 'procMount: Unmasked\r\n                        allowPrivilegeEscalation: false\r\n')
      + '            securityContext:\r\n                seccompProfile:\r\n                    type: RuntimeDefault\r\n');
  });

  it('holds back APE next to an added CAP_SYS_ADMIN and never replaces a profile the author wrote', () => {
    // The proxy's `Unconfined` stays (replacing it is unsafe); the app, which states no profile,
    // gets RuntimeDefault on its own securityContext because a sibling sets one.
    expectSafe(partial, partial.replace('add: [NET_ADMIN]  # iptables at start-up\n', 'add: [NET_ADMIN]  # iptables at start-up\n          seccompProfile:\n            type: RuntimeDefault\n'));
  });
});
