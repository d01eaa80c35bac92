import { ruleTester } from '../../helpers/rule-tester';

const pod = (images: string[], namespace = 'shop') => [
  'apiVersion: v1', 'kind: Pod', `metadata: {name: web, namespace: ${namespace}}`, 'spec:', '  containers:',
  ...images.flatMap((image, i) => [`  - name: c${i}`, `    image: ${image}`]), '',
].join('\n');
const kyverno = (kind: string, refs: string[], namespace?: string) => [
  'apiVersion: kyverno.io/v1', `kind: ${kind}`, `metadata: {name: verify${namespace ? `, namespace: ${namespace}` : ''}}`, 'spec:', '  rules:', '  - name: signed',
  '    match: {any: [{resources: {kinds: [Pod]}}]}', '    verifyImages:', `    - imageReferences: [${refs.map(r => `"${r}"`).join(', ')}]`,
  '      attestors: [{entries: [{keyless: {subject: "https://github.com/acme/*", issuer: "https://token.actions.githubusercontent.com"}}]}]', '',
].join('\n');
const cip = (globs: string[]) => [
  'apiVersion: policy.sigstore.dev/v1beta1', 'kind: ClusterImagePolicy', 'metadata:', '  name: signed', 'spec:', '  images:',
  ...globs.map(g => `  - glob: "${g}"`), '  authorities: [{keyless: {url: "https://fulcio.sigstore.dev"}}]', '',
].join('\n');
const ns = (labels: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: ${labels}\n`;

ruleTester('require-image-signature-policy', {
  valid: [
    { name: 'a Kyverno ClusterPolicy pattern (its * crosses /)', code: pod(['ghcr.io/acme/team/api:1.0']), files: { 'kyverno.yaml': kyverno('ClusterPolicy', ['ghcr.io/acme/*']) } },
    { name: 'a Kyverno Policy of the namespace; Docker Hub spelled without library/', code: pod(['nginx:1.27']), files: { 'kyverno.yaml': kyverno('Policy', ['docker.io/nginx:*'], 'shop') } },
    {
      // `kubectl apply -n shop` may put the pod beside the policy: "default" is only a guess.
      name: 'a pod naming no namespace and a Kyverno Policy of a namespace',
      code: pod(['nginx:1.27']).replace('{name: web, namespace: shop}', '{name: web}'),
      files: { 'shop/kyverno.yaml': kyverno('Policy', ['docker.io/nginx:*'], 'shop') },
    },
    { name: 'Kyverno ? matches one character', code: pod(['ghcr.io/acme/api1:1']), files: { 'kyverno.yaml': kyverno('ClusterPolicy', ['ghcr.io/acme/api?:*']) } },
    { name: 'a ClusterImagePolicy ** glob in an opted-in namespace', code: pod(['ghcr.io/acme/team/api@sha256:' + 'a'.repeat(64)]), files: { 'cip.yaml': cip(['ghcr.io/acme/**']), 'ns.yaml': ns('{policy.sigstore.dev/include: "true"}') } },
    { name: 'a ClusterImagePolicy; the Namespace is not in the workspace', code: pod(['ghcr.io/acme/api:1']), files: { 'cip.yaml': cip(['ghcr.io/acme/*']) } },
    { name: 'the Sigstore glob * means Docker Hub official images', code: pod(['nginx']), files: { 'cip.yaml': cip(['*']) } },
    { name: 'templated images are not judged', code: pod(['$(IMAGE)']) },
  ],
  invalid: [
    {
      name: 'no verification policy: every container',
      code: pod(['ghcr.io/acme/api:1.0', 'busybox:1.36']),
      errors: [
        {
          messageId: 'uncovered', line: 7, column: 12, endLine: 7, endColumn: 32,
          message: 'Container "c0" runs "ghcr.io/acme/api:1.0", which no signature-verification policy of the workspace matches (Kyverno verifyImages, Sigstore ClusterImagePolicy): nothing checks its signature at admission; add the image to such a policy.',
        },
        { messageId: 'uncovered', line: 9, column: 12, endLine: 9, endColumn: 24, data: { container: 'Container "c1"', image: 'busybox:1.36' } },
      ],
    },
    {
      name: 'a Policy of another namespace; a prefix pattern that is not a path',
      code: pod(['ghcr.io/acme-evil/api:1.0']),
      files: { 'other.yaml': kyverno('Policy', ['*'], 'other'), 'cluster.yaml': kyverno('ClusterPolicy', ['ghcr.io/acme/*']) },
      errors: [{ messageId: 'uncovered', line: 7, column: 12, endLine: 7, endColumn: 37 }],
    },
    {
      name: 'a Sigstore * stays within one path segment; an invalid glob matches nothing',
      code: pod(['ghcr.io/acme/team/api:1.0']),
      files: { 'cip.yaml': cip(['ghcr.io/acme/*', 'ghcr.io/acme/[a-z]**']) },
      errors: [{ messageId: 'uncovered', line: 7, column: 12, endLine: 7, endColumn: 37 }],
    },
    {
      name: 'a matching ClusterImagePolicy, but the namespace is not opted in',
      code: pod(['ghcr.io/acme/api:1.0']),
      files: { 'cip.yaml': cip(['ghcr.io/acme/**']), 'ns.yaml': ns('{team: shop}') },
      errors: [{
        messageId: 'notIncluded', line: 7, column: 12, endLine: 7, endColumn: 32,
        message: 'Container "c0" runs "ghcr.io/acme/api:1.0", which ClusterImagePolicy "signed" matches, but namespace "shop" lacks the label policy.sigstore.dev/include: "true", so policy-controller does not check it; label the namespace.',
        related: [
          { file: 'ns.yaml', line: 4, column: 9, endLine: 4, endColumn: 13, message: 'Namespace "shop" is not opted in to policy-controller' },
          { file: 'cip.yaml', line: 4, column: 9, endLine: 4, endColumn: 15, message: 'ClusterImagePolicy "signed" matches the image' },
        ],
      }],
    },
  ],
});
