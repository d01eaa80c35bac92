// Reference links shared by rule docs.
export const PSS_DOC = 'https://kubernetes.io/docs/concepts/security/pod-security-standards/';
export const PSA_DOC = 'https://kubernetes.io/docs/concepts/security/pod-security-admission/';
export const OWASP_K01 = 'https://owasp.org/www-project-kubernetes-top-ten/2022/en/src/K01-insecure-workload-configurations';
export const PSS_REFERENCES = [PSS_DOC, OWASP_K01];
export const NETWORK_POLICY_DOC = 'https://kubernetes.io/docs/concepts/services-networking/network-policies/';
export const OWASP_K03 = 'https://owasp.org/www-project-kubernetes-top-ten/2022/en/src/K03-overly-permissive-rbac';
export const RBAC_DOC = 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/';
export const RBAC_GOOD_PRACTICES = 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/';
