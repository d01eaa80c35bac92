// The in-manifest exceptions of the peers that have them, as their sources read them:
// kube-linter `ignore-check.kube-linter.io/<check>` (pkg/ignore/ignore.go), Checkov
// `checkov.io/skip<N>: <id>=<reason>` (checkov/kubernetes/kubernetes_utils.py) and Polaris
// `polaris.fairwinds.com/<check>-exempt: "true"` (pkg/validator/schema.go). Trivy (ignore files),
// Kubescape (exception policies) and kubesec have none.
import type { Tool } from '@kube-harden/server';

export const FOREIGN_ANNOTATION: Partial<Record<Tool, (id: string) => string>> = {
  kubeLinter: id => `ignore-check.kube-linter.io/${id}: "reviewed"`,
  checkov: id => `checkov.io/skip1: "${id}=reviewed"`,
  polaris: id => `polaris.fairwinds.com/${id}-exempt: "true"`,
};

/** The manifest with the annotation on every object (added to a flow-style annotations map if there is one). */
export function annotateAll(text: string, annotation: string): string {
  return text.split(/^---\n/m).map(d => /^ {2}annotations: \{/m.test(d)
    ? d.replace(/^ {2}annotations: \{/m, `  annotations: {${annotation}, `)
    : d.replace(/^metadata:\n/m, `metadata:\n  annotations: {${annotation}}\n`)).join('---\n');
}
