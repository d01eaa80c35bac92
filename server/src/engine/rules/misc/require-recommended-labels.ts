import { setIn } from '../../fix/map';
import { metadataOf, nameNode } from '../../model/object';
import { podTemplatePath } from '../../model/workload';
import { get, getMap, getSeq, keyOf } from '../../model/yaml-nav';
import { defineRule, MessageProposal } from '../../rule';

const NAME_LABEL = 'app.kubernetes.io/name';
const OWNER_LABEL = 'owner';
/** A label value: at most 63 characters, alphanumeric at both ends, `-_.` inside. */
const LABEL_VALUE = /^(?=.{1,63}$)[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

export default defineRule({
  id: 'require-recommended-labels',
  title: 'Workloads should carry the recommended name and owner labels',
  category: 'misc',
  severity: 'info',
  pss: null,
  optIn: true,
  covers: ['M08'],
  equivalents: { kubeLinter: ['required-label-owner'] },
  messages: {
    missing: '{{kind}} "{{name}}" has no {{labels}} label{{plural}}: add {{labels}} so its findings, alerts and '
      + 'costs can be traced to an application and a team.',
  },
  fixMessages: {
    addName: 'Add label {{label}}: {{value}}',
  },
  defaultReason: 'Info and opt-in: labels are conventions, nothing a reviewer blocks a manifest for.',
  docs: {
    summary: 'During an incident or a review, `app.kubernetes.io/name` (the Kubernetes recommended label) says '
      + 'which application a workload is and `owner` (kube-linter\'s `required-label-owner`) who answers for '
      + 'it. Checked on the workload object itself (Deployments, StatefulSets, DaemonSets, Jobs, CronJobs, '
      + 'bare Pods, ...; a Pod a controller owns takes its labels from the template). The other recommended '
      + 'labels and the email annotation of kube-linter are left out: which ones a team requires is policy, '
      + 'not security.',
    remediation: 'Add `app.kubernetes.io/name: <application>` and `owner: <team>` under `metadata.labels` of each '
      + 'workload. The suggestion adds the name label with the object\'s name.',
    references: ['https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/', 'https://docs.kubelinter.io/#/generated/checks?id=required-label-owner'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: debug
  labels: {owner: team-a}
spec:
  containers:
  - name: app
    image: busybox:1.36
`,
    correct: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app.kubernetes.io/name: web
    owner: team-a
spec:
  template:
    spec:
      containers:
      - name: app
        image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: web-7d4b9c-x2k8p
  ownerReferences:
  - apiVersion: apps/v1
    kind: ReplicaSet
    name: web-7d4b9c
    uid: 6f1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5b
spec:
  containers:
  - name: app
    image: nginx:1.27
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
  - port: 80
`,
  },
  fix: null, // the owner is a team name the manifest does not know
  checkObject({ object, report }) {
    if (!podTemplatePath(object)) return;
    const meta = metadataOf(object);
    if (object.kind === 'Pod' && getSeq(meta, 'ownerReferences', object.doc)) return;
    const labels = getMap(meta, 'labels', object.doc);
    const missing = [NAME_LABEL, OWNER_LABEL].filter(l => !get(labels, l, object.doc));
    if (missing.length === 0) return;
    const name = object.name;
    const nameSuggestion: MessageProposal[] = meta && missing.includes(NAME_LABEL) && name !== undefined && LABEL_VALUE.test(name)
      ? [{ messageId: 'addName', data: { label: NAME_LABEL, value: name }, edits: ({ text, doc }) => setIn(text, doc, meta, ['labels', NAME_LABEL], name) }]
      : [];
    report({
      messageId: 'missing',
      data: { kind: object.kind, name: name ?? '(unnamed)', labels: missing.join(' and '), plural: missing.length > 1 ? 's' : '' },
      at: keyOf(meta, 'labels', object.doc) ?? nameNode(object),
      suggestions: nameSuggestion,
    });
  },
});
