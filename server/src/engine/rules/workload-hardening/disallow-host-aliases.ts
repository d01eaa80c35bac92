import { getSeq, keyOf } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { OWASP_K01 } from '../references';

export default defineRule({
  id: 'disallow-host-aliases',
  title: 'Pods should not override name resolution with hostAliases',
  category: 'workload-hardening',
  severity: 'info',
  pss: null,
  covers: ['H17'],
  equivalents: { trivy: ['KSV007'], kubesec: ['HostAliases'] },
  messages: {
    hostAliases: 'The pod spec sets hostAliases, which writes entries into the containers\' /etc/hosts: resolve these '
      + 'names through DNS (a Service or ExternalName) instead.',
  },
  defaultReason: 'On by default with severity info: rare, legitimate at times, but worth a reviewer\'s look.',
  docs: {
    summary: 'hostAliases writes entries into every container\'s /etc/hosts, bypassing cluster DNS: a manifest can '
      + 'silently redirect a well-known name (a registry, an API endpoint) to another address, and the '
      + 'mapping is invisible to anyone reading Services or DNS.',
    remediation: 'Remove `spec.hostAliases` and publish the names through DNS: a Service, an ExternalName Service, or the cluster\'s DNS configuration.',
    references: [OWASP_K01, 'https://kubernetes.io/docs/tasks/network/customize-hosts-file-for-pods/'],
  },
  examples: {
    incorrect: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    spec:
      hostAliases:
      - ip: 10.0.0.9
        hostnames: [registry.example.com]
      containers:
      - name: app
        image: nginx:1.27
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostAliases: []
  containers:
  - name: app
    image: nginx:1.27
`,
  },
  fix: null, // the names must resolve some other way first
  checkPod({ pod, report }) {
    const key = keyOf(pod.spec, 'hostAliases', pod.doc);
    // An empty list changes nothing.
    if (key && (getSeq(pod.spec, 'hostAliases', pod.doc)?.items.length ?? 0) > 0) report({ messageId: 'hostAliases', at: key });
  },
});
