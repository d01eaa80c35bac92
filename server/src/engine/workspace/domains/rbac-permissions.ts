// What a subject ends up holding in the workspace: every binding naming it (a ServiceAccount
// also through the groups its tokens carry), the role each hands out with aggregation and
// built-ins followed, its rules, and which of them are dangerous. For the editor's hover.
import { DangerousGrant, PolicyRuleData } from '../../model/rbac';
import { WorkspaceIndex } from '../index';
import { byLocation } from './network';
import { allBindings, bindingDangers, bindingsFor, RoleNode, subjectsOf } from './rbac';
import { ObjectSummary } from '../summary';

export type PermissionSubject = { kind: 'ServiceAccount'; namespace: string; name: string } | { kind: 'User' | 'Group'; name: string };

export interface GrantedRule {
  /** The role that writes the rule: the bound one, or one aggregated into it. */
  from: RoleNode;
  rule: PolicyRuleData;
  dangers: DangerousGrant[];
}

export interface PermissionGrant {
  binding: ObjectSummary;
  /** The group through which the binding applies (system:serviceaccounts:shop), when not by name. */
  viaGroup?: string;
  /** The namespace the rules apply in; undefined: cluster-wide. */
  namespace?: string;
  roleRef: { kind: string; name: string };
  /** Undefined when the role is neither in the workspace nor built in. */
  role?: RoleNode;
  rules: GrantedRule[];
}

export function effectivePermissions(index: WorkspaceIndex, subject: PermissionSubject): PermissionGrant[] {
  const found = subject.kind === 'ServiceAccount'
    ? bindingsFor(index, subject)
    : allBindings(index).flatMap(binding => {
      const s = subjectsOf(index, binding).find(x => x.kind === subject.kind && x.name === subject.name);
      return s ? [{ binding, subject: s, viaGroup: undefined }] : [];
    });
  const order = byLocation(found.map(f => f.binding));
  return order.map(binding => {
    const f = found.find(x => x.binding === binding)!;
    const { role, rules, dangers } = bindingDangers(index, binding);
    const namespaced = binding.kind === 'RoleBinding';
    return {
      binding, viaGroup: f.viaGroup, namespace: namespaced ? index.namespaceOf(binding) : undefined,
      roleRef: binding.binding!.roleRef, role,
      rules: rules.map((r, i) => ({ from: r.role, rule: r.rule, dangers: dangers.filter(d => d.ruleIndex === i) })),
    };
  });
}
