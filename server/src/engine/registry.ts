// Every rule, in catalogue order (catalogue-rows.ts). A test checks that each file under rules/ is
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
import requireCapabilityDrop from './rules/workload-hardening/require-capability-drop';
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
// default namespace (NS01)
import disallowDefaultNamespace from './rules/namespaces/disallow-default-namespace';
import disallowPodSecurityPolicy from './rules/misc/disallow-pod-security-policy';
import disallowRemovedApiVersions from './rules/misc/disallow-removed-api-versions';
import disallowSccPrivileged from './rules/misc/disallow-scc-privileged';
// probes and labels (M05, M06, M08)
import requireLivenessProbe from './rules/misc/require-liveness-probe';
import requireReadinessProbe from './rules/misc/require-readiness-probe';
import requireRecommendedLabels from './rules/misc/require-recommended-labels';
import disallowWritableHostMounts from './rules/workload-hardening/disallow-writable-host-mounts';
import requireReadOnlyRootFilesystem from './rules/workload-hardening/require-read-only-root-filesystem';
import disallowWildcardVerbs from './rules/rbac/disallow-wildcard-verbs';
import disallowWildcardResources from './rules/rbac/disallow-wildcard-resources';
import disallowFullWildcardRules from './rules/rbac/disallow-full-wildcard-rules';
import restrictSecretReadAccess from './rules/rbac/restrict-secret-read-access';
import restrictPodExecAttachPortForward from './rules/rbac/restrict-pod-exec-attach-port-forward';
import restrictWorkloadCreation from './rules/rbac/restrict-workload-creation';
import restrictWorkloadDeletion from './rules/rbac/restrict-workload-deletion';
import disallowRbacEscalationVerbs from './rules/rbac/disallow-rbac-escalation-verbs';
import restrictRoleBindingCreation from './rules/rbac/restrict-role-binding-creation';
import restrictRoleBindingPatch from './rules/rbac/restrict-role-binding-patch';
import disallowNodeProxyAccess from './rules/rbac/disallow-node-proxy-access';
import restrictAdmissionWebhookWrite from './rules/rbac/restrict-admission-webhook-write';
import restrictCsrApproval from './rules/rbac/restrict-csr-approval';
import restrictServiceAccountTokenCreation from './rules/rbac/restrict-service-account-token-creation';
import restrictPersistentVolumeCreation from './rules/rbac/restrict-persistent-volume-creation';
import disallowServiceStatusWrite from './rules/rbac/disallow-service-status-write';
import restrictNetworkObjectWrite from './rules/rbac/restrict-network-object-write';
import restrictConfigmapWrite from './rules/rbac/restrict-configmap-write';
import disallowAwsAuthWrite from './rules/rbac/disallow-aws-auth-write';
import disallowPodLogDeletion from './rules/rbac/disallow-pod-log-deletion';
import disallowEventDeletion from './rules/rbac/disallow-event-deletion';
// H09, H10, H15, H21, M05, M06, M08, NS01
import requireHighUid from './rules/workload-hardening/require-high-uid';
import requireHighGid from './rules/workload-hardening/require-high-gid';
import requireApparmorProfile from './rules/workload-hardening/require-apparmor-profile';
import requireAdvisorySecurityContext from './rules/workload-hardening/require-advisory-security-context';

