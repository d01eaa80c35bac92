// Sprig v3's TxtFuncMap (Masterminds/sprig), the function library Helm adds to text/template.
import { FuncDef, unsupported } from '../funcs';
import { CERT_FUNCS } from './crypto/certs';
import { PASSWORD_FUNCS } from './crypto/passwords';
import { DATE_FUNCS } from './date';
import { ENCODING_FUNCS } from './encoding';
import { LIST_FUNCS } from './lists';
import { MATH_FUNCS } from './math';
import { MISC_FUNCS } from './misc';
import { RANDOM_FUNCS } from './random';
import { REGEX_FUNCS } from './regex';
import { SEMVER_FUNCS } from './semver';
import { STRING_FUNCS } from './strings';
import { URL_FUNCS } from './url';

/**
 * Sprig functions this renderer refuses at the call site with "not supported by this renderer":
 * they need ciphers this renderer does not carry, or the network.
 */
export const UNSUPPORTED_SPRIG: string[] = [
  'derivePassword', 'encryptAES', 'decryptAES', 'getHostByName',
];

export const SPRIG: Record<string, FuncDef> = {
  ...STRING_FUNCS, ...LIST_FUNCS, ...MATH_FUNCS, ...MISC_FUNCS, ...ENCODING_FUNCS, ...REGEX_FUNCS,
  ...SEMVER_FUNCS, ...DATE_FUNCS, ...RANDOM_FUNCS, ...URL_FUNCS, ...CERT_FUNCS, ...PASSWORD_FUNCS,
  ...Object.fromEntries(UNSUPPORTED_SPRIG.map(n => [n, unsupported(n)])),
};
