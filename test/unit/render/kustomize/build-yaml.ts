// Renders files held in memory and returns what `kustomize build` would print; a failed render
// fails the test with the renderer's message.
import { memorySource, renderKustomization } from '@kube-harden/server/out/engine/render/kustomize';

export function buildYaml(files: Record<string, string>, dir = '/r'): string {
  const r = renderKustomization(memorySource(files), dir);
  if (!r.ok) throw new Error(r.error.message);
  return r.yaml;
}
