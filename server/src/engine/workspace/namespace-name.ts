// What the API server accepts as a namespace name: a DNS-1123 label (lower-case alphanumerics
// and `-`, at most 63 characters, starting and ending alphanumeric). A name that is not one can
// never be where an object lands, so a default namespace that is not one is a typo.
const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export const DEFAULT_NAMESPACE = 'default';

export function isNamespaceName(value: unknown): value is string {
  return typeof value === 'string' && DNS_1123_LABEL.test(value);
}

export function namespaceNameProblem(value: unknown): string {
  return `Invalid namespace ${JSON.stringify(value)}: use a Kubernetes namespace name (lower-case letters, digits and "-", at most 63 characters, e.g. "team-a").`;
}
