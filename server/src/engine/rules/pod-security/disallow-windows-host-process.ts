import { isTrue } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { PSS_REFERENCES } from '../references';

export default defineRule({
  id: 'disallow-windows-host-process',
  title: 'Windows pods must not run as HostProcess containers',
  category: 'pod-security',
  severity: 'error',
  pss: { level: 'baseline', check: 'windowsHostProcess', since: 0 },
  covers: ['B01'],
  equivalents: { pss: ['windowsHostProcess'], trivy: ['KSV103'], kubescape: ['C-0211'], polaris: ['hostProcess'] },
  messages: {
    pod: 'The pod runs as a Windows HostProcess pod: remove spec.securityContext.windowsOptions.hostProcess or set it to false.',
    container: '{{container}} is a Windows HostProcess container: remove securityContext.windowsOptions.hostProcess or set it to false.',
  },
  docs: {
    summary: 'A Windows HostProcess container runs directly on the node as a host process, with the host network and file system and the rights of a node administrator account: it is the Windows equivalent of a privileged container. Both Pod Security levels forbid it.',
    remediation: 'Remove `windowsOptions.hostProcess: true` from the pod securityContext and from every container (or set it to false). Node-level Windows agents that truly need host access belong in a namespace exempted from Pod Security.',
    references: [...PSS_REFERENCES, 'https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/'],
  },
  // Kubernetes rejects a pod that mixes HostProcess and non-HostProcess containers (and such
  // pods depend on hostNetwork): removing one occurrence alone can leave an invalid pod.
  fix: { safety: 'unsafe' },
  checkPod({ pod, report }) {
    // The pod and each container are checked independently: a container `false` does not
    // excuse a pod-level `true`, and the pod value is reported once.
    const podValue = pod.sc('windowsOptions', 'hostProcess');
    if (isTrue(podValue)) report({ messageId: 'pod', at: podValue!.value });
    for (const c of pod.containers) {
      const v = c.sc('windowsOptions', 'hostProcess');
      if (isTrue(v)) report({ messageId: 'container', data: { container: c.label }, at: v!.value });
    }
  },
});
