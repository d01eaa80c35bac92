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
import requireNamespacePodSecurity from './rules/namespaces/require-namespace-pod-security';
import disallowAllowAllNetworkPolicy from './rules/network/disallow-allow-all-network-policy';
import disallowDanglingNetworkPolicy from './rules/network/disallow-dangling-network-policy';
import disallowDanglingNetworkPolicyPeer from './rules/network/disallow-dangling-network-policy-peer';
import disallowIngressNginxSnippets from './rules/network/disallow-ingress-nginx-snippets';
import disallowServiceExternalIps from './rules/network/disallow-service-external-ips';
import disallowSidecarInjectionOptOut from './rules/network/disallow-sidecar-injection-opt-out';
import requireDefaultDenyNetworkPolicy from './rules/network/require-default-deny-network-policy';
import requireDestinationRuleTls from './rules/network/require-destination-rule-tls';
import requireIngressAndEgressPolicy from './rules/network/require-ingress-and-egress-policy';
import requireIngressTls from './rules/network/require-ingress-tls';
import requireNamespaceNetworkPolicy from './rules/network/require-namespace-network-policy';
import requireNetworkPolicy from './rules/network/require-network-policy';
import requireNetworkPolicyPodSelector from './rules/network/require-network-policy-pod-selector';
import requireStrictMtls from './rules/network/require-strict-mtls';
import restrictExposedServices from './rules/network/restrict-exposed-services';

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
  // Namespaces (NS04)
  requireNamespacePodSecurity,
  // Network (NET01-NET12; NET16: every coverage rule counts Cilium and Calico policies)
  requireNetworkPolicy,
  requireNamespaceNetworkPolicy,
  requireDefaultDenyNetworkPolicy,
  requireIngressAndEgressPolicy,
  requireNetworkPolicyPodSelector,
  disallowDanglingNetworkPolicy,
  disallowDanglingNetworkPolicyPeer,
  disallowAllowAllNetworkPolicy,
  restrictExposedServices,
  disallowServiceExternalIps,
  requireIngressTls,
  disallowIngressNginxSnippets,
  // Service meshes (MESH01-MESH03)
  requireStrictMtls,
  requireDestinationRuleTls,
  disallowSidecarInjectionOptOut,
] as Rule[];

export function ruleById(id: string): Rule | undefined {
  return RULES.find(r => r.id === id);
}
