#!/usr/bin/env node
// Draws Ticker's icons from simple shapes and writes them as PNG files (no image library):
//   resources/tray/<state>.png (16×16) and <state>@2x.png (32×32), one per tray state;
//   resources/icon.png (512×512), the app icon.
// Each state differs in shape as well as colour, so the icons read without colour vision.
// Run: node scripts/generate-icons.mjs   (the output is committed; re-run after changing a shape)
import { Buffer } from 'node:buffer';
import console from 'node:console';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// ------------------------------------------------------------------ PNG

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** RGBA pixels (Uint8Array, width*height*4) → PNG bytes. */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ------------------------------------------------------------------ drawing

/**
 * Rasterise `paint(u, v)` (u, v in 0..1, returns [r, g, b, a] or null) with 4×4 supersampling, so
 * edges are smooth at 16 px.
 */
function render(size, paint) {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const color = paint((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
          if (!color) continue;
          const alpha = color[3] / 255;
          r += color[0] * alpha;
          g += color[1] * alpha;
          b += color[2] * alpha;
          a += alpha;
        }
      }
      const i = (y * size + x) * 4;
      const count = samples * samples;
      if (a > 0) {
        pixels[i] = Math.round(r / a);
        pixels[i + 1] = Math.round(g / a);
        pixels[i + 2] = Math.round(b / a);
      }
      pixels[i + 3] = Math.round((a / count) * 255);
    }
  }
  return pixels;
}

const hex = (value, alpha = 255) => [
  parseInt(value.slice(1, 3), 16),
  parseInt(value.slice(3, 5), 16),
  parseInt(value.slice(5, 7), 16),
  alpha,
];
const WHITE = hex('#ffffff');

const inCircle = (u, v, radius) => Math.hypot(u - 0.5, v - 0.5) <= radius;
const inRect = (u, v, x0, y0, x1, y1) => u >= x0 && u <= x1 && v >= y0 && v <= y1;

function distanceToSegment(u, v, [x0, y0], [x1, y1]) {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const t = Math.max(0, Math.min(1, ((u - x0) * dx + (v - y0) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(u - (x0 + t * dx), v - (y0 + t * dy));
}

/** Inside the square [inset, 1 - inset]² with corners rounded by `radius`. */
function inRoundedSquare(u, v, inset, radius) {
  const lo = inset + radius;
  const hi = 1 - inset - radius;
  const cx = Math.min(Math.max(u, lo), hi);
  const cy = Math.min(Math.max(v, lo), hi);
  return Math.hypot(u - cx, v - cy) <= radius;
}

const nearPolyline = (u, v, points, width) =>
  points.slice(1).some((point, i) => distanceToSegment(u, v, points[i], point) <= width / 2);

/** The tray states and how each is drawn. */
const TRAY = {
  // Live: a solid green disc.
  live: (u, v) => (inCircle(u, v, 0.44) ? hex('#16a34a') : null),
  // Reconnecting, rate-limited, connecting: an amber ring (something is in progress).
  warning: (u, v) => (inCircle(u, v, 0.44) && !inCircle(u, v, 0.22) ? hex('#d97706') : null),
  // Unauthorized, offline: a red disc with a white bar ("no entry").
  error: (u, v) => {
    if (!inCircle(u, v, 0.44)) return null;
    return inRect(u, v, 0.24, 0.42, 0.76, 0.58) ? WHITE : hex('#dc2626');
  },
  // Demo: a blue rounded square with a rising line (simulated prices).
  demo: (u, v) => {
    if (!inRoundedSquare(u, v, 0.08, 0.14)) return null;
    return nearPolyline(
      u,
      v,
      [
        [0.22, 0.7],
        [0.42, 0.5],
        [0.56, 0.6],
        [0.78, 0.3],
      ],
      0.13,
    )
      ? WHITE
      : hex('#2563eb');
  },
  // Paused: two grey bars.
  paused: (u, v) => (inRect(u, v, 0.2, 0.12, 0.4, 0.88) || inRect(u, v, 0.6, 0.12, 0.8, 0.88) ? hex('#6b7280') : null),
};

/** The app icon: a dark rounded square with a green rising price line and a baseline. */
function appIcon(u, v) {
  if (!inRoundedSquare(u, v, 0, 0.18)) return null;
  if (
    nearPolyline(
      u,
      v,
      [
        [0.16, 0.66],
        [0.34, 0.48],
        [0.48, 0.58],
        [0.66, 0.36],
        [0.84, 0.26],
      ],
      0.07,
    )
  )
    return hex('#22c55e');
  if (inRect(u, v, 0.16, 0.76, 0.84, 0.79)) return hex('#4b5563');
  return hex('#111827');
}

// ------------------------------------------------------------------ write

function write(relativePath, size, paint) {
  const file = join(root, relativePath);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, encodePng(size, size, render(size, paint)));
  console.log(`wrote ${relativePath} (${size}×${size})`);
}

for (const [state, paint] of Object.entries(TRAY)) {
  write(`resources/tray/${state}.png`, 16, paint);
  write(`resources/tray/${state}@2x.png`, 32, paint);
}
write('resources/icon.png', 512, appIcon);
