import { ruleTester } from '../../helpers/rule-tester';

const secret = (body: string[]) => ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: db', ...body, ''].join('\n');

ruleTester('disallow-committed-secret-data', {
  valid: [
    { name: 'no payload', code: secret(['type: Opaque']) },
    { name: 'empty data', code: secret(['data: {}']) },
    { name: 'template values only (base64 of "changeme", a reference)', code: secret(['data:', '  password: Y2hhbmdlbWU=', 'stringData:', '  token: ${TOKEN}', '  user: ""']) },
    { name: 'a service account token Secret is filled by the controller', code: secret(['type: kubernetes.io/service-account-token', 'data:', '  token: ZXlKaGJHY2k=']) },
    {
      name: 'config text with no secret setting, INSERT_*_HERE and *_VAL template values',
      code: secret(['stringData:', '  settings.ini: |', '    default_timezone = UTC', '    log_level = info', '  api-key: INSERT_API_KEY_HERE', '  token: TOKEN_VAL']),
    },
    {
      name: 'a SealedSecret is encrypted',
      code: ['apiVersion: bitnami.com/v1alpha1', 'kind: SealedSecret', 'metadata:', '  name: db', 'spec:', '  encryptedData:', '    password: AgBy3i4OJSWK+PiTySYZZA==', ''].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'data and stringData are each reported at their key',
      code: secret(['type: Opaque', 'data:', '  password: aHVudGVyMg==', 'stringData:', '  api-key: 9f8e7d6c5b4a']),
      errors: [
        {
          messageId: 'payload', line: 6, column: 1, endLine: 6, endColumn: 5, data: { name: 'db', field: 'data' },
          message: 'Secret "db" carries its values in data: whoever reads the repository reads them. Commit an ExternalSecret (External Secrets Operator), a VaultStaticSecret (Vault Secrets Operator) or a SealedSecret instead.',
        },
        { messageId: 'payload', line: 8, column: 1, endLine: 8, endColumn: 11, data: { name: 'db', field: 'stringData' } },
      ],
    },
    {
      name: 'a literal "password" is a working password; config text that sets one is a secret',
      code: secret(['data:', '  password: cGFzc3dvcmQ=', 'stringData:', '  app.ini: |', '    default_timezone = UTC', '    db_password = hunter2']),
      errors: [
        { messageId: 'payload', line: 5, column: 1, endLine: 5, endColumn: 5, data: { name: 'db', field: 'data' } },
        { messageId: 'payload', line: 7, column: 1, endLine: 7, endColumn: 11, data: { name: 'db', field: 'stringData' } },
      ],
    },
  ],
});
