import { isMap, isScalar, Node, YAMLMap } from 'yaml';
import { imageOf, isPinned } from '../../model/image';
import { PodSpecView } from '../../model/workload';
import { K8sObject } from '../../model/parse';
import { get, getIn, getMap, getSeq, keyOf, seqItems, str } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { sandboxRuntimeProblem } from '../sandbox-runtime';
import { RUNTIME_CLASS_READS } from '../../workspace/reads';

// kubernetes-sigs/agent-sandbox: a Sandbox (core group) and a SandboxTemplate (extensions group)
// both hold `spec.podTemplate` {metadata, spec}; only templates carry the NetworkPolicy the
// controller creates for their sandboxes.
const KINDS: Record<string, string> = { Sandbox: 'agents.x-k8s.io', SandboxTemplate: 'extensions.agents.x-k8s.io' };
const ANY_ADDRESS = new Set(['0.0.0.0/0', '::/0']);

export default defineRule({
  id: 'require-agent-sandbox-hardening',
  title: 'Agent sandboxes run in a sandboxed runtime, with bounded egress, limits and pinned images',
  category: 'misc',
  severity: 'info',
  pss: null,
  covers: ['M07'],
  equivalents: { kubescape: ['C-0297', 'C-0301', 'C-0303', 'C-0304'] },
  kinds: Object.keys(KINDS),
  messages: {
    noRuntimeClass: '{{object}} runs agent code without runtimeClassName, on the node\'s kernel: set a gVisor or Kata RuntimeClass ({{classes}}).',
    notSandboxed: '{{object}} sets runtimeClassName "{{name}}", which is not a sandboxed runtime: use a gVisor or Kata RuntimeClass ({{classes}}).',
    unmanagedNetwork: '{{object}} sets networkPolicyManagement: Unmanaged, so the controller creates no NetworkPolicy for '
      + 'its sandboxes: make sure one of yours bounds their egress, or set Managed.',
    openEgress: '{{object}} allows egress to every address, private ranges and the cloud metadata server included: '
      + 'list the destinations the agent needs, or drop networkPolicy for the controller\'s default (public '
      + 'internet only).',
    metadataEgress: '{{object}} allows egress to every address but {{except}}, which leaves the cloud metadata server '
      + '(169.254.169.254) reachable: an agent can read the node\'s cloud credentials from it. Add 169.254.0.0/16 to except.',
    noLimits: '{{container}} of {{object}} sets no {{resources}} limit: a runaway agent can starve the node; set resources.limits.',
    unpinned: '{{container}} of {{object}} runs "{{image}}" by tag: pin it by digest (@sha256:...) so what the agent runs cannot change under it.',
  },
  defaultReason: 'Info, on by default: it only reads these objects.',
  docs: {
    summary: 'Agent Sandbox (kubernetes-sigs/agent-sandbox) runs code an LLM wrote, which is untrusted by '
      + 'definition. For `Sandbox` and `SandboxTemplate` objects this rule checks what the Kubescape '
      + 'AgentRuntimeHardening controls check: the pod template names a sandboxed RuntimeClass (gVisor '
      + '`gvisor`/`runsc`, Kata `kata*`, the names in `kubeHarden.sandbox.runtimeClasses`, or a RuntimeClass '
      + 'of the workspace with such a handler); a template\'s egress is bounded (`networkPolicyManagement: '
      + 'Unmanaged` leaves it to you; an egress rule without destinations or to `0.0.0.0/0` without `except` '
      + 'reaches private ranges and the metadata server, and one whose `except` leaves out 169.254.169.254 still '
      + 'reaches the metadata server — the controller\'s default, with `networkPolicy` '
      + 'omitted, allows public internet only); every container has CPU and memory limits; every image is '
      + 'pinned by digest. The general workload rules do not read them (their pods are made by the '
      + 'controller).',
    remediation: 'Set `spec.podTemplate.spec.runtimeClassName: gvisor` (or a Kata class), keep '
      + '`networkPolicyManagement: Managed` with narrow egress rules, set `resources.limits.cpu` and '
      + '`.memory` on every container, and reference images by digest.',
    references: ['https://github.com/kubernetes-sigs/agent-sandbox', 'https://github.com/kubernetes-sigs/agent-sandbox/blob/main/docs/api.md', 'https://kubernetes.io/docs/concepts/containers/runtime-class/'],
  },
  examples: {
    incorrect: `apiVersion: extensions.agents.x-k8s.io/v1alpha1
kind: SandboxTemplate
metadata:
  name: python
spec:
  podTemplate:
    spec:
      containers:
      - name: runtime
        image: python:3.12
`,
    correct: `apiVersion: extensions.agents.x-k8s.io/v1alpha1
kind: SandboxTemplate
metadata:
  name: python
spec:
  podTemplate:
    spec:
      runtimeClassName: gvisor
      containers:
      - name: runtime
        image: ghcr.io/acme/python@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
        resources: {limits: {cpu: "1", memory: 1Gi}}
`,
  },
  fix: null,
  workspaceReads: RUNTIME_CLASS_READS,
  checkObject({ object, config, workspace, report }) {
    if (KINDS[object.kind] !== object.group) return;
    const spec = getMap(object.node, 'spec', object.doc);
    const template = getMap(spec, 'podTemplate', object.doc);
    const podSpec = getMap(template, 'spec', object.doc);
    const objectLabel = `${object.kind} "${object.name ?? '(unnamed)'}"`;
    // The egress a template's NetworkPolicy allows does not depend on its pod template: a template
    // that leaves the pod to a later patch or to defaults is judged on it all the same.
    if (object.kind === 'SandboxTemplate' && spec) checkEgress(spec, object, objectLabel, report);
    if (!template || !podSpec) return;
    const pod = new PodSpecView(object, podSpec, getMap(template, 'metadata', object.doc), template);
    const configured = config.sandbox?.runtimeClasses ?? [];
    // A kustomize patch is partial: what it sets is judged, never what it leaves to its base.
    const partial = workspace.index.isPatch(workspace.self.uri);
    const problem = sandboxRuntimeProblem(pod, configured, workspace.index);
    if (problem) {
      const { name, at, classes, suggestions } = problem;
      if (name) report({ messageId: 'notSandboxed', data: { object: objectLabel, classes, name }, at, suggestions });
      else if (!partial) report({ messageId: 'noRuntimeClass', data: { object: objectLabel, classes }, at, suggestions });
    }
    for (const c of pod.containers) {
      const missing = ['cpu', 'memory'].filter(r => !c.field('resources', 'limits', r));
      if (missing.length && !partial) report({ messageId: 'noLimits', data: { object: objectLabel, container: c.label, resources: missing.join(' and ') }, at: c.anchor('resources', 'limits') });
      const found = imageOf(c);
      if (found && !isPinned(found.image)) report({ messageId: 'unpinned', data: { object: objectLabel, container: c.label, image: found.image.raw }, at: found.ref.site });
    }
  },
});

