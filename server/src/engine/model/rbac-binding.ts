// A RoleBinding or ClusterRoleBinding as the binding rules read it in its document: where its
// roleRef and each subject are written, so findings land on `name: cluster-admin` or on the
// subject's name.
import { isMap, Node, YAMLMap } from 'yaml';
import { K8sObject } from './parse';
import { RBAC_GROUP } from './rbac';
import { get, getMap, getSeq, keyOf, Ref, seqItems, str } from './yaml-nav';

export interface SubjectView {
  index: number;
  kind: string;
  name: string;
  namespace?: string;
  node: YAMLMap;
  /** The subject's name value (else its first key): where a finding about the subject goes. */
  at: Node;
}

export interface BindingView {
  roleRef?: YAMLMap;
  roleKind: string;
  roleName: string;
  /** The roleRef's name value, else the roleRef key, else the kind key. */
  roleAt: Node;
  roleNameRef?: Ref;
  subjects: SubjectView[];
}

export function isBinding(o: K8sObject): boolean {
  return o.group === RBAC_GROUP && (o.kind === 'RoleBinding' || o.kind === 'ClusterRoleBinding');
}

export function bindingView(o: K8sObject): BindingView {
  const roleRef = getMap(o.node, 'roleRef', o.doc);
  const nameRef = get(roleRef, 'name', o.doc);
  const subjects: SubjectView[] = [];
  seqItems(getSeq(o.node, 'subjects', o.doc), o.doc).forEach((r, index) => {
    if (!isMap(r.value)) return;
    const m = r.value;
    const name = get(m, 'name', o.doc);
    subjects.push({
      index, node: m,
      kind: str(get(m, 'kind', o.doc)) ?? '', name: str(name) ?? '', namespace: str(get(m, 'namespace', o.doc)),
      at: name?.site ?? keyOf(m, 'kind', o.doc) ?? r.site,
    });
  });
  return {
    roleRef, roleNameRef: nameRef,
    roleKind: str(get(roleRef, 'kind', o.doc)) ?? '', roleName: str(nameRef) ?? '',
    roleAt: nameRef?.site ?? keyOf(o.node, 'roleRef', o.doc) ?? keyOf(o.node, 'kind', o.doc) ?? o.node,
    subjects,
  };
}

/** `ServiceAccount "shop/web"`, `Group "system:authenticated"` for messages. */
export function subjectLabel(s: { kind: string; name: string; namespace?: string }): string {
  return s.kind === 'ServiceAccount' && s.namespace ? `ServiceAccount "${s.namespace}/${s.name}"` : `${s.kind} "${s.name}"`;
}
