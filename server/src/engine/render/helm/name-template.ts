// `--name-template` (and a kustomization's `helmCharts[].nameTemplate`): the release name is
// itself a template, run with Sprig and no data, as Helm runs it.
import { parseTemplates, render } from '../gotemplate';

export function releaseNameFromTemplate(template: string): { name: string } | { error: string } {
  const set = parseTemplates([{ name: 'name-template', text: template }]);
  if (set.errors.length) return { error: set.errors[0].message };
  const r = render(set, 'name-template', undefined, { budgetMs: 1000, maxOutput: 1024 });
  return r.ok ? { name: r.text } : { error: r.error.message };
}
