// Sprig's urlParse and urlJoin (url.go over net/url).
import { FuncDef, def } from '../funcs';
import { GoMap, Value } from '../values';
import { strval } from './convert';

function parse(s: string): GoMap {
  const m = /^(?:([A-Za-z][A-Za-z0-9+.-]*):)?(?:\/\/(?:([^@/?#]*)@)?([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(s)!;
  const host = m[3] ?? '';
  return {
    scheme: m[1] ?? '', host, hostname: host.replace(/:\d*$/, '').replace(/^\[(.*)\]$/, '$1'), path: decodeURIComponent(m[4] ?? ''),
    query: m[5] ?? '', opaque: '', fragment: m[6] ?? '', userinfo: m[2] ?? '',
  };
}

function join(d: GoMap): string {
  const get = (k: string) => (d[k] === undefined || d[k] === null ? '' : strval(d[k] as Value));
  let out = '';
  if (get('scheme')) out += get('scheme') + ':';
  if (get('host') || get('userinfo')) out += '//' + (get('userinfo') ? get('userinfo') + '@' : '') + get('host');
  out += get('path');
  if (get('query')) out += '?' + get('query');
  if (get('fragment')) out += '#' + get('fragment');
  return out;
}

export const URL_FUNCS: Record<string, FuncDef> = {
  urlParse: def(['string'], ([s]) => parse(s as string)),
  urlJoin: def(['map'], ([d]) => join((d ?? {}) as GoMap)),
};
