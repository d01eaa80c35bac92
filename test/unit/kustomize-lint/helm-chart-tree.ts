// A kustomization whose helmCharts entry inflates a local chart (`app/charts/web`): one Pod,
// restricted-compliant but for `privileged`, which the values decide. Shared by the check and
// editor tests of helmCharts.

/** The chart's Pod template (line 10: `      privileged: {{ .Values.privileged }}`), its container named `container`. */
function chartPodTemplate(container: string): string {
  return [
    'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: {{ .Release.Name }}-web', 'spec:', '  containers:', `  - name: ${container}`,
    '    image: nginx:1.27', '    securityContext:', '      privileged: {{ .Values.privileged }}', '      runAsNonRoot: true',
    '      allowPrivilegeEscalation: false', '      capabilities:', '        drop: [ALL]', '      seccompProfile:', '        type: RuntimeDefault',
    '    resources:', '      limits: {memory: 128Mi}', '',
  ].join('\n');
}

/** `app/kustomization.yaml` inflating the chart (values.yaml: `privileged: false`) with `privileged` inline. */
export function helmChartTree(container: string, inlinePrivileged: boolean): Record<string, string> {
  return {
    'app/charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
    'app/charts/web/values.yaml': 'privileged: false\n',
    'app/charts/web/templates/pod.yaml': chartPodTemplate(container),
    'app/kustomization.yaml': `helmCharts:\n  - name: web\n    releaseName: prod\n    valuesInline:\n      privileged: ${inlinePrivileged}\n`,
  };
}

/**
 * `app/kustomization.yaml` (as given) inflating a chart whose Pod prints `hostNetwork`, `image`
 * (quoted) and the whole `securityContext` map (`toYaml`) from its values; `chartValues`: the
 * chart's own values.yaml after its restricted-compliant securityContext; `files`: the tree's others.
 */
export function helmValuesTree(kustomization: string, chartValues: string, files: Record<string, string> = {}): Record<string, string> {
  return {
    'app/charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
    'app/charts/web/values.yaml': [
      'securityContext:', '  runAsNonRoot: true', '  allowPrivilegeEscalation: false', '  capabilities: {drop: [ALL]}',
      '  seccompProfile: {type: RuntimeDefault}', chartValues,
    ].join('\n'),
    'app/charts/web/templates/pod.yaml': [
      'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: {{ .Release.Name }}-web', 'spec:', '  hostNetwork: {{ .Values.hostNetwork }}',
      '  containers:', '  - name: web', '    image: "{{ .Values.image }}"', '    securityContext:',
      '      {{- toYaml .Values.securityContext | nindent 6 }}', '    resources:', '      limits: {memory: 128Mi}', '',
    ].join('\n'),
    'app/kustomization.yaml': kustomization,
    ...files,
  };
}
