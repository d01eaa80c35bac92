// A base that is clean at the restricted level but for its seccomp profile (set by staging's
// patch only), an overlay whose patch makes the container privileged, and an overlay with no
// patch: the workspace the editor and fix tests judge through Kustomize.
import { DEFAULT_DENY } from '../../protocol/fixtures';
import { webPatch } from './tree';

export { webPatch };

/** Clean at restricted (isolated by its NetworkPolicy) but for the missing seccomp profile. */
export const BASE_WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
        - name: web
          image: nginx:1.27.0
          securityContext:
            allowPrivilegeEscalation: false
            capabilities:
              drop: ["ALL"]
          resources:
            limits:
              memory: 128Mi
---
${DEFAULT_DENY}`;

/** Relative paths (the protocol tests write them to disk; the unit tests read them under /ws). */
export const TREE: Record<string, string> = {
  'base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
  'base/deployment.yaml': BASE_WEB,
  'overlays/dev/kustomization.yaml': 'resources:\n  - ../../base\n',
  'overlays/production/kustomization.yaml': 'resources:\n  - ../../base\npatches:\n  - path: privileged.yaml\n',
  'overlays/production/privileged.yaml': webPatch(['privileged: true']),
  'overlays/staging/kustomization.yaml': 'resources:\n  - ../../base\npatches:\n  - path: harden.yaml\n',
  'overlays/staging/harden.yaml': webPatch(['readOnlyRootFilesystem: true', 'seccompProfile:', '  type: RuntimeDefault']),
};

export const KUSTOMIZE_TREE: Record<string, string> = Object.fromEntries(Object.entries(TREE).map(([k, v]) => [`/ws/${k}`, v]));
