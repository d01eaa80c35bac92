// `.Capabilities`: the Kubernetes version and API versions a render assumes. `helm template`
// takes them from the client-go it was built with; here the default is documented and fixed.
import { def, GoStruct, Value } from '../gotemplate';

/** The Kubernetes release assumed when --kube-version is not given. */
export const DEFAULT_KUBE_VERSION = 'v1.31.0';

/** The group/versions a v1.31 API server serves (client-go's scheme plus apiextensions), as Helm lists them. */
export const DEFAULT_API_VERSIONS: readonly string[] = [
  'v1', 'admissionregistration.k8s.io/v1', 'admissionregistration.k8s.io/v1beta1', 'admissionregistration.k8s.io/v1alpha1',
  'internal.apiserver.k8s.io/v1alpha1', 'apps/v1', 'apps/v1beta1', 'apps/v1beta2', 'authentication.k8s.io/v1',
  'authentication.k8s.io/v1beta1', 'authentication.k8s.io/v1alpha1', 'authorization.k8s.io/v1', 'authorization.k8s.io/v1beta1',
  'autoscaling/v1', 'autoscaling/v2', 'autoscaling/v2beta1', 'autoscaling/v2beta2', 'batch/v1', 'batch/v1beta1',
  'certificates.k8s.io/v1', 'certificates.k8s.io/v1beta1', 'certificates.k8s.io/v1alpha1', 'coordination.k8s.io/v1',
  'coordination.k8s.io/v1beta1', 'coordination.k8s.io/v1alpha1', 'discovery.k8s.io/v1', 'discovery.k8s.io/v1beta1',
  'events.k8s.io/v1', 'events.k8s.io/v1beta1', 'extensions/v1beta1', 'flowcontrol.apiserver.k8s.io/v1',
  'flowcontrol.apiserver.k8s.io/v1beta1', 'flowcontrol.apiserver.k8s.io/v1beta2', 'flowcontrol.apiserver.k8s.io/v1beta3',
  'networking.k8s.io/v1', 'networking.k8s.io/v1beta1', 'networking.k8s.io/v1alpha1', 'node.k8s.io/v1', 'node.k8s.io/v1beta1',
  'node.k8s.io/v1alpha1', 'policy/v1', 'policy/v1beta1', 'rbac.authorization.k8s.io/v1', 'rbac.authorization.k8s.io/v1beta1',
  'rbac.authorization.k8s.io/v1alpha1', 'resource.k8s.io/v1alpha3', 'scheduling.k8s.io/v1', 'scheduling.k8s.io/v1beta1',
  'scheduling.k8s.io/v1alpha1', 'storage.k8s.io/v1', 'storage.k8s.io/v1beta1', 'storage.k8s.io/v1alpha1',
  'storagemigration.k8s.io/v1alpha1', 'apiextensions.k8s.io/v1beta1', 'apiextensions.k8s.io/v1',
];

export class CapabilitiesError extends Error {}

/** ParseKubeVersion: "1.16.0" or "v1.16" -> Version v1.16.0-ish, Major "1", Minor "16". */
function kubeVersion(text: string): GoStruct {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?([-+][0-9A-Za-z.+-]*)?$/.exec(text.trim());
  if (!m) throw new CapabilitiesError(`invalid kube version '${text}': could not parse "${text}" as version`);
  const git = text.startsWith('v') ? text : `v${text}`;
  const normalized = `v${m[1]}.${m[2]}.${m[3] ?? '0'}${m[4] ?? ''}`;
  return new GoStruct('common.KubeVersion', new Map<string, Value>([['Version', git], ['Major', m[1]], ['Minor', m[2]]]), normalized, {
    GitVersion: def([], () => git),
    String: def([], () => normalized),
  });
}

function versionSet(list: string[]): GoStruct {
  return new GoStruct('common.VersionSet', new Map(), `[${list.join(' ')}]`, {
    Has: def(['string'], ([v]) => list.includes(v as string)),
  });
}

export interface CapabilitiesOptions { kubeVersion?: string; apiVersions?: string[] }

export function capabilitiesObject(opts: CapabilitiesOptions): GoStruct {
  const api = [...DEFAULT_API_VERSIONS, ...(opts.apiVersions ?? [])];
  const helm = new GoStruct('version.BuildInfo', new Map<string, Value>([
    ['Version', 'v3.16.0'], ['GitCommit', ''], ['GitTreeState', ''], ['GoVersion', ''],
  ]));
  return new GoStruct('common.Capabilities', new Map<string, Value>([
    ['KubeVersion', kubeVersion(opts.kubeVersion ?? DEFAULT_KUBE_VERSION)],
    ['APIVersions', versionSet(api)],
    ['HelmVersion', helm],
  ]));
}
