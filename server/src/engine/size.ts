// Sizes as users write them in settings and on the command line: a byte count, or a number with
// a unit. KiB/MiB/GiB (and the short k/m/g) are powers of 1024, kB/MB/GB powers of 1000, as the
// IEC prefixes say.

const UNITS: Record<string, number> = {
  '': 1, b: 1,
  k: 1024, kib: 1024, m: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gib: 1024 ** 3,
  kb: 1000, mb: 1000 ** 2, gb: 1000 ** 3,
};

/** Bytes, or undefined when `value` is not a positive size ("16MiB", "500 kB", 1048576). */
export function parseSize(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? Math.floor(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined) return undefined;
  const bytes = Math.floor(Number(m[1]) * unit);
  return bytes > 0 ? bytes : undefined;
}

export const SIZE_HINT = 'a size such as 16MiB, 500KiB or a number of bytes';

/** "16 MiB", "1.5 KiB", "900 bytes": for messages. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
