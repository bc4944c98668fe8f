/**
 * The tray icon files main loads: one per state and density, and on macOS template images (black
 * on transparent, so macOS can tint them for light and dark menu bars).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { trayIconPath } from '../../../src/main/shell/tray';
import { trayIconFor } from '../../../src/main/shell/tray-menu';
import { CONNECTION_STATES } from '../../../src/shared/types';

/** Every icon the tray can show: one per group of connection states. */
const TRAY_ICON_STATES = [...new Set(CONNECTION_STATES.map(trayIconFor))];

const RESOURCES = new URL('../../../resources', import.meta.url).pathname;

/** Width, height and RGBA pixels of an 8-bit RGBA PNG with unfiltered rows, as generate-icons.mjs writes. */
function decodePng(file: string): { width: number; height: number; rgba: Buffer } {
  const png = readFileSync(file);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect([png[24], png[25]], `${file}: 8-bit RGBA`).toEqual([8, 6]);
  const data: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') data.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * 4 + 1;
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    expect(raw[y * stride], `${file}: row ${y} unfiltered`).toBe(0);
    raw.copy(rgba, y * width * 4, y * stride + 1, (y + 1) * stride);
  }
  return { width, height, rgba };
}

describe('tray icon files', () => {
  it('uses the template images on macOS and the coloured ones elsewhere', () => {
    expect(trayIconPath('/res', 'live', 'darwin')).toBe(join('/res', 'tray', 'liveTemplate.png'));
    expect(trayIconPath('/res', 'live', 'linux')).toBe(join('/res', 'tray', 'live.png'));
    expect(trayIconPath('/res', 'live', 'win32')).toBe(join('/res', 'tray', 'live.png'));
  });

  it.each(TRAY_ICON_STATES)('has %s at 16 and 32 px, coloured and as a template', (state) => {
    for (const platform of ['linux', 'darwin'] as const) {
      const file = trayIconPath(RESOURCES, state, platform);
      const doubled = file.replace(/\.png$/, '@2x.png');
      expect(existsSync(file) && existsSync(doubled), file).toBe(true);
      expect(decodePng(file)).toMatchObject({ width: 16, height: 16 });
      expect(decodePng(doubled)).toMatchObject({ width: 32, height: 32 });
    }
  });

  it.each(TRAY_ICON_STATES)('draws the %s template in black only, its shape in the alpha channel', (state) => {
    for (const file of [trayIconPath(RESOURCES, state, 'darwin'), join(RESOURCES, 'tray', `${state}Template@2x.png`)]) {
      const { rgba } = decodePng(file);
      let opaque = 0;
      for (let i = 0; i < rgba.length; i += 4) {
        if (rgba[i + 3] === 0) continue;
        opaque += 1;
        expect([rgba[i], rgba[i + 1], rgba[i + 2]], file).toEqual([0, 0, 0]);
      }
      expect(opaque, file).toBeGreaterThan(rgba.length / 4 / 8);
    }
  });
});
