// From rendered files to Helm's manifest stream (pkg/release/v1/util): documents split on
// `---`, empty ones dropped, hooks set apart, objects ordered by kind (InstallOrder), each
// printed under its `# Source:` comment.
import { goYamlValue } from '../../model/go-yaml-stream';

export const INSTALL_ORDER: readonly string[] = [
  'PriorityClass', 'Namespace', 'NetworkPolicy', 'ResourceQuota', 'LimitRange', 'PodSecurityPolicy',
  'PodDisruptionBudget', 'ServiceAccount', 'Secret', 'SecretList', 'ConfigMap', 'StorageClass',
  'PersistentVolume', 'PersistentVolumeClaim', 'CustomResourceDefinition', 'ClusterRole', 'ClusterRoleList',
  'ClusterRoleBinding', 'ClusterRoleBindingList', 'Role', 'RoleList', 'RoleBinding', 'RoleBindingList',
  'Service', 'DaemonSet', 'Pod', 'ReplicationController', 'ReplicaSet', 'Deployment', 'HorizontalPodAutoscaler',
  'StatefulSet', 'Job', 'CronJob', 'IngressClass', 'Ingress', 'APIService', 'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
];

const HOOK_EVENTS = new Set(['pre-install', 'post-install', 'pre-delete', 'post-delete', 'pre-upgrade', 'post-upgrade',
  'pre-rollback', 'post-rollback', 'test', 'test-success']);

/** One document of a rendered file: its text and where it starts in the file's output. */
export interface Manifest {
  /** The Helm name of the template (`chart/templates/x.yaml`). */
  source: string;
  content: string;
  /** Offset of `content` in the template's rendered text. */
  offset: number;
  kind: string;
  hook?: { events: string[] };
}

const WS = /^\s*/;

/** SplitManifests: documents separated by lines starting `---`, left-trimmed, blank ones dropped. */
export function splitManifests(text: string): Array<{ content: string; offset: number }> {
  const lead = WS.exec(text)![0].length;
  const body = text.slice(lead);
  const out: Array<{ content: string; offset: number }> = [];
  const sep = /^---[ \t]*/gm;
  let at = 0;
  const push = (end: number) => {
    const d = body.slice(at, end);
    if (d.trim() === '') return;
    const skip = WS.exec(d)![0].length;
    out.push({ content: d.slice(skip), offset: lead + at + skip });
  };
  for (let m = sep.exec(body); m; m = sep.exec(body)) {
    if (m[0].length === 0) { sep.lastIndex++; }
    push(m.index);
    at = m.index + m[0].length;
  }
  push(body.length);
  return out;
}

/** A rendered document that does not parse; `outputOffset`: where, in the template's output. */
export class ManifestError extends Error {
  constructor(message: string, readonly source?: string, readonly outputOffset?: number) { super(message); }
}

interface Head { kind: string; annotations: Record<string, unknown> }

function head(content: string, source: string, offset: number): Head {
  let doc: unknown;
  try {
    doc = goYamlValue(content);
  } catch (e) {
    const first = e instanceof Error ? e.message.split('\n')[0] : String(e);
    // go-yaml's layout ("yaml: line N: ..."); the wording after it is the yaml package's.
    const pos = (e as { pos?: [number, number] }).pos?.[0];
    const line = pos === undefined ? undefined : content.slice(0, pos).split('\n').length;
    const msg = first.replace(/ at line \d+, column \d+:?$/, '');
    throw new ManifestError(`YAML parse error on ${source}: error converting YAML to JSON: yaml: ${line ? `line ${line}: ` : ''}${msg}`, source, pos === undefined ? undefined : offset + pos);
  }
  const d = (typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? doc : {}) as Record<string, unknown>;
  const meta = d.metadata as Record<string, unknown> | undefined;
  const ann = meta && typeof meta === 'object' && meta.annotations && typeof meta.annotations === 'object' ? meta.annotations as Record<string, unknown> : {};
  return { kind: typeof d.kind === 'string' ? d.kind : '', annotations: ann };
}

/** lessByKind: known kinds in install order, unknown ones after them alphabetically; stable. */
export function sortByKind<T extends { kind: string }>(list: T[]): T[] {
  const rank = new Map(INSTALL_ORDER.map((k, i) => [k, i]));
  return list.map((m, i) => ({ m, i })).sort((a, b) => {
    const ra = rank.get(a.m.kind), rb = rank.get(b.m.kind);
    if (ra === undefined && rb === undefined) return a.m.kind !== b.m.kind ? (a.m.kind < b.m.kind ? -1 : 1) : a.i - b.i;
    if (ra === undefined) return 1;
    if (rb === undefined) return -1;
    return ra - rb || a.i - b.i;
  }).map(x => x.m);
}

/** SortManifests over the rendered files (by file name, then document order). */
export function sortManifests(files: Array<{ name: string; text: string }>): { manifests: Manifest[]; hooks: Manifest[] } {
  const generic: Manifest[] = [];
  const hooks: Manifest[] = [];
  for (const f of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const base = f.name.slice(f.name.lastIndexOf('/') + 1);
    if (base.startsWith('_') || f.text.trim() === '') continue;
    for (const d of splitManifests(f.text)) {
      const h = head(d.content, f.name, d.offset);
      const m: Manifest = { source: f.name, content: d.content, offset: d.offset, kind: h.kind };
      const hookAnn = h.annotations['helm.sh/hook'];
      if (hookAnn === undefined) { generic.push(m); continue; }
      const events = String(hookAnn).split(',').map(s => s.trim().toLowerCase());
      if (events.some(e => !HOOK_EVENTS.has(e))) continue; // Helm skips unknown hooks
      hooks.push({ ...m, hook: { events } });
    }
  }
  return { manifests: sortByKind(generic), hooks: sortByKind(hooks) };
}
