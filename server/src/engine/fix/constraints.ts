// Validation rules of the API server that fixes must not break, as data: each names where
// Kubernetes enforces it, so a reader can check it against the source. A fix whose result breaks
// one of these where the text before did not is refused (fix/integrity.ts): the user would
// otherwise get a manifest `kubectl apply` rejects. Only rules a pod-spec fix could plausibly
// trip are listed; they are judged on each pod spec as written.
import { addedCapabilities } from '../model/capabilities';
import { get, getSeq, isFalse, isTrue, seqItems, str } from '../model/yaml-nav';
import { ContainerView, PodSpecView } from '../model/workload';
import { isMap } from 'yaml';

const VALIDATION = 'kubernetes/kubernetes pkg/apis/core/validation/validation.go';

/** Security-context fields the API server forbids in a pod with `spec.os.name: windows`. */
const LINUX_ONLY_POD = ['seLinuxOptions', 'seccompProfile', 'appArmorProfile', 'fsGroup', 'fsGroupChangePolicy', 'sysctls', 'runAsUser', 'runAsGroup', 'supplementalGroups', 'supplementalGroupsPolicy'];
const LINUX_ONLY_CONTAINER = ['seLinuxOptions', 'seccompProfile', 'appArmorProfile', 'capabilities', 'readOnlyRootFilesystem', 'privileged', 'allowPrivilegeEscalation', 'procMount', 'runAsUser', 'runAsGroup'];

export interface ApiConstraint {
  id: string;
  /** The rule as the API server words it, in short. */
  rule: string;
  /** Where Kubernetes enforces it. */
  source: string;
  /** Where `pod` breaks it: one entry per place (`container "app"`), empty when it holds. */
  violations(pod: PodSpecView): string[];
}

/** The container mounts a volume with `mountPropagation: Bidirectional` (allowed only when privileged). */
export function hasBidirectionalMount(c: ContainerView): boolean {
  return seqItems(getSeq(c.node, 'volumeMounts', c.pod.doc), c.pod.doc)
    .some(m => isMap(m.value) && str(get(m.value, 'mountPropagation', c.pod.doc)) === 'Bidirectional');
}

const each = (pod: PodSpecView, broken: (c: ContainerView) => boolean): string[] =>
  pod.containers.filter(broken).map(c => c.label);

export const API_CONSTRAINTS: readonly ApiConstraint[] = [
  {
    id: 'privileged-excludes-no-escalation',
    rule: 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true',
    source: `${VALIDATION} (ValidateSecurityContext)`,
    violations: pod => each(pod, c => isTrue(c.sc('privileged')) && isFalse(c.sc('allowPrivilegeEscalation'))),
  },
  {
    id: 'sys-admin-excludes-no-escalation',
    rule: 'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN',
    source: `${VALIDATION} (ValidateSecurityContext)`,
    violations: pod => each(pod, c => isFalse(c.sc('allowPrivilegeEscalation')) && addedCapabilities(c).some(a => a.name === 'CAP_SYS_ADMIN')),
  },
  {
    id: 'bidirectional-needs-privileged',
    rule: 'Bidirectional mount propagation is available only to privileged containers',
    source: `${VALIDATION} (validateMountPropagation)`,
    violations: pod => each(pod, c => !isTrue(c.sc('privileged')) && hasBidirectionalMount(c)),
  },
  {
    id: 'windows-no-linux-fields',
    rule: 'a pod with `spec.os.name: windows` may not set Linux-only security-context fields',
    source: `${VALIDATION} (validateWindows)`,
    violations: pod => !pod.isWindows ? [] : [
      ...LINUX_ONLY_POD.filter(f => pod.sc(f) !== undefined).map(f => `the pod securityContext.${f}`),
      ...pod.containers.flatMap(c => LINUX_ONLY_CONTAINER.filter(f => c.sc(f) !== undefined).map(f => `${c.label} securityContext.${f}`)),
    ],
  },
  {
    id: 'host-users-excludes-host-namespaces',
    rule: '`hostUsers: false` cannot be combined with hostNetwork, hostPID or hostIPC',
    source: `${VALIDATION} (validateHostUsers)`,
    violations: pod => !pod.usesUserNamespace ? [] : ['hostNetwork', 'hostPID', 'hostIPC'].filter(f => isTrue(pod.field(f))),
  },
  {
    id: 'host-process-needs-host-network',
    rule: 'a Windows HostProcess pod must set hostNetwork: true',
    source: `${VALIDATION} (validateWindowsHostProcessPod)`,
    violations: pod => [pod, ...pod.containers].some(x => isTrue(x.sc('windowsOptions', 'hostProcess'))) && !isTrue(pod.field('hostNetwork')) ? ['the pod'] : [],
  },
  {
    id: 'localhost-profile-needs-localhost-type',
    rule: '`localhostProfile` may be set only when the seccomp or AppArmor profile type is Localhost',
    source: `${VALIDATION} (validateSeccompProfileField, validateAppArmorProfileField)`,
    violations: pod => [{ label: 'the pod', sc: (...p: string[]) => pod.sc(...p) }, ...pod.containers.map(c => ({ label: c.label, sc: (...p: string[]) => c.sc(...p) }))]
      .flatMap(x => ['seccompProfile', 'appArmorProfile']
        .filter(p => x.sc(p, 'localhostProfile') !== undefined && str(x.sc(p, 'type')) !== 'Localhost')
        .map(p => `${x.label} ${p}`)),
  },
];

/** Every violation in `pod`, as `constraint-id: where` (stable strings, compared before and after a fix). */
export function apiViolations(pod: PodSpecView): string[] {
  return API_CONSTRAINTS.flatMap(k => k.violations(pod).map(where => `${k.id}: ${where}`));
}
