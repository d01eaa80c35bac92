import { setInPod } from '../../fix/workload';
import { str } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import type { WorkspaceIndex } from '../../workspace';

/** Our own marker: a pod template labelled with it is untrusted whatever is configured. */
export const UNTRUSTED_LABEL = 'kube-harden.io/untrusted';

// gVisor's OCI runtime is `runsc` (GKE Sandbox names its class `gvisor`); Kata Containers ships
// one handler per hypervisor (`kata`, `kata-qemu`, `kata-clh`, `kata-fc`, ...).
const isSandboxName = (name: string) => name === 'gvisor' || name === 'runsc' || name.startsWith('kata');

/**
 * True when pods naming RuntimeClass `name` run sandboxed. A RuntimeClass of the workspace by
 * that name decides by its handler (a class called `gvisor` whose handler is `runc` is no
 * sandbox); else the well-known names and the configured ones count.
 */
function isSandbox(name: string, configured: readonly string[], index: WorkspaceIndex): boolean {
  if (configured.includes(name)) return true;
  const defined = index.all().find(o => o.runtimeClass && o.name === name);
  return defined ? isSandboxName(defined.runtimeClass!.handler ?? '') : isSandboxName(name);
}

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
    missing: 'The pod is untrusted ({{why}}) but sets no runtimeClassName: it shares the node\'s kernel; set runtimeClassName to a gVisor or Kata RuntimeClass ({{classes}}).',
    notSandbox: 'runtimeClassName "{{name}}" is not a sandboxed runtime, and the pod is untrusted ({{why}}): use a gVisor or Kata RuntimeClass ({{classes}}).',
  },
  docs: {
    summary: 'Code you do not trust (tenants, customer jobs, build sandboxes, AI agents) should not share the node\'s kernel: a sandboxed runtime such as gVisor or Kata Containers puts a user-space kernel or a micro-VM between it and the host. Off by default (info): only you know which workloads are untrusted. A workload is untrusted when its pod template carries the label `kube-harden.io/untrusted: "true"`, one of the pairs of `kubeHarden.sandbox.untrustedLabels`, or lives in a namespace of `kubeHarden.sandbox.untrustedNamespaces`. Sandboxes are the RuntimeClasses `gvisor`, `runsc` and `kata*`, those listed in `kubeHarden.sandbox.runtimeClasses`, and RuntimeClass objects of the workspace whose handler is one of those (such an object also decides for its own name). Windows pods are skipped: neither runtime runs them. No fix, only suggestions: the RuntimeClass must exist on the cluster and its nodes must have the runtime, or the pod is rejected or never scheduled.',
    remediation: 'Install gVisor or Kata Containers on (some) nodes, create a RuntimeClass for it (with `scheduling.nodeSelector` when only some nodes have it), and set `runtimeClassName` in the pod template.',
    references: ['https://kubernetes.io/docs/concepts/containers/runtime-class/', 'https://gvisor.dev/docs/user_guide/containerd/quick_start/', 'https://github.com/kata-containers/kata-containers/blob/main/docs/how-to/run-kata-with-k8s.md'],
  },
  fix: null,
  checkPod({ pod, config, workspace, report }) {
    if (pod.isWindows) return;
    const { index, self } = workspace;
    const labels = self.pod?.labels ?? {};
    const sandbox = config.sandbox ?? { untrustedLabels: {}, untrustedNamespaces: [], runtimeClasses: [] };
    const ns = index.namespaceOf(self);
    const marker = Object.entries({ ...sandbox.untrustedLabels, [UNTRUSTED_LABEL]: 'true' }).find(([k, v]) => labels[k] === v);
    let why: string;
    if (marker) why = `label ${marker[0]}=${marker[1]}`;
    else if (sandbox.untrustedNamespaces.includes(ns)) why = `namespace "${ns}" is in kubeHarden.sandbox.untrustedNamespaces`;
    else return;
    const ref = pod.field('runtimeClassName');
    const name = str(ref);
    if (name && isSandbox(name, sandbox.runtimeClasses, index)) return;
    // The sandboxes this workspace knows of (configured, or defined by a RuntimeClass), else the
    // two runtimes' usual class names.
    const known = [...sandbox.runtimeClasses, ...index.all().filter(o => o.runtimeClass && o.name && isSandboxName(o.runtimeClass.handler ?? '')).map(o => o.name!)];
    const classes = known.length ? [...new Set(known)] : ['gvisor', 'kata'];
    const suggestions = classes.map(c => setInPod(pod, ['runtimeClassName'], c));
    const data = { why, classes: classes.join(', ') };
    if (name && ref) report({ messageId: 'notSandbox', data: { ...data, name }, at: ref.site, suggestions });
    else report({ messageId: 'missing', data, at: ref?.site ?? pod.anchor('runtimeClassName'), suggestions });
  },
});
