// Typed views over every kind that carries a pod spec. One table says where the pod template
// lives; rules only ever see PodSpecView and ContainerView, whatever the kind.
import { Document, isMap, isScalar, Node, Scalar, YAMLMap } from 'yaml';
import { K8sObject } from './parse';
import { entries, get, getIn, getMap, getSeq, keyOf, Ref, seqItems, str } from './yaml-nav';

/**
 * Where the PodTemplateSpec (metadata + spec) sits in each pod-bearing kind. An empty path
 * means the object itself is the pod (its metadata and spec). `group: '*'` matches any group.
 */
export const POD_TEMPLATE_PATHS: ReadonlyArray<{ group: string; kind: string; path: readonly string[] }> = [
  { group: '', kind: 'Pod', path: [] },
  { group: '', kind: 'PodTemplate', path: ['template'] },
  { group: '', kind: 'ReplicationController', path: ['spec', 'template'] },
  { group: 'apps', kind: 'Deployment', path: ['spec', 'template'] },
  { group: 'apps', kind: 'StatefulSet', path: ['spec', 'template'] },
  { group: 'apps', kind: 'DaemonSet', path: ['spec', 'template'] },
  { group: 'apps', kind: 'ReplicaSet', path: ['spec', 'template'] },
  { group: 'extensions', kind: 'Deployment', path: ['spec', 'template'] },
  { group: 'extensions', kind: 'DaemonSet', path: ['spec', 'template'] },
  { group: 'extensions', kind: 'ReplicaSet', path: ['spec', 'template'] },
  { group: 'batch', kind: 'Job', path: ['spec', 'template'] },
  { group: 'batch', kind: 'CronJob', path: ['spec', 'jobTemplate', 'spec', 'template'] },
  // Custom resources that embed a PodTemplateSpec.
  { group: 'argoproj.io', kind: 'Rollout', path: ['spec', 'template'] },
  { group: 'apps.openshift.io', kind: 'DeploymentConfig', path: ['spec', 'template'] },
  { group: '', kind: 'DeploymentConfig', path: ['spec', 'template'] }, // OpenShift 3 legacy `apiVersion: v1`
  { group: 'serving.knative.dev', kind: 'Service', path: ['spec', 'template'] },
  { group: 'serving.knative.dev', kind: 'Configuration', path: ['spec', 'template'] },
  { group: 'keda.sh', kind: 'ScaledJob', path: ['spec', 'jobTargetRef', 'template'] },
  { group: 'kubeflow.org', kind: 'Notebook', path: ['spec', 'template'] },
];

export function podTemplatePath(obj: Pick<K8sObject, 'group' | 'kind'>): readonly string[] | undefined {
  return POD_TEMPLATE_PATHS.find(e => e.kind === obj.kind && (e.group === obj.group || e.group === '*'))?.path;
}

export type ContainerList = 'initContainers' | 'containers' | 'ephemeralContainers';
/** The order in which Pod Security Admission visits containers (policy/visitor.go). */
export const CONTAINER_LISTS: readonly ContainerList[] = ['initContainers', 'containers', 'ephemeralContainers'];

/** Fields a container inherits from the pod-level securityContext when it leaves them unset. */
export type InheritedField = 'runAsUser' | 'runAsGroup' | 'runAsNonRoot' | 'seLinuxOptions' | 'seccompProfile' | 'appArmorProfile' | 'windowsOptions';

export interface EffectiveValue extends Ref {
  from: 'container' | 'pod';
}

export class ContainerView {
  readonly name: string | undefined;
  constructor(
    readonly pod: PodSpecView,
    readonly list: ContainerList,
    readonly index: number,
    readonly node: YAMLMap,
    /** The sequence item as written (an alias when the container came through one). */
    readonly site: Node,
  ) {
    this.name = str(get(node, 'name', pod.doc));
  }

  /** `init container "x"`, `container "x"`, or `ephemeral container "x"` for messages. */
  get label(): string {
    const what = this.list === 'initContainers' ? 'Init container' : this.list === 'ephemeralContainers' ? 'Ephemeral container' : 'Container';
    return this.name !== undefined ? `${what} "${this.name}"` : `${what} #${this.index + 1}`;
  }

  get securityContext(): YAMLMap | undefined { return getMap(this.node, 'securityContext', this.pod.doc); }

  /** A field under the container's securityContext. */
  sc(...path: string[]): Ref | undefined { return getIn(this.node, ['securityContext', ...path], this.pod.doc); }

  field(...path: string[]): Ref | undefined { return getIn(this.node, path, this.pod.doc); }

  /** The entries of `ports` that are maps (aliases resolved). */
  ports(): YAMLMap[] {
    return seqItems(getSeq(this.node, 'ports', this.pod.doc), this.pod.doc).flatMap(r => (isMap(r.value) ? [r.value] : []));
  }

