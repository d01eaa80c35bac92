import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const pod = (...paths: string[]) => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    containers:
    - name: app
      image: nginx:1.27
    volumes:
${paths.map((p, i) => `    - name: v${i}\n      hostPath:\n        path: ${p}`).join('\n')}
`;

ruleTester('disallow-sensitive-host-paths', {
  valid: [
    { name: 'ordinary node directories', code: pod('/var/log', '/opt/agent', '/etcd-data', '/data/etc', '/mnt/disks/ssd0') },
    { name: 'runtime sockets and cloud credentials belong to their own rules', code: pod('/var/run/docker.sock', '/run/containerd', '/root/.aws', '/etc/kubernetes/azure.json') },
  ],
  invalid: [
    {
      name: 'exact system directories, with slashes to normalise',
      code: pod('/', '/etc/', '//proc', '/sys/./fs/cgroup', '/dev'),
      errors: [
        { messageId: 'sensitive', line: 12, column: 13, endLine: 12, endColumn: 14, data: { volume: 'Volume "v0"', path: '/', dir: 'the whole root filesystem' } },
        { messageId: 'sensitive', line: 15, column: 13, endLine: 15, endColumn: 18, data: { volume: 'Volume "v1"', path: '/etc', dir: 'under /etc' } },
        { messageId: 'sensitive', line: 18, column: 13, endLine: 18, endColumn: 19, data: { volume: 'Volume "v2"', path: '/proc', dir: 'under /proc' } },
        { messageId: 'sensitive', line: 21, column: 13, endLine: 21, endColumn: 29, data: { volume: 'Volume "v3"', path: '/sys/fs/cgroup', dir: 'under /sys' } },
        { messageId: 'sensitive', line: 24, column: 13, endLine: 24, endColumn: 17 },
      ],
    },
    {
      name: 'prefixes, parents, and our additions',
      code: pod('/etc/kubernetes/pki', '/var/lib/kubelet/pods', '/var', '/home/ci', '"/var/lib/docker"'),
      errors: [
        { messageId: 'sensitive', line: 12, column: 13, endLine: 12, endColumn: 32, data: { volume: 'Volume "v0"', path: '/etc/kubernetes/pki', dir: 'under /etc' } },
        { messageId: 'sensitive', line: 15, column: 13, endLine: 15, endColumn: 34, data: { volume: 'Volume "v1"', path: '/var/lib/kubelet/pods', dir: 'under /var/lib/kubelet' } },
        { messageId: 'sensitive', line: 18, column: 13, endLine: 18, endColumn: 17, data: { volume: 'Volume "v2"', path: '/var', dir: 'it contains /var/lib/docker' } },
        { messageId: 'sensitive', line: 21, column: 13, endLine: 21, endColumn: 21, data: { volume: 'Volume "v3"', path: '/home/ci', dir: 'under /home' } },
        { messageId: 'sensitive', line: 24, column: 13, endLine: 24, endColumn: 30, data: { volume: 'Volume "v4"', path: '/var/lib/docker', dir: 'under /var/lib/docker' } },
      ],
    },
    {
      name: 'a read-only mount is not told to mount it readOnly; a writable one is',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
            volumeMounts:
            - {name: ro, mountPath: /host/proc, readOnly: true}
            - {name: rw, mountPath: /host/sys}
          volumes:
          - name: ro
            hostPath: {path: /proc}
          - name: rw
            hostPath: {path: /sys}
      `,
      errors: [
        {
          messageId: 'sensitiveReadOnly', line: 14, column: 22, endLine: 14, endColumn: 27,
          message: 'Volume "ro" mounts the node\'s "/proc" (under /proc) read-only, which still lets the container read what is there: remove the hostPath volume, or narrow it to the single file or directory the container needs.',
        },
        { messageId: 'sensitive', line: 16, column: 22, endLine: 16, endColumn: 26, data: { volume: 'Volume "rw"', path: '/sys', dir: 'under /sys' } },
      ],
    },
    {
      name: 'the root filesystem read-only still reaches the runtime socket',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
            volumeMounts:
            - {name: root, mountPath: /host, readOnly: true}
          volumes:
          - name: root
            hostPath: {path: /}
      `,
      errors: [{
        messageId: 'rootReadOnly', line: 13, column: 22, endLine: 13, endColumn: 23,
        message: 'Volume "root" mounts the node\'s whole root filesystem read-only, which still lets the container read every file of the node and connect to the container runtime socket under /run (a socket needs no write access to its mount): remove the hostPath volume, or narrow it to the single file or directory the container needs.',
      }],
    },
    {
      name: 'in a CronJob',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: c
        spec:
          schedule: "0 * * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - name: app
                    image: busybox:1.36
                  volumes:
                  - name: boot
                    hostPath: {path: /boot, type: Directory}
      `,
      errors: [{ messageId: 'sensitive', line: 17, column: 30, endLine: 17, endColumn: 35 }],
    },
  ],
});
