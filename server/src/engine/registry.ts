// Every rule, in catalogue order. A test checks that each file under rules/ is listed here and
// that each file's name is its rule's id.
import { Rule } from './rule';
import disallowHostPathVolumes from './rules/pod-security/disallow-host-path-volumes';
import disallowNonDefaultCapabilities from './rules/pod-security/disallow-non-default-capabilities';
import disallowPrivilegeEscalation from './rules/pod-security/disallow-privilege-escalation';
import disallowPrivilegedContainers from './rules/pod-security/disallow-privileged-containers';
import disallowRootUser from './rules/pod-security/disallow-root-user';
import requireDropAllCapabilities from './rules/pod-security/require-drop-all-capabilities';
import requireNoPrivilegeEscalation from './rules/pod-security/require-no-privilege-escalation';
import requireRunAsNonRoot from './rules/pod-security/require-run-as-non-root';
import requireSeccompProfile from './rules/pod-security/require-seccomp-profile';
import restrictCapabilitiesToNetBindService from './rules/pod-security/restrict-capabilities-to-net-bind-service';
import restrictProcMount from './rules/pod-security/restrict-proc-mount';
import restrictVolumeTypes from './rules/pod-security/restrict-volume-types';

export const RULES: readonly Rule[] = [
  disallowPrivilegedContainers,
  disallowNonDefaultCapabilities,
  disallowHostPathVolumes,
  restrictVolumeTypes,
  requireNoPrivilegeEscalation,
  disallowPrivilegeEscalation,
  requireRunAsNonRoot,
  disallowRootUser,
  requireSeccompProfile,
  requireDropAllCapabilities,
  restrictCapabilitiesToNetBindService,
  restrictProcMount,
] as Rule[];

export function ruleById(id: string): Rule | undefined {
  return RULES.find(r => r.id === id);
}
