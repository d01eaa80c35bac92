import { YamlValue } from '../../fix/render';
import { removeKey } from '../../fix/remove';
import { replaceKey } from '../../fix/replace';
import { inTitle } from '../../fix/workload';
import { get, keyOf, str } from '../../model/yaml-nav';
import { defineRule, MessageProposal } from '../../rule';
import { PSS_REFERENCES } from '../references';
import { podVolumes, VolumeView } from '../../model/volumes';

/**
 * The volume sources the restricted level allows (policy/check_restrictedVolumes.go). `image`
 * was added to the admission plugin's only (1.0) version of the check in Kubernetes 1.33, so
 * every policy version allows it: the check is not versioned.
 */
const ALLOWED = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret'];

/** Every other source the core/v1 VolumeSource knows, in the order the admission plugin names them. */
const RESTRICTED = [
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd',
  'flexVolume', 'cinder', 'cephfs', 'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk',
  'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos',
];

/**
 * Where the data should live instead is the user's call: scratch space (emptyDir) or a claim on
 * storage an administrator provides (persistentVolumeClaim, named after the volume until the
 * user names the real claim). The source is replaced where it stands, the volume keeps its name
 * and its mounts.
 */
function replacements(v: VolumeView, type: string, name: string | undefined): MessageProposal[] {
  const replace = (newKey: string, value: YamlValue, what: string, note: string): MessageProposal => ({
    messageId: 'replaceSource', data: { type, what, where: inTitle(v.label), note },
    edits: ({ text, doc }) => replaceKey(text, doc, v.node, type, newKey, value),
  });
  const out = [replace('emptyDir', {}, 'emptyDir', 'the data lives only as long as the pod')];
  if (name !== undefined) out.push(replace('persistentVolumeClaim', { claimName: name }, `persistentVolumeClaim "${name}"`, 'the claim must exist'));
  return out;
}

/** A volume that also names an allowed source: the disallowed one is only in the way. */
function remove(v: VolumeView, type: string): MessageProposal {
  return {
    messageId: 'removeSource', data: { type, where: inTitle(v.label) },
    edits: ({ text, doc }) => removeKey(text, doc, v.node, type),
  };
}

export default defineRule({
  id: 'restrict-volume-types',
  title: 'Pods use only core volume types',
  category: 'pod-security',
  severity: 'warning',
  pss: { level: 'restricted', check: 'restrictedVolumes', since: 0 },
  covers: ['R01', 'B07'],
  equivalents: { pss: ['restrictedVolumes'], trivy: ['KSV028'] },
  overrides: ['disallow-host-path-volumes'],
  messages: {
    restricted: '{{volume}} uses the {{type}} volume type, which the restricted level forbids: use a '
      + 'persistentVolumeClaim, csi, ephemeral, configMap, secret, projected, downwardAPI, emptyDir or image '
      + 'volume.',
  },
  fixMessages: {
    replaceSource: 'Replace {{type}} with {{what}} in {{where}} ({{note}})',
    removeSource: 'Remove {{type}} from {{where}}',
  },
  docs: {
    summary: 'The restricted level allows only volume types whose access is governed by Kubernetes objects '
      + '(claims, config maps, secrets, CSI drivers) or that live with the pod (emptyDir, ephemeral, image). '
      + 'Inline sources such as hostPath, nfs, iscsi, rbd, cephfs or gitRepo connect the node to arbitrary '
      + 'storage chosen by whoever writes the pod spec, bypassing storage classes and their access control; '
      + 'hostPath exposes the node itself.',
    remediation: 'Move the storage behind a PersistentVolume and reference it with a persistentVolumeClaim (or use a '
      + 'CSI driver); use configMap, secret or projected volumes for configuration, emptyDir or ephemeral '
      + 'volumes for scratch space. gitRepo is deprecated: clone the repository in an init container into an '
      + 'emptyDir.',
    references: [...PSS_REFERENCES, 'https://kubernetes.io/docs/concepts/storage/volumes/'],
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
  - name: logs
    hostPath:
      path: /var/log
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
  - name: v1
    nfs:
`,
  },
  fix: null, // the replacement depends on where the data lives: suggestions only
  checkPod({ pod, report }) {
    for (const v of podVolumes(pod)) {
      const present = (name: string) => !!get(v.node, name, pod.doc);
      // Like the admission plugin, one allowed source admits the volume (a second source is
      // an API validation error, not a policy one)...
      const allowed = ALLOWED.some(present);
      for (const type of RESTRICTED.filter(present)) {
        // ...but the hostPath it also names is still what the baseline level reports.
        if (allowed && type !== 'hostPath') continue;
        report({
          messageId: 'restricted',
          data: { volume: v.label, type },
          at: keyOf(v.node, type, pod.doc)!,
          covers: type === 'hostPath' ? (allowed ? ['B07'] : ['R01', 'B07']) : ['R01'],
          suggestions: allowed ? [remove(v, type)] : replacements(v, type, str(get(v.node, 'name', pod.doc))),
        });
      }
      // A volume with no known source is not reported: the API server drops unknown fields and
      // defaults a volume without a source to emptyDir before admission sees it.
    }
  },
});
