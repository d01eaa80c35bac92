import { ruleTester } from '../../helpers/rule-tester';

const pod = (env: string[]) => ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: app',
  '    image: nginx:1.27', '    env:', ...env, ''].join('\n');

ruleTester('disallow-secrets-in-env', {
  valid: [
    {
      name: 'references, placeholders, empty values, paths, valueFrom and non-secret names',
      code: pod([
        '    - {name: DB_PASSWORD, value: "$(PASSWORD_FROM_FILE)"}',
        '    - {name: API_TOKEN, value: "${API_TOKEN}"}',
        '    - {name: JWT_SECRET, value: "{{ .jwt }}"}',
        '    - {name: ADMIN_PASSWORD, value: changeme}',
        '    - {name: ROOT_PASSWORD, value: "<password>"}',
        '    - {name: CLIENT_SECRET, value: xxxxxxxx}',
        '    - {name: API_KEY, value: your-api-key}',
        '    - {name: SECRET_KEY, value: ""}',
        '    - {name: DB_PASSWORD_FILE, value: /run/secrets/db}',
        '    - {name: SECRET_NAME, value: web-credentials}',
        '    - {name: TOKEN_TTL, value: "3600"}',
        '    - {name: TOKENIZERS_PARALLELISM, value: "false"}',
        '    - {name: AWS_ACCESS_KEY_ID, value: AKIAIOSFODNN7EXAMPLE}',
        '    - {name: LOG_LEVEL, value: debug}',
        '    - {name: PILOT_JWT_PUB_KEY_REFRESH_INTERVAL, value: "1m"}',
        '    - {name: SECRET_STORE, value: kubernetes}',
        '    - {name: TOKEN_REFRESH_SECONDS, value: "300"}',
        '    - {name: API_TOKEN, value: INSERT_TOKEN_HERE}',
        '    - {name: DB_PASSWORD, value: DB_PASSWORD_VAL}',
        '    - name: DB_PASSWORD',
        '      valueFrom:',
        '        secretKeyRef: {name: db, key: password}',
      ]),
    },
  ],
  invalid: [
    {
      name: 'secret-like name with a literal value: suggestion writes secretKeyRef in place',
      code: pod([
        '    - name: DB_PASSWORD',
        '      value: hunter2 # TODO move out',
        '    - name: LOG_LEVEL',
        '      value: info',
      ]),
      errors: [{
        messageId: 'secretName', line: 11, column: 14, endLine: 11, endColumn: 21, covers: ['SEC02'],
        message: 'Container "app" sets env DB_PASSWORD to a literal value that looks like a secret: move it into a Secret and read it with valueFrom.secretKeyRef.',
        suggestions: [{
          title: 'Read DB_PASSWORD from Secret "web-secrets" (key "db_password") with valueFrom.secretKeyRef',
          output: pod([
            '    - name: DB_PASSWORD',
            '      valueFrom: # TODO move out',
            '        secretKeyRef:',
            '          name: web-secrets',
            '          key: db_password',
            '    - name: LOG_LEVEL',
            '      value: info',
          ]),
        }],
      }],
    },
    {
      name: 'credential material whatever the name; flow item rewritten in flow style',
      code: pod([
        '    - {name: INIT_CONFIG, value: "AKIAZ7EXAMPLQ3KQWXYZ"}',
        '    - {name: GH, value: ghp_0123456789abcdefghijklmnopqrstuvwxyzAB}',
        '    - name: DATABASE_URL',
        '      value: postgres://app:s3cr3t@db:5432/app',
      ]),
      errors: [
        {
          messageId: 'credential', line: 10, column: 34, endLine: 10, endColumn: 56, covers: ['SEC03'],
          message: 'Container "app" env INIT_CONFIG holds an AWS access key ID in plain text: move it into a Secret (or a secret manager) and read it with valueFrom.secretKeyRef.',
          suggestions: [{
            title: 'Read INIT_CONFIG from Secret "web-secrets" (key "init_config") with valueFrom.secretKeyRef',
            output: pod([
              '    - {name: INIT_CONFIG, valueFrom: {secretKeyRef: {name: web-secrets, key: init_config}}}',
              '    - {name: GH, value: ghp_0123456789abcdefghijklmnopqrstuvwxyzAB}',
              '    - name: DATABASE_URL',
              '      value: postgres://app:s3cr3t@db:5432/app',
            ]),
          }],
        },
        {
          messageId: 'credential', line: 11, column: 25, endLine: 11, endColumn: 67, data: { container: 'Container "app"', name: 'GH', what: 'a GitHub token' },
          suggestions: [{
            title: 'Read GH from Secret "web-secrets" (key "gh") with valueFrom.secretKeyRef',
            output: pod([
              '    - {name: INIT_CONFIG, value: "AKIAZ7EXAMPLQ3KQWXYZ"}',
              '    - {name: GH, valueFrom: {secretKeyRef: {name: web-secrets, key: gh}}}',
              '    - name: DATABASE_URL',
              '      value: postgres://app:s3cr3t@db:5432/app',
            ]),
          }],
        },
        {
          messageId: 'credential', line: 13, column: 14, endLine: 13, endColumn: 47, data: { container: 'Container "app"', name: 'DATABASE_URL', what: 'a URL with a password' },
          suggestions: [{
            title: 'Read DATABASE_URL from Secret "web-secrets" (key "database_url") with valueFrom.secretKeyRef',
            output: pod([
              '    - {name: INIT_CONFIG, value: "AKIAZ7EXAMPLQ3KQWXYZ"}',
              '    - {name: GH, value: ghp_0123456789abcdefghijklmnopqrstuvwxyzAB}',
              '    - name: DATABASE_URL',
              '      valueFrom:',
              '        secretKeyRef:',
              '          name: web-secrets',
              '          key: database_url',
            ]),
          }],
        },
      ],
    },
    {
      name: 'a private key in a block scalar; a JWT, a Slack and a Google key; CRLF kept',
      code: pod([
        '    - name: TLS_KEY',
        '      value: |',
        '        -----BEGIN RSA PRIVATE KEY-----',
        '        MIIEowIBAAKCAQEA',
        '        -----END RSA PRIVATE KEY-----',
        '    - {name: A, value: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U}',
        '    - {name: B, value: xoxb-123456789012-abcdefghijkl}',
        '    - {name: C, value: AIzaSyA1234567890abcdefghijklmnopqrstuv}',
      ]).replace(/\n/g, '\r\n'),
      errors: [
        {
          messageId: 'credential', line: 11, column: 14, endLine: 15, endColumn: 1, data: { container: 'Container "app"', name: 'TLS_KEY', what: 'a private key' },
          suggestions: [{
            title: 'Read TLS_KEY from Secret "web-secrets" (key "tls_key") with valueFrom.secretKeyRef',
            output: pod([
              '    - name: TLS_KEY',
              '      valueFrom:',
              '        secretKeyRef:',
              '          name: web-secrets',
              '          key: tls_key',
              '    - {name: A, value: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U}',
              '    - {name: B, value: xoxb-123456789012-abcdefghijkl}',
              '    - {name: C, value: AIzaSyA1234567890abcdefghijklmnopqrstuv}',
            ]).replace(/\n/g, '\r\n'),
          }],
        },
        { messageId: 'credential', line: 15, column: 24, endLine: 15, endColumn: 116, data: { container: 'Container "app"', name: 'A', what: 'a JSON Web Token' },
          suggestions: [{ title: 'Read A from Secret "web-secrets" (key "a") with valueFrom.secretKeyRef', output: pod([
            '    - name: TLS_KEY',
            '      value: |',
            '        -----BEGIN RSA PRIVATE KEY-----',
            '        MIIEowIBAAKCAQEA',
            '        -----END RSA PRIVATE KEY-----',
            '    - {name: A, valueFrom: {secretKeyRef: {name: web-secrets, key: a}}}',
            '    - {name: B, value: xoxb-123456789012-abcdefghijkl}',
            '    - {name: C, value: AIzaSyA1234567890abcdefghijklmnopqrstuv}',
          ]).replace(/\n/g, '\r\n') }] },
        { messageId: 'credential', line: 16, column: 24, endLine: 16, endColumn: 54, data: { container: 'Container "app"', name: 'B', what: 'a Slack token' },
          suggestions: [{ title: 'Read B from Secret "web-secrets" (key "b") with valueFrom.secretKeyRef', output: pod([
            '    - name: TLS_KEY',
            '      value: |',
            '        -----BEGIN RSA PRIVATE KEY-----',
            '        MIIEowIBAAKCAQEA',
            '        -----END RSA PRIVATE KEY-----',
            '    - {name: A, value: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U}',
            '    - {name: B, valueFrom: {secretKeyRef: {name: web-secrets, key: b}}}',
            '    - {name: C, value: AIzaSyA1234567890abcdefghijklmnopqrstuv}',
          ]).replace(/\n/g, '\r\n') }] },
        { messageId: 'credential', line: 17, column: 24, endLine: 17, endColumn: 63, data: { container: 'Container "app"', name: 'C', what: 'a Google API key' },
          suggestions: [{ title: 'Read C from Secret "web-secrets" (key "c") with valueFrom.secretKeyRef', output: pod([
            '    - name: TLS_KEY',
            '      value: |',
            '        -----BEGIN RSA PRIVATE KEY-----',
            '        MIIEowIBAAKCAQEA',
            '        -----END RSA PRIVATE KEY-----',
            '    - {name: A, value: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U}',
            '    - {name: B, value: xoxb-123456789012-abcdefghijkl}',
            '    - {name: C, valueFrom: {secretKeyRef: {name: web-secrets, key: c}}}',
          ]).replace(/\n/g, '\r\n') }] },
      ],
    },
    {
      name: 'a value behind an alias is reported without a suggestion; init containers of a Deployment; 4-space indentation',
      code: [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '    name: Api',
        'spec:',
        '    template:',
        '        spec:',
        '            initContainers:',
        '                - name: migrate',
        '                  image: migrate:1.0',
        '                  env:',
        '                      - name: PGPASSWORD',
        '                        value: &pw "Sup3r-S3cret!"',
        '            containers:',
        '                - name: api',
        '                  image: api:1.0',
        '                  env:',
        '                      - name: DB_PASSWORD',
        '                        value: *pw',
        '',
      ].join('\n'),
      errors: [
        {
          messageId: 'secretName', line: 13, column: 36, endLine: 13, endColumn: 51, data: { container: 'Init container "migrate"', name: 'PGPASSWORD' },
          suggestions: [],
        },
        { messageId: 'secretName', line: 19, column: 32, endLine: 19, endColumn: 35, data: { container: 'Container "api"', name: 'DB_PASSWORD' } },
      ],
    },
    {
      name: 'an Azure account key by name, a lower-case bearer token, a literal "password" as a password',
      code: pod([
        '    - {name: AZURE_STORAGE_KEY, value: "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA=="}',
        '    - {name: AUTH_HEADER, value: "bearer 0a1b2c3d4e5f6a7b8c9d0e1f"}',
        '    - {name: ADMIN_PASSWORD, value: password}',
      ]),
      errors: [
        {
          messageId: 'secretName', line: 10, column: 40, endLine: 10, endColumn: 74, data: { container: 'Container "app"', name: 'AZURE_STORAGE_KEY' },
          suggestions: [{ title: 'Read AZURE_STORAGE_KEY from Secret "web-secrets" (key "azure_storage_key") with valueFrom.secretKeyRef', output: pod([
            '    - {name: AZURE_STORAGE_KEY, valueFrom: {secretKeyRef: {name: web-secrets, key: azure_storage_key}}}',
            '    - {name: AUTH_HEADER, value: "bearer 0a1b2c3d4e5f6a7b8c9d0e1f"}',
            '    - {name: ADMIN_PASSWORD, value: password}',
          ]) }],
        },
        {
          messageId: 'credential', line: 11, column: 34, endLine: 11, endColumn: 67, data: { container: 'Container "app"', name: 'AUTH_HEADER', what: 'a bearer token' },
          suggestions: [{ title: 'Read AUTH_HEADER from Secret "web-secrets" (key "auth_header") with valueFrom.secretKeyRef', output: pod([
            '    - {name: AZURE_STORAGE_KEY, value: "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA=="}',
            '    - {name: AUTH_HEADER, valueFrom: {secretKeyRef: {name: web-secrets, key: auth_header}}}',
            '    - {name: ADMIN_PASSWORD, value: password}',
          ]) }],
        },
        {
          messageId: 'secretName', line: 12, column: 37, endLine: 12, endColumn: 45, data: { container: 'Container "app"', name: 'ADMIN_PASSWORD' },
          suggestions: [{ title: 'Read ADMIN_PASSWORD from Secret "web-secrets" (key "admin_password") with valueFrom.secretKeyRef', output: pod([
            '    - {name: AZURE_STORAGE_KEY, value: "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA=="}',
            '    - {name: AUTH_HEADER, value: "bearer 0a1b2c3d4e5f6a7b8c9d0e1f"}',
            '    - {name: ADMIN_PASSWORD, valueFrom: {secretKeyRef: {name: web-secrets, key: admin_password}}}',
          ]) }],
        },
      ],
    },
  ],
});
