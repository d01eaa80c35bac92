// Plain scalars as go-yaml v2 resolves them (resolve.go), where `yaml`'s YAML 1.1 schema differs.
// kubectl decodes with sigs.k8s.io/yaml over go-yaml v2, so `runAsUser: 0o0` is root to the API
// server: the engine must read the same number.
import type { ScalarTag, Tags } from 'yaml';

// go-yaml removes every `_` and hands the rest to Go's strconv.ParseInt(s, 0, 64), which takes
// 0x/0X, 0o/0O and 0b/0B prefixes after an optional sign. `yaml`'s 1.1 schema knows only the
// lower-case 0b and 0x forms and reads `0o17` as a string.
const GO_PREFIXED_INT: ScalarTag = {
  identify: v => typeof v === 'number' && Number.isInteger(v),
  default: true,
  tag: 'tag:yaml.org,2002:int',
  test: /^[-+]?0(?:[oO][0-7_]+|[bB][01_]+|[xX][0-9a-fA-F_]+)$/,
  resolve(str: string): number {
    const sign = str[0] === '-' ? -1 : 1;
    const digits = str.replace(/^[-+]/, '').replace(/_/g, '');
    const radix = { o: 8, b: 2, x: 16 }[digits[1].toLowerCase() as 'o' | 'b' | 'x'];
    return sign * parseInt(digits.slice(2), radix);
  },
};

const TIMESTAMP = 'tag:yaml.org,2002:timestamp';

/**
 * The YAML 1.1 tags `yaml` uses, adjusted to go-yaml v2: base-60 numbers (`1:20`) are strings
 * there ("purposefully unsupported"), every radix prefix Go accepts is an integer, and a
 * timestamp stays the string it is written as (decode.go: a timestamp decoded into interface{},
 * as sigs.k8s.io/yaml decodes every value, is kept as its text "for backward compatibility"), so
 * `date: 2024-01-01` is the string "2024-01-01" to kubectl and Helm.
 */
export function goYamlTags(tags: Tags): Tags {
  // Called for every document parsed, always with the YAML 1.1 schema's tags: computed once.
  adjusted ??= [GO_PREFIXED_INT, ...tags.filter(t => typeof t === 'string' || (t.tag !== TIMESTAMP && (!('format' in t) || t.format !== 'TIME')))];
  return adjusted;
}

let adjusted: Tags | undefined;
