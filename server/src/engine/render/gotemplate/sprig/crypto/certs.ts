// Sprig's certificate functions (crypto.go): genCA, genSelfSignedCert, genSignedCert, their
// WithKey forms, genPrivateKey "rsa" and buildCustomCert. Keys are RSA as in Sprig (2048 bits
// for certificates, 4096 for genPrivateKey); dates come from the render's clock.
import { CallContext, FuncDef, FuncError, def } from '../../funcs';
import { GoStruct, Value, typeName } from '../../values';
import { base64Decode, base64Encode } from '../encoding';
import { pem } from './der';
import { DerError, pemDecode } from './der-read';
import { generateRsaKey, pkcs1PrivateKey, RsaKey } from './rsa';
import { createCertificate, readCertificate, readRsaKey, Signer } from './x509';

const DAY_MS = 24 * 3600 * 1000;

function certificate(cert: string, key: string): GoStruct {
  return new GoStruct('sprig.certificate', new Map<string, Value>([['Cert', cert], ['Key', key]]));
}

function parseIp(s: string): Uint8Array | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (v4) {
    const b = v4.slice(1).map(Number);
    return b.every(x => x <= 255) && !v4.slice(1).some(x => x.length > 1 && x.startsWith('0')) ? Uint8Array.from(b) : undefined;
  }
  if (!/^[0-9a-fA-F:]+$/.test(s) || (s.match(/::/g) ?? []).length > 1) return undefined;
  const [head, tail] = s.includes('::') ? s.split('::') : [s, undefined];
  const groups = (x: string | undefined) => (x ? x.split(':') : []);
  const h = groups(head), t = groups(tail);
  const missing = 8 - h.length - t.length;
  if ((tail === undefined && missing !== 0) || (tail !== undefined && missing < 1)) return undefined;
  const all = [...h, ...Array(tail === undefined ? 0 : missing).fill('0'), ...t];
  if (all.some(g => g.length === 0 || g.length > 4)) return undefined;
  const out = new Uint8Array(16);
  all.forEach((g, i) => { const n = parseInt(g, 16); out[2 * i] = n >> 8; out[2 * i + 1] = n & 0xff; });
  return out;
}

function ips(list: Value): Uint8Array[] {
  return ((list ?? []) as Value[]).map(ip => {
    if (typeof ip !== 'string') throw new FuncError(`error parsing ip: ${String(ip)} is not a string`);
    const b = parseIp(ip);
    if (!b) throw new FuncError(`error parsing ip: ${ip}`);
    return b;
  });
}

function dnsNames(list: Value): string[] {
  return ((list ?? []) as Value[]).map(d => {
    if (typeof d !== 'string') throw new FuncError(`error processing alternate dns name: ${String(d)} is not a string`);
    return d;
  });
}

/** Sprig's parsePrivateKeyPEM; `context` prefixes its message as each caller of it does. */
function parseKey(text: string, context: string): RsaKey {
  const fail = (why: string): never => { throw new FuncError(`${context}: ${why}`); };
  const block = pemDecode(text, base64Decode);
  if (!block) return fail('no PEM data in input');
  const pkcs8 = block.type === 'PRIVATE KEY';
  if (!pkcs8 && !block.type.endsWith(' PRIVATE KEY')) return fail(`no private key data in PEM block of type ${block.type}`);
  const kind = block.type.slice(0, -' PRIVATE KEY'.length);
  if (kind === 'EC' || kind === 'DSA') throw new FuncError(`${kind} keys are not supported by this renderer (RSA keys are)`);
  if (!pkcs8 && kind !== 'RSA') return fail(`invalid private key type ${block.type}`);
  try {
    return readRsaKey(block.der, pkcs8);
  } catch (e) {
    if (e instanceof DerError) return fail(pkcs8 ? `decoding PEM as PKCS#8: ${e.message}` : `parsing RSA private key from PEM: ${e.message}`);
    throw e;
  }
}

