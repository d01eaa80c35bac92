import { imageOf, isPinned } from '../../model/image';
import { defineRule } from '../../rule';

export default defineRule({
  id: 'require-image-digest',
  title: 'Images are pinned by digest',
  category: 'images',
  severity: 'info',
  pss: null,
  optIn: true,
  covers: ['IMG02'],
  equivalents: { checkov: ['CKV_K8S_43'], kubescape: ['C-0306'] },
  messages: {
    noDigest: '{{container}} runs image "{{image}}" by tag: a tag can be moved to other content; pin it by digest (image@sha256:...).',
    badDigest: '{{container}} runs image "{{image}}" with a malformed digest "{{digest}}": a digest is sha256: and '
      + '64 lower-case hex digits (or sha384/sha512); the runtime cannot pull this reference, so nothing is '
      + 'pinned.',
  },
  defaultReason: 'Off by default (info): most teams pin version tags and rely on registry immutability, and digests need tooling to stay current.',
  docs: {
    summary: 'Only a digest names image content: a tag, even a version tag, can be re-pushed. Pinning by digest '
      + 'makes deployments reproducible and a registry compromise visible.',
    remediation: 'Reference images as `name:tag@sha256:<digest>` (the tag stays for readers; the runtime uses the '
      + 'digest), and let Renovate or Dependabot update the pins.',
    references: ['https://kubernetes.io/docs/concepts/containers/images/#image-names'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: nginx:1.27
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: nginx:1.27@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
`,
  },
  fix: null,
  checkPod({ pod, report }) {
    for (const c of pod.containers) {
      const found = imageOf(c);
      if (!found || isPinned(found.image)) continue;
      const { image, ref } = found;
      if (image.digest === undefined) report({ messageId: 'noDigest', data: { container: c.label, image: image.raw }, at: ref.site });
      else report({ messageId: 'badDigest', data: { container: c.label, image: image.raw, digest: image.digest }, at: ref.site });
    }
  },
});
