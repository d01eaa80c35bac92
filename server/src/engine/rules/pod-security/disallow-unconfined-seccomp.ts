import { isMap, isScalar, Node } from 'yaml';
import { PodSpecView } from '../../model/workload';
import { findPair, get, getMap, Ref, str } from '../../model/yaml-nav';
import { atLeast } from '../../policy';
import { defineRule, Report } from '../../rule';
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
  equivalents: { pss: ['seccompProfile_baseline'], trivy: ['KSV104'], kubesec: ['SeccompUnconfined'], polaris: ['linuxHardening'] },
  messages: {
    pod: 'The pod sets seccomp profile type {{type}}: set spec.securityContext.seccompProfile.type to RuntimeDefault (or Localhost with a localhostProfile).',
    container: '{{container}} sets seccomp profile type {{type}}: set securityContext.seccompProfile.type to RuntimeDefault (or Localhost with a localhostProfile).',
    annotation: 'Annotation {{annotation}} sets seccomp profile "{{profile}}": use runtime/default or localhost/<profile>.',
  },
  docs: {
    summary: 'Seccomp filters the system calls a container may make; the runtime default profile blocks the ones most used to escape a container (unshare, mount, kexec_load, bpf, ...). An `Unconfined` profile turns the filter off. The baseline level forbids setting any profile other than RuntimeDefault or Localhost; up to policy 1.18 it read the old alpha annotations instead of the field.',
    remediation: 'Set `securityContext.seccompProfile.type: RuntimeDefault` at pod level (or `Localhost` with `localhostProfile`), and remove `Unconfined` from every container. With the alpha annotations (policy 1.18 and older), use `runtime/default`, `docker/default` or `localhost/<profile>`.',
    references: [...PSS_REFERENCES, 'https://kubernetes.io/docs/tutorials/security/seccomp/'],
  },
  fix: { safety: 'unsafe' },
  checkPod({ pod, policy, report }) {
    if (atLeast(policy, 19)) checkFields(pod, report);
    else checkAnnotations(pod, report);
  },
});

// 1.19+: only explicit values count; an unset profile is the restricted level's business.
function checkFields(pod: PodSpecView, report: (r: Report<Messages>) => void): void {
  const podBad = badProfile(pod.sc('seccompProfile'), pod, pod.anchor('securityContext', 'seccompProfile'));
  if (podBad) report({ messageId: 'pod', data: { type: podBad.type }, at: podBad.at });
  // Checked independently of the pod value: a container cannot excuse a bad pod profile.
  for (const c of pod.containers) {
    const bad = badProfile(c.sc('seccompProfile'), pod, c.anchor('securityContext', 'seccompProfile'));
    if (bad) report({ messageId: 'container', data: { container: c.label, type: bad.type }, at: bad.at });
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
  const keys = [POD_ANNOTATION, ...pod.containers.map(c => CONTAINER_ANNOTATION_PREFIX + (c.name ?? ''))];
  for (const key of new Set(keys)) {
    const hit = findPair(annotations, key, pod.doc);
    if (!hit) continue;
    // A present key with a null value decodes as the empty string, which is not allowed.
    const ref = get(annotations, key, pod.doc);
    const profile = str(ref) ?? '';
    if (allowedAnnotationValue(profile)) continue;
    const at = ref?.value ?? (isScalar(hit.pair.key) ? hit.pair.key : undefined);
    if (at) report({ messageId: 'annotation', data: { annotation: key, profile }, at });
  }
}
