import { Document, isMap, isScalar, Node, YAMLMap } from 'yaml';
import { EditBuilder, setProfileType, setValue, titleLabel, together } from '../../fix/workload';
import { ContainerView, PodSpecView } from '../../model/workload';
import { findPair, get, getMap, Ref, str } from '../../model/yaml-nav';
import { atLeast } from '../../policy';
import { defineRule, Proposal, Report } from '../../rule';
import { PSS_REFERENCES } from '../references';

const ALLOWED_TYPES = new Set(['RuntimeDefault', 'Localhost']);
const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

/** The alpha annotations' allowed values (unlike AppArmor's, an empty value is not allowed). */
function allowedAnnotationValue(v: string): boolean {
  return v === 'runtime/default' || v === 'docker/default' || v.startsWith('localhost/');
}

type Messages = 'pod' | 'container' | 'annotation';

export default defineRule({
  id: 'disallow-unconfined-seccomp',
  title: 'Seccomp must not be disabled',
  category: 'pod-security',
  severity: 'warning',
  pss: { level: 'baseline', check: 'seccompProfile_baseline', since: 0 },
  covers: ['B12'],
  equivalents: { pss: ['seccompProfile_baseline'], trivy: ['KSV104'], kubesec: ['SeccompUnconfined'] },
  messages: {
    pod: 'The pod sets seccomp profile type {{type}}: set spec.securityContext.seccompProfile.type to RuntimeDefault (or Localhost with a localhostProfile).',
    container: '{{container}} sets seccomp profile type {{type}}: set securityContext.seccompProfile.type to '
      + 'RuntimeDefault (or Localhost with a localhostProfile).',
    annotation: 'Annotation {{annotation}} sets seccomp profile "{{profile}}": use runtime/default or localhost/<profile>.',
  },
  docs: {
    summary: 'Seccomp filters the system calls a container may make; the runtime default profile blocks the ones '
      + 'most used to escape a container (unshare, mount, kexec_load, bpf, ...). An `Unconfined` profile '
      + 'turns the filter off. The baseline level forbids setting any profile other than RuntimeDefault or '
      + 'Localhost; up to policy 1.18 it read the old alpha annotations instead of the field.',
    remediation: 'Set `securityContext.seccompProfile.type: RuntimeDefault` at pod level (or `Localhost` with '
      + '`localhostProfile`), and remove `Unconfined` from every container. With the alpha annotations '
      + '(policy 1.18 and older), use `runtime/default`, `docker/default` or `localhost/<profile>`.',
    references: [...PSS_REFERENCES, 'https://kubernetes.io/docs/tutorials/security/seccomp/'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    seccompProfile:
      localhostProfile: profiles/a.json
  containers:
  - name: app
    image: nginx:1.27
    securityContext:
      seccompProfile: {localhostProfile: profiles/b.json}
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
    securityContext:
      seccompProfile: {type: RuntimeDefault}
`,
  },
  fix: { safety: 'unsafe', risk: 'may stop a program that makes system calls the default profile blocks' }, // a workload may make a system call the runtime's profile denies
  checkPod({ pod, policy, report }) {
    if (atLeast(policy, 19)) checkFields(pod, report);
    else checkAnnotations(pod, report);
  },
});

// 1.19+: only explicit values count; an unset profile is the restricted level's business.
function checkFields(pod: PodSpecView, report: (r: Report<Messages>) => void): void {
  const podProfile = pod.sc('seccompProfile');
  const podBad = badProfile(podProfile, pod, pod.anchor('securityContext', 'seccompProfile'));
  if (podBad) report({ messageId: 'pod', data: { type: podBad.type }, at: podBad.at, fix: fieldFix(pod, 'pod', podProfile!.value as YAMLMap) });
  // Checked independently of the pod value: a container cannot excuse a bad pod profile.
  for (const c of pod.containers) {
    const profile = c.sc('seccompProfile');
    const bad = badProfile(profile, pod, c.anchor('securityContext', 'seccompProfile'));
    if (bad) report({ messageId: 'container', data: { container: c.label, type: bad.type }, at: bad.at, fix: fieldFix(pod, c, profile!.value as YAMLMap) });
  }
}

function badProfile(profile: Ref | undefined, pod: PodSpecView, keyNode: Node): { at: Node; type: string } | undefined {
  // A null `seccompProfile:` is unset; a map without a type has the empty type, which fails.
  if (!profile || !isMap(profile.value)) return undefined;
  const type = get(profile.value, 'type', pod.doc);
  const value = str(type) ?? '';
  if (ALLOWED_TYPES.has(value)) return undefined;
  return { at: type?.value ?? keyNode, type: value === '' ? 'an empty type' : `"${value}"` };
}

// Up to 1.18: the alpha annotations, the pod's and those named after a container of the pod
// (an annotation for a container that does not exist is ignored).
function checkAnnotations(pod: PodSpecView, report: (r: Report<Messages>) => void): void {
  const annotations = getMap(pod.metadata, 'annotations', pod.doc);
  if (!annotations) return;
  const owners = new Map<string, ContainerView | 'pod'>([[POD_ANNOTATION, 'pod']]);
  for (const c of pod.containers) if (!owners.has(annotationKey(c))) owners.set(annotationKey(c), c);
  for (const [key, owner] of owners) {
    const hit = findPair(annotations, key, pod.doc);
    if (!hit) continue;
    // A present key with a null value decodes as the empty string, which is not allowed.
    const ref = get(annotations, key, pod.doc);
    const profile = str(ref) ?? '';
    if (allowedAnnotationValue(profile)) continue;
    const at = ref?.value ?? (isScalar(hit.pair.key) ? hit.pair.key : undefined);
    if (at) report({ messageId: 'annotation', data: { annotation: key, profile }, at, fix: annotationFix(pod, owner, key, annotations) });
  }
}

// Fixes. The API rejects a pod whose alpha annotation and field disagree (the pod annotation and
// the pod field; a container's annotation and that container's own field), so a fix changes the
// value it is about together with the one that must keep matching it.

const RUNTIME_DEFAULT = 'runtime/default';

function annotationKey(owner: ContainerView | 'pod'): string {
  return owner === 'pod' ? POD_ANNOTATION : CONTAINER_ANNOTATION_PREFIX + (owner.name ?? '');
}

function ownProfile(pod: PodSpecView, owner: ContainerView | 'pod'): YAMLMap | undefined {
  const ref = owner === 'pod' ? pod.sc('seccompProfile') : owner.sc('seccompProfile');
  return ref && isMap(ref.value) ? ref.value : undefined;
}

/** The annotation value that matches an allowed profile. */
function annotationFor(profile: YAMLMap, doc: Document): string | undefined {
  const type = str(get(profile, 'type', doc));
  const local = str(get(profile, 'localhostProfile', doc));
  if (type === 'RuntimeDefault') return RUNTIME_DEFAULT;
  return type === 'Localhost' && local ? `localhost/${local}` : undefined;
}

function fieldFix(pod: PodSpecView, owner: ContainerView | 'pod', profile: YAMLMap): Proposal {
  const title = `Set seccompProfile.type: RuntimeDefault in ${titleLabel(owner)}`;
  const key = annotationKey(owner);
  const annotations = getMap(pod.metadata, 'annotations', pod.doc);
  const current = annotations && findPair(annotations, key, pod.doc) ? str(get(annotations, key, pod.doc)) ?? '' : undefined;
  if (current === undefined || current === RUNTIME_DEFAULT || current === 'docker/default') return together(title, [setProfileType(profile, 'RuntimeDefault')]);
  return together(`${title} (and annotation ${key}: ${RUNTIME_DEFAULT} to match)`, [setProfileType(profile, 'RuntimeDefault'), setValue(annotations!, key, RUNTIME_DEFAULT)]);
}

/** The annotation takes the value of an allowed profile it must match, else runtime/default (and so does that profile). */
function annotationFix(pod: PodSpecView, owner: ContainerView | 'pod', key: string, annotations: YAMLMap): Proposal {
  const profile = ownProfile(pod, owner);
  const equal = profile && annotationFor(profile, pod.doc);
  const title = `Set annotation ${key}: ${equal ?? RUNTIME_DEFAULT}`;
  const parts: EditBuilder[] = [setValue(annotations, key, equal ?? RUNTIME_DEFAULT)];
  if (!profile || equal) return together(title, parts);
  parts.push(setProfileType(profile, 'RuntimeDefault'));
  return together(`${title} (and seccompProfile.type: RuntimeDefault in ${titleLabel(owner)} to match)`, parts);
}
