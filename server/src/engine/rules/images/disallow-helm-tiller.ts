import { imageOf, runsImage } from '../../model/image';
import { get, getMap, str } from '../../model/yaml-nav';
import { defineRule } from '../../rule';

const isTiller = (repository: string) => /(^|\/)tiller$/.test(repository);

export default defineRule({
  id: 'disallow-helm-tiller',
  title: 'Helm v2 Tiller is not deployed',
  category: 'images',
  severity: 'error',
  pss: null,
  covers: ['IMG08'],
  equivalents: { checkov: ['CKV_K8S_34', 'CKV_K8S_44'], trivy: ['KSV102'] },
  messages: {
    image: '{{container}} runs Helm v2 Tiller ("{{image}}"): Tiller has been unsupported since 2020 and, '
      + 'typically bound to cluster-admin with no authentication on its gRPC port, lets any pod take over the '
      + 'cluster. Remove it and use Helm 3.',
    labels: '{{kind}} "{{name}}" is labelled as Helm v2 Tiller (app=helm, name=tiller): remove Tiller and use Helm 3, which needs no in-cluster component.',
  },
  defaultReason: 'On by default (error): there is no safe way to run it.',
  docs: {
    summary: 'Tiller, the in-cluster half of Helm v2, listens on port 44134 without authentication by default and '
      + 'usually runs with cluster-admin rights, so any pod that can reach it can install anything. Helm v2 '
      + 'reached end of life in November 2020. Reported on a container whose image is Tiller, and on a '
      + 'workload or Service labelled `app: helm` + `name: tiller` (as `helm init` created them).',
    remediation: 'Migrate releases to Helm 3 (`helm-2to3`), then delete the tiller-deploy Deployment, its Service and its ServiceAccount binding.',
    references: ['https://helm.sh/docs/topics/v2_v3_migration/', 'https://helm.sh/blog/helm-v2-deprecation-timeline/'],
  },
  examples: {
    incorrect: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: tiller-deploy
  labels: {app: helm, name: tiller}
spec:
  template:
    spec:
      containers:
      - name: tiller
        image: gcr.io/kubernetes-helm/tiller:v2.16.12
---
apiVersion: v1
kind: Service
metadata:
  name: tiller-deploy
  labels:
    app: helm
    name: tiller
spec:
  ports: [{port: 44134}]
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: alpine/helm:3.14.0
`,
  },
  fix: null,
  checkObject({ object, report }) {
    // The Service (and the workload, when its image is not recognisable) by the labels `helm init` set.
    const labels = getMap(getMap(object.node, 'metadata', object.doc), 'labels', object.doc);
    const app = get(labels, 'app', object.doc);
    // A workload whose image already says Tiller is reported there, once.
    if (str(app) === 'helm' && str(get(labels, 'name', object.doc)) === 'tiller' && !runsImage(object, isTiller)) {
      report({ messageId: 'labels', data: { kind: object.kind, name: object.name ?? '(unnamed)' }, at: app!.site });
    }
  },
  checkPod({ pod, report }) {
    for (const c of pod.containers) {
      const found = imageOf(c);
      if (found && isTiller(found.image.repository)) {
        report({ messageId: 'image', data: { container: c.label, image: found.image.raw }, at: found.ref.site });
      }
    }
  },
});
