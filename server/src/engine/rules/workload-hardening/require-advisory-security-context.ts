import { isCollection } from 'yaml';
import { PodSpecView } from '../../model/workload';
import { Ref, str } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { OWASP_K01 } from '../references';

/** Pod-level fields Kubescape's C-0211 `set-*` rules look for on Linux pods. */
const POD_FIELDS = ['seLinuxOptions', 'fsGroup', 'fsGroupChangePolicy', 'supplementalGroups', 'sysctls'];

export default defineRule({
  id: 'require-advisory-security-context',
  title: 'Pods should set at least one advisory securityContext field',
  category: 'workload-hardening',
  severity: 'info',
  pss: null,
  optIn: true,
  covers: ['H21'],
  equivalents: { kubescape: ['C-0211'] },
  messages: {
    linux: 'The pod sets none of seLinuxOptions, fsGroup, fsGroupChangePolicy, supplementalGroups, sysctls or an '
      + 'explicit procMount (Default): set spec.securityContext.fsGroup (a GID above 10000) with '
      + 'fsGroupChangePolicy: OnRootMismatch so its volumes belong to the pod\'s group.',
    windows: 'The Windows pod sets no windowsOptions.runAsUserName or gmsaCredentialSpecName: set '
      + 'spec.securityContext.windowsOptions.runAsUserName: ContainerUser (not the administrator account).',
  },
  defaultReason: 'Each field is only sometimes right (an SELinux label depends on the node, sysctls on the program), '
    + 'so there is no fix, and the rule is info and opt-in: nothing here is a setting a reviewer blocks a '
    + 'manifest for.',
  docs: {
    summary: 'Kubescape\'s C-0211 asks every pod to state its security context beyond the Pod Security Standards: '
      + 'an SELinux label, a volume group (`fsGroup`, `fsGroupChangePolicy`), supplemental groups, sysctls or '
      + 'an explicit `procMount: Default` on Linux; the account (`runAsUserName`) or a gMSA credential spec '
      + 'on Windows. A pod that sets none of them is reported once, on its securityContext (else its `spec`).',
    remediation: 'On Linux, set `spec.securityContext.fsGroup` to a dedicated GID (for example 65532) with '
      + '`fsGroupChangePolicy: OnRootMismatch`, or the SELinux options the nodes expect. On Windows, set '
      + '`spec.securityContext.windowsOptions.runAsUserName: ContainerUser`, or a `gmsaCredentialSpecName` '
      + 'for a domain identity.',
    references: [OWASP_K01, 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/', 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-runasusername/'],
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
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  os:
    name: windows
  containers:
  - name: app
    image: mcr.microsoft.com/windows/nanoserver:ltsc2022
    securityContext:
      windowsOptions:
        runAsUserName: ContainerUser
`,
  },
  fix: null, // which field suits the workload is the user's choice
  checkPod({ pod, report }) {
    if (pod.isWindows) {
      if (!statesWindowsAccount(pod)) report({ messageId: 'windows', at: pod.anchor('securityContext', 'windowsOptions') });
      return;
    }
    if (!statesLinuxField(pod)) report({ messageId: 'linux', at: pod.anchor('securityContext') });
  },
});

/** Set and not an empty list or map (`supplementalGroups: []` states nothing). */
function stated(ref: Ref | undefined): boolean {
  return !!ref && !(isCollection(ref.value) && ref.value.items.length === 0);
}

function statesLinuxField(pod: PodSpecView): boolean {
  if (POD_FIELDS.some(f => stated(pod.sc(f)))) return true;
  return pod.containers.some(c => stated(c.sc('seLinuxOptions')) || str(c.sc('procMount')) === 'Default');
}

// The pod's windowsOptions is inherited per field; either field anywhere counts, as for Linux.
function statesWindowsAccount(pod: PodSpecView): boolean {
  const scopes = [pod.sc.bind(pod), ...pod.containers.map(c => c.sc.bind(c))];
  return scopes.some(sc => stated(sc('windowsOptions', 'runAsUserName')) || stated(sc('windowsOptions', 'gmsaCredentialSpecName')));
}
