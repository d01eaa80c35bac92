import { imageOf } from '../../model/image';
import { defineRule } from '../../rule';

export default defineRule({
  id: 'disallow-latest-image-tag',
  title: 'Images name a fixed tag, not latest',
  category: 'images',
  severity: 'warning',
  pss: null,
  covers: ['IMG01'],
  equivalents: { kubeLinter: ['latest-tag'], checkov: ['CKV_K8S_14'], trivy: ['KSV013'], polaris: ['tagNotSpecified'] },
  messages: {
    latest: '{{container}} runs image "{{image}}" with the latest tag: pin a version tag (or a digest) so every node runs the same, reviewed image.',
    untagged: '{{container}} runs image "{{image}}" without a tag, which means latest: pin a version tag (or a digest).',
  },
  defaultReason: 'On by default: reviewers block it and every peer tool reports it.',
  docs: {
    summary: 'An image without a tag, or tagged `latest`, is whatever was pushed last: two nodes can run different '
      + 'code, a rollback does not roll back, and a compromised push goes live on the next restart. An image '
      + 'pinned by digest (`@sha256:...`) is fine whatever its tag (a malformed digest is no latest either: '
      + 'the runtime cannot pull it, and `require-image-digest` reports it); templated images (`$(IMAGE)`, '
      + '`${TAG}`) are not judged.',
    remediation: 'Use an immutable version tag (`nginx:1.27.2`) or, better, a digest (`nginx@sha256:...`); let a bot (Renovate, Dependabot) raise the pins.',
    references: ['https://kubernetes.io/docs/concepts/containers/images/#image-names', 'https://kubernetes.io/docs/concepts/configuration/overview/#container-images'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: nginx
  - name: b
    image: "ghcr.io/acme/api:latest"
  - name: c
    image: registry.local:5000/app
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: $(IMAGE)
`,
  },
  // Which version to pin is the user's choice.
  fix: null,
  checkPod({ pod, report }) {
    for (const c of pod.containers) {
      const found = imageOf(c);
      // With a digest the tag is never what runs: a well-formed digest pins the content, and a
      // malformed one cannot be pulled at all (require-image-digest says so), so it is no latest.
      if (!found || found.image.digest !== undefined) continue;
      const { ref, image } = found;
      if (image.tag === undefined) report({ messageId: 'untagged', data: { container: c.label, image: image.raw }, at: ref.site });
      else if (image.tag === 'latest') report({ messageId: 'latest', data: { container: c.label, image: image.raw }, at: ref.site });
    }
  },
});
