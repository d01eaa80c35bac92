// Rendered output that does not parse fails the render as Helm fails it ("YAML parse error on
// ..."), and the failure points at the template text that printed the offending output: the
// literal text there, or the action whose value broke the document.
import * as assert from 'node:assert/strict';
import { renderChart } from '@kube-harden/server/out/engine/render/helm/index';

const chart = (values: string, pod: string) => [
  { path: 'Chart.yaml', text: 'apiVersion: v2\nname: demo\nversion: 0.1.0\n' },
  { path: 'values.yaml', text: values },
  { path: 'templates/pod.yaml', text: pod },
];
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n';

describe('helm: YAML errors in the rendered output', () => {
  it('points at the action that printed a value breaking the document', () => {
    const r = renderChart(chart('name: "a: b"\n', `${POD}  - name: {{ .Values.name }}\n    image: nginx\n`));
    assert.deepEqual(r.ok ? 'rendered' : { error: r.error, at: r.at }, {
      error: 'YAML parse error on demo/templates/pod.yaml: error converting YAML to JSON: yaml: line 7: Nested mappings are not allowed in compact mappings',
      // Go's column: 0-based, at the `{{` of the action.
      at: { path: 'templates/pod.yaml', line: 7, col: 10 },
    });
  });

  it('points at literal template text that does not parse', () => {
    const r = renderChart(chart('x: 1\n', `${POD}  - name: a\n    image: "\\xZZ"\n`));
    assert.deepEqual(r.ok ? 'rendered' : { error: r.error, at: r.at }, {
      error: 'YAML parse error on demo/templates/pod.yaml: error converting YAML to JSON: yaml: line 8: Invalid escape sequence \\xZZ',
      at: { path: 'templates/pod.yaml', line: 8, col: 12 },
    });
  });
});
