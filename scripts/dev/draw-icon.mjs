// Draws the extension's icon, images/icon.png (128x128 RGBA): a white shield with a check mark on
// the blue heptagon Kubernetes tools use, so it reads as "Kubernetes, secured" at 32 px in the
// Extensions view. Pure geometry, 4x4 supersampled for smooth edges; PNG bytes written by hand
// (zlib from Node) so no image tool is needed.
//
//   node scripts/dev/draw-icon.mjs [out.png]
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4;
const BLUE = [50, 108, 229];
const WHITE = [255, 255, 255];

/** A regular polygon (vertex up) around the centre. */
function regular(n, radius, cx = 64, cy = 66) {
  return Array.from({ length: n }, (_, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return [cx + radius * Math.cos(a), cy + radius * Math.sin(a)];
  });
}

/** The shield: a flat top with rounded shoulders, straight sides, then curves to a point. */
function shield() {
  const pts = [];
  for (let t = 0; t <= 1; t += 1 / 24) pts.push([34 + 60 * t, 34 - 6 * Math.sin(Math.PI * t)]);
  for (let t = 0; t <= 1; t += 1 / 24) pts.push([94 - 30 * t * t, 34 + 66 * t]);
  for (let t = 1; t >= 0; t -= 1 / 24) pts.push([34 + 30 * t * t, 34 + 66 * t]);
  return pts;
}

function inside(poly, x, y) {
  let hit = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i], [xj, yj] = poly[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

function nearSegment([ax, ay], [bx, by], x, y, width) {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= width / 2;
}

const heptagon = regular(7, 62);
const guard = shield();
const check = [[47, 64], [59, 77], [82, 50]];

/** The colour at a sample point, or undefined outside the heptagon (transparent). */
function colour(x, y) {
  if (!inside(heptagon, x, y)) return undefined;
  if (!inside(guard, x, y)) return BLUE;
  return nearSegment(check[0], check[1], x, y, 10) || nearSegment(check[1], check[2], x, y, 10) ? BLUE : WHITE;
}

function pixels() {
  const rgba = Buffer.alloc(SIZE * SIZE * 4);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colour(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          if (!c) continue;
          covered++;
          for (let k = 0; k < 3; k++) sum[k] += c[k];
        }
      }
      const at = (py * SIZE + px) * 4;
      if (covered) for (let k = 0; k < 3; k++) rgba[at + k] = Math.round(sum[k] / covered);
      rgba[at + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

export function png(rgba, size = SIZE) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = process.argv[2] ?? new URL('../../images/icon.png', import.meta.url);
writeFileSync(out, png(pixels()));
