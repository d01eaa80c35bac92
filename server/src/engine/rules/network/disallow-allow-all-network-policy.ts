import { isMap, isScalar, Node, YAMLMap } from 'yaml';
import { K8sObject } from '../../model/parse';
import { specOf } from '../../model/object';
import { get, getMap, getSeq, keyOf, Ref, seqItems, str } from '../../model/yaml-nav';
import { defineRule, Report } from '../../rule';
import { NETWORK_POLICY_DOC } from '../references';

type Direction = 'ingress' | 'egress';
type Emit = (r: Report<MessageId>) => void;
type MessageId = 'anySource' | 'anyDestination' | 'emptyPeer' | 'world' | 'entity';

const WORLD_CIDRS = new Set(['0.0.0.0/0', '::/0']);
const WORLD_ENTITIES = new Set(['world', 'all']);
// Calico's keys that name the other end of a rule.
const CALICO_PEER_KEYS = ['selector', 'notSelector', 'namespaceSelector', 'nets', 'notNets', 'serviceAccounts', 'services'];

export default defineRule({
  id: 'disallow-allow-all-network-policy',
  title: 'NetworkPolicy rules do not admit every source or destination',
  category: 'network',
  severity: 'warning',
  pss: null,
  level: 'restricted',
  covers: ['NET08', 'NET16'],
  equivalents: {},
  kinds: ['NetworkPolicy', 'GlobalNetworkPolicy', 'CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy'],
  messages: {
    anySource: 'Ingress rule #{{rule}} of {{kind}} "{{name}}" names no source: it admits connections from anywhere, '
      + 'inside and outside the cluster, on {{ports}}. List the pods, namespaces or CIDRs that need access.',
    anyDestination: 'Egress rule #{{rule}} of {{kind}} "{{name}}" names no destination: it allows connections to anywhere '
      + 'on {{ports}}. List the pods, namespaces or CIDRs the pods need.',
    emptyPeer: 'The empty peer {} in {{direction}} rule #{{rule}} of {{kind}} "{{name}}" stands for every {{what}}, '
      + 'and the API server rejects it ("must specify a peer"). Name the pods, namespaces or CIDRs allowed.',
    world: '{{Direction}} rule #{{rule}} of {{kind}} "{{name}}" allows {{cidr}}, every address {{where}}, on {{ports}}. Narrow it to the CIDRs really needed.',
    entity: '{{Direction}} rule #{{rule}} of {{kind}} "{{name}}" allows the Cilium entity "{{entity}}" '
      + '({{meaning}}) on {{ports}}. Narrow it to the endpoints, CIDRs or FQDNs really needed.',
  },
  docs: {
    summary: 'An allow rule that admits every source (or destination) turns a policy back into no policy for the '
      + 'ports it names: an ingress rule without `from` (`ingress: [{}]` admits everything), an empty peer '
      + '`{}`, an ipBlock of 0.0.0.0/0 or ::/0, an egress rule without `to`, Cilium\'s `world` and `all` '
      + 'entities and 0.0.0.0/0 CIDRs, Calico allow rules without a source or destination. Rules limited to '
      + 'some ports are reported as information (a public web server must accept port 443 from anywhere); '
      + 'egress rules without destination that only open DNS (port 53) are not reported. Cilium\'s empty rule '
      + '`{}` denies rather than allows, and is not reported.',
    remediation: 'Replace the catch-all with the peers that need the connection: `podSelector` and `namespaceSelector` '
      + 'for pods of the cluster, `ipBlock` with the narrowest CIDRs for outside addresses, and list the '
      + 'ports. For internet egress, prefer an egress gateway or Cilium `toFQDNs`.',
    references: [NETWORK_POLICY_DOC, 'https://docs.cilium.io/en/stable/security/policy/language/'],
  },
  examples: {
    incorrect: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
  ingress:
  - {}
  egress:
  - {}
`,
    correct: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`,
  },
  fix: null,
  checkObject({ object, report }) {
    const emit: Emit = report;
    const base = { kind: object.kind, name: object.name ?? '(unnamed)' };
    if (object.kind === 'NetworkPolicy' && object.group === 'networking.k8s.io') kubernetes(object, base, emit);
    else if (object.group === 'cilium.io' && object.kind !== 'NetworkPolicy' && object.kind !== 'GlobalNetworkPolicy') cilium(object, base, emit);
    else if (object.group === 'projectcalico.org' || object.group === 'crd.projectcalico.org') calico(object, { ...base, kind: `Calico ${object.kind}` }, emit);
  },
});

