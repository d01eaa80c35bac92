// What the workspace keeps of Services and of the objects that route to them (Ingress, Gateway
// API routes): enough to tell a Service that selects no pod (NET13), a backend that names no
// Service or port of the workspace (NET14), and an exposed Service in front of an admin UI (NET15).
import { isMap, YAMLMap } from 'yaml';
import type { K8sObject, ParsedFile } from '../../model/parse';
import { get, getMap, getSeq, seqItems, str } from '../../model/yaml-nav';
import { perModel } from '../derive';
import type { WorkspaceIndex } from '../index';
import { readLabels } from '../selector';
import type { ObjectSummary } from '../summary';

declare module '../summary' {
  interface ObjectSummary {
    /** A core Service: its type, selector and ports (NET13-NET15). */
    service?: ServiceFacts;
  }
}

export interface ServicePort {
  name?: string;
  port?: number;
}

export interface ServiceFacts {
  type: string;
  /** `spec.selector` (a plain map); undefined when the Service has none (its endpoints are managed by hand or by a controller). */
  selector?: Record<string, string>;
  ports: ServicePort[];
}

export function extractServiceFacts(o: K8sObject, _file: ParsedFile, into: ObjectSummary): void {
  const svc = serviceFacts(o);
  if (svc) into.service = svc;
}

/** The facts of a core Service, else undefined. */
export function serviceFacts(o: K8sObject): ServiceFacts | undefined {
  if (o.kind !== 'Service' || o.group !== '') return undefined;
  const spec = getMap(o.node, 'spec', o.doc);
  const selector = getMap(spec, 'selector', o.doc);
  const ports = seqItems(getSeq(spec, 'ports', o.doc), o.doc).map(p => p.value).filter((m): m is YAMLMap => isMap(m)).map(m => {
    const out: ServicePort = {};
    const name = str(get(m, 'name', o.doc));
    const port = Number(str(get(m, 'port', o.doc)));
    if (name) out.name = name;
    if (Number.isInteger(port)) out.port = port;
    return out;
  });
  const facts: ServiceFacts = { type: str(get(spec, 'type', o.doc)) ?? 'ClusterIP', ports };
  if (selector) facts.selector = readLabels(selector, o.doc);
  return facts;
}

/** True when the Service offers the port: by number, or by name (`port.name` of an Ingress backend). */
export function hasPort(s: ServiceFacts, port: number | string): boolean {
  return s.ports.some(p => (typeof port === 'number' ? p.port === port : p.name === port));
}

/** The Services of the workspace by `<namespace>/<name>`. */
const services = perModel(index => {
  const map = new Map<string, ObjectSummary>();
  for (const o of index.all()) if (o.service && o.name) map.set(`${index.namespaceOf(o)}/${o.name}`, o);
  return map;
});

/** The Service `name` of namespace `ns`, when the workspace has it. */
export function serviceNamed(index: WorkspaceIndex, ns: string, name: string): ObjectSummary | undefined {
  return services(index).get(`${ns}/${name}`);
}

/** True when the workspace holds some Service of namespace `ns`. */
export function hasServicesIn(index: WorkspaceIndex, ns: string): boolean {
  for (const key of services(index).keys()) if (key.startsWith(`${ns}/`)) return true;
  return false;
}
