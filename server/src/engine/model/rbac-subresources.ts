// The verbs the API server serves on the subresources the danger catalogue and everyday roles
// name. A subresource is its own REST endpoint with its own handlers: `pods/log` only answers
// GET, so `delete` on it authorizes a request that cannot exist, and a role granting it can do
// nothing with it. Sources: the API reference of each subresource, and for the stream and proxy
// subresources the verbs the authorizer derives from the HTTP method (GET -> get, POST -> create,
// PUT -> update, PATCH -> patch, DELETE -> delete).

const PROXY = ['get', 'create', 'update', 'patch', 'delete'];
// exec, attach and port-forward: SPDY clients POST (create), WebSocket clients GET (get).
const STREAM = ['create', 'get'];
const STATUS = ['get', 'update', 'patch'];

/** `resource/subresource` (or `*` + `/subresource` for every resource) -> the verbs it serves. */
const SERVED: Readonly<Record<string, readonly string[]>> = {
  'pods/log': ['get'],
  'pods/exec': STREAM,
  'pods/attach': STREAM,
  'pods/portforward': STREAM,
  'pods/proxy': PROXY,
  'services/proxy': PROXY,
  'nodes/proxy': PROXY,
  'pods/eviction': ['create'],
  'pods/binding': ['create'],
  'pods/ephemeralcontainers': STATUS,
  'pods/resize': STATUS,
  'serviceaccounts/token': ['create'],
  'deployments/rollback': ['create'],
  'certificatesigningrequests/approval': STATUS,
  'certificatesigningrequests/status': STATUS,
  '*/status': STATUS,
  '*/scale': STATUS,
};

function servedVerbs(resource: string): readonly string[] | undefined {
  const slash = resource.indexOf('/');
  if (slash < 0) return undefined;
  return SERVED[resource] ?? SERVED[`*${resource.slice(slash)}`];
}

/** Whether the API serves `verb` on `resource`: true for `*`, resources and unknown subresources. */
export function servesVerb(resource: string, verb: string): boolean {
  if (verb === '*') return true;
  const served = servedVerbs(resource);
  return served === undefined || served.includes(verb);
}

/** Whether every resource of the list is a subresource whose verbs are known (so `*` grants only those). */
export function onlyKnownSubresources(resources: readonly string[]): boolean {
  return resources.length > 0 && resources.every(r => !r.startsWith('*') && servedVerbs(r) !== undefined);
}
