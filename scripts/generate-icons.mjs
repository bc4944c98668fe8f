#!/usr/bin/env node
// Draws Ticker's icons from simple shapes, the one source of every icon the app and its installers
// use, and writes them without an image library:
//   resources/tray/<state>.png (16×16) and <state>@2x.png (32×32), one per tray state;
//   resources/tray/<state>Template.png and @2x: the same shapes in black on transparent, which macOS
//     recolours for light and dark menu bars (a template image);
//   resources/icons/<N>x<N>.png, N = 16 … 1024: the app icon for Linux (hicolor) and the packagers;
//   resources/icon.icns (macOS) and resources/icon.ico (Windows), from the same drawing;
//   resources/icon.png (512×512), the app icon where a single picture is wanted.
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

/**
 * The macOS template version of a tray icon: every coloured part black, every white detail a hole,
 * so the shape alone carries the state (macOS tints it to suit the menu bar).
 */
const template = (paint) => (u, v) => {
  const color = paint(u, v);
  if (!color || (color[0] === 255 && color[1] === 255 && color[2] === 255)) return null;
  return [0, 0, 0, color[3]];
};

// ------------------------------------------------------------------ containers

/**
 * An .icns file: PNG images under the types macOS reads for each size (ic11…ic14 are the @2x ones).
 * Apple's format: 'icns', total length, then per image its type, its length (header included), its data.
 */
const ICNS_TYPES = [
  ['icp4', 16],
  ['ic11', 32],
  ['icp5', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
];

function encodeIcns(pngOfSize) {
  const images = ICNS_TYPES.map(([type, size]) => {
    const header = Buffer.alloc(8);
    header.write(type, 0, 'ascii');
    const png = pngOfSize(size);
    header.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([header, png]);
  });
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'ascii');
  header.writeUInt32BE(8 + images.reduce((sum, image) => sum + image.length, 0), 4);
  return Buffer.concat([header, ...images]);
}

/** A 32-bit BMP image as an .ico entry stores it: BITMAPINFOHEADER, BGRA rows bottom-up, AND mask. */
function icoBitmap(size, rgba) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour and mask, stacked
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      pixels[to] = rgba[from + 2];
      pixels[to + 1] = rgba[from + 1];
      pixels[to + 2] = rgba[from];
      pixels[to + 3] = rgba[from + 3];
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, pixels, Buffer.alloc(maskRow * size)]); // alpha decides; mask all 0
}

/** An .ico file: small sizes as bitmaps (every Windows tool reads them), 256 as PNG (as Windows does). */
function encodeIco(sizes, paint) {
  const images = sizes.map((size) => {
    const rgba = render(size, paint);
    return { size, data: size >= 256 ? encodePng(size, size, rgba) : icoBitmap(size, rgba) };
  });
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size; // 0 means 256
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4); // planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.data)]);
}

// ------------------------------------------------------------------ write

function writeBytes(relativePath, bytes, what) {
  const file = join(root, relativePath);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  console.log(`wrote ${relativePath} (${what})`);
}

const pngs = new Map();
/** The app icon at `size` px, drawn once per size. */
function appIconPng(size) {
  if (!pngs.has(size)) pngs.set(size, encodePng(size, size, render(size, appIcon)));
  return pngs.get(size);
}

const write = (relativePath, size, paint) =>
  writeBytes(relativePath, encodePng(size, size, render(size, paint)), `${size}×${size}`);

for (const [state, paint] of Object.entries(TRAY)) {
  write(`resources/tray/${state}.png`, 16, paint);
  write(`resources/tray/${state}@2x.png`, 32, paint);
  write(`resources/tray/${state}Template.png`, 16, template(paint));
  write(`resources/tray/${state}Template@2x.png`, 32, template(paint));
}
/** The sizes desktops ask for (hicolor's fixed sizes, up to 1024 for large displays and stores). */
const APP_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
for (const size of APP_ICON_SIZES)
  writeBytes(`resources/icons/${size}x${size}.png`, appIconPng(size), `${size}×${size}`);
writeBytes('resources/icon.png', appIconPng(512), '512×512');
writeBytes('resources/icon.icns', encodeIcns(appIconPng), ICNS_TYPES.map(([type]) => type).join(' '));
writeBytes('resources/icon.ico', encodeIco([16, 24, 32, 48, 64, 256], appIcon), '16–256');
