import { Document, isMap, Node } from 'yaml';
import { get, Ref, str } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { PSS_REFERENCES } from '../references';

const ALLOWED_TYPES = new Set(['RuntimeDefault', 'Localhost']);
const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/** The deprecated annotations: empty keeps the default; `localhost/<name>` is a node profile. */
function allowedAnnotationValue(v: string): boolean {
  return v === '' || v === 'runtime/default' || v.startsWith('localhost/');
}

/** A set `appArmorProfile` whose type is not allowed: where to report and what it says. */
function badProfile(profile: Ref | undefined, doc: Document, keyNode: Node): { at: Node; type: string } | undefined {
  // A null `appArmorProfile:` is unset; a map without a type is a profile with an empty type,
  // which the admission plugin refuses like any other unknown type.
  if (!profile || !isMap(profile.value)) return undefined;
  const type = get(profile.value, 'type', doc);
  const value = str(type) ?? '';
  if (ALLOWED_TYPES.has(value)) return undefined;
  return { at: type?.value ?? keyNode, type: value === '' ? 'an empty type' : `"${value}"` };
}

export default defineRule({
  id: 'restrict-apparmor-profile',
  title: 'AppArmor must not be disabled or overridden',
  category: 'pod-security',
  severity: 'warning',
  pss: { level: 'baseline', check: 'appArmorProfile', since: 0 },
  covers: ['B09'],
  equivalents: { pss: ['appArmorProfile'], trivy: ['KSV002'], kubesec: ['ApparmorUnconfined'] },
  messages: {
    pod: 'The pod sets AppArmor profile type {{type}}: set spec.securityContext.appArmorProfile.type to RuntimeDefault (or Localhost with a localhostProfile).',
    container: '{{container}} sets AppArmor profile type {{type}}: set securityContext.appArmorProfile.type to RuntimeDefault (or Localhost with a localhostProfile).',
    annotation: 'Annotation {{annotation}} sets AppArmor profile "{{profile}}": use runtime/default or localhost/<profile>, or remove it.',
  },
  docs: {
    summary: 'On nodes with AppArmor, the container runtime confines every container with its default profile, which blocks writes to sensitive parts of /proc and /sys, mounts and raw access to the kernel. An `Unconfined` profile (or any profile outside the runtime default and node-installed localhost profiles) removes that confinement. Both Pod Security levels forbid it.',
    remediation: 'Remove the override, or set `securityContext.appArmorProfile.type: RuntimeDefault` (pod or container), or `type: Localhost` with `localhostProfile` naming a profile loaded on the nodes. With the deprecated annotations `container.apparmor.security.beta.kubernetes.io/<container>`, use `runtime/default` or `localhost/<profile>`.',
    references: [...PSS_REFERENCES, 'https://kubernetes.io/docs/tutorials/security/apparmor/'],
  },
  fix: { safety: 'unsafe' },
  checkPod({ pod, report }) {
    // The pod and each container are checked independently (no inheritance in the check): a
    // bad pod value fails even when every container overrides it.
    const podBad = badProfile(pod.sc('appArmorProfile'), pod.doc, pod.anchor('securityContext', 'appArmorProfile'));
    if (podBad) report({ messageId: 'pod', data: { type: podBad.type }, at: podBad.at });
    for (const c of pod.containers) {
      const bad = badProfile(c.sc('appArmorProfile'), pod.doc, c.anchor('securityContext', 'appArmorProfile'));
      if (bad) report({ messageId: 'container', data: { container: c.label, type: bad.type }, at: bad.at });
    }
    // Every annotation with the prefix counts, whether or not a container has that name.
    for (const a of pod.annotations()) {
      if (!a.name.startsWith(ANNOTATION_PREFIX)) continue;
      const profile = str(a.ref) ?? '';
      if (!allowedAnnotationValue(profile)) report({ messageId: 'annotation', data: { annotation: a.name, profile }, at: a.ref.value });
    }
  },
});
