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

ruleTester('disallow-container-runtime-socket', {
  valid: [
    { name: 'other sockets and directories under /run', code: pod('/run/app.sock', '/var/run/secrets', '/run/udev', '/var/lib/docker-tools', '/var/log/containers') },
  ],
  invalid: [
    {
      name: 'the sockets every tool lists',
      code: pod('/var/run/docker.sock', '/run/containerd/containerd.sock', '/var/run/crio/crio.sock', '/var/run/docker'),
      errors: [
        { messageId: 'socket', line: 12, column: 13, endLine: 12, endColumn: 33, data: { volume: 'Volume "v0"', path: '/var/run/docker.sock' } },
        { messageId: 'socket', line: 15, column: 13, endLine: 15, endColumn: 44 },
        { messageId: 'socket', line: 18, column: 13, endLine: 18, endColumn: 36 },
        {
          messageId: 'socketFolder', line: 21, column: 13, endLine: 21, endColumn: 28,
          message: 'Volume "v3" mounts "/var/run/docker", the folder of the container runtime socket: remove the hostPath volume; whoever reaches the runtime can start a privileged container on the node.',
        },
      ],
    },
    {
      name: 'our additions: /run spellings, cri-dockerd, any docker.sock, the parent directories',
      code: pod('/run/docker.sock', '/opt/dind/docker.sock', '/run/cri-dockerd.sock', '/var/run/', '/run/containerd'),
      errors: [
        { messageId: 'socket', line: 12, column: 13, endLine: 12, endColumn: 29 },
        { messageId: 'socket', line: 15, column: 13, endLine: 15, endColumn: 34 },
        { messageId: 'socket', line: 18, column: 13, endLine: 18, endColumn: 34 },
        { messageId: 'socketFolder', line: 21, column: 13, endLine: 21, endColumn: 22, data: { volume: 'Volume "v3"', path: '/var/run' } },
        { messageId: 'socketFolder', line: 24, column: 13, endLine: 24, endColumn: 28 },
      ],
    },
  ],
});