import disallowSecretsInEnv from './rules/secrets/disallow-secrets-in-env';
import preferSecretVolumesOverEnv from './rules/secrets/prefer-secret-volumes-over-env';
import disallowPiiInConfigmap from './rules/secrets/disallow-pii-in-configmap';
import disallowDanglingEnvReferences from './rules/secrets/disallow-dangling-env-references';
import reportSensitiveVolumes from './rules/secrets/report-sensitive-volumes';
import disallowLatestImageTag from './rules/images/disallow-latest-image-tag';
import requireImageDigest from './rules/images/require-image-digest';
import requireImagePullPolicyAlways from './rules/images/require-image-pull-policy-always';
import requireTrustedRegistry from './rules/images/require-trusted-registry';
import disallowDeniedRegistries from './rules/images/disallow-denied-registries';
import disallowDeprecatedK8sGcrRegistry from './rules/images/disallow-deprecated-k8s-gcr-registry';
import disallowHelmTiller from './rules/images/disallow-helm-tiller';
import disallowKubernetesDashboard from './rules/images/disallow-kubernetes-dashboard';
import reportEolAndVulnerableComponents from './rules/images/report-eol-and-vulnerable-components';
import disallowServiceAccountTokenAutomount from './rules/service-accounts/disallow-service-account-token-automount';
import disallowServiceAccountAutomount from './rules/service-accounts/disallow-service-account-automount';
import disallowDefaultServiceAccount from './rules/service-accounts/disallow-default-service-account';
import disallowDeprecatedServiceAccountField from './rules/service-accounts/disallow-deprecated-service-account-field';
import disallowMissingServiceAccount from './rules/service-accounts/disallow-missing-service-account';
import disallowDefaultServiceAccountBinding from './rules/service-accounts/disallow-default-service-account-binding';
import disallowAutomountedTokenWithRbac from './rules/service-accounts/disallow-automounted-token-with-rbac';
import disallowServiceAccountAdminRights from './rules/service-accounts/disallow-service-account-admin-rights';
import disallowClusterAdminBinding from './rules/rbac/disallow-cluster-admin-binding';
import disallowDangerousRoleBinding from './rules/rbac/disallow-dangerous-role-binding';
import disallowBroadBindingSubjects from './rules/rbac/disallow-broad-binding-subjects';
import disallowMissingBindingRole from './rules/rbac/disallow-missing-binding-role';
import disallowDashboardRbac from './rules/rbac/disallow-dashboard-rbac';
import requireCpuRequest from './rules/resources/require-cpu-request';
import requireCpuLimit from './rules/resources/require-cpu-limit';
import requireMemoryRequest from './rules/resources/require-memory-request';
import requireMemoryLimit from './rules/resources/require-memory-limit';
import requireNamespaceLimitRange from './rules/resources/require-namespace-limit-range';
import requireNamespaceResourceQuota from './rules/resources/require-namespace-resource-quota';
import disallowSecretsInConfigmap from './rules/secrets/disallow-secrets-in-configmap';
import disallowDuplicateEnvVars from './rules/secrets/disallow-duplicate-env-vars';
import disallowGitSyncCommandOverride from './rules/secrets/disallow-git-sync-command-override';
import disallowCommittedSecretData from './rules/secrets/disallow-committed-secret-data';
import requireNamespacePodSecurity from './rules/namespaces/require-namespace-pod-security';
import disallowAllowAllNetworkPolicy from './rules/network/disallow-allow-all-network-policy';
import disallowDanglingNetworkPolicy from './rules/network/disallow-dangling-network-policy';
import disallowDanglingIngressBackend from './rules/network/disallow-dangling-ingress-backend';
import disallowDanglingNetworkPolicyPeer from './rules/network/disallow-dangling-network-policy-peer';
import disallowDanglingService from './rules/network/disallow-dangling-service';
import disallowExposedAdminInterfaces from './rules/network/disallow-exposed-admin-interfaces';
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
// Catalogue gaps (SA05, IMG07, M04, M07, RT01)
import requireNamespaceServiceAccount from './rules/service-accounts/require-namespace-service-account';
import requireImageSignaturePolicy from './rules/images/require-image-signature-policy';
import disallowOpenEndedAllowedRepos from './rules/misc/disallow-open-ended-allowed-repos';
import requireAgentSandboxHardening from './rules/misc/require-agent-sandbox-hardening';
import requireSandboxRuntimeClass from './rules/workload-hardening/require-sandbox-runtime-class';

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
  // RBAC: Role and ClusterRole rules (RB01-RB03, RB05-RB26)
  disallowWildcardVerbs,
  disallowWildcardResources,
  disallowFullWildcardRules,
  restrictSecretReadAccess,
  restrictPodExecAttachPortForward,
  restrictWorkloadCreation,
  restrictWorkloadDeletion,
  disallowRbacEscalationVerbs,
  restrictRoleBindingCreation,
  restrictRoleBindingPatch,
  disallowNodeProxyAccess,
  restrictAdmissionWebhookWrite,
  restrictCsrApproval,
  restrictServiceAccountTokenCreation,
  restrictPersistentVolumeCreation,
  disallowServiceStatusWrite,
  restrictNetworkObjectWrite,
  restrictConfigmapWrite,
  disallowAwsAuthWrite,
  disallowPodLogDeletion,
  disallowEventDeletion,
  // Workload hardening beyond the Pod Security Standards: host access (X01-X04)
  disallowWritableHostMounts,
  disallowSensitiveHostPaths,
  disallowContainerRuntimeSocket,
  disallowCloudCredentialHostPaths,
  // Workload hardening: container settings (H01-H21)
  requireReadOnlyRootFilesystem,
  disallowDangerousCapabilities,
  requireDropNetRaw,
  requireCapabilityDrop,
  disallowRootGroup,
  requireSecurityContext,
  requireLinuxHardening,
  requireUserNamespace,
  disallowHostAliases,
  disallowPrivilegedPorts,
  disallowSshPort,
  disallowSudoInEntrypoint,
  // Workload hardening: low UID/GID, AppArmor unset, advisory securityContext fields (H09, H10, H15, H21)
  requireHighUid,
  requireHighGid,
  requireApparmorProfile,
  requireAdvisorySecurityContext,
  // Namespaces and placement (NS)
  // NS01
  disallowDefaultNamespace,
  disallowKubeSystemWorkloads,
  disallowNakedPods,
  // Miscellaneous (M)
  disallowRemovedApiVersions,
  disallowPodSecurityPolicy,
  disallowSccPrivileged,
  // Miscellaneous: probes and labels (M05, M06, M08)
  requireLivenessProbe,
  requireReadinessProbe,
  requireRecommendedLabels,
  // Service accounts (SA01-SA03, SA06, SA07)
  disallowServiceAccountTokenAutomount,
  disallowServiceAccountAutomount,
  disallowDefaultServiceAccount,
  disallowDeprecatedServiceAccountField,
  disallowMissingServiceAccount,
  // Service accounts through RBAC bindings (SA04, SA08, SA09)
  disallowDefaultServiceAccountBinding,
  disallowAutomountedTokenWithRbac,
  disallowServiceAccountAdminRights,
  // RBAC bindings (RB04, RB27-RB32; RB05-RB26 and RB33 through the bound role)
  disallowClusterAdminBinding,
  disallowDangerousRoleBinding,
  disallowBroadBindingSubjects,
  disallowDashboardRbac,
  disallowMissingBindingRole,
  // Secrets (SEC01-SEC11)
  preferSecretVolumesOverEnv,
  disallowSecretsInEnv,
  disallowSecretsInConfigmap,
  disallowPiiInConfigmap,
  disallowDanglingEnvReferences,
  disallowDuplicateEnvVars,
  disallowGitSyncCommandOverride,
  disallowCommittedSecretData,
  reportSensitiveVolumes,
  // Images (IMG01-IMG11)
  disallowLatestImageTag,
  requireImageDigest,
  requireImagePullPolicyAlways,
  requireTrustedRegistry,
  disallowDeniedRegistries,
  disallowDeprecatedK8sGcrRegistry,
  disallowHelmTiller,
  disallowKubernetesDashboard,
  reportEolAndVulnerableComponents,
  // Resources (RES01-RES06)
  requireCpuRequest,
  requireCpuLimit,
  requireMemoryRequest,
  requireMemoryLimit,
  requireNamespaceLimitRange,
  requireNamespaceResourceQuota,
  // Namespaces (NS04)
  requireNamespacePodSecurity,
  // Network (NET01-NET15; NET16: every coverage rule counts Cilium and Calico policies)
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
  disallowDanglingService,
  disallowDanglingIngressBackend,
  disallowExposedAdminInterfaces,
  // Service meshes (MESH01-MESH03)
  requireStrictMtls,
  requireDestinationRuleTls,
  disallowSidecarInjectionOptOut,
  // Catalogue gaps: a Namespace's own ServiceAccounts (SA05)
  requireNamespaceServiceAccount,
  // Catalogue gaps: signature-verification policy coverage, offline (IMG07)
  requireImageSignaturePolicy,
  // Catalogue gaps: Gatekeeper allowed-repository prefixes (M04)
  disallowOpenEndedAllowedRepos,
  // Catalogue gaps: Agent Sandbox objects (M07)
  requireAgentSandboxHardening,
  // Catalogue gaps: sandboxed runtimes for untrusted workloads (RT01)
  requireSandboxRuntimeClass,
] as Rule[];

export function ruleById(id: string): Rule | undefined {
  return RULES.find(r => r.id === id);
}
