import { removeItem } from '../../fix/remove';
import { inTitle } from '../../fix/workload';
import { envOf } from '../../model/env';
import { getSeq, str } from '../../model/yaml-nav';
import { defineRule } from '../../rule';

/** A `$(NAME)` reference in an env value (a name holding `)` is matched the slow way). */
const REFERENCE = /\$\(([^)]*)\)/g;

export default defineRule({
  id: 'disallow-duplicate-env-vars',
  title: 'Containers set each environment variable once',
  category: 'secrets',
  severity: 'warning',
  pss: null,
  covers: ['SEC07'],
  equivalents: { kubeLinter: ['duplicate-env-var'], kubescape: ['C-0295'] },
  messages: {
    duplicate: '{{container}} sets env {{name}} again further down: the last entry wins, so this one has no effect. Remove it.',
  },
  fixMessages: {
    removeOverridden: 'Remove the overridden env {{name}} from {{where}}',
  },
  defaultReason: 'On by default (severity warning): it is always a mistake and the fix is mechanical.',
  docs: {
    summary: 'When `env` lists a name twice the kubelet keeps the last entry, so the value a reviewer reads first '
      + 'is not the one the container gets — a common way for a hard-coded value to hide next to a secret '
      + 'reference — and server-side apply rejects the list. Each entry that a later one overrides is '
      + 'reported.',
    remediation: 'Keep one entry per name. The fix removes the overridden entry; it is safe because the kubelet '
      + 'already ignores it, and it is not offered when a later entry reads the earlier value through '
      + '`$(NAME)`.',
    references: ['https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/'],
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
    env:
    - {name: A, value: "1"}
    - {name: A, value: "2"}
    - {name: A, value: "3"}
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: nginx:1.27
    env:
    - {name: A, value: "3"}
`,
  },
  fix: {
    safety: 'safe',
    safeBecause: 'Removing an entry that a later entry of the same name overrides is safe: the kubelet already uses '
      + 'the last one, so the container sees exactly the same environment. It is not offered when a later '
      + 'entry reads the earlier value through `$(NAME)`.',
  },
  checkPod({ pod, report }) {
    for (const c of pod.containers) {
      const env = envOf(c);
      const seq = getSeq(c.node, 'env', pod.doc);
      // One pass each way keeps a container with tens of thousands of entries linear: the last
      // index of each name, and the last index whose value reads `$(NAME)`.
      const lastOf = new Map<string, number>();
      const lastReadOf = new Map<string, number>();
      env.forEach((e, i) => {
        if (e.name !== undefined) lastOf.set(e.name, i);
        for (const m of str(e.value)?.matchAll(REFERENCE) ?? []) lastReadOf.set(m[1]!, i);
      });
      env.forEach((e, i) => {
        if (e.name === undefined || !e.nameRef || (lastOf.get(e.name) ?? -1) <= i) return;
        // `$(NAME)` in a later entry expands the value defined before it: then this entry matters.
        const readBelow = e.name.includes(')')
          ? env.slice(i + 1).some(x => str(x.value)?.includes(`$(${e.name})`))
          : (lastReadOf.get(e.name) ?? -1) > i;
        report({
          messageId: 'duplicate',
          data: { container: c.label, name: e.name },
          at: e.nameRef.site,
          fix: readBelow || !seq ? undefined : {
            messageId: 'removeOverridden', data: { name: e.name, where: inTitle(c.label) },
            edits: ({ text, doc }) => removeItem(text, doc, seq, e.index),
          },
        });
      });
    }
  },
});
