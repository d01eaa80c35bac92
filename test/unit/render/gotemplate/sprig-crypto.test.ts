// Sprig's certificate and password functions. Certificates are checked with Node's own X.509 and key parsers: the subject,
// issuer, names, validity, CA flag, key usages, key size, and that each signature verifies.
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { HELM_FUNCS, fromJsonLike, parseTemplates, render } from '@kube-harden/server/out/engine/render/gotemplate/index';
import { bcrypt, decodeSalt } from '@kube-harden/server/out/engine/render/gotemplate/sprig/crypto/bcrypt';

const CLOCK = Date.UTC(2026, 0, 2, 3, 4, 5);

function run(text: string, seed = 1): string[] {
  const set = parseTemplates([{ name: 't', text }], { funcs: HELM_FUNCS });
  assert.deepEqual(set.errors, []);
  const r = render(set, 't', fromJsonLike({}), { clock: CLOCK, budgetMs: 60000, seed });
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  // Each printed PEM is base64-encoded on its own line so the test can split them apart.
  return r.text.trim().split('\n').map(l => Buffer.from(l, 'base64').toString());
}
const fail = (text: string) => {
  const set = parseTemplates([{ name: 't', text }], { funcs: HELM_FUNCS });
  const r = render(set, 't', fromJsonLike({}), { clock: CLOCK });
  assert.ok(!r.ok);
  return r.error.message;
};

describe('sprig certificate functions', () => {
  it('genCA and genSignedCert: a CA and a leaf it signed, with names, dates and key usages as Sprig sets them', () => {
    const [caPem, caKey, crtPem, keyPem] = run([
      '{{- $ca := genCA "my-ca" 365 -}}',
      '{{- $c := genSignedCert "svc.ns.svc" (list "10.0.0.1" "fd00::1") (list "svc" "svc.ns") 30 $ca -}}',
      '{{ $ca.Cert | b64enc }}\n{{ $ca.Key | b64enc }}\n{{ $c.Cert | b64enc }}\n{{ $c.Key | b64enc }}\n',
    ].join(''));
    assert.match(caPem, /^-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=]{64}\n)+[A-Za-z0-9+/=]{1,64}\n-----END CERTIFICATE-----\n$/);
    assert.match(caKey, /^-----BEGIN RSA PRIVATE KEY-----\n/);
    const ca = new crypto.X509Certificate(caPem), crt = new crypto.X509Certificate(crtPem);
    assert.deepEqual([ca.subject, ca.issuer, ca.ca, ca.validFrom, ca.validTo], ['CN=my-ca', 'CN=my-ca', true, 'Jan  2 03:04:05 2026 GMT', 'Jan  2 03:04:05 2027 GMT']);
    assert.deepEqual([crt.subject, crt.issuer, crt.ca, crt.validFrom, crt.validTo], ['CN=svc.ns.svc', 'CN=my-ca', false, 'Jan  2 03:04:05 2026 GMT', 'Feb  1 03:04:05 2026 GMT']);
    assert.equal(crt.subjectAltName, 'DNS:svc, DNS:svc.ns, IP Address:10.0.0.1, IP Address:FD00:0:0:0:0:0:0:1');
    assert.deepEqual(crt.keyUsage, ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
    assert.ok(ca.verify(ca.publicKey), 'the CA signs itself');
    assert.ok(crt.verify(ca.publicKey) && crt.checkIssued(ca), 'the leaf is signed by the CA');
    assert.ok(ca.checkPrivateKey(crypto.createPrivateKey(caKey)) && crt.checkPrivateKey(crypto.createPrivateKey(keyPem)));
    assert.deepEqual(crypto.createPrivateKey(keyPem).asymmetricKeyDetails, { modulusLength: 2048, publicExponent: 65537n });
    assert.notEqual(caKey, keyPem);
  });

  it('renders the same certificates again from the same seed, keys found before or not', () => {
    // The second render finds its keys already made; the draws after them must not shift.
    const text = '{{ $ca := genCA "a" 1 }}{{ $c := genSignedCert "b" nil nil 1 $ca }}{{ $ca.Cert | b64enc }}\n{{ $c.Cert | b64enc }}\n{{ randAlphaNum 16 | b64enc }}\n';
    // A seed no other case uses: the first render searches, the second finds.
    const first = run(text, 20260107);
    assert.deepEqual(run(text, 20260107), first);
    assert.notEqual(first[0], first[1]);
  });

  it('genSelfSignedCert, the WithKey forms, and buildCustomCert take the given key and certificate', () => {
    const [self, withKey, key, custom] = run([
      '{{- $s := genSelfSignedCert "self" nil (list "a.example") 10 -}}',
      '{{- $w := genSelfSignedCertWithKey "w" nil nil 1 $s.Key -}}',
      '{{- $b := buildCustomCert ($s.Cert | b64enc) ($s.Key | b64enc) -}}',
      '{{ $s.Cert | b64enc }}\n{{ $w.Cert | b64enc }}\n{{ $s.Key | b64enc }}\n{{ $b.Cert | b64enc }}\n',
    ].join(''));
    const s = new crypto.X509Certificate(self), w = new crypto.X509Certificate(withKey);
    assert.deepEqual([s.subject, s.issuer, s.ca, s.subjectAltName], ['CN=self', 'CN=self', false, 'DNS:a.example']);
    assert.ok(s.verify(s.publicKey));
    assert.ok(w.checkPrivateKey(crypto.createPrivateKey(key)), 'the WithKey certificate carries the given key');
    assert.equal(custom, self);
  });

  it('genPrivateKey "rsa" is a 4096-bit PKCS #1 key; other types and bad input fail as Sprig does or say why', () => {
    const [key] = run('{{ genPrivateKey "rsa" | b64enc }}\n');
    assert.match(key, /^-----BEGIN RSA PRIVATE KEY-----\n/);
    assert.equal(crypto.createPrivateKey(key).asymmetricKeyDetails?.modulusLength, 4096);
    assert.deepEqual(run('{{ genPrivateKey "rsa2" | b64enc }}\n'), ['Unknown type rsa2']);
    assert.equal(fail('{{ genPrivateKey "ecdsa" }}'), 'template: t:1:3: executing "t" at <genPrivateKey "ecdsa...>: error calling genPrivateKey: genPrivateKey "ecdsa" is not supported by this renderer ("rsa" is)');
    assert.equal(fail('{{ genSelfSignedCert "x" (list "10.0.0.300") nil 1 }}'), 'template: t:1:3: executing "t" at <genSelfSignedCert "x...>: error calling genSelfSignedCert: error parsing ip: 10.0.0.300');
    assert.equal(fail('{{ genSignedCert "x" nil nil 1 "ca" }}'), 'template: t:1:3: executing "t" at <genSignedCert "x" ni...>: error calling genSignedCert: wrong type for value; expected sprig.certificate; got string');
    // Sprig's parsePrivateKeyPEM messages, under the prefix each caller gives them.
    assert.equal(fail('{{ genCAWithKey "x" 1 "nope" }}'), 'template: t:1:3: executing "t" at <genCAWithKey "x" 1 "...>: error calling genCAWithKey: parsing private key: no PEM data in input');
    // The Go string literal's \n escapes make the PEM's line breaks.
    assert.equal(fail('{{ genCAWithKey "x" 1 "-----BEGIN CERTIFICATE-----\\nAA==\\n-----END CERTIFICATE-----" }}'),
      'template: t:1:3: executing "t" at <genCAWithKey "x" 1 "...>: error calling genCAWithKey: parsing private key: no private key data in PEM block of type CERTIFICATE');
    assert.equal(fail('{{ $ca := genCA "a" 1 }}{{ genSignedCert "b" nil nil 1 (dict "Cert" $ca.Cert "Key" "x") }}').replace(/^.*error calling genSignedCert: /, ''),
      'wrong type for value; expected sprig.certificate; got map[string]interface {}');
    assert.equal(fail('{{ buildCustomCert "!" "" }}'), 'template: t:1:3: executing "t" at <buildCustomCert "!" ...>: error calling buildCustomCert: unable to decode base64 certificate');
  });
});

