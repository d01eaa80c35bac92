// Sprig's date functions over a fixed clock (the render's `clock` option): renders are
// reproducible. "Local" is UTC (a render does not depend on the host); named zones come from
// Intl's time zone data. Times are values of type time.Time that print as Go does.
import { FuncDef, FuncError, def } from '../funcs';
import { GoStruct, Value } from '../values';

interface TimeParts { ms: number; ns: number; offset: number; zone: string }

function partsOf(v: Value): TimeParts | undefined {
  return v instanceof GoStruct ? timeCache.get(v) : undefined;
}
const timeCache = new WeakMap<GoStruct, TimeParts>();
function timeValue(ms: number, ns = 0, offset = 0, zone = 'UTC'): GoStruct {
  const parts: TimeParts = { ms, ns, offset, zone };
  const t = new GoStruct('time.Time', new Map(), goFormat('2006-01-02 15:04:05.999999999 -0700 MST', parts));
  timeCache.set(t, parts);
  return t;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** time.Format with Go's reference layout (Mon Jan 2 15:04:05 MST 2006). */
export function goFormat(layout: string, t: TimeParts): string {
  const d = new Date(t.ms + t.offset * 60000);
  const Y = d.getUTCFullYear(), M = d.getUTCMonth(), D = d.getUTCDate(), h = d.getUTCHours(), m = d.getUTCMinutes(), s = d.getUTCSeconds();
  const nanos = (((t.ms % 1000) + 1000) % 1000) * 1e6 + t.ns;
  const off = (sep: string, z: boolean) => {
    if (z && t.offset === 0) return 'Z';
    const a = Math.abs(t.offset);
    return (t.offset < 0 ? '-' : '+') + p2(Math.floor(a / 60)) + sep + p2(a % 60);
  };
  const tokens: [string, () => string][] = [
    ['January', () => MONTHS[M]], ['Monday', () => DAYS[d.getUTCDay()]], ['2006', () => String(Y).padStart(4, '0')],
    ['Z07:00', () => off(':', true)], ['Z0700', () => off('', true)], ['-07:00', () => off(':', false)], ['-0700', () => off('', false)],
    ['-07', () => off('', false).slice(0, 3)], ['Jan', () => MONTHS[M].slice(0, 3)], ['Mon', () => DAYS[d.getUTCDay()].slice(0, 3)],
    ['MST', () => t.zone], ['002', () => String(Math.floor((Date.UTC(Y, M, D) - Date.UTC(Y, 0, 1)) / 864e5) + 1).padStart(3, '0')],
    ['01', () => p2(M + 1)], ['02', () => p2(D)], ['_2', () => String(D).padStart(2, ' ')], ['06', () => p2(Y % 100)],
    ['15', () => p2(h)], ['03', () => p2(h % 12 || 12)], ['04', () => p2(m)], ['05', () => p2(s)],
    ['PM', () => (h >= 12 ? 'PM' : 'AM')], ['pm', () => (h >= 12 ? 'pm' : 'am')],
    ['1', () => String(M + 1)], ['2', () => String(D)], ['3', () => String(h % 12 || 12)], ['4', () => String(m)], ['5', () => String(s)],
  ];
  let out = '';
  for (let i = 0; i < layout.length;) {
    const frac = /^[.,](0+|9+)/.exec(layout.slice(i));
    if (frac && !/[0-9]/.test(layout[i + frac[0].length] ?? '')) {
      const n = frac[1].length;
      let digits = String(nanos).padStart(9, '0').slice(0, n);
      if (frac[1][0] === '9') { digits = digits.replace(/0+$/, ''); out += digits ? layout[i] + digits : ''; }
      else out += layout[i] + digits;
      i += frac[0].length;
      continue;
    }
    const tok = tokens.find(([k]) => layout.startsWith(k, i));
    if (tok) { out += tok[1](); i += tok[0].length; } else out += layout[i++];
  }
  return out;
}

/** time.Parse for the layouts templates use (numeric fields, month names, zones as offsets). */
function goParse(layout: string, value: string): TimeParts {
  const fields: Record<string, number> = { Y: 1, M: 1, D: 1, h: 0, m: 0, s: 0, ns: 0, off: 0 };
  let pm: boolean | undefined;
  let i = 0, j = 0;
  const bad = () => new FuncError(`parsing time ${JSON.stringify(value)} as ${JSON.stringify(layout)}: cannot parse ${JSON.stringify(value.slice(j))} as ${JSON.stringify(layout.slice(i))}`);
  const num = (min: number, max: number) => { const m = new RegExp(`^[0-9]{${min},${max}}`).exec(value.slice(j)); if (!m) throw bad(); j += m[0].length; return Number(m[0]); };
  const specs: [string, () => void][] = [
    ['2006', () => { fields.Y = num(4, 4); }], ['January', () => { const k = MONTHS.findIndex(x => value.startsWith(x, j)); if (k < 0) throw bad(); fields.M = k + 1; j += MONTHS[k].length; }],
    ['Monday', () => { const k = DAYS.findIndex(x => value.startsWith(x, j)); if (k < 0) throw bad(); j += DAYS[k].length; }],
    ['Jan', () => { const k = MONTHS.findIndex(x => value.startsWith(x.slice(0, 3), j)); if (k < 0) throw bad(); fields.M = k + 1; j += 3; }],
    ['Mon', () => { j += 3; }], ['MST', () => { const m = /^[A-Z]{3,5}/.exec(value.slice(j)); if (!m) throw bad(); j += m[0].length; }],
    ['Z07:00', () => { if (value[j] === 'Z') { j++; return; } const m = /^([+-])(\d\d):(\d\d)/.exec(value.slice(j)); if (!m) throw bad(); fields.off = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])); j += 6; }],
    ['-07:00', () => { const m = /^([+-])(\d\d):(\d\d)/.exec(value.slice(j)); if (!m) throw bad(); fields.off = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])); j += 6; }],
    ['-0700', () => { const m = /^([+-])(\d\d)(\d\d)/.exec(value.slice(j)); if (!m) throw bad(); fields.off = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])); j += 5; }],
    ['01', () => { fields.M = num(2, 2); }], ['02', () => { fields.D = num(2, 2); }], ['_2', () => { if (value[j] === ' ') j++; fields.D = num(1, 2); }],
    ['06', () => { const y = num(2, 2); fields.Y = y >= 69 ? 1900 + y : 2000 + y; }], ['15', () => { fields.h = num(1, 2); }], ['03', () => { fields.h = num(2, 2); }],
    ['04', () => { fields.m = num(2, 2); }], ['05', () => { fields.s = num(2, 2); }], ['PM', () => { pm = value.startsWith('PM', j); j += 2; }],
    ['1', () => { fields.M = num(1, 2); }], ['2', () => { fields.D = num(1, 2); }], ['3', () => { fields.h = num(1, 2); }], ['4', () => { fields.m = num(1, 2); }], ['5', () => { fields.s = num(1, 2); }],
  ];
  while (i < layout.length) {
    const frac = /^\.(0+|9+)/.exec(layout.slice(i));
    if (frac) { const m = /^\.([0-9]+)/.exec(value.slice(j)); if (m) { fields.ns = Number(m[1].padEnd(9, '0').slice(0, 9)); j += m[0].length; } i += frac[0].length; continue; }
    const spec = specs.find(([k]) => layout.startsWith(k, i));
    if (spec) { spec[1](); i += spec[0].length; continue; }
    if (value[j] !== layout[i]) throw bad();
    i++; j++;
  }
  if (j !== value.length) throw new FuncError(`parsing time ${JSON.stringify(value)}: extra text: ${JSON.stringify(value.slice(j))}`);
  if (pm !== undefined && pm && fields.h < 12) fields.h += 12;
  if (pm === false && fields.h === 12) fields.h = 0;
  const ms = Date.UTC(fields.Y, fields.M - 1, fields.D, fields.h, fields.m, fields.s) - fields.off * 60000 + Math.floor(fields.ns / 1e6);
  return { ms, ns: fields.ns % 1e6, offset: fields.off, zone: fields.off === 0 ? 'UTC' : '' };
}

