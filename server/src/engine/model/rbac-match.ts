// The RBAC authorizer's rule matching, on plain data, as the API server evaluates a PolicyRule
// (k8s.io/kubernetes pkg/apis/rbac/v1 evaluation_helpers.go: VerbMatches, APIGroupMatches,
// ResourceMatches, ResourceNameMatches). Plain data so the workspace summary can hold a role's
// rules without its document and the binding rules can ask the same questions of it.

/** One entry of a Role's or ClusterRole's `rules`, strings only (null and non-scalar items dropped). */
export interface PolicyRuleData {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

/** A resource request as the authorizer sees it. */
export interface AccessRequest {
  verb: string;
  /** API group: '' for the core group. */
  group: string;
  /** The resource, e.g. `pods`; `pods/exec` is read as resource `pods`, subresource `exec`. */
  resource: string;
  subresource?: string;
  /**
   * The object's name. Omitted: a request on no particular object (list, watch, create,
   * deletecollection), which only rules without `resourceNames` grant, exactly as the API server
   * treats a request whose name is empty.
   */
  resourceName?: string;
}

/** Which entries of a rule let a request through: indices into verbs, apiGroups and resources. */
export interface RuleMatch {
  verbs: number[];
  apiGroups: number[];
  resources: number[];
}

/** `pods/exec` -> ['pods', 'exec']; `pods` -> ['pods', undefined]. Only the first `/` splits. */
export function splitResource(resource: string, subresource?: string): [string, string | undefined] {
  if (subresource !== undefined && subresource !== '') return [resource, subresource];
  const slash = resource.indexOf('/');
  return slash < 0 ? [resource, undefined] : [resource.slice(0, slash), resource.slice(slash + 1)];
}

function indicesWhere(values: readonly string[], ok: (v: string) => boolean): number[] {
  const out: number[] = [];
  values.forEach((v, i) => { if (ok(v)) out.push(i); });
  return out;
}

// The API server accepts exactly three resource forms: `*` (everything, subresources included),
// `resource` or `resource/subresource` (literal), and `*/subresource` (that subresource of every
// resource). `pods/*` is NOT a wildcard: it matches only a subresource literally named `*`.
function resourceEntryMatches(entry: string, combined: string, sub: string | undefined): boolean {
  if (entry === '*' || entry === combined) return true;
  return sub !== undefined && entry === `*/${sub}`;
}

/**
 * The entries of `rule` that grant `req`, or undefined when the rule does not grant it. Every
 * field must match: a verb (`*` or equal), an apiGroup (`*` or equal: `""` is the core group
 * only), a resource (see above) and, when the rule lists resourceNames, the requested name.
 * Rules with only nonResourceURLs grant no resource request.
 */
export function matchRule(rule: PolicyRuleData, req: AccessRequest): RuleMatch | undefined {
  const [resource, sub] = splitResource(req.resource, req.subresource);
  const combined = sub === undefined ? resource : `${resource}/${sub}`;
  const verbs = indicesWhere(rule.verbs, v => v === '*' || v === req.verb);
  if (verbs.length === 0) return undefined;
  const apiGroups = indicesWhere(rule.apiGroups, g => g === '*' || g === req.group);
  if (apiGroups.length === 0) return undefined;
  const resources = indicesWhere(rule.resources, r => resourceEntryMatches(r, combined, sub));
  if (resources.length === 0) return undefined;
  // resourceNames are literal: `*` there names an object called "*", it widens nothing.
  if (rule.resourceNames.length > 0 && (req.resourceName === undefined || !rule.resourceNames.includes(req.resourceName))) return undefined;
  return { verbs, apiGroups, resources };
}

/** Whether `rule` grants `req` (the API server's RuleAllows). */
export function grants(rule: PolicyRuleData | { data: PolicyRuleData }, req: AccessRequest): boolean {
  return matchRule('data' in rule ? rule.data : rule, req) !== undefined;
}

/** Whether `rule` grants `req` on at least one object name (resourceNames ignored). */
export function grantsSomeName(rule: PolicyRuleData | { data: PolicyRuleData }, req: AccessRequest): boolean {
  const d = 'data' in rule ? rule.data : rule;
  return matchRule({ ...d, resourceNames: [] }, { ...req, resourceName: undefined }) !== undefined;
}

interface ResourceInfo {
  groups: string[];
  namespaced: boolean;
}

const core = (namespaced: boolean): ResourceInfo => ({ groups: [''], namespaced });
const inGroup = (group: string, namespaced: boolean): ResourceInfo => ({ groups: [group], namespaced });

// The API groups that serve the resources the danger catalogue names, on supported Kubernetes
// versions. The legacy `extensions` group stopped serving deployments, ingresses and
// networkpolicies in 1.16-1.22: a rule that names only it grants nothing on a current cluster.
const RESOURCES: Record<string, ResourceInfo> = {
  pods: core(true), secrets: core(true), configmaps: core(true), services: core(true),
  endpoints: core(true), serviceaccounts: core(true), persistentvolumeclaims: core(true),
  replicationcontrollers: core(true), persistentvolumes: core(false), nodes: core(false),
  namespaces: core(false), users: core(false), groups: core(false),
  // Core events and events.k8s.io events are the same objects served twice.
  events: { groups: ['', 'events.k8s.io'], namespaced: true },
  deployments: inGroup('apps', true), statefulsets: inGroup('apps', true),
  daemonsets: inGroup('apps', true), replicasets: inGroup('apps', true),
  jobs: inGroup('batch', true), cronjobs: inGroup('batch', true),
  roles: inGroup('rbac.authorization.k8s.io', true), rolebindings: inGroup('rbac.authorization.k8s.io', true),
  clusterroles: inGroup('rbac.authorization.k8s.io', false), clusterrolebindings: inGroup('rbac.authorization.k8s.io', false),
  mutatingwebhookconfigurations: inGroup('admissionregistration.k8s.io', false),
  validatingwebhookconfigurations: inGroup('admissionregistration.k8s.io', false),
  certificatesigningrequests: inGroup('certificates.k8s.io', false),
  // `signers` is no served resource: the CSR approval and signing checks authorize `approve` and
  // `sign` on it with the signer name as resourceName.
  signers: inGroup('certificates.k8s.io', false),
  uids: inGroup('authentication.k8s.io', false), userextras: inGroup('authentication.k8s.io', false),
  endpointslices: inGroup('discovery.k8s.io', true),
  networkpolicies: inGroup('networking.k8s.io', true), ingresses: inGroup('networking.k8s.io', true),
};

/** The API groups that serve `resource` (a subresource is looked up by its resource); undefined when unknown. */
export function groupsOf(resource: string): string[] | undefined {
  return RESOURCES[splitResource(resource)[0]]?.groups;
}

/** Whether `resource` lives in a namespace (undefined when unknown). */
export function isNamespaced(resource: string): boolean | undefined {
  return RESOURCES[splitResource(resource)[0]]?.namespaced;
}

/**
 * Whether a Role (namespaced) can grant `verb` on `resource`: a Role grants only requests made in
 * its namespace, so cluster-scoped resources (nodes, PersistentVolumes, webhook configurations,
 * users and groups to impersonate) are out of its reach, except `bind` on `clusterroles`, which
 * the API server checks in the namespace of the RoleBinding that refers to the ClusterRole.
 */
export function grantableInNamespace(verb: string, resource: string): boolean {
  if (verb === 'bind' && splitResource(resource)[0] === 'clusterroles') return true;
  return isNamespaced(resource) !== false;
}
