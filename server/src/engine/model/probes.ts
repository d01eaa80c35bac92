// Which containers are expected to carry liveness and readiness probes (M05, M06).
import { isMap } from 'yaml';
import { metadataOf } from './object';
import { ContainerView, PodSpecView } from './workload';
import { get, getSeq, seqItems, str } from './yaml-nav';

/** Kinds whose pods run to completion: a probe there has nothing to keep alive or route to. */
const RUN_TO_COMPLETION = new Set(['Job', 'CronJob', 'ScaledJob']);

/**
 * The long-running containers of a pod that would need a probe. Pods that run to completion are
 * skipped: Jobs and CronJobs, pods a Job owns (what `kubectl get -o yaml` writes), and pods whose
 * restartPolicy is Never or OnFailure (only a controller of long-running pods uses Always). Init
 * and ephemeral containers are skipped: the API server rejects probes on them (a sidecar, an init
 * container with `restartPolicy: Always`, may have them, but they are optional there).
 */
export function probedContainers(pod: PodSpecView): ContainerView[] {
  const o = pod.object;
  if (RUN_TO_COMPLETION.has(o.kind)) return [];
  const owners = seqItems(getSeq(metadataOf(o), 'ownerReferences', o.doc), o.doc);
  if (o.kind === 'Pod' && owners.some(r => isMap(r.value) && str(get(r.value, 'kind', o.doc)) === 'Job')) return [];
  const restart = str(pod.field('restartPolicy'));
  if (restart === 'Never' || restart === 'OnFailure') return [];
  return pod.containers.filter(c => c.list === 'containers');
}
