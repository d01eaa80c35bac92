// Shared by the four requests/limits rules (RES01-RES04): what is missing, where to report it,
// and the suggestion that inserts a placeholder value for the user to size.
import { Node } from 'yaml';
import { setInContainer } from '../fix/workload';
import { Proposal, Report, WorkspaceContext } from '../rule';
import { ContainerView, PodSpecView } from './workload';
import { objectsWith } from '../workspace/facets';

export type Bound = 'requests' | 'limits';
export type Resource = 'cpu' | 'memory';

// Placeholders in the suggestion: small, explicit starting points that the title says to adjust.
export const PLACEHOLDER: Record<Bound, Record<Resource, string>> = {
  requests: { cpu: '100m', memory: '128Mi' },
  limits: { cpu: '500m', memory: '256Mi' },
};

/** True when a LimitRange in the pod's namespace (in the workspace) supplies the value. */
function defaultedByLimitRange(ws: WorkspaceContext, bound: Bound, resource: Resource): boolean {
  const { index, self } = ws;
  const ns = index.namespaceOf(self);
  return objectsWith(index, 'limitRange').some(o => {
    if (index.namespaceOf(o) !== ns) return false;
    // A LimitRange `default` is also the default request when no defaultRequest is given.
    return bound === 'limits' ? o.limitRange.defaultLimits.includes(resource)
      : o.limitRange.defaultRequests.includes(resource) || o.limitRange.defaultLimits.includes(resource);
  });
}

export function missingResource(
  pod: PodSpecView, ws: WorkspaceContext, bound: Bound, resource: Resource,
  report: (r: Report<'missing'>) => void,
): void {
  if (defaultedByLimitRange(ws, bound, resource)) return;
  for (const c of pod.containers) {
    // Ephemeral containers cannot have resources (the API rejects them).
    if (c.list === 'ephemeralContainers') continue;
    if (c.field('resources', bound, resource)) continue;
    // A request defaults to the limit when only the limit is set.
    if (bound === 'requests' && c.field('resources', 'limits', resource)) continue;
    const at: Node = c.anchor('resources', bound, resource);
    const value = PLACEHOLDER[bound][resource];
    const s: Proposal = setInContainer(c, ['resources', bound, resource], value);
    report({
      messageId: 'missing', data: { container: c.label, value }, at,
      suggestions: c.field('resources')?.viaAlias ? [] : [{ title: `${s.title} (a placeholder: size it for the workload)`, edits: s.edits }],
    });
  }
}

export type { ContainerView };
