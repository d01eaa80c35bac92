import { Document, isMap, Node, YAMLMap } from 'yaml';
import { replaceKey } from '../../fix/replace';
import { inTitle, removeFromContainer, removeFromPod, setInContainer, setInheritedAt, setInPod } from '../../fix/workload';
import { ContainerView, PodSpecView } from '../../model/workload';
import { get, keyOf, Ref, str } from '../../model/yaml-nav';
import { atLeast } from '../../policy';
import { defineRule, MessageProposal, Proposal } from '../../rule';
import { PSS_REFERENCES } from '../references';

const VALID = new Set(['RuntimeDefault', 'Localhost']);

/**
 * Why an explicit seccompProfile is invalid, or undefined when it is valid. A profile without a
 * `type` has the empty type, which is invalid too: the admission plugin compares the type
 * exactly, and only a null or absent `seccompProfile` counts as unset. `type` is undefined for
 * a profile that is not a map (`seccompProfile: RuntimeDefault`, which the API rejects).
 */
function invalid(profile: Ref, key: Node | undefined, doc: Document): { at: Node; type?: string; untyped?: true } | undefined {
  if (!isMap(profile.value)) return { at: profile.value };
  const ref = get(profile.value, 'type', doc);
  const type = str(ref) ?? '';
  if (VALID.has(type)) return undefined;
  const at = ref?.value ?? keyOf(profile.value, 'type', doc) ?? key ?? profile.value;
  // No type written (or a null one): the message says so rather than quote an empty type.
  return str(ref) === undefined ? { at, type, untyped: true } : { at, type };
}

/**
 * The fix for an invalid profile, where it is written (`owner` is the container, or the pod).
 * The API forbids seccompProfile on a Windows pod, so there it goes. A profile naming a
 * localhostProfile meant the user's own profile: its type becomes Localhost (the API rejects a
 * localhostProfile under any other type); any other becomes RuntimeDefault. A profile that is
 * not a map is rewritten as one.
 */
function correct(pod: PodSpecView, owner: ContainerView | undefined, profile: Ref): Proposal | MessageProposal {
  if (pod.isWindows) {
    const why = 'Windows pods cannot set it';
    return owner ? removeFromContainer(owner, 'seccompProfile', why) : removeFromPod(pod, 'seccompProfile', why);
  }
  const where = owner ? inTitle(owner.label) : 'the pod spec';
  if (!isMap(profile.value)) {
    const sc = (owner ?? pod).securityContext as YAMLMap;
    return {
      messageId: 'rewriteProfile', data: { where },
      edits: ({ text, doc }) => replaceKey(text, doc, sc, 'seccompProfile', 'seccompProfile', { type: 'RuntimeDefault' }),
    };
  }
  const type = str(get(profile.value, 'localhostProfile', pod.doc)) !== undefined ? 'Localhost' : 'RuntimeDefault';
  const path = ['securityContext', 'seccompProfile', 'type'];
  return owner ? setInContainer(owner, path, type) : setInPod(pod, path, type);
}