type Reporter = (r: { messageId: 'unmanagedNetwork' | 'openEgress' | 'metadataEgress'; data: Record<string, string>; at: Node }) => void;

/** The cloud metadata server every major cloud serves at (AWS, GCP, Azure, ...). */
const METADATA_SERVER = [169, 254, 169, 254];

/** Whether the IPv4 CIDR `text` (a.b.c.d/n) holds the metadata server's address. */
function holdsMetadataServer(text: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text.trim());
  if (!m) return false;
  const bits = Number(m[5]);
  if (bits > 32) return false;
  const value = (octets: number[]) => octets.reduce((n, o) => n * 256 + o, 0);
  // The block's first address, by arithmetic: 32-bit bitwise operators would make it signed.
  const size = 2 ** (32 - bits);
  const first = (n: number) => n - (n % size);
  return first(value(m.slice(1, 5).map(Number))) === first(value(METADATA_SERVER));
}

function checkEgress(spec: YAMLMap, object: K8sObject, label: string, report: Reporter): void {
  const { doc } = object;
  const management = get(spec, 'networkPolicyManagement', doc);
  if (str(management) === 'Unmanaged') {
    report({ messageId: 'unmanagedNetwork', data: { object: label }, at: management!.site });
    return;
  }
  const egressKey = keyOf(getMap(spec, 'networkPolicy', doc), 'egress', doc);
  for (const rule of seqItems(getSeq(getMap(spec, 'networkPolicy', doc), 'egress', doc), doc)) {
    if (!isMap(rule.value)) continue;
    const to = seqItems(getSeq(rule.value, 'to', doc), doc);
    // A rule without peers admits every destination (on its ports).
    if (to.length === 0) {
      const first = rule.value.items[0]?.key;
      const at = keyOf(rule.value, 'to', doc) ?? (isScalar(first) ? first : egressKey);
      if (at) report({ messageId: 'openEgress', data: { object: label }, at });
      continue;
    }
    for (const peer of to) {
      if (!isMap(peer.value)) continue;
      const cidr = getIn(peer.value, ['ipBlock', 'cidr'], doc);
      const except = getSeq(getMap(peer.value, 'ipBlock', doc), 'except', doc);
      if (!cidr || !isScalar(cidr.value) || !ANY_ADDRESS.has(String(cidr.value.value))) continue;
      const excepted = (except?.items ?? []).flatMap(e => (isScalar(e) ? [String(e.value)] : []));
      if (!except?.items.length) report({ messageId: 'openEgress', data: { object: label }, at: cidr.site });
      // An IPv4 block that keeps the private ranges out may still let the metadata server in.
      else if (String(cidr.value.value) === '0.0.0.0/0' && !excepted.some(holdsMetadataServer)) {
        report({ messageId: 'metadataEgress', data: { object: label, except: excepted.join(', ') }, at: cidr.site });
      }
    }
  }
}
