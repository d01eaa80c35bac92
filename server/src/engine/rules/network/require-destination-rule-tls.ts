import { isMap, YAMLMap } from 'yaml';
import { setScalar } from '../../fix/map';
import { specOf } from '../../model/object';
import { get, getIn, getMap, getSeq, seqItems, str } from '../../model/yaml-nav';
import { defineRule, MessageProposal } from '../../rule';

export default defineRule({
  id: 'require-destination-rule-tls',
  title: 'Istio DestinationRules do not disable TLS',
  category: 'network',
  severity: 'warning',
  pss: null,
  level: 'restricted',
  covers: ['MESH02'],
  equivalents: {},
  kinds: ['DestinationRule'],
  messages: {
    disabled: 'DestinationRule "{{name}}" sets tls.mode: DISABLE{{where}} for host "{{host}}": sidecars send that '
      + 'traffic in plain text, without authenticating the server. Use ISTIO_MUTUAL for services in the mesh, '
      + 'SIMPLE or MUTUAL for servers outside it.',
  },
  fixMessages: {
    meshTls: 'Set tls.mode: ISTIO_MUTUAL (a service in the mesh)',
    externalTls: 'Set tls.mode: SIMPLE (a TLS server outside the mesh)',
  },
  docs: {
    summary: 'A DestinationRule\'s traffic policy decides how sidecars connect to a destination. `tls.mode: '
      + 'DISABLE` makes them send plain text even where Istio would otherwise use mutual TLS automatically: '
      + 'the traffic can be read and changed on the network, the server is not authenticated, and a STRICT '
      + 'PeerAuthentication on the server then rejects the connection. Checked in the policy of the rule, of '
      + 'each port (`portLevelSettings`) and of each subset.',
    remediation: 'Set `tls.mode: ISTIO_MUTUAL` for services in the mesh (or remove `tls` to let Istio choose mutual '
      + 'TLS automatically), and `SIMPLE` (or `MUTUAL` with client certificates) for servers outside the mesh '
      + 'that speak TLS.',
    references: ['https://istio.io/latest/docs/reference/config/networking/destination-rule/#ClientTLSSettings', 'https://istio.io/latest/docs/ops/configuration/traffic-management/tls-configuration/'],
  },
  examples: {
    incorrect: `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: api
spec:
  host: api.example.com
  trafficPolicy: {tls: {mode: DISABLE}}
`,
    correct: `apiVersion: networking.istio.io/v1beta1
kind: DestinationRule
metadata:
  name: r
spec:
  host: reviews
  trafficPolicy:
    loadBalancer: {simple: ROUND_ROBIN}
`,
  },
  fix: null,
  checkObject({ object, report }) {
    if (object.group !== 'networking.istio.io') return;
    const spec = specOf(object);
    const host = str(get(spec, 'host', object.doc)) ?? '(no host)';
    const name = object.name ?? '(unnamed)';
    const check = (policy: YAMLMap | undefined, subset: string | undefined) => {
      const places: Array<{ tls: YAMLMap | undefined; port?: string }> = [{ tls: getMap(policy, 'tls', object.doc) }];
      for (const s of seqItems(getSeq(policy, 'portLevelSettings', object.doc), object.doc)) {
        if (isMap(s.value)) places.push({ tls: getMap(s.value, 'tls', object.doc), port: str(getIn(s.value, ['port', 'number'], object.doc)) ?? '?' });
      }
      for (const { tls, port } of places) {
        const mode = get(tls, 'mode', object.doc);
        if (str(mode) !== 'DISABLE' || !tls) continue;
        const where = `${subset !== undefined ? ` in subset "${subset}"` : ''}${port !== undefined ? ` for port ${port}` : ''}`;
        report({ messageId: 'disabled', data: { name, where, host }, at: mode!.value, suggestions: suggestions(tls, host) });
      }
    };
    check(getMap(spec, 'trafficPolicy', object.doc), undefined);
    for (const s of seqItems(getSeq(spec, 'subsets', object.doc), object.doc)) {
      if (isMap(s.value)) check(getMap(s.value, 'trafficPolicy', object.doc), str(get(s.value, 'name', object.doc)) ?? '?');
    }
  },
});

/** Which mode is right depends on the destination: the mesh's mutual TLS, or a TLS server outside it. */
function suggestions(tls: YAMLMap, host: string): MessageProposal[] {
  const mesh: MessageProposal = { messageId: 'meshTls', edits: ({ text, doc }) => setScalar(text, doc, tls, 'mode', 'ISTIO_MUTUAL') };
  const external: MessageProposal = { messageId: 'externalTls', edits: ({ text, doc }) => setScalar(text, doc, tls, 'mode', 'SIMPLE') };
  const inCluster = !host.includes('.') || /\.svc(\.cluster\.local)?$/.test(host);
  return inCluster ? [mesh, external] : [external, mesh];
}
