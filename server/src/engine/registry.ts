// Every rule, in catalogue order. A test checks that each file under rules/ is listed here and
// that each file's name is its rule's id.
import { Rule } from './rule';
import disallowHostIpc from './rules/pod-security/disallow-host-ipc';
import disallowHostNetwork from './rules/pod-security/disallow-host-network';
import disallowHostPid from './rules/pod-security/disallow-host-pid';
import disallowHostPorts from './rules/pod-security/disallow-host-ports';
import disallowPrivilegedContainers from './rules/pod-security/disallow-privileged-containers';
import disallowProbeHostOverride from './rules/pod-security/disallow-probe-host-override';
import disallowUnconfinedSeccomp from './rules/pod-security/disallow-unconfined-seccomp';
import disallowUnmaskedProcMount from './rules/pod-security/disallow-unmasked-proc-mount';
import disallowWindowsHostProcess from './rules/pod-security/disallow-windows-host-process';
import requireRunAsNonRoot from './rules/pod-security/require-run-as-non-root';
import restrictApparmorProfile from './rules/pod-security/restrict-apparmor-profile';
import restrictSelinuxOptions from './rules/pod-security/restrict-selinux-options';
import restrictSysctls from './rules/pod-security/restrict-sysctls';

export const RULES: readonly Rule[] = [
  disallowWindowsHostProcess,
  disallowHostNetwork,
  disallowHostPid,
  disallowHostIpc,
  disallowPrivilegedContainers,
  disallowHostPorts,
  restrictApparmorProfile,
  restrictSelinuxOptions,
  disallowUnmaskedProcMount,
  disallowUnconfinedSeccomp,
  restrictSysctls,
  disallowProbeHostOverride,
  requireRunAsNonRoot,
] as Rule[];

export function ruleById(id: string): Rule | undefined {
  return RULES.find(r => r.id === id);
}
