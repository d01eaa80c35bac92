import { isMap } from 'yaml';
import { removeFrom, titleLabel } from '../../fix/workload';
import { str } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { PSS_REFERENCES } from '../references';

/** Probe and lifecycle handler paths whose `host` makes the kubelet connect somewhere else. */
const HANDLERS: ReadonlyArray<readonly string[]> = [
  ['livenessProbe'], ['readinessProbe'], ['startupProbe'],
  ['lifecycle', 'postStart'], ['lifecycle', 'preStop'],
];
// tcpSocket is not a supported lifecycle action any more, but the API keeps the field and the
// admission plugin still checks it.
const ACTIONS = ['httpGet', 'tcpSocket'] as const;

export default defineRule({
  id: 'disallow-probe-host-override',
  title: 'Probes and lifecycle hooks must not target another host',
  category: 'pod-security',
  severity: 'warning',
  pss: { level: 'baseline', check: 'hostProbesAndHostLifecycle', since: 34 },
  covers: ['B14'],
  equivalents: { pss: ['hostProbesAndHostLifecycle'] },
  messages: {
    host: '{{container}} {{handler}}.{{action}} targets host "{{host}}": remove {{handler}}.{{action}}.host so the kubelet connects to the pod\'s own IP.',
  },
  docs: {
    summary: 'The kubelet runs HTTP and TCP probes and lifecycle hooks from the node. A `host` in the handler '
      + 'makes it connect to any address the pod author chooses (the node\'s localhost, cloud metadata '
      + 'endpoints, other pods), so probes become a way to reach endpoints the pod itself could not. Both Pod '
      + 'Security levels forbid it from policy 1.34.',
    remediation: 'Remove `host` from `httpGet` and `tcpSocket` in liveness, readiness and startup probes and in '
      + 'postStart/preStop hooks: the kubelet then connects to the pod IP. To check a virtual host, set an '
      + 'HTTP `Host` header in `httpHeaders` instead.',
    references: [...PSS_REFERENCES, 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx:1.27
    livenessProbe:
      httpGet:
        host: 169.254.169.254
        path: /latest/meta-data/
        port: 80
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx:1.27
    livenessProbe:
      httpGet:
        path: /latest/meta-data/
        port: 80
`,
  },
  // Without its host the probe targets the pod: a probe that relied on another address fails.
  fix: { safety: 'unsafe', risk: 'the probe then targets the pod IP instead of that host' },
  checkPod({ pod, report }) {
    for (const c of pod.containers) {
      for (const handler of HANDLERS) {
        for (const action of ACTIONS) {
          const ref = c.field(...handler, action, 'host');
          const host = str(ref);
          if (!host) continue;
          const where = c.field(...handler, action);
          const path = [...handler, action, 'host'].join('.');
          const fix = where && isMap(where.value) ? removeFrom(where.value, 'host', `Remove ${path} from ${titleLabel(c)}`) : undefined;
          report({ messageId: 'host', data: { container: c.label, handler: handler.join('.'), action, host }, at: ref!.value, fix });
        }
      }
    }
  },
});
