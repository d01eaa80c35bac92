import { ruleTester } from '../../helpers/rule-tester';

const constraint = (repos: string[], kind = 'K8sAllowedRepos', apiVersion = 'constraints.gatekeeper.sh/v1beta1') => [
  `apiVersion: ${apiVersion}`, `kind: ${kind}`, 'metadata:', '  name: repo-is-acme', 'spec:',
  '  match: {kinds: [{apiGroups: [""], kinds: [Pod]}]}', '  parameters:', '    repos:', ...repos.map(r => `    - ${r}`), '',
].join('\n');
const replaced = (repos: string[], i: number, value: string) => constraint(repos.map((r, j) => (j === i ? value : r)));

const hosts = ['gcr.io', '"localhost:5000"  # the local mirror', 'ghcr.io/acme/', '"gcr.io/acme/app:"'];
const names = ["'nginx'", 'quay.io/acme/app'];

ruleTester('disallow-open-ended-allowed-repos', {
  valid: [
    { name: 'entries end at a boundary: "/", a tag or a digest', code: constraint(['ghcr.io/acme/', 'nginx:1.27', '"gcr.io/acme/app:"', '"quay.io/acme/app@sha256:"', 'registry.local:5000/']) },
    { name: 'another constraint kind', code: constraint(['gcr.io'], 'K8sDisallowedRepos') },
    { name: 'not a Gatekeeper constraint', code: constraint(['gcr.io'], 'K8sAllowedRepos', 'example.com/v1') },
  ],
  invalid: [
    {
      name: 'registry hosts, with and without a port (trailing comment kept)',
      code: constraint(hosts),
      errors: [
        {
          messageId: 'openEnded', line: 9, column: 7, endLine: 9, endColumn: 13,
          message: 'Allowed repository "gcr.io" has no trailing "/": Gatekeeper compares image names by prefix, so it also admits "gcr.io.evil.example/app"; end it with "/".',
          suggestions: [{ title: 'Append "/" to "gcr.io": admit only images under it', output: replaced(hosts, 0, 'gcr.io/') }],
        },
        {
          messageId: 'openEnded', line: 10, column: 7, endLine: 10, endColumn: 23, data: { repo: 'localhost:5000', example: 'localhost:50001/app' },
          suggestions: [{ title: 'Append "/" to "localhost:5000": admit only images under it', output: replaced(hosts, 1, '"localhost:5000/"  # the local mirror') }],
        },
      ],
    },
    {
      name: 'a Docker Hub name and a repository: "/" or ":" (quotes kept)',
      code: constraint(names),
      errors: [
        {
          messageId: 'openEnded', line: 9, column: 7, endLine: 9, endColumn: 14, data: { repo: 'nginx', example: 'nginx-evil/app' },
          suggestions: [
            { title: 'Append "/" to "nginx": admit only images under it', output: replaced(names, 0, "'nginx/'") },
            { title: 'Append ":" to "nginx": admit only the repository "nginx" itself', output: replaced(names, 0, "'nginx:'") },
          ],
        },
        {
          messageId: 'openEnded', line: 10, column: 7, endLine: 10, endColumn: 23, data: { repo: 'quay.io/acme/app', example: 'quay.io/acme/app-evil/app' },
          suggestions: [
            { title: 'Append "/" to "quay.io/acme/app": admit only images under it', output: replaced(names, 1, 'quay.io/acme/app/') },
            { title: 'Append ":" to "quay.io/acme/app": admit only the repository "quay.io/acme/app" itself', output: replaced(names, 1, '"quay.io/acme/app:"') },
          ],
        },
      ],
    },
    {
      name: 'an empty entry admits everything',
      code: constraint(['ghcr.io/acme/', '""']),
      errors: [{
        messageId: 'allowsAll', line: 10, column: 7, endLine: 10, endColumn: 9,
        suggestions: [{ title: 'Remove the empty allowed repository', output: constraint(['ghcr.io/acme/']) }],
      }],
    },
  ],
});