export default defineRule({
  id: 'require-seccomp-profile',
  title: 'Pods must set a RuntimeDefault or Localhost seccomp profile',
  category: 'pod-security',
  severity: 'warning',
  pss: { level: 'restricted', check: 'seccompProfile_restricted', since: 19 },
  covers: ['R05', 'B12'],
  equivalents: {
    pss: ['seccompProfile_restricted'], checkov: ['CKV_K8S_31'], trivy: ['KSV030', 'KSV104'], kubescape: ['C-0210'], kubesec: ['SeccompAny'],
  },
  overrides: ['disallow-unconfined-seccomp'],
  messages: {
    podInvalid: 'The pod sets seccompProfile.type to "{{type}}": set spec.securityContext.seccompProfile.type to RuntimeDefault (or Localhost).',
    containerInvalid: '{{container}} sets seccompProfile.type to "{{type}}": set it to RuntimeDefault (or Localhost), or '
      + 'remove it to inherit a valid pod-level profile.',
    notAMap: 'seccompProfile must be a map with a type: write `seccompProfile: {type: RuntimeDefault}`.',
    podUntyped: 'The pod sets a seccompProfile without a type, which the API server rejects: set spec.securityContext.seccompProfile.type to RuntimeDefault (or Localhost).',
    containerUntyped: '{{container}} sets a seccompProfile without a type, which the API server rejects: set its type to RuntimeDefault (or Localhost), or '
      + 'remove it to inherit a valid pod-level profile.',
    missing: '{{container}} runs without a seccomp profile: set securityContext.seccompProfile.type: RuntimeDefault (here or in the pod securityContext).',
  },
  fixMessages: {
    rewriteProfile: 'Set seccompProfile: {type: RuntimeDefault} in {{where}}',
  },
  docs: {
    summary: 'Without a seccomp profile a container can make every system call the kernel offers, including the '
      + 'rarely needed ones behind most container escapes. Kubernetes runs containers Unconfined unless a '
      + 'profile is set, so the restricted level requires RuntimeDefault (the runtime\'s curated filter) or a '
      + 'Localhost profile, at pod level or on every container, and never any other value: an invalid '
      + 'pod-level value fails even when every container sets its own.',
    remediation: 'Set `spec.securityContext.seccompProfile.type: RuntimeDefault` once at pod level so every container '
      + 'inherits it, and remove `Unconfined` values. Use `Localhost` with `localhostProfile` for a custom '
      + 'profile installed on the nodes.',
    references: [...PSS_REFERENCES, 'https://kubernetes.io/docs/tutorials/security/seccomp/'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    seccompProfile: RuntimeDefault
  containers:
  - name: app
    image: nginx:1.27
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    seccompProfile:
      type: RuntimeDefault
  containers:
  - name: app
    image: nginx:1.27
`,
  },
  // Replacing a profile the author wrote is unsafe; adding RuntimeDefault where none is stated is safe.
  fix: {
    safety: 'unsafe',
    risk: 'may stop a program that makes system calls the default profile blocks',
    safeBecause: 'Adding `seccompProfile.type: RuntimeDefault` where neither the pod nor the container states a '
      + 'profile is safe: it is the container runtime\'s own curated filter, the profile Docker applied to '
      + 'every container for years and the kubelet\'s default with `--seccomp-default`; it blocks only system '
      + 'calls ordinary programs do not make (loading kernel modules, kexec, changing the clock, keyctl, '
      + '...), and privileged containers ignore it. Replacing a profile the author wrote (`Unconfined`, an '
      + 'unknown type) is an unsafe fix.',
  },
  checkPod({ pod, policy, report }) {
    // From 1.25 the admission plugin skips Windows pods (the API forbids seccompProfile there).
    // Explicit invalid values are still what disallow-unconfined-seccomp, which this rule
    // replaces, reports at the baseline level: a stricter level never reports less.
    const exempt = atLeast(policy, 25) && pod.isWindows;
    const covers = exempt ? ['B12'] : ['R05', 'B12'];
    const podProfile = pod.sc('seccompProfile');
    const podBad = podProfile && invalid(podProfile, keyOf(pod.securityContext, 'seccompProfile', pod.doc), pod.doc);
    if (podBad) {
      const messageId = podBad.type === undefined ? 'notAMap' : podBad.untyped ? 'podUntyped' : 'podInvalid';
      report({ messageId, data: { type: podBad.type ?? '' }, at: podBad.at, covers, fix: correct(pod, undefined, podProfile) });
    }
    for (const c of pod.containers) {
      const own = c.sc('seccompProfile');
      if (own) {
        const bad = invalid(own, keyOf(c.securityContext, 'seccompProfile', pod.doc), pod.doc);
        if (bad) {
          const messageId = bad.type === undefined ? 'notAMap' : bad.untyped ? 'containerUntyped' : 'containerInvalid';
          report({ messageId, data: { container: c.label, type: bad.type ?? '' }, at: bad.at, covers, fix: correct(pod, c, own) });
        }
      } else if (!podProfile && !exempt) {
        // A container inheriting an invalid pod-level value is covered by the pod's finding.
        // One pod-level profile covers every container when none sets its own. A Windows pod
        // (checked before 1.25) may not set one: nothing to fix there.
        report({
          messageId: 'missing', data: { container: c.label }, at: c.anchor('securityContext', 'seccompProfile'), covers: ['R05'],
          fix: pod.isWindows ? undefined : { ...setInheritedAt(pod, c, 'seccompProfile', ['type'], 'RuntimeDefault'), safety: 'safe' },
        });
      }
    }
  },
});
