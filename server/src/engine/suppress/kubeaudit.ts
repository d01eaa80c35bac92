// kubeaudit's override labels (docs/kubernetes-semantics.md §6): a label, not an annotation,
// `kubeaudit.io/<override>` for the pod and every container, `container.kubeaudit.io/<container>.<override>`
// for one container (and the deprecated `audit.kubernetes.io/pod.` / `container.audit.kubernetes.io/`
// spellings kubeaudit still reads). The value is the reason. Each override maps to the rules that
// report what kubeaudit's auditor allows by it; `allow-capability-<cap>` only to the findings
// about that capability.
import { isScalar, Scalar, YAMLMap } from 'yaml';
import { normalizeCapability } from '../model/capability-names';
import { K8sObject } from '../model/parse';
import { PodSpecView } from '../model/workload';
import { metadataMaps } from './annotations';

const OVERRIDES: Readonly<Record<string, readonly string[]>> = {
  'allow-privileged': ['disallow-privileged-containers'],
  'allow-privilege-escalation': ['require-no-privilege-escalation', 'disallow-privilege-escalation'],
  'allow-run-as-root': ['require-run-as-non-root', 'disallow-root-user'],
  'allow-read-only-root-filesystem-false': ['require-read-only-root-filesystem'],
  'allow-disabled-apparmor': ['restrict-apparmor-profile', 'require-apparmor-profile'],
  'allow-disabled-seccomp': ['require-seccomp-profile', 'disallow-unconfined-seccomp'],
  'allow-namespace-host-network': ['disallow-host-network'],
  'allow-namespace-host-IPC': ['disallow-host-ipc'],
  'allow-namespace-host-PID': ['disallow-host-pid'],
  'allow-automount-service-account-token': ['disallow-service-account-token-automount', 'disallow-automounted-token-with-rbac'],
};

// Findings about one added capability carry it in `data.capability`.
const CAPABILITY_RULES = ['disallow-non-default-capabilities', 'disallow-dangerous-capabilities', 'restrict-capabilities-to-net-bind-service', 'require-drop-net-raw'];

export interface KubeauditOverride {
  key: Scalar;
  name: string;
  rules: string[];
  /** Only findings about this capability (normalised), for `allow-capability-<cap>`. */
  capability?: string;
  /** Only this container's findings. */
  container?: string;
  raw: string;
}

const POD_PREFIXES = ['kubeaudit.io/', 'audit.kubernetes.io/pod.'];
const CONTAINER_PREFIXES = ['container.kubeaudit.io/', 'container.audit.kubernetes.io/'];

/** The object's labels and, for workloads, its pod template's: kubeaudit reads the pod's. */
export function labelMaps(object: K8sObject, pod: PodSpecView | undefined): YAMLMap[] {
  return metadataMaps(object, pod, 'labels');
}

function overrideOf(override: string): Pick<KubeauditOverride, 'rules' | 'capability'> | undefined {
  const cap = /^allow-capability-(.+)$/.exec(override);
  // kubeaudit writes capabilities lower-case with dashes: allow-capability-net-admin.
  if (cap) return { rules: CAPABILITY_RULES, capability: normalizeCapability(cap[1].replace(/-/g, '_')) };
  const rules = OVERRIDES[override];
  return rules ? { rules: [...rules] } : undefined;
}

export function findKubeauditOverrides(maps: readonly YAMLMap[]): KubeauditOverride[] {
  const out: KubeauditOverride[] = [];
  for (const map of maps) {
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const name = String(pair.key.value);
      const raw = isScalar(pair.value) && pair.value.value !== null ? String(pair.value.value) : '';
      const podPrefix = POD_PREFIXES.find(p => name.startsWith(p));
      const containerPrefix = CONTAINER_PREFIXES.find(p => name.startsWith(p));
      if (podPrefix) {
        const found = overrideOf(name.slice(podPrefix.length));
        if (found) out.push({ key: pair.key, name, raw, ...found });
      } else if (containerPrefix) {
        // Container names hold no dots: the first dot ends it.
        const rest = name.slice(containerPrefix.length);
        const dot = rest.indexOf('.');
        const found = dot > 0 ? overrideOf(rest.slice(dot + 1)) : undefined;
        if (found) out.push({ key: pair.key, name, raw, container: rest.slice(0, dot), ...found });
      }
    }
  }
  return out;
}
