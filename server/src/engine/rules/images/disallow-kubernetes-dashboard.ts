import { imageOf, runsImage } from '../../model/image';
import { podSpecOf } from '../../model/workload';
import { get, getMap, str } from '../../model/yaml-nav';
import { defineRule } from '../../rule';

function isDashboardImage(repository: string): boolean {
  return repository === 'kubernetesui/dashboard' || repository.startsWith('kubernetesui/dashboard-') || repository.includes('kubernetes-dashboard');
}

export default defineRule({
  id: 'disallow-kubernetes-dashboard',
  title: 'The Kubernetes Dashboard is not deployed from workload manifests',
  category: 'images',
  severity: 'warning',
  pss: null,
  covers: ['IMG09'],
  equivalents: { checkov: ['CKV_K8S_33'] },
  messages: {
    image: '{{container}} runs the Kubernetes Dashboard ("{{image}}"): an exposed or over-privileged Dashboard '
      + 'is a classic way into a cluster. Prefer kubectl or a managed console; if you keep it, require login, '
      + 'bind it to a read-only role and never expose it publicly.',
    label: '{{kind}} "{{name}}" is labelled {{label}}=kubernetes-dashboard: an exposed or over-privileged '
      + 'Dashboard is a classic way into a cluster; require login, bind it to a read-only role and keep it '
      + 'private.',
  },
  defaultReason: 'On by default (warning): a reviewer wants to know it is deployed and how it is protected.',
  docs: {
    summary: 'The Kubernetes Dashboard, run with a powerful ServiceAccount or `--enable-skip-login` and reachable '
      + 'from outside, has been the entry point of real cluster compromises (cryptomining on exposed '
      + 'dashboards). Reported on a container running a Dashboard image (`kubernetesui/dashboard...`, '
      + '`...kubernetes-dashboard...`) and on an `app`/`k8s-app: kubernetes-dashboard` label of a Service '
      + '(the way it is exposed) or of a workload whose image is not recognisable; the other objects of its '
      + 'install (ServiceAccount, Secrets, ConfigMap, RBAC) carry the label too but add nothing, and are not '
      + 'reported.',
    remediation: 'Remove the Dashboard, or deploy it with its default minimal ServiceAccount, require token or OIDC '
      + 'login (no `--enable-skip-login`), bind users to read-only roles, and reach it only through `kubectl '
      + 'proxy` or an authenticating proxy.',
    references: ['https://github.com/kubernetes/dashboard/blob/master/docs/user/access-control/README.md', 'https://kubernetes.io/docs/tasks/access-application-cluster/web-ui-dashboard/'],
  },
  examples: {
    incorrect: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: kubernetes-dashboard
  labels: {k8s-app: kubernetes-dashboard}
spec:
  template:
    spec:
      containers:
      - name: dashboard
        image: kubernetesui/dashboard:v2.7.0
      - name: old
        image: k8s.gcr.io/kubernetes-dashboard-amd64:v1.10.1
---
apiVersion: v1
kind: Service
metadata:
  name: kubernetes-dashboard
  labels:
    k8s-app: kubernetes-dashboard

---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ui
  labels: {app: kubernetes-dashboard}
spec:
  template:
    spec:
      containers:
      - name: ui
        image: registry.example.com/ui:2.7.0
`,
    correct: `apiVersion: v1
kind: ServiceAccount
metadata:
  name: kubernetes-dashboard
  labels: {k8s-app: kubernetes-dashboard}
---
apiVersion: v1
kind: Secret
metadata:
  name: kubernetes-dashboard
  labels: {k8s-app: kubernetes-dashboard}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: kubernetes-dashboard
  labels: {k8s-app: kubernetes-dashboard}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: kubernetes-dashboard
  labels: {k8s-app: kubernetes-dashboard}
`,
  },
  fix: null,
  checkObject({ object, report }) {
    // The Dashboard is run by a workload and exposed by a Service: its ServiceAccount, Secrets,
    // ConfigMap and RBAC objects carry the same label but say nothing more about that risk.
    if (!(object.kind === 'Service' && object.group === '') && !podSpecOf(object)) return;
    const labels = getMap(getMap(object.node, 'metadata', object.doc), 'labels', object.doc);
    for (const label of ['k8s-app', 'app']) {
      const v = get(labels, label, object.doc);
      if (str(v) !== 'kubernetes-dashboard') continue;
      // A workload whose image already says Dashboard is reported there, once.
      if (runsImage(object, isDashboardImage)) return;
      report({ messageId: 'label', data: { kind: object.kind, name: object.name ?? '(unnamed)', label }, at: v!.site });
      return;
    }
  },
  checkPod({ pod, report }) {
    for (const c of pod.containers) {
      const found = imageOf(c);
      if (found && isDashboardImage(found.image.repository)) report({ messageId: 'image', data: { container: c.label, image: found.image.raw }, at: found.ref.site });
    }
  },
});