function signerOf(ca: Value): Signer {
  if (!(ca instanceof GoStruct) || ca.typeName !== 'sprig.certificate') throw new FuncError(`wrong type for value; expected sprig.certificate; got ${typeName(ca)}`);
  const block = pemDecode(String(ca.fields.get('Cert')), base64Decode);
  if (!block) throw new FuncError('unable to decode certificate');
  try {
    return { ...readCertificate(block.der), key: parseKey(String(ca.fields.get('Key')), 'error parsing private key') };
  } catch (e) {
    if (e instanceof DerError) throw new FuncError(`error parsing certificate: decodedSignerCert.Bytes: ${e.message}`);
    throw e;
  }
}

function issue(ctx: CallContext, cn: string, ipList: Value, dns: Value, days: bigint, isCA: boolean, key: RsaKey | undefined, signer?: Signer): GoStruct {
  const subjectKey = key ?? generateRsaKey(2048, () => ctx.random());
  let serial = 0n;
  for (let i = 0; i < 4; i++) serial = (serial << 32n) | BigInt(Math.floor(ctx.random() * 0x100000000));
  const der = createCertificate({
    serial, commonName: cn, notBefore: ctx.now, notAfter: ctx.now + Number(days) * DAY_MS,
    dnsNames: dnsNames(dns), ips: ips(ipList), isCA,
  }, subjectKey, signer);
  return certificate(pem('CERTIFICATE', der, base64Encode), pem('RSA PRIVATE KEY', pkcs1PrivateKey(subjectKey), base64Encode));
}

export const CERT_FUNCS: Record<string, FuncDef> = {
  genCA: def(['string', 'int'], ([cn, days], ctx) => issue(ctx, cn as string, null, null, days as bigint, true, undefined)),
  genCAWithKey: def(['string', 'int', 'string'], ([cn, days, key], ctx) => issue(ctx, cn as string, null, null, days as bigint, true, parseKey(key as string, 'parsing private key'))),
  genSelfSignedCert: def(['string', 'slice', 'slice', 'int'], ([cn, ip, dns, days], ctx) => issue(ctx, cn as string, ip, dns, days as bigint, false, undefined)),
  genSelfSignedCertWithKey: def(['string', 'slice', 'slice', 'int', 'string'], ([cn, ip, dns, days, key], ctx) =>
    issue(ctx, cn as string, ip, dns, days as bigint, false, parseKey(key as string, 'parsing private key'))),
  genSignedCert: def(['string', 'slice', 'slice', 'int', 'any'], ([cn, ip, dns, days, ca], ctx) =>
    issue(ctx, cn as string, ip, dns, days as bigint, false, undefined, signerOf(ca))),
  genSignedCertWithKey: def(['string', 'slice', 'slice', 'int', 'any', 'string'], ([cn, ip, dns, days, ca, key], ctx) =>
    issue(ctx, cn as string, ip, dns, days as bigint, false, parseKey(key as string, 'parsing private key'), signerOf(ca))),
  genPrivateKey: def(['string'], ([typ], ctx) => {
    if (typ === 'rsa') return pem('RSA PRIVATE KEY', pkcs1PrivateKey(generateRsaKey(4096, () => ctx.random())), base64Encode);
    if (typ === 'dsa' || typ === 'ecdsa' || typ === 'ed25519') throw new FuncError(`genPrivateKey "${typ}" is not supported by this renderer ("rsa" is)`);
    return `Unknown type ${typ}`;
  }),
  buildCustomCert: def(['string', 'string'], ([b64cert, b64key]) => {
    const cert = base64Decode(b64cert as string);
    if (typeof cert === 'string') throw new FuncError('unable to decode base64 certificate');
    const key = base64Decode(b64key as string);
    if (typeof key === 'string') throw new FuncError('unable to decode base64 private key');
    const certText = new TextDecoder().decode(cert), keyText = new TextDecoder().decode(key);
    const block = pemDecode(certText, base64Decode);
    if (!block) throw new FuncError('unable to decode certificate');
    try { readCertificate(block.der); } catch (e) {
      if (e instanceof DerError) throw new FuncError(`error parsing certificate: decodedCert.Bytes: ${e.message}`);
      throw e;
    }
    parseKey(keyText, 'error parsing private key');
    return certificate(certText, keyText);
  }),
};