function toParts(v: Value, now: number): TimeParts {
  const p = partsOf(v);
  if (p) return p;
  if (typeof v === 'bigint') return { ms: Number(v) * 1000, ns: 0, offset: 0, zone: 'UTC' };
  return { ms: now, ns: 0, offset: 0, zone: 'UTC' };
}

/** The offset (minutes east of UTC) and abbreviation of an IANA zone at an instant, from Intl. */
function zoneOffset(zone: string, ms: number): { offset: number; zone: string } {
  if (zone === 'UTC' || zone === '' || zone === 'Local') return { offset: 0, zone: 'UTC' };
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(new Date(ms));
  } catch {
    throw new FuncError(`unknown time zone ${zone}`);
  }
  const name = parts.find(p => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d\d):(\d\d)/.exec(name);
  const offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  const short = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' }).formatToParts(new Date(ms)).find(p => p.type === 'timeZoneName')?.value ?? '';
  // Go prints the zone's abbreviation when it has one, else the offset as "-05".
  const abbr = /^[A-Z]{3,5}$/.test(short) ? short : (offset < 0 ? '-' : '+') + String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0') + (Math.abs(offset) % 60 ? String(Math.abs(offset) % 60).padStart(2, '0') : '');
  return { offset, zone: abbr };
}

/** time.Duration.String(). */
export function durationString(ns: bigint): string {
  if (ns === 0n) return '0s';
  const neg = ns < 0n;
  let u = neg ? -ns : ns;
  let out: string;
  if (u < 1000000000n) {
    const [unit, div] = u < 1000n ? ['ns', 1n] : u < 1000000n ? ['µs', 1000n] : ['ms', 1000000n];
    out = fracString(u, div) + unit;
  } else {
    const h = u / 3600000000000n; u -= h * 3600000000000n;
    const m = u / 60000000000n; u -= m * 60000000000n;
    out = (h > 0n ? `${h}h` : '') + (h > 0n || m > 0n ? `${m}m` : '') + fracString(u, 1000000000n) + 's';
  }
  return (neg ? '-' : '') + out;
}
function fracString(v: bigint, div: bigint): string {
  const ip = v / div, fp = v % div;
  if (fp === 0n) return String(ip);
  const width = div.toString().length - 1;
  return `${ip}.${fp.toString().padStart(width, '0').replace(/0+$/, '')}`;
}

