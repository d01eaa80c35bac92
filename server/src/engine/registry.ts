// Every rule, in catalogue order (RULES.md rows). A test checks that each file under rules/ is
// listed here and that each file's name is its rule's id.
import { Rule } from './rule';
import disallowHostIpc from './rules/pod-security/disallow-host-ipc';
import disallowHostNetwork from './rules/pod-security/disallow-host-network';
import disallowHostPathVolumes from './rules/pod-security/disallow-host-path-volumes';
import disallowHostPid from './rules/pod-security/disallow-host-pid';
import disallowHostPorts from './rules/pod-security/disallow-host-ports';
import disallowNonDefaultCapabilities from './rules/pod-security/disallow-non-default-capabilities';
import disallowPrivilegeEscalation from './rules/pod-security/disallow-privilege-escalation';
import disallowPrivilegedContainers from './rules/pod-security/disallow-privileged-containers';
import disallowProbeHostOverride from './rules/pod-security/disallow-probe-host-override';
import disallowRootUser from './rules/pod-security/disallow-root-user';
import disallowUnconfinedSeccomp from './rules/pod-security/disallow-unconfined-seccomp';
import disallowUnmaskedProcMount from './rules/pod-security/disallow-unmasked-proc-mount';
import disallowWindowsHostProcess from './rules/pod-security/disallow-windows-host-process';
import requireDropAllCapabilities from './rules/pod-security/require-drop-all-capabilities';
import requireNoPrivilegeEscalation from './rules/pod-security/require-no-privilege-escalation';
import requireRunAsNonRoot from './rules/pod-security/require-run-as-non-root';
import requireSeccompProfile from './rules/pod-security/require-seccomp-profile';
import restrictApparmorProfile from './rules/pod-security/restrict-apparmor-profile';
import restrictCapabilitiesToNetBindService from './rules/pod-security/restrict-capabilities-to-net-bind-service';
import restrictProcMount from './rules/pod-security/restrict-proc-mount';
import restrictSelinuxOptions from './rules/pod-security/restrict-selinux-options';
import restrictSysctls from './rules/pod-security/restrict-sysctls';
import restrictVolumeTypes from './rules/pod-security/restrict-volume-types';
import disallowContainerRuntimeSocket from './rules/workload-hardening/disallow-container-runtime-socket';
import disallowCloudCredentialHostPaths from './rules/workload-hardening/disallow-cloud-credential-host-paths';
import disallowSensitiveHostPaths from './rules/workload-hardening/disallow-sensitive-host-paths';
import disallowDangerousCapabilities from './rules/workload-hardening/disallow-dangerous-capabilities';
import requireDropNetRaw from './rules/workload-hardening/require-drop-net-raw';
import disallowHostAliases from './rules/workload-hardening/disallow-host-aliases';
import disallowRootGroup from './rules/workload-hardening/disallow-root-group';
import disallowPrivilegedPorts from './rules/workload-hardening/disallow-privileged-ports';
import disallowSshPort from './rules/workload-hardening/disallow-ssh-port';
import requireLinuxHardening from './rules/workload-hardening/require-linux-hardening';
import requireUserNamespace from './rules/workload-hardening/require-user-namespace';
import disallowSudoInEntrypoint from './rules/workload-hardening/disallow-sudo-in-entrypoint';
import disallowKubeSystemWorkloads from './rules/namespaces/disallow-kube-system-workloads';
import requireSecurityContext from './rules/workload-hardening/require-security-context';
import disallowNakedPods from './rules/namespaces/disallow-naked-pods';
import disallowPodSecurityPolicy from './rules/misc/disallow-pod-security-policy';
import disallowRemovedApiVersions from './rules/misc/disallow-removed-api-versions';
import disallowSccPrivileged from './rules/misc/disallow-scc-privileged';
import disallowWritableHostMounts from './rules/workload-hardening/disallow-writable-host-mounts';
import requireReadOnlyRootFilesystem from './rules/workload-hardening/require-read-only-root-filesystem';

export const RULES: readonly Rule[] = [
  // Pod Security Standards, baseline (B01-B14)
  disallowWindowsHostProcess,
  disallowHostNetwork,
  disallowHostPid,
  disallowHostIpc,
  disallowPrivilegedContainers,
  disallowNonDefaultCapabilities,
  disallowHostPathVolumes,
  disallowHostPorts,
  restrictApparmorProfile,
  restrictSelinuxOptions,
  disallowUnmaskedProcMount,
  disallowUnconfinedSeccomp,
  restrictSysctls,
  disallowProbeHostOverride,
  // Pod Security Standards, restricted (R01-R08)
  restrictVolumeTypes,
  requireNoPrivilegeEscalation,
  disallowPrivilegeEscalation,
  requireRunAsNonRoot,
  disallowRootUser,
  requireSeccompProfile,
  requireDropAllCapabilities,
  restrictCapabilitiesToNetBindService,
  restrictProcMount,
  // Workload hardening beyond the Pod Security Standards: host access (X01-X04)
  disallowWritableHostMounts,
  disallowSensitiveHostPaths,
  disallowContainerRuntimeSocket,
  disallowCloudCredentialHostPaths,
  // Workload hardening: container settings (H01-H21)
  requireReadOnlyRootFilesystem,
  disallowDangerousCapabilities,
  requireDropNetRaw,
  disallowRootGroup,
  requireSecurityContext,
  requireLinuxHardening,
  requireUserNamespace,
  disallowHostAliases,
  disallowPrivilegedPorts,
  disallowSshPort,
  disallowSudoInEntrypoint,
  // Namespaces and placement (NS)
  disallowKubeSystemWorkloads,
  disallowNakedPods,
  // Miscellaneous (M)
  disallowRemovedApiVersions,
  disallowPodSecurityPolicy,
  disallowSccPrivileged,
] as Rule[];

export function ruleById(id: string): Rule | undefined {
  return RULES.find(r => r.id === id);
}
