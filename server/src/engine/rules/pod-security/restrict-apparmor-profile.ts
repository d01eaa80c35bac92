import { Document, isMap, Node, YAMLMap } from 'yaml';
import { setProfileType, setValue, titleLabel, together } from '../../fix/workload';
import { ContainerView, PodSpecView } from '../../model/workload';
import { get, getMap, Ref, str } from '../../model/yaml-nav';
import { defineRule, Proposal } from '../../rule';
import { PSS_REFERENCES } from '../references';

const ALLOWED_TYPES = new Set(['RuntimeDefault', 'Localhost']);
const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const RUNTIME_DEFAULT = 'runtime/default';

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
    container: '{{container}} sets AppArmor profile type {{type}}: set securityContext.appArmorProfile.type to '
      + 'RuntimeDefault (or Localhost with a localhostProfile).',
    annotation: 'Annotation {{annotation}} sets AppArmor profile "{{profile}}": use runtime/default or localhost/<profile>, or remove it.',
  },
  docs: {
    summary: 'On nodes with AppArmor, the container runtime confines every container with its default profile, '
      + 'which blocks writes to sensitive parts of /proc and /sys, mounts and raw access to the kernel. An '
      + '`Unconfined` profile (or any profile outside the runtime default and node-installed localhost '
      + 'profiles) removes that confinement. Both Pod Security levels forbid it.',
    remediation: 'Remove the override, or set `securityContext.appArmorProfile.type: RuntimeDefault` (pod or '
      + 'container), or `type: Localhost` with `localhostProfile` naming a profile loaded on the nodes. With '
      + 'the deprecated annotations `container.apparmor.security.beta.kubernetes.io/<container>`, use '
      + '`runtime/default` or `localhost/<profile>`.',
    references: [...PSS_REFERENCES, 'https://kubernetes.io/docs/tutorials/security/apparmor/'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    appArmorProfile:
      type: Unconfined
  initContainers:
  - name: init
    image: busybox:1.36
    securityContext:
      appArmorProfile:
        type: RuntimeDefault
  containers:
  - name: app
    image: nginx:1.27
    securityContext:
      appArmorProfile: {type: Unconfined}
  ephemeralContainers:
  - name: debug
    image: busybox:1.36
    securityContext:
      appArmorProfile: {}
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    appArmorProfile:
      type: RuntimeDefault
  initContainers:
  - name: init
    image: busybox:1.36
    securityContext:
      appArmorProfile:
        type: RuntimeDefault
  containers:
  - name: app
    image: nginx:1.27
    securityContext:
      appArmorProfile: {type: RuntimeDefault}
  ephemeralContainers:
  - name: debug
    image: busybox:1.36
    securityContext:
      appArmorProfile: {type: RuntimeDefault}
`,
  },
  fix: { safety: 'unsafe', risk: 'may stop a program the runtime default AppArmor profile confines' }, // a workload confined by the runtime's profile may be denied what it did
  checkPod({ pod, report }) {
    // The pod and each container are checked independently (no inheritance in the check): a
    // bad pod value fails even when every container overrides it.
    const podProfile = pod.sc('appArmorProfile');
    const podBad = badProfile(podProfile, pod.doc, pod.anchor('securityContext', 'appArmorProfile'));
    if (podBad) report({ messageId: 'pod', data: { type: podBad.type }, at: podBad.at, fix: new Plan(pod).profile('pod', podProfile!.value as YAMLMap).proposal() });
    for (const c of pod.containers) {
      const profile = c.sc('appArmorProfile');
      const bad = badProfile(profile, pod.doc, c.anchor('securityContext', 'appArmorProfile'));
      if (bad) report({ messageId: 'container', data: { container: c.label, type: bad.type }, at: bad.at, fix: new Plan(pod).profile(c, profile!.value as YAMLMap).proposal() });
    }
    // Every annotation with the prefix counts, whether or not a container has that name.
    for (const a of pod.annotations()) {
      if (!a.name.startsWith(ANNOTATION_PREFIX)) continue;
      const profile = str(a.ref) ?? '';
      if (!allowedAnnotationValue(profile)) {
        report({ messageId: 'annotation', data: { annotation: a.name, profile }, at: a.ref.value, fix: new Plan(pod).annotation(a.name).proposal() });
      }
    }
  },
});

/** The annotation value equal to an allowed profile, for the API's match check. */
function annotationFor(profile: YAMLMap, doc: Document): string | undefined {
  const type = str(get(profile, 'type', doc));
  const local = str(get(profile, 'localhostProfile', doc));
  if (type === 'RuntimeDefault') return RUNTIME_DEFAULT;
  return type === 'Localhost' && local ? `localhost/${local}` : undefined;
}

/**
 * What one fix changes. Since 1.30 the API rejects a pod whose deprecated annotation for a
 * container disagrees with the profile that container uses (its own appArmorProfile, else the
 * pod's), so with the value a finding is about, a fix changes the values that must keep matching
 * it: were they matching before, they still match after.
 */
class Plan {
  private readonly profiles: YAMLMap[] = [];
  private readonly annotations = new Map<string, string>();
  /** What each change sets, in order: the first is the finding's own, the rest follow it. */
  private readonly changes: string[] = [];
  constructor(private readonly pod: PodSpecView) {}

  /** A profile becomes RuntimeDefault; the annotations of the containers using it follow. */
  profile(owner: ContainerView | 'pod', profile: YAMLMap): this {
    if (this.profiles.includes(profile)) return this;
    this.profiles.push(profile);
    this.changes.push(`appArmorProfile.type: RuntimeDefault in ${titleLabel(owner)}`);
    const users = owner === 'pod' ? this.pod.containers.filter(c => !c.sc('appArmorProfile')) : [owner];
    for (const c of users) {
      const name = ANNOTATION_PREFIX + (c.name ?? '');
      const current = this.pod.annotations().find(a => a.name === name);
      if (current && str(current.ref) !== RUNTIME_DEFAULT) this.setAnnotation(name, RUNTIME_DEFAULT);
    }
    return this;
  }

  /** An annotation takes the value of the allowed profile its container uses, else runtime/default, and that profile too. */
  annotation(name: string): this {
    const c = this.pod.containers.find(x => x.name !== undefined && ANNOTATION_PREFIX + x.name === name);
    const own = c?.sc('appArmorProfile');
    const podProfile = this.pod.sc('appArmorProfile');
    const used = own ? { owner: c!, ref: own } : c && podProfile ? { owner: 'pod' as const, ref: podProfile } : undefined;
    const profile = used && isMap(used.ref.value) ? used.ref.value : undefined;
    const equal = profile && annotationFor(profile, this.pod.doc);
    this.setAnnotation(name, equal ?? RUNTIME_DEFAULT);
    if (profile && !equal) this.profile(used!.owner, profile);
    return this;
  }

  private setAnnotation(name: string, value: string): void {
    if (this.annotations.has(name)) return;
    this.annotations.set(name, value);
    this.changes.push(`annotation ${name}: ${value}`);
  }

  proposal(): Proposal {
    const map = getMap(this.pod.metadata, 'annotations', this.pod.doc);
    const [first, ...rest] = this.changes;
    return together(`Set ${first}${rest.length ? ` (and ${rest.join(', ')} to match)` : ''}`, [
      ...this.profiles.map(p => setProfileType(p, 'RuntimeDefault')),
      ...[...this.annotations].map(([n, v]) => (map ? setValue(map, n, v) : () => undefined)),
    ]);
  }
}
