import { isMap } from 'yaml';
import { setScalar } from '../../fix/map';
import { specOf } from '../../model/object';
import { entries, get, getMap, str } from '../../model/yaml-nav';
import { defineRule } from '../../rule';

const WEAK = new Set(['PERMISSIVE', 'DISABLE']);

export default defineRule({
  id: 'require-strict-mtls',
  title: 'Istio PeerAuthentications require mutual TLS',
  category: 'network',
  severity: 'warning',
  pss: null,
  level: 'restricted',
  covers: ['MESH01'],
  equivalents: {},
  kinds: ['PeerAuthentication'],
  messages: {
    mode: 'PeerAuthentication "{{name}}" sets mtls.mode: {{mode}}: {{consequence}} Set it to STRICT.',
    portMode: 'PeerAuthentication "{{name}}" sets mode {{mode}} for port {{port}}: {{consequence}} Set it to STRICT.',
  },
  fixMessages: {
    setStrict: 'Set mtls.mode: STRICT',
    setPortStrict: 'Set mode: STRICT for port {{port}}',
  },
  docs: {
    summary: 'Istio encrypts and authenticates traffic between sidecars with mutual TLS, but a PeerAuthentication '
      + 'in PERMISSIVE mode also accepts plain text, and DISABLE turns mutual TLS off: any pod, in the mesh '
      + 'or not, can then connect without a workload identity, and AuthorizationPolicies that match on '
      + 'principals or namespaces see no identity to check. This applies mesh-wide in the root namespace '
      + '(istio-system), per namespace, or per workload and port (`portLevelMtls`). Mode UNSET, which '
      + 'inherits from the parent, is not reported.',
    remediation: 'Set `spec.mtls.mode: STRICT` (and in every `portLevelMtls` entry) once every client of the workloads '
      + 'has a sidecar; use PERMISSIVE only while migrating, for a limited time.',
    references: ['https://istio.io/latest/docs/reference/config/security/peer_authentication/', 'https://istio.io/latest/docs/tasks/security/authentication/mtls-migration/'],
  },
  examples: {
    incorrect: `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: istio-system
spec:
  mtls:
    mode: PERMISSIVE  # migrating
`,
    correct: `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: istio-system
spec:
  mtls:
    mode: STRICT  # migrating
`,
  },
  // Clients without a sidecar (probes from outside the mesh, legacy callers) can no longer connect.
  fix: { safety: 'unsafe', risk: 'clients outside the mesh can no longer connect in plain text' },
  checkObject({ object, report }) {
    if (object.group !== 'security.istio.io') return;
    const spec = specOf(object);
    const name = object.name ?? '(unnamed)';
    const mtls = getMap(spec, 'mtls', object.doc);
    const mode = get(mtls, 'mode', object.doc);
    if (WEAK.has(str(mode) ?? '')) {
      report({
        messageId: 'mode', data: { name, mode: str(mode)!, consequence: consequence(str(mode)!) }, at: mode!.value,
        fix: { messageId: 'setStrict', edits: ({ text, doc }) => mtls && setScalar(text, doc, mtls, 'mode', 'STRICT') },
      });
    }
    for (const { name: port, ref } of entries(getMap(spec, 'portLevelMtls', object.doc), object.doc)) {
      if (!isMap(ref.value)) continue;
      const m = get(ref.value, 'mode', object.doc);
      if (!WEAK.has(str(m) ?? '')) continue;
      const target = ref.value;
      report({
        messageId: 'portMode', data: { name, port, mode: str(m)!, consequence: consequence(str(m)!) }, at: m!.value,
        fix: { messageId: 'setPortStrict', data: { port }, edits: ({ text, doc }) => setScalar(text, doc, target, 'mode', 'STRICT') },
      });
    }
  },
});

function consequence(mode: string): string {
  return mode === 'DISABLE'
    ? 'traffic is plain text and peers are not authenticated.'
    : 'plain-text connections from clients without a workload identity are accepted too.';
}
