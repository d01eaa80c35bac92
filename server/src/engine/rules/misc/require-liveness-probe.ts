import { probedContainers } from '../../model/probes';
import { defineRule } from '../../rule';

export default defineRule({
  id: 'require-liveness-probe',
  title: 'Long-running containers should have a liveness probe',
  category: 'misc',
  severity: 'info',
  pss: null,
  optIn: true,
  covers: ['M05'],
  equivalents: { kubeLinter: ['no-liveness-probe'], checkov: ['CKV_K8S_8'], kubescape: ['C-0056'], polaris: ['livenessProbeMissing'] },
  messages: {
    missing: '{{container}} has no livenessProbe: add one (httpGet, tcpSocket, grpc or exec) that fails when the program hangs, so the kubelet restarts it.',
  },
  defaultReason: 'Info and opt-in, as in kube-linter (off by default; Polaris warns): a reviewer does not block a '
    + 'manifest for it, and a wrong probe restarts healthy pods.',
  docs: {
    summary: 'Without a liveness probe the kubelet restarts a container only when its process exits: a deadlocked '
      + 'or wedged program keeps its pod Running and serves nothing (an availability concern that scanners '
      + 'file under security, since denial of service is one). Reported on each regular container; init and '
      + 'ephemeral containers cannot have one, and pods that run to completion (Jobs, CronJobs, pods a Job '
      + 'owns, restartPolicy Never or OnFailure) do not need one. No fix or suggestion: the probe must call '
      + 'an endpoint or command of the application, which the manifest does not reveal, and a '
      + 'plausible-looking placeholder would restart the pod in a loop.',
    remediation: 'Add `livenessProbe` to each container: `httpGet` on a health path, `tcpSocket` on the serving port, '
      + '`grpc`, or `exec` of a check command; give it an `initialDelaySeconds` or a `startupProbe` for slow '
      + 'starts.',
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/'],
  },
  examples: {
    incorrect: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: app
        image: nginx:1.27
        readinessProbe:
          tcpSocket:
            port: 8080
      - name: side
        image: busybox:1.36
        livenessProbe:
`,
    correct: `apiVersion: v1
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
    livenessProbe:
      httpGet:
        path: /healthz
        port: 8080
  ephemeralContainers:
  - name: debug
    image: busybox:1.36
`,
  },
  fix: null, // the endpoint is the application's: nothing to insert that is right
  checkPod({ pod, report }) {
    for (const c of probedContainers(pod)) {
      if (!c.field('livenessProbe')) report({ messageId: 'missing', data: { container: c.label }, at: c.anchor('livenessProbe') });
    }
  },
});
