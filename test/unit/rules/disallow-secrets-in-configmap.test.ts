import { ruleTester } from '../../helpers/rule-tester';

const cm = (data: string[]) => ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: app-config', 'data:', ...data, ''].join('\n');

ruleTester('disallow-secrets-in-configmap', {
  valid: [
    {
      name: 'settings, references and placeholders',
      code: cm([
        '  LOG_LEVEL: debug',
        '  DB_PASSWORD: ${DB_PASSWORD}',
        '  API_TOKEN: changeme',
        '  SECRET_NAME: app-credentials',
        '  application.properties: |',
        '    server.port=8080',
        '    # password=old-one',
        '    spring.datasource.password=${DB_PASSWORD}',
        '    spring.datasource.username=app',
      ]),
    },
    {
      name: 'not the core ConfigMap',
      code: ['apiVersion: example.com/v1', 'kind: ConfigMap', 'metadata:', '  name: x', 'data:', '  password: hunter2', ''].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'a secret key, a secret line in a config file, credential material',
      code: cm([
        '  DB_PASSWORD: "p4ss-w0rd"',
        '  config.yaml: |',
        '    database:',
        '      host: db',
        '      password: s3cret',
        '  deploy.sh: "aws configure set key AKIAZ7EXAMPLQ3KQWXYZ"',
      ]),
      errors: [
        { messageId: 'secretKey', line: 6, column: 16, endLine: 6, endColumn: 27, data: { key: 'DB_PASSWORD' } },
        {
          messageId: 'secretLine', line: 7, column: 16, endLine: 11, endColumn: 1, data: { key: 'config.yaml', setting: 'password' },
          message: 'ConfigMap key "config.yaml" sets "password" in plain text: move the value into a Secret (or a secret manager).',
        },
        { messageId: 'credential', line: 11, column: 14, endLine: 11, endColumn: 58, data: { key: 'deploy.sh', what: 'an AWS access key ID' } },
      ],
    },
  ],
});
