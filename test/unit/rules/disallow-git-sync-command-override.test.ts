import { ruleTester } from '../../helpers/rule-tester';

const pod = (env: string[]) => ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: git-sync',
  '    image: registry.k8s.io/git-sync/git-sync:v4.2.1', '    env:', ...env, ''].join('\n');

ruleTester('disallow-git-sync-command-override', {
  valid: [{ name: 'other git-sync settings', code: pod(['    - {name: GITSYNC_REPO, value: "https://github.com/org/repo"}']) }],
  invalid: [
    {
      name: 'v4 and v3 names',
      code: pod(['    - {name: GITSYNC_GIT, value: /tmp/evil}', '    - name: GIT_SYNC_GIT', '      value: /bin/sh']),
      errors: [
        {
          messageId: 'gitBinary', line: 10, column: 14, endLine: 10, endColumn: 25,
          message: 'Container "git-sync" sets GITSYNC_GIT: git-sync then runs whatever that names as git (code execution for anyone who controls the value). Remove it and use the image\'s git.',
        },
        { messageId: 'gitBinary', line: 11, column: 13, endLine: 11, endColumn: 25 },
      ],
    },
  ],
});