  /** Container value if set, else the pod-level securityContext value (Kubernetes inheritance). */
  effective(field: InheritedField): EffectiveValue | undefined {
    const own = this.sc(field);
    if (own) return { ...own, from: 'container' };
    const pod = this.pod.sc(field);
    return pod ? { ...pod, from: 'pod' } : undefined;
  }

  /**
   * Where to report something missing from this container: the deepest key of `path` (under the
   * container) that exists, else the container's `name` value, else its first key. Never the map.
   */
  anchor(...path: string[]): Node {
    return nearestKey(this.node, path, this.pod.doc) ?? this.nameNode ?? firstKey(this.node) ?? this.site;
  }

  get nameNode(): Node | undefined {
    const r = get(this.node, 'name', this.pod.doc);
    return r?.site;
  }
}

export class PodSpecView {
  readonly containers: ContainerView[];
  constructor(
    readonly object: K8sObject,
    /** The pod spec map (`spec` of a Pod, `spec.template.spec` of a Deployment, ...). */
    readonly spec: YAMLMap,
    /** The pod (template) metadata, where annotations for AppArmor and legacy seccomp live. */
    readonly metadata: YAMLMap | undefined,
    /** The map holding `spec` (the Pod itself or the template): where a missing spec key is reported. */
    readonly holder: YAMLMap,
  ) {
    this.containers = [];
    for (const list of CONTAINER_LISTS) {
      seqItems(getSeq(spec, list, this.doc), this.doc).forEach((item, index) => {
        if (isMap(item.value)) this.containers.push(new ContainerView(this, list, index, item.value, item.site));
      });
    }
  }

  get doc(): Document { return this.object.doc; }

  get securityContext(): YAMLMap | undefined { return getMap(this.spec, 'securityContext', this.doc); }

  sc(...path: string[]): Ref | undefined { return getIn(this.spec, ['securityContext', ...path], this.doc); }

  private readonly setAnywhereMemo = new Map<string, boolean>();

  /**
   * The pod or any of its containers states `securityContext.<field>`. Remembered per field: a fix
   * asks it once per container, and a pod with thousands of containers must stay linear.
   */
  setsAnywhere(field: string): boolean {
    let known = this.setAnywhereMemo.get(field);
    if (known === undefined) {
      known = this.sc(field) !== undefined || this.containers.some(x => x.sc(field) !== undefined);
      this.setAnywhereMemo.set(field, known);
    }
    return known;
  }

  field(...path: string[]): Ref | undefined { return getIn(this.spec, path, this.doc); }

  /** `spec.os.name: windows` — Pod Security relaxes some restricted checks for Windows pods. */
  get isWindows(): boolean { return str(this.field('os', 'name')) === 'windows'; }

  /** `spec.hostUsers: false` — the pod runs in its own user namespace. */
  get usesUserNamespace(): boolean {
    const r = this.field('hostUsers');
    return !!r && isScalar(r.value) && r.value.value === false;
  }

  /** The pod template's annotations (merge keys expanded), where AppArmor and legacy seccomp live. */
  annotations(): Array<{ name: string; ref: Ref; key: Scalar | undefined }> {
    const map = getMap(this.metadata, 'annotations', this.doc);
    return entries(map, this.doc).map(e => ({ ...e, key: keyOf(map, e.name, this.doc) }));
  }

  /** Where to report something missing at pod level: the deepest existing key of `path`, else `spec`'s key. */
  anchor(...path: string[]): Node {
    return nearestKey(this.spec, path, this.doc) ?? keyOf(this.holder, 'spec', this.doc) ?? firstKey(this.spec) ?? this.spec;
  }
}

/** The pod spec of a pod-bearing object, or undefined for any other kind (or a malformed one). */
export function podSpecOf(obj: K8sObject): PodSpecView | undefined {
  const path = podTemplatePath(obj);
  if (!path) return undefined;
  let holder: YAMLMap | undefined = obj.node;
  if (path.length > 0) {
    const t = getIn(obj.node, path, obj.doc);
    holder = t && isMap(t.value) ? t.value : undefined;
  }
  if (!holder) return undefined;
  const spec = getMap(holder, 'spec', obj.doc);
  if (!spec) return undefined;
  return new PodSpecView(obj, spec, getMap(holder, 'metadata', obj.doc), holder);
}

function nearestKey(map: YAMLMap, path: readonly string[], doc: Document): Node | undefined {
  let cur: YAMLMap | undefined = map;
  let last: Node | undefined;
  for (const name of path) {
    if (!cur) break;
    const k = keyOf(cur, name, doc);
    if (!k) break;
    last = k;
    cur = getMap(cur, name, doc);
  }
  return last;
}

function firstKey(map: YAMLMap): Node | undefined {
  const first = map.items[0];
  return first && isScalar(first.key) ? first.key : undefined;
}
