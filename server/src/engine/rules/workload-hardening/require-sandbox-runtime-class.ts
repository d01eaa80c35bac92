import { defineRule } from '../../rule';
import { NO_SANDBOX_CONFIG, UNTRUSTED_LABEL } from '../../workspace/domains/sandbox';
import { sandboxRuntimeProblem } from '../sandbox-runtime';
import { RUNTIME_CLASS_READS } from '../../workspace/reads';

export default defineRule({
  id: 'require-sandbox-runtime-class',
  title: 'Untrusted workloads run in a sandboxed runtime',
  category: 'workload-hardening',
  severity: 'info',
  pss: null,
  optIn: true,
  covers: ['RT01'],
  equivalents: {},
  messages: {
    missing: 'The pod is untrusted ({{why}}) but sets no runtimeClassName: it shares the node\'s kernel; set '
      + 'runtimeClassName to a gVisor or Kata RuntimeClass ({{classes}}).',
    notSandbox: 'runtimeClassName "{{name}}" is not a sandboxed runtime, and the pod is untrusted ({{why}}): use a gVisor or Kata RuntimeClass ({{classes}}).',
  },
  defaultReason: 'Off by default (info): only you know which workloads are untrusted.',
  docs: {
    summary: 'Code you do not trust (tenants, customer jobs, build sandboxes, AI agents) should not share the '
      + 'node\'s kernel: a sandboxed runtime such as gVisor or Kata Containers puts a user-space kernel or a '
      + 'micro-VM between it and the host. A workload is untrusted when its pod template carries the label '
      + '`kube-harden.io/untrusted: "true"`, one of the pairs of `kubeHarden.sandbox.untrustedLabels`, or '
      + 'lives in a namespace of `kubeHarden.sandbox.untrustedNamespaces`. Sandboxes are the RuntimeClasses '
      + '`gvisor`, `runsc` and `kata*`, those listed in `kubeHarden.sandbox.runtimeClasses`, and RuntimeClass '
      + 'objects of the workspace whose handler is one of those (such an object also decides for its own '
      + 'name). Windows pods are skipped: neither runtime runs them. No fix, only suggestions: the '
      + 'RuntimeClass must exist on the cluster and its nodes must have the runtime, or the pod is rejected '
      + 'or never scheduled.',
    remediation: 'Install gVisor or Kata Containers on (some) nodes, create a RuntimeClass for it (with '
      + '`scheduling.nodeSelector` when only some nodes have it), and set `runtimeClassName` in the pod '
      + 'template.',
    references: ['https://kubernetes.io/docs/concepts/containers/runtime-class/', 'https://gvisor.dev/docs/user_guide/containerd/quick_start/', 'https://github.com/kata-containers/kata-containers/blob/main/docs/how-to/run-kata-with-k8s.md'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: agent
  labels: {kube-harden.io/untrusted: "true"}
spec: {containers: [{name: a, image: agent:1}]}
`,
    correct: `apiVersion: apps/v1
kind: Deployment
metadata: {name: runner, namespace: jobs}
spec:
  template:
    metadata: {labels: {app: runner}}
    spec:
      containers:
      - name: app
        image: runner:1.0
`,
  },
  fix: null,
  workspaceReads: RUNTIME_CLASS_READS,
  checkPod({ pod, config, workspace, report }) {
    if (pod.isWindows) return;
    const { index, self } = workspace;
    const labels = self.pod?.labels ?? {};
    const sandbox = config.sandbox ?? NO_SANDBOX_CONFIG;
    const ns = index.namespaceOf(self);
    const marker = Object.entries({ ...sandbox.untrustedLabels, [UNTRUSTED_LABEL]: 'true' }).find(([k, v]) => labels[k] === v);
    let why: string;
    if (marker) why = `label ${marker[0]}=${marker[1]}`;
    else if (sandbox.untrustedNamespaces.includes(ns)) why = `namespace "${ns}" is in kubeHarden.sandbox.untrustedNamespaces`;
    else return;
    const problem = sandboxRuntimeProblem(pod, sandbox.runtimeClasses, index);
    if (!problem) return;
    const { name, at, classes, suggestions } = problem;
    if (name) report({ messageId: 'notSandbox', data: { why, classes, name }, at, suggestions });
    // A kustomize patch leaves the runtime to its base: only what it sets is judged.
    else if (!index.isPatch(self.uri)) report({ messageId: 'missing', data: { why, classes }, at, suggestions });
  },
});
