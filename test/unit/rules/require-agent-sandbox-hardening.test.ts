import { ruleTester } from '../../helpers/rule-tester';

const DIGEST = `@sha256:${'a'.repeat(64)}`;
const template = (pod: string[], extra: string[] = [], kind = 'SandboxTemplate', apiVersion = 'extensions.agents.x-k8s.io/v1alpha1') => [
  `apiVersion: ${apiVersion}`, `kind: ${kind}`, 'metadata:', '  name: python', 'spec:', '  podTemplate:', '    spec:', ...pod, ...extra, '',
].join('\n');
const hardened = [
  '      runtimeClassName: gvisor', '      containers:', '      - name: runtime', `        image: ghcr.io/acme/python${DIGEST}`,
  '        resources: {limits: {cpu: "1", memory: 1Gi}}',
];
const withRuntime = (line: string) => [line, ...hardened.slice(1)];

ruleTester('require-agent-sandbox-hardening', {
  valid: [
    { name: 'a hardened SandboxTemplate with the controller\'s default network policy', code: template(hardened) },
    { name: 'a hardened Sandbox', code: template(hardened, [], 'Sandbox', 'agents.x-k8s.io/v1alpha1') },
    { name: 'narrow egress; 0.0.0.0/0 with except', code: template(hardened, ['  networkPolicy:', '    egress:', '    - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 169.254.0.0/16]}}]', '    - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]', '      ports: [{port: 53, protocol: UDP}]']) },
    { name: 'a Kata class; a class of the workspace with a runsc handler', code: template(withRuntime('      runtimeClassName: kata-qemu')) + '---\n' + template(withRuntime('      runtimeClassName: secure'), [], 'Sandbox', 'agents.x-k8s.io/v1beta1'), files: { 'rc.yaml': 'apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata: {name: secure}\nhandler: runsc\n' } },
    { name: 'another group\'s Sandbox kind', code: template(['      containers: [{name: a, image: a:1}]'], [], 'Sandbox', 'example.com/v1') },
  ],
  invalid: [
    {
      name: 'a template without spec.podTemplate still has its egress judged',
      code: ['apiVersion: extensions.agents.x-k8s.io/v1alpha1', 'kind: SandboxTemplate', 'metadata:', '  name: python', 'spec:', '  networkPolicy:', '    egress:', '    - to: [{ipBlock: {cidr: 0.0.0.0/0}}]', ''].join('\n'),
      errors: [{ messageId: 'openEgress', line: 8, column: 29, endLine: 8, endColumn: 38, data: { object: 'SandboxTemplate "python"' } }],
    },
    {
      name: 'a kustomize patch: only what it sets (the image), not the runtime or limits it leaves to its base',
      code: template(['      containers:', '      - name: runtime', '        image: python:3.12']),
      files: { 'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [base.yaml]\npatches: [{path: case.yaml}]\n' },
      errors: [{ messageId: 'unpinned', line: 10, column: 16, endLine: 10, endColumn: 27 }],
    },
    {
      name: 'no runtimeClassName, no limits, an image by tag',
      code: template(['      containers:', '      - name: runtime', '        image: python:3.12']),
      errors: [
        {
          messageId: 'noRuntimeClass', line: 7, column: 5, endLine: 7, endColumn: 9,
          message: 'SandboxTemplate "python" runs agent code without runtimeClassName, on the node\'s kernel: set a gVisor or Kata RuntimeClass (gvisor, kata).',
          suggestions: [
            { title: 'Set runtimeClassName: gvisor in the pod spec', output: template(['      containers:', '      - name: runtime', '        image: python:3.12', '      runtimeClassName: gvisor']) },
            { title: 'Set runtimeClassName: kata in the pod spec', output: template(['      containers:', '      - name: runtime', '        image: python:3.12', '      runtimeClassName: kata']) },
          ],
        },
        {
          messageId: 'noLimits', line: 9, column: 15, endLine: 9, endColumn: 22,
          message: 'Container "runtime" of SandboxTemplate "python" sets no cpu and memory limit: a runaway agent can starve the node; set resources.limits.',
        },
        {
          messageId: 'unpinned', line: 10, column: 16, endLine: 10, endColumn: 27,
          message: 'Container "runtime" of SandboxTemplate "python" runs "python:3.12" by tag: pin it by digest (@sha256:...) so what the agent runs cannot change under it.',
        },
      ],
    },
    {
      name: 'runc; a memory limit only; a configured class is suggested',
      code: template(['      runtimeClassName: runc', '      containers:', '      - name: runtime', `        image: python${DIGEST}`, '        resources:', '          limits: {memory: 1Gi}'], [], 'Sandbox', 'agents.x-k8s.io/v1alpha1'),
      settings: { sandbox: { untrustedLabels: {}, untrustedNamespaces: [], runtimeClasses: ['microvm'] } },
      errors: [
        {
          messageId: 'notSandboxed', line: 8, column: 25, endLine: 8, endColumn: 29, data: { object: 'Sandbox "python"', name: 'runc', classes: 'microvm' },
          suggestions: [{ title: 'Set runtimeClassName: microvm in the pod spec', output: template(['      runtimeClassName: microvm', '      containers:', '      - name: runtime', `        image: python${DIGEST}`, '        resources:', '          limits: {memory: 1Gi}'], [], 'Sandbox', 'agents.x-k8s.io/v1alpha1') }],
        },
        { messageId: 'noLimits', line: 13, column: 11, endLine: 13, endColumn: 17, data: { object: 'Sandbox "python"', container: 'Container "runtime"', resources: 'cpu' } },
      ],
    },
    {
      name: 'egress to everything: a rule without peers, 0.0.0.0/0, ::/0',
      code: template(hardened, ['  networkPolicy:', '    egress:', '    - ports: [{port: 443}]', '    - to: [{ipBlock: {cidr: 0.0.0.0/0}}, {ipBlock: {cidr: "::/0", except: []}}]', '    - {}']),
      errors: [
        { messageId: 'openEgress', line: 14, column: 5, endLine: 14, endColumn: 11 },
        { messageId: 'openEgress', line: 15, column: 7, endLine: 15, endColumn: 12 },
        { messageId: 'openEgress', line: 16, column: 29, endLine: 16, endColumn: 38 },
        { messageId: 'openEgress', line: 16, column: 59, endLine: 16, endColumn: 65 },
      ],
    },
    {
      name: '0.0.0.0/0 except the private ranges only: the metadata server stays reachable',
      code: template(hardened, ['  networkPolicy:', '    egress:', '    - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16]}}]', '    - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [169.254.169.254/32]}}, {ipBlock: {cidr: 0.0.0.0/0, except: [169.254.169.0/25]}}]']),
      errors: [
        {
          messageId: 'metadataEgress', line: 15, column: 29, endLine: 15, endColumn: 38,
          message: 'SandboxTemplate "python" allows egress to every address but 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, which leaves the cloud metadata server (169.254.169.254) reachable: an agent can read the node\'s cloud credentials from it. Add 169.254.0.0/16 to except.',
        },
        { messageId: 'metadataEgress', line: 16, column: 89, endLine: 16, endColumn: 98, data: { object: 'SandboxTemplate "python"', except: '169.254.169.0/25' } },
      ],
    },
    {
      name: 'unmanaged network policy',
      code: template(hardened, ['  networkPolicyManagement: Unmanaged  # Cilium does it', '  networkPolicy: {egress: [{}]}']),
      errors: [{
        messageId: 'unmanagedNetwork', line: 13, column: 28, endLine: 13, endColumn: 37,
        message: 'SandboxTemplate "python" sets networkPolicyManagement: Unmanaged, so the controller creates no NetworkPolicy for its sandboxes: make sure one of yours bounds their egress, or set Managed.',
      }],
    },
  ],
});