/** time.ParseDuration. */
function parseDuration(s: string): bigint {
  const units: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
  const m = /^([+-]?)((?:[0-9.]+(?:ns|us|µs|ms|s|m|h))+)$/.exec(s);
  if (!m && s !== '0') throw new FuncError(`time: invalid duration ${JSON.stringify(s)}`);
  if (!m) return 0n;
  let total = 0;
  for (const part of m[2].matchAll(/([0-9.]+)(ns|us|µs|ms|s|m|h)/g)) total += Number(part[1]) * units[part[2]];
  return BigInt(Math.round(total)) * (m[1] === '-' ? -1n : 1n);
}

/** Sprig's durationRound: the largest unit, rounded down (y, mo, d, h, m, s). */
function durationRound(v: Value, now: number): string {
  let ns: bigint;
  if (typeof v === 'string') { try { ns = parseDuration(v); } catch { ns = 0n; } }
  else if (typeof v === 'bigint') ns = v;
  else if (partsOf(v)) ns = BigInt(now - toParts(v, now).ms) * 1000000n;
  else ns = 0n;
  const neg = ns < 0n;
  const u = neg ? -ns : ns;
  const sec = 1000000000n, minute = 60n * sec, hour = 60n * minute, day = 24n * hour, month = 30n * day, year = 365n * day;
  const r = u >= year ? `${u / year}y` : u >= month ? `${u / month}mo` : u >= day ? `${u / day}d` : u >= hour ? `${u / hour}h` : u >= minute ? `${u / minute}m` : `${u / sec}s`;
  return (neg ? '-' : '') + r;
}

const dateFn = (fn: (layout: string, v: Value, zone: string, now: number) => string): FuncDef =>
  def(['string', 'any', 'string'], ([layout, v, zone], ctx) => fn(layout as string, v, zone as string, ctx.now));
const formatIn = (layout: string, v: Value, zone: string, now: number) => {
  const p = toParts(v, now);
  const z = zoneOffset(zone, p.ms);
  return goFormat(layout, { ...p, offset: z.offset, zone: z.zone });
};
const toDate = (layout: string, s: string) => { const p = goParse(layout, s); return timeValue(p.ms, p.ns, p.offset, p.zone || 'UTC'); };

export const DATE_FUNCS: Record<string, FuncDef> = {
  now: def([], (_a, ctx) => timeValue(ctx.now)),
  date: def(['string', 'any'], ([layout, v], ctx) => formatIn(layout as string, v, 'Local', ctx.now)),
  date_in_zone: dateFn(formatIn),
  dateInZone: dateFn(formatIn),
  htmlDate: def(['any'], ([v], ctx) => formatIn('2006-01-02', v, 'Local', ctx.now)),
  htmlDateInZone: def(['any', 'string'], ([v, z], ctx) => formatIn('2006-01-02', v, z as string, ctx.now)),
  unixEpoch: def(['any'], ([v], ctx) => String(Math.floor(toParts(v, ctx.now).ms / 1000))),
  toDate: def(['string', 'string'], ([l, s]) => { try { return toDate(l as string, s as string); } catch { return timeValue(-62135596800000); } }),
  mustToDate: def(['string', 'string'], ([l, s]) => toDate(l as string, s as string)),
  ago: def(['any'], ([v], ctx) => {
    const p = toParts(v, ctx.now);
    const ns = BigInt(Math.round((ctx.now - p.ms) / 1000)) * 1000000000n;
    return durationString(ns);
  }),
  duration: def(['any'], ([v]) => {
    let n = 0n;
    if (typeof v === 'string') n = /^[+-]?[0-9]+$/.test(v) ? BigInt(v) : 0n;
    else if (typeof v === 'bigint') n = v;
    return durationString(n * 1000000000n);
  }),
  durationRound: def(['any'], ([v], ctx) => durationRound(v, ctx.now)),
  dateModify: def(['string', 'any'], ([d, v], ctx) => { try { const p = toParts(v, ctx.now); return timeValue(p.ms + Number(parseDuration(d as string) / 1000000n), p.ns, p.offset, p.zone); } catch { return v; } }),
  date_modify: def(['string', 'any'], ([d, v], ctx) => { try { const p = toParts(v, ctx.now); return timeValue(p.ms + Number(parseDuration(d as string) / 1000000n), p.ns, p.offset, p.zone); } catch { return v; } }),
  mustDateModify: def(['string', 'any'], ([d, v], ctx) => { const p = toParts(v, ctx.now); return timeValue(p.ms + Number(parseDuration(d as string) / 1000000n), p.ns, p.offset, p.zone); }),
  must_date_modify: def(['string', 'any'], ([d, v], ctx) => { const p = toParts(v, ctx.now); return timeValue(p.ms + Number(parseDuration(d as string) / 1000000n), p.ns, p.offset, p.zone); }),
};

