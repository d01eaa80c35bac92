import { envOf } from '../../model/env';
import { defineRule } from '../../rule';

// git-sync v4 reads its flags from GITSYNC_*; v3 used GIT_SYNC_*. Both select the git binary.
const GIT_BINARY_VARS = new Set(['GITSYNC_GIT', 'GIT_SYNC_GIT']);

export default defineRule({
  id: 'disallow-git-sync-command-override',
  title: 'git-sync does not run a configurable git binary',
  category: 'secrets',
  severity: 'warning',
  pss: null,
  covers: ['SEC08'],
  equivalents: { checkov: ['CKV_K8S_159'] },
  messages: {
    gitBinary: '{{container}} sets {{name}}: git-sync then runs whatever that names as git (code execution for '
      + 'anyone who controls the value). Remove it and use the image\'s git.',
  },
  defaultReason: 'On by default: there is rarely a reason to override it.',
  docs: {
    summary: 'git-sync runs the program named by GITSYNC_GIT (GIT_SYNC_GIT in v3) as its git binary, with the '
      + 'pod\'s credentials. Whoever can set that value — through the manifest, a ConfigMap or a Helm value — '
      + 'gets code execution in a container that usually holds repository credentials.',
    remediation: 'Remove the GITSYNC_GIT / GIT_SYNC_GIT variable (and the `--git` flag) so git-sync uses the git that ships in its image.',
    references: ['https://github.com/kubernetes/git-sync#parameters'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: git-sync
    image: registry.k8s.io/git-sync/git-sync:v4.2.1
    env:
    - {name: GITSYNC_GIT, value: /tmp/evil}
    - name: GIT_SYNC_GIT
      value: /bin/sh
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: git-sync
    image: registry.k8s.io/git-sync/git-sync:v4.2.1
    env:
    - {name: GITSYNC_REPO, value: "https://github.com/org/repo"}
`,
  },
  fix: null,
  checkPod({ pod, report }) {
    for (const c of pod.containers) {
      for (const e of envOf(c)) {
        if (e.name && e.nameRef && GIT_BINARY_VARS.has(e.name)) report({ messageId: 'gitBinary', data: { container: c.label, name: e.name }, at: e.nameRef.site });
      }
    }
  },
});
