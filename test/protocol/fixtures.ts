// Manifests and URIs shared by the protocol tests. Line and character numbers in the tests are
// 0-based, as LSP sends them.
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { yaml } from '../helpers/manifest';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

let counter = 0;
/** A fresh file: URI per call, so documents of different tests never meet. */
export function fileUri(name: string): string {
  return pathToFileURL(path.join(os.tmpdir(), 'kube-harden-protocol', `${process.pid}-${++counter}`, name)).href;
}

/**
 * A default-deny NetworkPolicy for the pods of the file's namespace, as a second document: a
 * pod no policy selects may itself be a finding (require-network-policy: with enable-all, or
 * when its namespace has other policies), so the pods here are isolated whatever the settings.
 */
export const DEFAULT_DENY = yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: default-deny
  spec:
    podSelector: {}
    policyTypes: [Ingress, Egress]
`;

// Line 8 `    securityContext:` (the nearest existing key for the missing runAsNonRoot, chars 4-19),
// line 9 `      privileged: true` (the value `true`, chars 18-22). Otherwise restricted-compliant
// (isolated by the policy after it, and memory-limited: require-memory-limit is on by default),
// so those two are the only findings.
export const PRIVILEGED_POD = `${yaml`
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
        allowPrivilegeEscalation: false
        capabilities:
          drop: [ALL]
        seccompProfile:
          type: RuntimeDefault
      resources:
        limits: {memory: 128Mi}
`}---\n${DEFAULT_DENY}`;

export const PRIVILEGED_MESSAGE = 'Container "app" is privileged: remove securityContext.privileged or set it to false.';
export const RUN_AS_ROOT_MESSAGE = 'Container "app" may run as root: set securityContext.runAsNonRoot: true (here or in the pod securityContext).';

export function range(line: number, character: number, endLine: number, endCharacter: number) {
  return { start: { line, character }, end: { line: endLine, character: endCharacter } };
}
