// The config-data domain: Secrets, ConfigMaps and the objects whose controllers create Secrets
// (External Secrets, Sealed Secrets, Vault Secrets Operator), by the name they provide and the
// keys they hold, for references that must resolve (SEC06).
import type { K8sObject, ParsedFile } from '../../model/parse';
import { entries, getIn, getMap, str } from '../../model/yaml-nav';
import type { WorkspaceIndex } from '../index';
import type { ObjectSummary } from '../summary';

declare module '../summary' {
  interface ObjectSummary {
    /** Secrets, ConfigMaps and what creates Secrets in the cluster (dangling references, SEC06). */
    configData?: ConfigDataFacts;
  }
}

export interface ConfigDataFacts {
  /** What the object makes available under its `name`. */
  provides: 'Secret' | 'ConfigMap';
  /** The name it provides (a secret manager's target name, else the object's own). */
  name?: string;
  /** Keys of data/stringData/binaryData; undefined when unknown (made by a controller). */
  keys?: string[];
}

export function extractConfigData(o: K8sObject, _file: ParsedFile, into: ObjectSummary): void {
  const cd = configDataFacts(o);
  if (cd) into.configData = cd;
}

// Objects whose controller creates a Secret: External Secrets, Sealed Secrets, Vault Secrets
// Operator, cert-manager (a Certificate's key pair and certificate, as a kubernetes.io/tls Secret).
const SECRET_PRODUCERS: ReadonlyArray<{ group: string; kind: string; name: readonly string[] }> = [
  { group: 'external-secrets.io', kind: 'ExternalSecret', name: ['spec', 'target', 'name'] },
  { group: 'bitnami.com', kind: 'SealedSecret', name: ['spec', 'template', 'metadata', 'name'] },
  { group: 'secrets.hashicorp.com', kind: 'VaultStaticSecret', name: ['spec', 'destination', 'name'] },
  { group: 'secrets.hashicorp.com', kind: 'VaultDynamicSecret', name: ['spec', 'destination', 'name'] },
  { group: 'secrets.hashicorp.com', kind: 'HCPVaultSecretsApp', name: ['spec', 'destination', 'name'] },
  { group: 'cert-manager.io', kind: 'Certificate', name: ['spec', 'secretName'] },
];

function configDataFacts(o: K8sObject): ConfigDataFacts | undefined {
  if (o.group === '' && (o.kind === 'Secret' || o.kind === 'ConfigMap')) {
    const keys = ['data', 'stringData', 'binaryData'].flatMap(f => entries(getMap(o.node, f, o.doc), o.doc).map(e => e.name));
    return { provides: o.kind, name: o.name, keys };
  }
  const producer = SECRET_PRODUCERS.find(p => p.kind === o.kind && p.group === o.group);
  if (producer) return { provides: 'Secret', name: str(getIn(o.node, producer.name, o.doc)) ?? o.name };
  return undefined;
}

/**
 * The objects of the workspace that provide a `kind` named `name` where `self` may see it: in
 * its namespace, or either namespace a guess (so a guess never makes a finding).
 */
export function providersOf(index: WorkspaceIndex, kind: ConfigDataFacts['provides'], name: string, self: ObjectSummary): ObjectSummary[] {
  return index.all().filter(o => o.configData?.provides === kind && o.configData.name === name && index.mayShareNamespace(o, self));
}
