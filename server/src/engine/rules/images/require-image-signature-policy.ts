import { imageOf, imageSpellings, kyvernoPattern, sigstoreGlob } from '../../model/image';
import { defineRule } from '../../rule';
import type { ObjectSummary } from '../../workspace/summary';
import { IMAGE_POLICY_READS } from '../../workspace/reads';
import { objectsWith } from '../../workspace/facets';

// policy-controller's webhooks select namespaces by this label (its default install is opt-in).
const SIGSTORE_INCLUDE = 'policy.sigstore.dev/include';

function matchesPolicy(policy: ObjectSummary, spellings: readonly string[]): boolean {
  const iv = policy.imageVerification!;
  return iv.patterns.some(p => {
    const re = iv.flavor === 'kyverno' ? kyvernoPattern(p) : sigstoreGlob(p);
    return !!re && spellings.some(s => re.test(s));
  });
}

export default defineRule({
  id: 'require-image-signature-policy',
  title: 'Images are covered by a signature-verification policy',
  category: 'images',
  severity: 'info',
  pss: null,
  optIn: true,
  covers: ['IMG07'],
  equivalents: {},
  messages: {
    uncovered: '{{container}} runs "{{image}}", which no signature-verification policy of the workspace matches '
      + '(Kyverno verifyImages, Sigstore ClusterImagePolicy): nothing checks its signature at admission; add '
      + 'the image to such a policy.',
    notIncluded: '{{container}} runs "{{image}}", which ClusterImagePolicy "{{policy}}" matches, but namespace '
      + '"{{namespace}}" lacks the label policy.sigstore.dev/include: "true", so policy-controller does not '
      + 'check it; label the namespace.',
  },
  defaultReason: 'A ClusterImagePolicy counts only where policy-controller looks: when the Namespace is in the '
    + 'workspace it must carry `policy.sigstore.dev/include: "true"` (the default opt-in install).',
  docs: {
    summary: 'Signature verification at admission (Kyverno `verifyImages`, Sigstore policy-controller) is what '
      + 'stops a tampered or look-alike image from running. Kube Harden does NOT verify signatures: that '
      + 'needs the registry and the signer\'s keys, and it never uses the network. It checks the offline part '
      + 'a reviewer can act on: that every image is matched by some verification policy in the workspace — a '
      + 'Kyverno `ClusterPolicy` (or a `Policy` of the same namespace) whose `verifyImages[].imageReferences` '
      + 'pattern matches, a Kyverno `ImageValidatingPolicy` (`matchImageReferences[].glob`; a CEL '
      + '`expression` counts as matching everything), or a Sigstore `ClusterImagePolicy` whose '
      + '`images[].glob` matches (policy-controller globs: `*` within one path segment, `**` across; Docker '
      + 'Hub images as `index.docker.io/library/...`). A policy\'s `match`/`exclude` blocks, Kyverno Audit '
      + 'mode and policy-controller `mode: warn` are not read: any matching pattern counts, so the rule errs '
      + 'towards silence. Connaisseur is not read (its policy lives in Helm values). Off by default (info): '
      + 'verification policies usually live in a platform repository, not next to the workloads. An object '
      + 'naming no namespace (applied with `kubectl -n`) may land in any: one whose namespace is such a '
      + 'guess, on either side, is matched across namespaces, so the guess never makes a finding.',
    remediation: 'Sign images in CI (cosign, keyless with the CI identity) and add their repositories to a '
      + 'verification policy: Kyverno `verifyImages` with `imageReferences: ["ghcr.io/acme/*"]`, or a '
      + 'Sigstore `ClusterImagePolicy` with `images: [{glob: "ghcr.io/acme/**"}]` and the namespace labelled '
      + '`policy.sigstore.dev/include: "true"`.',
    references: ['https://kyverno.io/docs/writing-policies/verify-images/sigstore/', 'https://docs.sigstore.dev/policy-controller/overview/', 'https://kubernetes.io/docs/tasks/administer-cluster/verify-signed-artifacts/'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop}
spec:
  containers:
  - name: c0
    image: ghcr.io/acme/api:1.0
  - name: c1
    image: busybox:1.36
`,
    correct: `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop}
spec:
  containers:
  - name: c0
    image: $(IMAGE)
`,
  },
  fix: null,
  workspaceReads: IMAGE_POLICY_READS,
  checkPod({ pod, workspace, report }) {
    const { index, self } = workspace;
    const ns = index.namespaceOf(self);
    const policies = objectsWith(index, 'imageVerification').filter(o => o.imageVerification.clusterWide || index.mayShareNamespace(o, self));
    const nsObject = index.namespaceObject(ns);
    const sigstoreApplies = !nsObject || nsObject.labels[SIGSTORE_INCLUDE] === 'true';
    for (const c of pod.containers) {
      const found = imageOf(c);
      if (!found) continue;
      const spellings = imageSpellings(found.image);
      const matching = policies.filter(p => matchesPolicy(p, spellings));
      if (matching.some(p => p.imageVerification!.flavor === 'kyverno' || sigstoreApplies)) continue;
      const data = { container: c.label, image: found.image.raw };
      const sigstore = matching[0];
      if (sigstore && nsObject) {
        report({
          messageId: 'notIncluded', data: { ...data, policy: sigstore.name ?? '(unnamed)', namespace: ns }, at: found.ref.site,
          related: [
            { ref: nsObject, message: `Namespace "${ns}" is not opted in to policy-controller` },
            { ref: sigstore, message: `ClusterImagePolicy "${sigstore.name ?? '(unnamed)'}" matches the image` },
          ],
        });
      } else report({ messageId: 'uncovered', data, at: found.ref.site });
    }
  },
});
