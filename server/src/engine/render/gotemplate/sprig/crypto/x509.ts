// X.509 v3 certificates as Go's x509.CreateCertificate writes them for Sprig's templates:
// SHA256WithRSA, KeyUsage and BasicConstraints critical, subject/authority key ids, SANs.
import { sha256 } from '../../../../util/sha256';
import { sha1 } from '../encoding';
import { bigintBytes, bitString, boolean, explicit, integer, namedBits, nullValue, octetString, oid, sequence, set, time, tlv, utf8String } from './der';
import { children, DerError, toBigint } from './der-read';
import { modPow, pkcs1PublicKey, RsaKey } from './rsa';

const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const SHA256_DIGEST_INFO = Uint8Array.from([0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20]);

/** What Sprig's templates set: the rest is Go's defaults. */
export interface CertTemplate {
  serial: bigint;
  commonName: string;
  notBefore: number;
  notAfter: number;
  dnsNames: string[];
  ips: Uint8Array[];
  isCA: boolean;
}

/** The parts of a signing certificate a child certificate copies. */
export interface Signer { subject: Uint8Array; keyId?: Uint8Array; key: RsaKey }

function signPkcs1Sha256(message: Uint8Array, key: RsaKey): Uint8Array {
  const k = Math.ceil(key.n.toString(2).length / 8);
  const t = new Uint8Array([...SHA256_DIGEST_INFO, ...sha256(message)]);
  const em = new Uint8Array(k);
  em[1] = 0x01;
  em.fill(0xff, 2, k - t.length - 1);
  em.set(t, k - t.length);
  const s = bigintBytes(modPow(BigInt('0x' + [...em].map(b => b.toString(16).padStart(2, '0')).join('')), key.d, key.n));
  const out = new Uint8Array(k);
  out.set(s, k - s.length);
  return out;
}

export function subjectPublicKeyInfo(key: RsaKey): Uint8Array {
  return sequence(sequence(oid(RSA_ENCRYPTION), nullValue()), bitString(pkcs1PublicKey(key)));
}

const extension = (id: string, critical: boolean, value: Uint8Array) =>
  sequence(oid(id), ...(critical ? [boolean(true)] : []), octetString(value));

/** A DER certificate for `subjectKey`, signed by `signer` (itself when absent). */
export function createCertificate(t: CertTemplate, subjectKey: RsaKey, signer?: Signer): Uint8Array {
  const name = sequence(set(sequence(oid('2.5.4.3'), utf8String(t.commonName))));
  const keyId = sha1(pkcs1PublicKey(subjectKey));
  // Go: digitalSignature(0), keyEncipherment(2), and certSign(5) for a CA.
  const exts = [
    extension('2.5.29.15', true, namedBits(t.isCA ? [0, 2, 5] : [0, 2])),
    extension('2.5.29.37', false, sequence(oid('1.3.6.1.5.5.7.3.1'), oid('1.3.6.1.5.5.7.3.2'))),
    extension('2.5.29.19', true, t.isCA ? sequence(boolean(true)) : sequence()),
  ];
  // Go gives a CA a subject key id, and a child the authority key id of a signer that has one.
  if (t.isCA) exts.push(extension('2.5.29.14', false, octetString(keyId)));
  if (signer?.keyId) exts.push(extension('2.5.29.35', false, sequence(tlv(0x80, signer.keyId))));
  if (t.dnsNames.length || t.ips.length) {
    exts.push(extension('2.5.29.17', false, sequence(...t.dnsNames.map(d => tlv(0x82, new TextEncoder().encode(d))), ...t.ips.map(ip => tlv(0x87, ip)))));
  }
  const algorithm = sequence(oid(SHA256_WITH_RSA), nullValue());
  const tbs = sequence(
    explicit(0, integer(2n)), integer(t.serial), algorithm, signer ? signer.subject : name,
    sequence(time(t.notBefore), time(t.notAfter)), name, subjectPublicKeyInfo(subjectKey), explicit(3, sequence(...exts)),
  );
  return sequence(tbs, algorithm, bitString(signPkcs1Sha256(tbs, signer?.key ?? subjectKey)));
}

/** The subject and subject key id of a DER certificate; throws DerError when it is not one. */
export function readCertificate(der: Uint8Array): { subject: Uint8Array; keyId?: Uint8Array } {
  const [cert] = children(der);
  if (!cert || cert.tag !== 0x30) throw new DerError('not a certificate');
  const [tbs] = children(cert.body);
  const fields = children(tbs?.body ?? new Uint8Array());
  const at = fields[0]?.tag === 0xa0 ? 1 : 0;
  const subject = fields[at + 4];
  if (!subject || subject.tag !== 0x30) throw new DerError('not a certificate');
  let keyId: Uint8Array | undefined;
  const extBlock = fields.find(f => f.tag === 0xa3);
  if (extBlock) {
    for (const ext of children(children(extBlock.body)[0]?.body ?? new Uint8Array())) {
      const parts = children(ext.body);
      const value = parts[parts.length - 1];
      if (parts[0] && oidEquals(parts[0].whole, '2.5.29.14') && value) keyId = children(value.body)[0]?.body;
    }
  }
  return { subject: subject.whole, keyId };
}

function oidEquals(der: Uint8Array, dotted: string): boolean {
  const want = oid(dotted);
  return der.length === want.length && der.every((b, i) => b === want[i]);
}

/** An RSA key from PKCS #1 (RSA PRIVATE KEY) or PKCS #8 (PRIVATE KEY) DER. */
export function readRsaKey(der: Uint8Array, pkcs8: boolean): RsaKey {
  let body = children(der)[0]?.body;
  if (pkcs8) {
    const parts = children(body ?? new Uint8Array());
    if (!parts[1] || !oidEquals(children(parts[1].body)[0]?.whole ?? new Uint8Array(), RSA_ENCRYPTION)) throw new DerError('not an RSA key');
    body = children(parts[2].body)[0]?.body;
  }
  const ints = children(body ?? new Uint8Array()).map(n => toBigint(n.body));
  if (ints.length < 6) throw new DerError('not an RSA key');
  return { n: ints[1], e: ints[2], d: ints[3], p: ints[4], q: ints[5] };
}