describe('sprig bcrypt and htpasswd', () => {
  // Expected hashes from libxcrypt's crypt(3) (Python's crypt.crypt) with the same salt.
  const cases: Array<[string, number, string, string]> = [
    ['U*U', 5, 'CCCCCCCCCCCCCCCCCCCCC.', '$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW'],
    ['', 10, 'abcdefghijklmnopqrstuu', '$2a$10$abcdefghijklmnopqrstuujr5dF95nlffmIUNubpV71FPx1zncrEm'],
    ['password', 10, 'abcdefghijklmnopqrstuu', '$2a$10$abcdefghijklmnopqrstuu5Lo0g67CiD3M4RpN1BmBb4Crp5w7dbK'],
    ['héllo wörld', 10, 'abcdefghijklmnopqrstuu', '$2a$10$abcdefghijklmnopqrstuui79hB1UTiV5i8I4K65JewSvvkkXWwXu'],
    ['a'.repeat(72), 10, 'abcdefghijklmnopqrstuu', '$2a$10$abcdefghijklmnopqrstuuiYfj.JCH/8Hff5KmeyaPABzfEqwvS.a'],
  ];
  for (const [password, cost, salt, hash] of cases) {
    it(`hashes ${JSON.stringify(password.slice(0, 12))} at cost ${cost} as crypt(3) does`, () => {
      assert.equal(bcrypt(new TextEncoder().encode(password), cost, decodeSalt(salt)), hash);
    });
  }

  it('htpasswd writes user:$2a$10$..., refuses a user with a colon and a password over 72 bytes as Sprig does', () => {
    const [line] = run('{{ htpasswd "admin" "secret" | b64enc }}\n');
    assert.match(line, /^admin:\$2a\$10\$[./A-Za-z0-9]{53}$/);
    const salt = line.slice('admin:$2a$10$'.length, 'admin:$2a$10$'.length + 22);
    assert.equal(line, 'admin:' + bcrypt(new TextEncoder().encode('secret'), 10, decodeSalt(salt)));
    assert.deepEqual(run('{{ htpasswd "a:b" "x" | b64enc }}\n'), ['invalid username: a:b']);
    assert.deepEqual(run(`{{ bcrypt "${'x'.repeat(73)}" | b64enc }}\n`), ['failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes']);
  });
});
