import { isCloudCredentialPath, isRuntimeSocketPath } from '../../model/host-path-classes';
import { hostPathVolumes } from '../../model/host-paths';
import { defineRule } from '../../rule';
import { OWASP_K01 } from '../references';

export default defineRule({
  id: 'disallow-cloud-credential-host-paths',
  title: 'Pods must not mount cloud credentials from the node',
  category: 'workload-hardening',
  severity: 'warning',
  pss: null,
  covers: ['X04'],
  equivalents: { kubescape: ['C-0020'] },
  messages: {
    credentials: '{{volume}} mounts cloud credentials of the node ("{{path}}"): remove the hostPath volume and give '
      + 'the workload its own identity (workload identity / IRSA) instead.',
  },
  defaultReason: 'On by default, with the Medium severity of Kubescape C-0020: the path says what leaks.',
  docs: {
    summary: 'AKS nodes keep the cluster\'s service principal in /etc/kubernetes/azure.json; `.aws`, `.azure` and '
      + '`.config/gcloud` directories hold cloud CLI keys. A container that mounts them acts in the cloud '
      + 'account with the node\'s (often contributor-level) rights.',
    remediation: 'Remove the hostPath volume. Give the workload its own narrowly scoped cloud identity: EKS Pod '
      + 'Identity or IRSA, Azure Workload Identity, GKE Workload Identity.',
    references: [OWASP_K01, 'https://learn.microsoft.com/en-us/azure/aks/workload-identity-overview', 'https://docs.aws.amazon.com/eks/latest/userguide/iam-roles-for-service-accounts.html'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx:1.27
  volumes:
  - name: v0
    hostPath:
      path: /etc/kubernetes/azure.json
  - name: v1
    hostPath:
      path: /root/.aws
  - name: v2
    hostPath:
      path: /.azure/
  - name: v3
    hostPath:
      path: /home/ci/.config/gcloud/credentials.db
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx:1.27
  volumes:
  - name: v0
    hostPath:
      path: /opt/aws
  - name: v1
    hostPath:
      path: /data/.aws-cache
  - name: v2
    hostPath:
      path: /etc/kubernetes/azure.json.d-not
  - name: v3
    hostPath:
      path: /home/ci/.config
`,
  },
  fix: null, // the workload needs another identity, not another volume
  checkPod({ pod, report }) {
    for (const v of hostPathVolumes(pod)) {
      const p = v.normalized;
      if (p !== undefined && !isRuntimeSocketPath(p) && isCloudCredentialPath(p)) {
        report({ messageId: 'credentials', data: { volume: v.label, path: p }, at: v.path!.value });
      }
    }
  },
});
