import { YAMLMap } from 'yaml';
import { setValue, titleLabel, together } from '../../fix/workload';
import { ContainerView, PodSpecView } from '../../model/workload';
import { get, getMap, isTrue } from '../../model/yaml-nav';
import { defineRule, Proposal } from '../../rule';
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
    summary: 'A Windows HostProcess container runs directly on the node as a host process, with the host network '
      + 'and file system and the rights of a node administrator account: it is the Windows equivalent of a '
      + 'privileged container. Both Pod Security levels forbid it.',
    remediation: 'Remove `windowsOptions.hostProcess: true` from the pod securityContext and from every container (or '
      + 'set it to false). Node-level Windows agents that truly need host access belong in a namespace '
      + 'exempted from Pod Security.',
    references: [...PSS_REFERENCES, 'https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostNetwork: true
  securityContext:
    windowsOptions:
      hostProcess: true
  containers:
  - name: app
    image: mcr.microsoft.com/windows/nanoserver:ltsc2022
    securityContext:
      windowsOptions:
        hostProcess: false
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostNetwork: true
  securityContext:
    windowsOptions:
      hostProcess: false
  containers:
  - name: app
    image: mcr.microsoft.com/windows/nanoserver:ltsc2022
    securityContext:
      windowsOptions:
        hostProcess: false
`,
  },
  // The workload may need the node's rights to do its job.
  fix: { safety: 'unsafe', risk: 'the container no longer runs as a process on the Windows host' },
  checkPod({ pod, report }) {
    // The pod and each container are checked independently: a container `false` does not
    // excuse a pod-level `true`, and the pod value is reported once.
    let shared: Proposal | undefined;
    const fix = () => (shared ??= turnOff(pod));
    const podValue = pod.sc('windowsOptions', 'hostProcess');
    if (isTrue(podValue)) report({ messageId: 'pod', at: podValue!.value, fix: fix() });
    for (const c of pod.containers) {
      const v = c.sc('windowsOptions', 'hostProcess');
      if (isTrue(v)) report({ messageId: 'container', data: { container: c.label }, at: v!.value, fix: fix() });
    }
  },
});

/**
 * One fix for every finding of the pod: HostProcess is all or nothing (the API rejects a pod that
 * mixes HostProcess and other containers, or whose pod and container values differ), so every
 * `true` turns `false` at once, where it is written. hostNetwork, which HostProcess requires, is
 * left to disallow-host-network.
 */
function turnOff(pod: PodSpecView): Proposal {
  const where: Array<{ owner: ContainerView | 'pod'; options: YAMLMap }> = [];
  const add = (owner: ContainerView | 'pod', sc: YAMLMap | undefined) => {
    const options = getMap(sc, 'windowsOptions', pod.doc);
    if (isTrue(get(options, 'hostProcess', pod.doc))) where.push({ owner, options: options! });
  };
  add('pod', pod.securityContext);
  for (const c of pod.containers) add(c, c.securityContext);
  const names = where.map(w => titleLabel(w.owner));
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
  return together(`Set windowsOptions.hostProcess: false in ${list}`, where.map(w => setValue(w.options, 'hostProcess', false)));
}
