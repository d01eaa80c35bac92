// kubesec (controlplaneio/kubesec, pkg/rules and pkg/ruler/ruleset.go): for each kept or added
// mapping, a manifest that loses the rule's points (a negative rule matches, a positive one does
// not) and one that keeps them, written from the rule's Go function.
import { alone, caps, deploy, doc, groupBinding, hostPath, Pair, podSc, privileged, sc } from './manifests';

export const KUBESEC_PAIRS: Record<string, Pair> = {
  'kubesec:AllowPrivilegeEscalation:disallow-privilege-escalation': { fail: deploy({ container: [sc('allowPrivilegeEscalation: true')] }), pass: deploy({ container: [sc('allowPrivilegeEscalation: false')] }) },
  'kubesec:ApparmorAny:require-apparmor-profile': { fail: deploy(), pass: deploy({ spec: [podSc('appArmorProfile: {type: RuntimeDefault}')] }) },
  'kubesec:ApparmorUnconfined:restrict-apparmor-profile': { fail: deploy({ container: [sc('appArmorProfile: {type: Unconfined}')] }), pass: deploy({ container: [sc('appArmorProfile: {type: RuntimeDefault}')] }) },
  'kubesec:BindingsToSystemAnonymous:disallow-broad-binding-subjects': { fail: groupBinding('ClusterRoleBinding', 'system:anonymous'), pass: groupBinding('ClusterRoleBinding', 'shop-admins') },
  'kubesec:CapDropAll:require-drop-all-capabilities': { fail: deploy({ container: [caps([], ['NET_RAW'])] }), pass: deploy({ container: [caps([], ['ALL'])] }) },
  // Alone: require-drop-net-raw, when on, reports the same containers and replaces it.
  'kubesec:CapDropAny:require-capability-drop': { fail: deploy(), pass: deploy({ container: [caps([], ['NET_RAW'])] }), config: alone('require-capability-drop') },
  'kubesec:CapSysAdmin:disallow-dangerous-capabilities': { fail: privileged(deploy({ container: [caps(['SYS_ADMIN'])] })), pass: privileged(deploy({ container: [caps(['CHOWN'])] })) },
  'kubesec:DockerSock:disallow-container-runtime-socket': { fail: deploy({ spec: hostPath('/var/run/docker.sock') }), pass: deploy({ spec: hostPath('/data') }) },
  'kubesec:HostAliases:disallow-host-aliases': { fail: deploy({ spec: ['hostAliases: [{ip: 10.0.0.1, hostnames: [registry.local]}]'] }), pass: deploy() },
  'kubesec:HostIPC:disallow-host-ipc': { fail: deploy({ spec: ['hostIPC: true'] }), pass: deploy() },
  'kubesec:HostNetwork:disallow-host-network': { fail: deploy({ spec: ['hostNetwork: true'] }), pass: deploy() },
  'kubesec:HostPID:disallow-host-pid': { fail: deploy({ spec: ['hostPID: true'] }), pass: deploy() },
  'kubesec:HostUsers:require-user-namespace': { fail: deploy(), pass: deploy({ spec: ['hostUsers: false'] }) },
  'kubesec:LimitsCPU:require-cpu-limit': { fail: deploy(), pass: deploy({ container: ['resources: {limits: {cpu: 500m}}'] }) },
  'kubesec:LimitsMemory:require-memory-limit': { fail: deploy(), pass: deploy({ container: ['resources: {limits: {memory: 128Mi}}'] }) },
  'kubesec:Privileged:disallow-privileged-containers': { fail: deploy({ container: [sc('privileged: true')] }), pass: deploy({ container: [sc('privileged: false')] }) },
  'kubesec:ProcMount:disallow-sensitive-host-paths': { fail: deploy({ spec: hostPath('/proc') }), pass: deploy({ spec: hostPath('/data') }) },
  'kubesec:ReadOnlyRootFilesystem:require-read-only-root-filesystem': { fail: deploy(), pass: deploy({ container: [sc('readOnlyRootFilesystem: true')] }) },
  'kubesec:RequestsCPU:require-cpu-request': { fail: deploy(), pass: deploy({ container: ['resources: {requests: {cpu: 100m}}'] }) },
  'kubesec:RequestsMemory:require-memory-request': { fail: deploy(), pass: deploy({ container: ['resources: {requests: {memory: 128Mi}}'] }) },
  'kubesec:RunAsGroup:require-high-gid': { fail: deploy({ spec: [podSc('runAsGroup: 10000')] }), pass: deploy({ spec: [podSc('runAsGroup: 10001')] }) },
  'kubesec:RunAsNonRoot:require-run-as-non-root': { fail: deploy(), pass: deploy({ spec: [podSc('runAsNonRoot: true')] }) },
  'kubesec:RunAsUser:require-high-uid': { fail: deploy({ container: [sc('runAsUser: 10000')] }), pass: deploy({ container: [sc('runAsUser: 10001')] }) },
  'kubesec:SeccompAny:require-seccomp-profile': { fail: deploy(), pass: deploy({ spec: [podSc('seccompProfile: {type: Localhost, localhostProfile: profiles/web.json}')] }) },
  'kubesec:SeccompUnconfined:disallow-unconfined-seccomp': { fail: deploy({ spec: [podSc('seccompProfile: {type: Unconfined}')] }), pass: deploy({ spec: [podSc('seccompProfile: {type: RuntimeDefault}')] }) },
  'kubesec:ServiceAccountName:disallow-default-service-account': {
    fail: deploy(),
    pass: doc(deploy({ spec: ['serviceAccountName: web'] }), 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n  namespace: shop\n'),
  },
  'kubesec:AutomountServiceAccountToken:disallow-service-account-token-automount': { fail: deploy({ spec: ['automountServiceAccountToken: true'] }), pass: deploy({ spec: ['automountServiceAccountToken: false'] }) },
  'kubesec:SecretsAsEnvironmentVariables:prefer-secret-volumes-over-env': {
    fail: deploy({ container: ['envFrom: [{secretRef: {name: db}}]'] }),
    pass: deploy({ container: ['envFrom: [{configMapRef: {name: settings}}]'] }),
  },
};
