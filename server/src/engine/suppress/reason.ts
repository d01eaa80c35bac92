// The reason of a suppression, with an optional expiry: `until 2027-01-31: the vendor image
// needs root until v3`. A reason is required (reviews should see why a finding is accepted);
// the placeholder the quick fixes insert (`TODO: reason`) counts as none, so a suppression
// added in a hurry keeps the finding visible until someone writes why.

export interface Reason {
  /** The text after any `until <date>:`; empty when missing or a placeholder. */
  text: string;
  /** `YYYY-MM-DD` when an expiry is given. */
  until?: string;
  /** An `until` whose date is not a real YYYY-MM-DD date. */
  badDate?: string;
}

export const REASON_PLACEHOLDER = 'TODO: reason';

export function parseReason(raw: string | undefined): Reason {
  let text = (raw ?? '').trim();
  let until: string | undefined;
  let badDate: string | undefined;
  const m = /^until\s+(\S+?)\s*:\s*(.*)$/is.exec(text);
  if (m) {
    if (isDate(m[1])) until = m[1];
    else badDate = m[1];
    text = m[2].trim();
  }
  if (/^todo\b/i.test(text)) text = '';
  return { text, until, badDate };
}

function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The suppression holds through the whole `until` day (UTC) and stops after it. */
export function isExpired(until: string | undefined, now: Date): boolean {
  if (!until) return false;
  return now.getTime() >= new Date(`${until}T00:00:00Z`).getTime() + 24 * 3600 * 1000;
}
