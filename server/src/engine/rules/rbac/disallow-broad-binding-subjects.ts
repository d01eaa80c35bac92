import { bindingView, isBinding } from '../../model/rbac-binding';
import { defineRule } from '../../rule';
import { broadGroup, roleFor } from '../../workspace/domains/rbac';
import { RBAC_GOOD_PRACTICES } from '../references';
import { RBAC_READS } from '../../workspace/reads';

/**
 * The bootstrap policy's own bindings of system:authenticated (and system:unauthenticated, which
 * this rule reports anyway): discovery, self reviews and public version info, harmless by design.
 */
const DEFAULT_AUTHENTICATED_ROLES = new Set(['system:basic-user', 'system:discovery', 'system:public-info-viewer']);

/**
 * Built-in ClusterRoles that serve only public documents, made to be bound to everyone: the
 * service account issuer's OIDC discovery (`/.well-known/openid-configuration`, `/openid/v1/jwks`),
 * which Kubernetes documents binding to system:unauthenticated so that external systems can
 * verify tokens, and the version and health endpoints the bootstrap policy itself binds to
 * system:unauthenticated.
 */
const PUBLIC_ROLES = new Set(['system:service-account-issuer-discovery', 'system:public-info-viewer']);

const ROWS = { anonymous: 'RB27', unauthenticated: 'RB28', authenticated: 'RB29', masters: 'RB30', serviceAccounts: 'RB29' } as const;

export default defineRule({
  id: 'disallow-broad-binding-subjects',
  title: 'Bindings do not name anonymous, every-user or superuser groups',
  category: 'rbac',
  severity: 'error',
  pss: null,
  level: 'baseline',
  covers: ['RB27', 'RB28', 'RB29', 'RB30'],
  equivalents: { trivy: ['KSV122', 'KSV123', 'KSV01011'], kubescape: ['C-0262', 'C-0265'], kubesec: ['BindingsToSystemAnonymous'] },
  messages: {
    anonymous: 'Subject "system:anonymous" gets {{role}}: every request without credentials holds it. Bind the role to the identities that need it.',
    unauthenticated: 'Subject "system:unauthenticated" gets {{role}}: every request without valid credentials holds it. '
      + 'Bind the role to the identities that need it.',
    authenticated: 'Subject "system:authenticated" gets {{role}}: every user and every service account of the cluster '
      + 'holds it (on managed clusters, any account of the cloud provider may authenticate). Bind the role to '
      + 'the identities that need it.',
    masters: 'Subject "system:masters" is the superuser group: RBAC never limits it, so this binding adds nothing, '
      + 'and a credential in that group cannot be revoked. Remove the subject and grant admins a role through '
      + 'their own group.',
    serviceAccounts: 'Subject "{{subject}}" gets {{role}}: every service account {{where}} holds it, so any pod there can '
      + 'use it. Bind the role to the ServiceAccount that needs it.',
  },
  docs: {
    summary: 'Some groups stand for far more than one identity: `system:anonymous` and `system:unauthenticated` '
      + 'are requests without credentials, `system:authenticated` is every user and service account (on GKE, '
      + 'any Google account), `system:serviceaccounts` every service account of the cluster and '
      + '`system:serviceaccounts:<ns>` every one of a namespace. A binding naming them hands its role to all '
      + 'of them. `system:masters` bypasses RBAC entirely; binding it is pointless and signals that the group '
      + 'is in use, and its certificates cannot be revoked. The default bindings of `system:authenticated` to '
      + '`system:basic-user`, `system:discovery` and `system:public-info-viewer` are not reported, nor '
      + 'bindings of the public-document roles `system:public-info-viewer` (version and health) and '
      + '`system:service-account-issuer-discovery` (the OIDC discovery documents that Kubernetes documents '
      + 'binding to `system:unauthenticated`) to any broad group but `system:masters`.',
    remediation: 'Name the users, groups or ServiceAccounts that need the role instead of the broad group. For '
      + 'anonymous access, leave it to the defaults (health and version endpoints).',
    references: [RBAC_GOOD_PRACTICES, 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#referring-to-subjects'],
  },
  examples: {
    incorrect: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: b
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: system:basic-user
subjects:
- kind: User
  name: system:anonymous
`,
    correct: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: b
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: system:basic-user
subjects:
- kind: Group
  name: system:authenticated
  apiGroup: rbac.authorization.k8s.io
`,
  },
  fix: null,
  kinds: ['RoleBinding', 'ClusterRoleBinding'],
  workspaceReads: RBAC_READS,
  checkObject({ object, workspace: { index, self }, report }) {
    if (!isBinding(object)) return;
    const b = bindingView(object);
    const role = `${b.roleKind || 'role'} "${b.roleName}"`;
    // The built-in role, not one of that name the workspace redefines (judged like any other).
    const publicRole = b.roleKind === 'ClusterRole' && PUBLIC_ROLES.has(b.roleName) && !roleFor(index, self)?.object;
    for (const s of b.subjects) {
      // Users and groups alike: the authenticator may put a user name in any group, and a
      // User subject "system:anonymous" is how the anonymous user is named.
      const broad = broadGroup(s.name);
      if (!broad || (s.kind !== 'Group' && s.kind !== 'User')) continue;
      if ((broad === 'authenticated' || broad === 'serviceAccounts') && b.roleKind === 'ClusterRole' && DEFAULT_AUTHENTICATED_ROLES.has(b.roleName)) continue;
      if (broad !== 'masters' && publicRole) continue;
      const where = s.name === 'system:serviceaccounts' ? 'of the cluster' : `of namespace "${s.name.slice('system:serviceaccounts:'.length)}"`;
      report({
        messageId: broad, data: broad === 'serviceAccounts' ? { role, subject: s.name, where } : { role }, at: s.at, covers: [ROWS[broad]],
        // Every service account (of a namespace) is narrower than every user: a warning.
        severity: broad === 'serviceAccounts' ? 'warning' : undefined,
      });
    }
  },
});
