// Every rule, in catalogue order. A test checks that each file under rules/ is listed here and
// that each file's name is its rule's id.
import { Rule } from './rule';
import disallowHostPathVolumes from './rules/pod-security/disallow-host-path-volumes';
import disallowPrivilegedContainers from './rules/pod-security/disallow-privileged-containers';
import requireRunAsNonRoot from './rules/pod-security/require-run-as-non-root';
import restrictVolumeTypes from './rules/pod-security/restrict-volume-types';

export const RULES: readonly Rule[] = [
  disallowPrivilegedContainers,
  disallowHostPathVolumes,
  restrictVolumeTypes,
  requireRunAsNonRoot,
] as Rule[];

export function ruleById(id: string): Rule | undefined {
  return RULES.find(r => r.id === id);
}