/** `every port`, `port 443`, `ports 80, 443, UDP 53`: what a rule's port list opens. */
function portsText(ports: Ref[], portKey: string, doc: K8sObject['doc']): string {
  if (ports.length === 0) return 'every port';
  const names = ports.map(p => {
    if (!isMap(p.value)) return 'every port';
    const port = str(get(p.value, portKey, doc));
    const protocol = str(get(p.value, 'protocol', doc));
    if (port === undefined) return `every ${protocol ?? 'TCP'} port`;
    return protocol && protocol !== 'TCP' ? `${protocol} ${port}` : port;
  });
  const all = [...new Set(names.filter(n => n.startsWith('every')))];
  if (all.includes('every port')) return 'every port';
  const some = names.filter(n => !n.startsWith('every'));
  return [...(some.length ? [`${some.length > 1 ? 'ports' : 'port'} ${some.join(', ')}`] : []), ...all].join(' and ');
}

function kubernetes(o: K8sObject, base: Record<string, string>, emit: Emit): void {
  const spec = specOf(o);
  for (const direction of ['ingress', 'egress'] as const) {
    const peerKey = direction === 'ingress' ? 'from' : 'to';
    seqItems(getSeq(spec, direction, o.doc), o.doc).forEach((rule, i) => {
      const m = isMap(rule.value) ? rule.value : undefined;
      const ports = seqItems(getSeq(m, 'ports', o.doc), o.doc);
      const limited = ports.length > 0 && ports.every(p => isMap(p.value) && get(p.value, 'port', o.doc));
      const data = { ...base, rule: i + 1, ports: portsText(ports, 'port', o.doc) };
      // DNS to anywhere is how most egress policies let pods resolve names: not a catch-all.
      if (direction === 'egress' && limited && isDnsOnly(ports, 'port', o.doc)) return;
      const peers = seqItems(getSeq(m, peerKey, o.doc), o.doc);
      if (peers.length === 0) {
        emit({ messageId: direction === 'ingress' ? 'anySource' : 'anyDestination', data, at: rule.site, severity: limited ? 'info' : undefined });
        return;
      }
      for (const peer of peers) {
        if (!isMap(peer.value)) continue;
        if (!['podSelector', 'namespaceSelector', 'ipBlock'].some(k => keyOf(peer.value as YAMLMap, k, o.doc))) {
          emit({ messageId: 'emptyPeer', data: { ...data, direction, what: direction === 'ingress' ? 'source' : 'destination' }, at: peer.site });
          continue;
        }
        const cidr = get(getMap(peer.value, 'ipBlock', o.doc), 'cidr', o.doc);
        if (WORLD_CIDRS.has(str(cidr) ?? '')) emit(world(direction, data, str(cidr)!, cidr!.value, limited));
      }
    });
  }
}

function world(direction: Direction, data: Record<string, string | number>, cidr: string, at: Node, limited: boolean): Report<MessageId> {
  const where = direction === 'ingress' ? 'in and outside the cluster' : 'on the internet and in the cluster';
  return { messageId: 'world', data: { ...data, Direction: direction === 'ingress' ? 'Ingress' : 'Egress', cidr, where }, at, severity: limited ? 'info' : undefined };
}

function isDnsOnly(ports: Ref[], portKey: string, doc: K8sObject['doc']): boolean {
  return ports.every(p => isMap(p.value) && str(get(p.value, portKey, doc)) === '53');
}

