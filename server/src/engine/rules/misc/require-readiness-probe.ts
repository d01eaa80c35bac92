import { probedContainers } from '../../model/probes';
import { defineRule } from '../../rule';

export default defineRule({
  id: 'require-readiness-probe',
  title: 'Long-running containers should have a readiness probe',
  category: 'misc',
  severity: 'info',
  pss: null,
  optIn: true,
  covers: ['M06'],
  equivalents: { kubeLinter: ['no-readiness-probe'], checkov: ['CKV_K8S_9'], kubescape: ['C-0018'], polaris: ['readinessProbeMissing'] },
  messages: {
    missing: '{{container}} has no readinessProbe: add one (httpGet, tcpSocket, grpc or exec) that passes only '
      + 'when the program can serve, so Services send it traffic only then.',
  },
  defaultReason: 'Info and opt-in, as in kube-linter (off by default; Polaris warns): it is about availability, not a '
    + 'reason to block a manifest, and workers that serve no traffic need none.',
  docs: {
    summary: 'Without a readiness probe a container counts as ready as soon as it starts: Services route requests '
      + 'to it before it can answer, and during rollouts old pods are removed before the new ones serve. '
      + 'Reported on each regular container; init and ephemeral containers cannot have one, and pods that run '
      + 'to completion (Jobs, CronJobs, pods a Job owns, restartPolicy Never or OnFailure) do not need one. '
      + 'No fix or suggestion: the probe must call an endpoint or command of the application, which the '
      + 'manifest does not reveal.',
    remediation: 'Add `readinessProbe` to each container that serves traffic: `httpGet` on a readiness path, '
      + '`tcpSocket` on the serving port, `grpc`, or `exec` of a check command.',
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
        livenessProbe:
          tcpSocket:
            port: 8080
      - name: side
        image: busybox:1.36
        readinessProbe:
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
    readinessProbe:
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
      if (!c.field('readinessProbe')) report({ messageId: 'missing', data: { container: c.label }, at: c.anchor('readinessProbe') });
    }
  },
});
