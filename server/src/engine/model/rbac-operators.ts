// What operators ask of RBAC by design, told apart from what a reviewer should see. Every
// controller runtime (controller-runtime, client-go's leaderelection, operator-sdk scaffolds)
// takes a lock in its own namespace: a Lease, or on older libraries a ConfigMap or Endpoints
// object, created, read and renewed with get/create/update, plus events about it. The scaffolded
// Role holds exactly that; writes to the lock are the whole point and touch nothing else the
// namespace runs (an operator's namespace holds the operator).
import type { K8sObject } from './parse';
import type { PolicyRuleData } from './rbac-match';

const LOCK_RESOURCES = new Set(['leases', 'configmaps', 'configmaps/status', 'endpoints', 'events']);
const LOCK_GROUPS = new Set(['', 'coordination.k8s.io', 'events.k8s.io']);
const LOCK_VERBS = new Set(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete']);

/**
 * A namespaced Role that grants only leader-election locks and events: every rule names only
 * those resources, in their API groups, with ordinary verbs (no `*`), and it takes a lock: a
 * Lease it creates or updates, or a role named for leader election (the ConfigMap and
 * Endpoints locks of older libraries look like any ConfigMap writer otherwise).
 */
export function isLeaderElectionRole(o: K8sObject, rules: readonly PolicyRuleData[]): boolean {
  if (o.kind !== 'Role' || rules.length === 0) return false;
  const plain = rules.every(r =>
    r.nonResourceURLs.length === 0 && r.resources.length > 0 &&
    r.resources.every(x => LOCK_RESOURCES.has(x)) && r.apiGroups.every(g => LOCK_GROUPS.has(g)) && r.verbs.every(v => LOCK_VERBS.has(v)));
  const lease = rules.some(r => r.resources.includes('leases') && r.apiGroups.includes('coordination.k8s.io') && r.verbs.some(v => v === 'create' || v === 'update'));
  const locks = lease || /leader|election/i.test(o.name ?? '');
  return plain && locks;
}
