// The RuntimeClass check RT01 and the Agent Sandbox rule (M07) share: is the pod's runtime a
// sandbox, and if not, where to say so and which classes to suggest.
import type { Node } from 'yaml';
import { setInPod } from '../fix/workload';
import { PodSpecView } from '../model/workload';
import { str } from '../model/yaml-nav';
import type { Proposal } from '../rule';
import type { WorkspaceIndex } from '../workspace';
import { isSandboxClass, sandboxClassChoices } from '../workspace/domains/sandbox';

export interface RuntimeProblem {
  /** The runtimeClassName set, when one is (and is no sandbox); undefined when none is set. */
  name?: string;
  at: Node;
  /** The sandbox classes suggested, comma-separated for messages. */
  classes: string;
  suggestions: Proposal[];
}

/** Undefined when the pod names a sandboxed RuntimeClass. */
export function sandboxRuntimeProblem(pod: PodSpecView, configured: readonly string[], index: WorkspaceIndex): RuntimeProblem | undefined {
  const ref = pod.field('runtimeClassName');
  const name = str(ref);
  if (name && isSandboxClass(name, configured, index)) return undefined;
  const classes = sandboxClassChoices(configured, index);
  return {
    name: name || undefined,
    at: ref?.site ?? pod.anchor('runtimeClassName'),
    classes: classes.join(', '),
    suggestions: classes.map(c => setInPod(pod, ['runtimeClassName'], c)),
  };
}
