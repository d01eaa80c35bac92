// The cases of the liveness and readiness probe rules (M05, M06): the same exemptions, the same
// placement; only the probe's key differs.
import { yaml } from './manifest';
import type { InvalidCase, Case } from './rule-tester';

export function probeCases(kind: 'liveness' | 'readiness'): { valid: Case[]; invalid: InvalidCase[] } {
  const probe = `${kind}Probe`;
  const other = kind === 'liveness' ? 'readinessProbe' : 'livenessProbe';
  return {
    valid: [
      {
        name: 'a probed container; init and ephemeral containers cannot have probes',
        code: yaml`
          apiVersion: v1
          kind: Pod
          metadata:
            name: p
          spec:
            initContainers:
            - name: init
              image: busybox:1.36
            containers:
            - name: app
              image: nginx:1.27
              ${probe}:
                httpGet:
                  path: /healthz
                  port: 8080
            ephemeralContainers:
            - name: debug
              image: busybox:1.36
        `,
      },
      {
        name: 'pods that run to completion: Job, CronJob, a pod a Job owns, restartPolicy Never',
        code: yaml`
          apiVersion: batch/v1
          kind: Job
          metadata:
            name: j
          spec:
            template:
              spec:
                restartPolicy: OnFailure
                containers:
                - name: job
                  image: busybox:1.36
          ---
          apiVersion: batch/v1
          kind: CronJob
          metadata:
            name: c
          spec:
            schedule: "@daily"
            jobTemplate:
              spec:
                template:
                  spec:
                    restartPolicy: Never
                    containers:
                    - name: job
                      image: busybox:1.36
          ---
          apiVersion: v1
          kind: Pod
          metadata:
            name: j-x7k2p
            ownerReferences:
            - apiVersion: batch/v1
              kind: Job
              name: j
              uid: 0b4f2c1e-8d3a-4c52-9d0e-2f6a1b7c9e13
          spec:
            containers:
            - name: job
              image: busybox:1.36
          ---
          apiVersion: v1
          kind: Pod
          metadata:
            name: once
          spec:
            restartPolicy: Never
            containers:
            - name: task
              image: busybox:1.36
        `,
      },
    ],
    invalid: [
      {
        name: 'each regular container without one: on its name, or on a null probe key; the other probe kind does not count',
        code: yaml`
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: web
          spec:
            template:
              spec:
                containers:
                - name: app
                  image: nginx:1.27
                  ${other}:
                    tcpSocket:
                      port: 8080
                - name: side
                  image: busybox:1.36
                  ${probe}:
        `,
        errors: [
          { messageId: 'missing', line: 9, column: 15, endLine: 9, endColumn: 18, data: { container: 'Container "app"' } },
          { messageId: 'missing', line: 16, column: 9, endLine: 16, endColumn: 9 + probe.length, data: { container: 'Container "side"' } },
        ],
      },
    ],
  };
}
