// Sandboxed container runtimes as RT01 and the Agent Sandbox checks (M07) read them: which
// RuntimeClass names put a pod behind a user-space kernel (gVisor) or a micro-VM (Kata).
import type { SandboxConfig } from '../../config';
import type { K8sObject, ParsedFile } from '../../model/parse';
import { get, str } from '../../model/yaml-nav';
import type { WorkspaceIndex } from '../index';
import type { ObjectSummary } from '../summary';

declare module '../summary' {
  interface ObjectSummary {
    /** RuntimeClass: the runtime handler its name selects (RT01: `runsc`, `kata-qemu` are sandboxes). */
    runtimeClass?: { handler?: string };
  }
}

export function extractSandboxFacts(o: K8sObject, _file: ParsedFile, into: ObjectSummary): void {
  if (o.kind === 'RuntimeClass' && o.group === 'node.k8s.io') into.runtimeClass = { handler: str(get(o.node, 'handler', o.doc)) };
}

/** Our own marker: a pod template labelled with it is untrusted whatever is configured. */
export const UNTRUSTED_LABEL = 'kube-harden.io/untrusted';

export const NO_SANDBOX_CONFIG: Readonly<SandboxConfig> = Object.freeze({ untrustedLabels: {}, untrustedNamespaces: [], runtimeClasses: [] });

// gVisor's OCI runtime is `runsc` (GKE Sandbox names its class `gvisor`); Kata Containers ships
// one handler per hypervisor (`kata`, `kata-qemu`, `kata-clh`, `kata-fc`, ...).
const isSandboxName = (name: string) => name === 'gvisor' || name === 'runsc' || name.startsWith('kata');

/**
 * True when pods naming RuntimeClass `name` run sandboxed. A RuntimeClass of the workspace by
 * that name decides by its handler (a class called `gvisor` whose handler is `runc` is no
 * sandbox); else the well-known names and the configured ones count.
 */
export function isSandboxClass(name: string, configured: readonly string[], index: WorkspaceIndex): boolean {
  if (configured.includes(name)) return true;
  const defined = index.all().find(o => o.runtimeClass && o.name === name);
  return defined ? isSandboxName(defined.runtimeClass!.handler ?? '') : isSandboxName(name);
}

/**
 * The sandbox classes to suggest: the configured ones and the RuntimeClasses of the workspace
 * with a sandbox handler, else the two runtimes' usual class names.
 */
export function sandboxClassChoices(configured: readonly string[], index: WorkspaceIndex): string[] {
  const known = [...configured, ...index.all().filter(o => o.runtimeClass && o.name && isSandboxName(o.runtimeClass.handler ?? '')).map(o => o.name!)];
  return known.length ? [...new Set(known)] : ['gvisor', 'kata'];
}
