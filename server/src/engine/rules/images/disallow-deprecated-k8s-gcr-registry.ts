import { isScalar } from 'yaml';
import { inTitle } from '../../fix/workload';
import { editableAt, isShared } from '../../fix/nodes';
import { imageOf } from '../../model/image';
import { defineRule } from '../../rule';

const HOST = 'k8s.gcr.io';

export default defineRule({
  id: 'disallow-deprecated-k8s-gcr-registry',
  title: 'Images do not come from the frozen k8s.gcr.io registry',
  category: 'images',
  severity: 'warning',
  pss: null,
  covers: ['IMG06'],
  equivalents: { kubescape: ['C-0253'] },
  messages: {
    frozen: '{{container}} pulls "{{image}}" from k8s.gcr.io, frozen since April 2023 (no new versions or security fixes): use registry.k8s.io instead.',
  },
  fixMessages: {
    pullFromNew: 'Pull the image of {{where}} from registry.k8s.io',
  },
  defaultReason: 'On by default (warning): the change is mechanical and keeps the same image content.',
  docs: {
    summary: 'The Kubernetes project froze k8s.gcr.io in April 2023 and moved to registry.k8s.io: no new tags (so '
      + 'no security fixes) are published there, and the old domain now only redirects, which can stop '
      + 'working.',
    remediation: 'Replace `k8s.gcr.io` with `registry.k8s.io`; the images were copied with the same digests. The fix does exactly that.',
    references: ['https://kubernetes.io/blog/2023/03/10/image-registry-redirect/', 'https://kubernetes.io/blog/2023/02/06/k8s-gcr-io-freeze-announcement/'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: k8s.gcr.io/pause:3.2 # sandbox
  - name: b
    image: "k8s.gcr.io/ingress-nginx/controller:v1.1.0"
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: registry.k8s.io/pause:3.2 # sandbox
  - name: b
    image: "registry.k8s.io/ingress-nginx/controller:v1.1.0"
`,
  },
  // registry.k8s.io serves the same images (same digests) under the same paths, but a node that
  // pulls through a mirror or an allow-list of k8s.gcr.io may not reach it: the change is the
  // author's to make.
  fix: { safety: 'unsafe', risk: 'nodes that pull k8s.gcr.io through a mirror or allow-list must also allow registry.k8s.io' },
  checkPod({ pod, report }) {
    for (const c of pod.containers) {
      const found = imageOf(c);
      if (!found || found.image.registry !== 'k8s.gcr.io') continue;
      const value = found.ref.value;
      report({
        messageId: 'frozen', data: { container: c.label, image: found.image.raw }, at: found.ref.site,
        fix: found.ref.viaAlias || !isScalar(value) ? undefined : {
          messageId: 'pullFromNew', data: { where: inTitle(c.label) },
          // Only the host is rewritten, inside the scalar as written: quoting and comments stay.
          edits: ({ text, doc }) => {
            if (!value.range || !editableAt(doc, value) || isShared(doc, value)) return undefined;
            const start = value.range[0] + (value.type === 'QUOTE_DOUBLE' || value.type === 'QUOTE_SINGLE' ? 1 : 0);
            if (value.type !== 'PLAIN' && start === value.range[0]) return undefined;
            if (text.slice(start, start + HOST.length + 1).toLowerCase() !== `${HOST}/`) return undefined;
            return [{ start, end: start + HOST.length, newText: 'registry.k8s.io' }];
          },
        },
      });
    }
  },
});
