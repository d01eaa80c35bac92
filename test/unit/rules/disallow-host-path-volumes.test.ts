import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('disallow-host-path-volumes', {
  valid: [
    {
      name: 'configMap, emptyDir and persistentVolumeClaim volumes',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
          volumes:
          - name: config
            configMap:
              name: app-config
          - name: scratch
            emptyDir: {}
          - name: data
            persistentVolumeClaim:
              claimName: data
      `,
    },
    {
      name: 'a null hostPath is no source at all, which Kubernetes defaults to emptyDir',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
          volumes:
          - name: v
            hostPath:
      `,
    },
    {
      name: 'at restricted, restrict-volume-types replaces this rule',
      level: 'restricted',
      code: yaml`
        apiVersion: v1
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
    },
  ],
  invalid: [
    {
      name: 'hostPath volume in a Pod, reported at its key',
      code: yaml`
        apiVersion: v1
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
      errors: [{
        messageId: 'hostPath', line: 11, column: 5, endLine: 11, endColumn: 13, covers: ['B07'],
        message: 'Volume "logs" mounts a path of the node (hostPath): use a persistentVolumeClaim, configMap, secret or emptyDir volume instead.',
      }],
    },
    {
      name: 'DaemonSet with several volumes, flow and empty hostPath maps, an unnamed volume',
      version: 'v1.0',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: ds
        spec:
          template:
            spec:
              containers:
              - name: agent
                image: agent:1.0
              volumes:
              - name: config
                configMap: {name: agent}
              - hostPath: {path: /var/run/docker.sock, type: Socket}
                name: docker
              - hostPath: {}
      `,
      errors: [
        { messageId: 'hostPath', line: 14, column: 9, endLine: 14, endColumn: 17, data: { volume: 'Volume "docker"' } },
        { messageId: 'hostPath', line: 16, column: 9, endLine: 16, endColumn: 17, data: { volume: 'Volume #3' } },
      ],
    },
  ],
});
