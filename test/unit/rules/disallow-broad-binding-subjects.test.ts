import { ruleTester } from '../../helpers/rule-tester';

/** A ClusterRoleBinding of `role` to the subjects given as YAML list items. */
const crb = (role: string, subjects: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: b\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: ${role}\nsubjects:\n${subjects}`;
const group = (name: string) => `- kind: Group\n  name: ${name}\n  apiGroup: rbac.authorization.k8s.io\n`;

ruleTester('disallow-broad-binding-subjects', {
  valid: [
    {
      name: 'the documented OIDC issuer-discovery binding: only public discovery documents',
      code: crb('system:service-account-issuer-discovery', group('system:unauthenticated')),
    },
    { name: 'system:public-info-viewer to system:unauthenticated, as the bootstrap policy binds it', code: crb('system:public-info-viewer', group('system:unauthenticated')) },
    crb('view', group('developers')),
    crb('view', '- kind: ServiceAccount\n  name: system:authenticated\n  namespace: x\n'),
    { name: 'the default binding of system:authenticated to system:basic-user', code: crb('system:basic-user', group('system:authenticated')) },
    { name: 'system:serviceaccounts to system:discovery', code: crb('system:discovery', group('system:serviceaccounts')) },
  ],
  invalid: [
    {
      name: 'system:anonymous (RB27)',
      code: crb('view', group('system:anonymous')),
      errors: [{
        messageId: 'anonymous', line: 11, column: 9, endLine: 11, endColumn: 25, severity: 'error', covers: ['RB27'],
        message: 'Subject "system:anonymous" gets ClusterRole "view": every request without credentials holds it. Bind the role to the identities that need it.',
      }],
    },
    {
      name: 'system:anonymous as a User subject, even to a default role',
      code: crb('system:basic-user', '- kind: User\n  name: system:anonymous\n'),
      errors: [{ messageId: 'anonymous', line: 11, column: 9, endLine: 11, endColumn: 25, covers: ['RB27'] }],
    },
    {
      name: 'system:unauthenticated (RB28) and system:authenticated (RB29) in one binding',
      code: crb('pod-reader', group('system:unauthenticated') + group('system:authenticated')),
      errors: [
        { messageId: 'unauthenticated', line: 11, column: 9, endLine: 11, endColumn: 31, severity: 'error', covers: ['RB28'] },
        { messageId: 'authenticated', line: 14, column: 9, endLine: 14, endColumn: 29, severity: 'error', covers: ['RB29'], data: { role: 'ClusterRole "pod-reader"' } },
      ],
    },
    {
      name: 'system:masters (RB30)',
      code: crb('cluster-admin', group('system:masters')),
      errors: [{ messageId: 'masters', line: 11, column: 9, endLine: 11, endColumn: 23, severity: 'error', covers: ['RB30'] }],
    },
    {
      name: 'every service account of the cluster, and of a namespace: warnings',
      code: crb('pod-reader', group('system:serviceaccounts') + group('system:serviceaccounts:shop')),
      errors: [
        {
          messageId: 'serviceAccounts', line: 11, column: 9, endLine: 11, endColumn: 31, severity: 'warning', covers: ['RB29'],
          message: 'Subject "system:serviceaccounts" gets ClusterRole "pod-reader": every service account of the cluster holds it, so any pod there can use it. Bind the role to the ServiceAccount that needs it.',
        },
        {
          messageId: 'serviceAccounts', line: 14, column: 9, endLine: 14, endColumn: 36, severity: 'warning',
          message: 'Subject "system:serviceaccounts:shop" gets ClusterRole "pod-reader": every service account of namespace "shop" holds it, so any pod there can use it. Bind the role to the ServiceAccount that needs it.',
        },
      ],
    },
    {
      name: 'a ClusterRole of the workspace that redefines the discovery role is judged like any other',
      code: crb('system:service-account-issuer-discovery', group('system:unauthenticated')),
      files: { 'role.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: system:service-account-issuer-discovery\nrules:\n- apiGroups: [""]\n  resources: ["secrets"]\n  verbs: ["get"]\n' },
      errors: [{ messageId: 'unauthenticated', line: 11, column: 9, endLine: 11, endColumn: 31, severity: 'error', covers: ['RB28'] }],
    },
    {
      name: 'the public roles given to system:masters are still pointless',
      code: crb('system:public-info-viewer', group('system:masters')),
      errors: [{ messageId: 'masters', line: 11, column: 9, endLine: 11, endColumn: 23, covers: ['RB30'] }],
    },
  ],
});
