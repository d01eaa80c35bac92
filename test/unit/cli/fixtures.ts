// Manifests shared by the CLI tests, with the positions their findings must have (1-based,
// counted by hand from the text below).
import { formatMessage, ruleById } from '@kube-harden/server';
import { yaml } from '../../helpers/manifest';

/** The two rules present when these tests were written; other rules may report more. */
export const KNOWN_RULES = new Set(['disallow-privileged-containers', 'require-run-as-non-root']);

export function message(ruleId: string, messageId: string, data: Record<string, string>): string {
  const rule = ruleById(ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  return formatMessage(rule.messages[messageId], data);
}

export const PRIVILEGED_POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
      - name: app
        image: nginx:1.27
        securityContext:
          privileged: true
`;

/** The findings of PRIVILEGED_POD at restricted, in file order, as `--format json` prints them. */
export function privilegedPodFindings(file: string): object[] {
  return [
    {
      file,
      rule: 'require-run-as-non-root',
      severity: 'warning',
      message: message('require-run-as-non-root', 'missing', { container: 'Container "app"' }),
      // runAsNonRoot is missing: the nearest existing key, `securityContext` on line 9, 6 spaces in.
      range: { start: { line: 9, column: 7 }, end: { line: 9, column: 22 } },
      covers: ['R03'],
      fix: { safety: 'unsafe' },
    },
    {
      file,
      rule: 'disallow-privileged-containers',
      severity: 'error',
      message: message('disallow-privileged-containers', 'privileged', { container: 'Container "app"' }),
      // `        privileged: true`: the value starts after 8 spaces + "privileged: " (12).
      range: { start: { line: 10, column: 21 }, end: { line: 10, column: 25 } },
      covers: ['B05'],
      // Turning privileged off is never safe: the container may need the host.
      fix: { safety: 'unsafe' },
    },
  ];
}

/** The same pod as JSON; `"privileged": true` is on line 12. */
export const PRIVILEGED_POD_JSON = `{
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": { "name": "web" },
  "spec": {
    "containers": [
      {
        "name": "app",
        "image": "nginx:1.27",
        "securityContext": {
          "runAsNonRoot": true,
          "privileged": true
        }
      }
    ]
  }
}
`;

/** A pod that only lacks runAsNonRoot: a restricted finding, nothing at baseline. */
export const ROOT_POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: root
  spec:
    containers:
    - name: app
      image: nginx:1.27
`;

/** Not Kubernetes at all: nothing may be reported, whatever rules exist. */
export const NOT_A_MANIFEST = yaml`
  name: build
  services:
    app:
      privileged: true
      user: root
`;
