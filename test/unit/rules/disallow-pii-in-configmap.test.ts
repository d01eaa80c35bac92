import { ruleTester } from '../../helpers/rule-tester';

const cm = (data: string[]) => ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: app-config', 'data:', ...data, ''].join('\n');

ruleTester('disallow-pii-in-configmap', {
  valid: [
    {
      name: 'role mailboxes, documentation domains, service hosts, short hex, URLs',
      code: cm([
        '  FROM: noreply@acme.io',
        '  CONTACT: jane@example.com',
        '  DB_HOST: postgres.db.svc.cluster.local',
        '  COLOR: "#a1b2c3"',
        '  URL: "https://acme.io:8443/api/v1"',
        '  dashboard.json: \'{"uid": "5f4dcc3b5aa765d61d8327deb882cf99"}\'',
      ]),
    },
  ],
  invalid: [
    {
      name: 'email, phone, IBAN and an MD5 hash',
      code: cm([
        '  OWNER: jane.doe@acme.io',
        '  ONCALL: "+44 20 7946 0958"',
        '  payout.conf: |',
        '    iban = DE89 3704 0044 0532 0130 00',
        '  ADMIN_HASH: 5f4dcc3b5aa765d61d8327deb882cf99',
      ]),
      errors: [
        { messageId: 'pii', line: 6, column: 10, endLine: 6, endColumn: 26, data: { key: 'OWNER', what: 'an email address' } },
        { messageId: 'pii', line: 7, column: 11, endLine: 7, endColumn: 29, data: { key: 'ONCALL', what: 'a phone number' } },
        { messageId: 'pii', line: 8, column: 16, endLine: 10, endColumn: 1, data: { key: 'payout.conf', what: 'an IBAN' } },
        { messageId: 'pii', line: 10, column: 15, endLine: 10, endColumn: 47, data: { key: 'ADMIN_HASH', what: 'an MD5 or SHA-1 hash' } },
      ],
    },
  ],
});