function cilium(o: K8sObject, base: Record<string, string>, emit: Emit): void {
  const specs = [specOf(o), ...seqItems(getSeq(o.node, 'specs', o.doc), o.doc).map(r => (isMap(r.value) ? r.value : undefined))]
    .filter((m): m is YAMLMap => !!m);
  for (const spec of specs) {
    for (const direction of ['ingress', 'egress'] as const) {
      const p = direction === 'ingress' ? 'from' : 'to';
      seqItems(getSeq(spec, direction, o.doc), o.doc).forEach((rule, i) => {
        if (!isMap(rule.value)) return;
        // toPorts: [{ports: [{port: "443", protocol: TCP}]}]
        const ports = seqItems(getSeq(rule.value, 'toPorts', o.doc), o.doc)
          .flatMap(tp => (isMap(tp.value) ? seqItems(getSeq(tp.value, 'ports', o.doc), o.doc) : []));
        const limited = ports.length > 0 && ports.every(x => isMap(x.value) && get(x.value, 'port', o.doc) && str(get(x.value, 'port', o.doc)) !== '0');
        if (direction === 'egress' && limited && isDnsOnly(ports, 'port', o.doc)) return;
        const data = { ...base, rule: i + 1, ports: portsText(ports, 'port', o.doc), Direction: direction === 'ingress' ? 'Ingress' : 'Egress' };
        for (const e of seqItems(getSeq(rule.value, `${p}Entities`, o.doc), o.doc)) {
          const entity = str(e);
          if (!entity || !WORLD_ENTITIES.has(entity)) continue;
          const meaning = entity === 'all' ? 'every endpoint, in and outside the cluster' : 'every address outside the cluster';
          emit({ messageId: 'entity', data: { ...data, entity, meaning }, at: e.value, severity: limited ? 'info' : undefined });
        }
        const cidrs = [
          ...seqItems(getSeq(rule.value, `${p}CIDR`, o.doc), o.doc),
          ...seqItems(getSeq(rule.value, `${p}CIDRSet`, o.doc), o.doc).map(s => (isMap(s.value) ? get(s.value, 'cidr', o.doc) : undefined)),
        ];
        for (const c of cidrs) if (c && WORLD_CIDRS.has(str(c) ?? '')) emit(world(direction, data, str(c)!, c.value, limited));
      });
    }
  }
}

function calico(o: K8sObject, base: Record<string, string>, emit: Emit): void {
  const spec = specOf(o);
  for (const direction of ['ingress', 'egress'] as const) {
    seqItems(getSeq(spec, direction, o.doc), o.doc).forEach((rule, i) => {
      if (!isMap(rule.value) || str(get(rule.value, 'action', o.doc)) !== 'Allow') return;
      const destination = getMap(rule.value, 'destination', o.doc);
      const peer = getMap(rule.value, direction === 'ingress' ? 'source' : 'destination', o.doc);
      const ports = seqItems(getSeq(destination, 'ports', o.doc), o.doc);
      // Calico ports are plain numbers, names or "1000:2000" ranges.
      const limited = ports.length > 0;
      const portList = ports.map(x => str(x)).filter((x): x is string => x !== undefined);
      const data = { ...base, rule: i + 1, ports: limited ? `${portList.length > 1 ? 'ports' : 'port'} ${portList.join(', ')}` : 'every port', Direction: direction === 'ingress' ? 'Ingress' : 'Egress' };
      if (direction === 'egress' && limited && portList.every(x => x === '53')) return;
      if (!CALICO_PEER_KEYS.some(k => keyOf(peer, k, o.doc))) {
        const at = keyOf(rule.value, 'action', o.doc) ?? rule.site;
        emit({ messageId: direction === 'ingress' ? 'anySource' : 'anyDestination', data, at, severity: limited ? 'info' : undefined });
        return;
      }
      for (const net of seqItems(getSeq(peer, 'nets', o.doc), o.doc)) {
        if (isScalar(net.value) && WORLD_CIDRS.has(str(net) ?? '')) emit(world(direction, data, str(net)!, net.value, limited));
      }
    });
  }
}
