/**
 * The benchmark's picture, as a hand-written SVG: the end-to-end latency distribution (histogram
 * with p50/p95/p99 and the bar) and the strip's main-thread busy share for each second.
 */
import { percentile } from './stats';

export interface ResultsPicture {
  latencySamples: readonly number[];
  latencyBarMs: number;
  busyPerSecond: readonly number[];
  busyBarPct: number;
  title: string;
}

const WIDTH = 1000;
const HEIGHT = 340;
const PANEL = { top: 64, height: 210 };

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function fixed(value: number): string {
  return Number.isFinite(value) ? value.toFixed(1) : '0';
}

function latencyPanel(samples: readonly number[], barMs: number, x0: number, width: number): string {
  const binMs = 5;
  const maxMs = Math.max(barMs + 25, Math.ceil((samples.length > 0 ? Math.max(...samples) : 0) / binMs) * binMs);
  const bins = new Array<number>(Math.ceil(maxMs / binMs)).fill(0);
  for (const sample of samples) {
    const index = Math.min(bins.length - 1, Math.max(0, Math.floor(sample / binMs)));
    bins[index] = (bins[index] ?? 0) + 1;
  }
  const peak = Math.max(1, ...bins);
  const xOf = (ms: number): number => x0 + (ms / maxMs) * width;
  const bottom = PANEL.top + PANEL.height;
  const parts: string[] = [];
  bins.forEach((count, index) => {
    const h = (count / peak) * PANEL.height;
    parts.push(
      `<rect x="${fixed(xOf(index * binMs))}" y="${fixed(bottom - h)}" width="${fixed(Math.max(1, (binMs / maxMs) * width - 1))}" height="${fixed(h)}" fill="#4f8cc9"/>`,
    );
  });
  const marker = (ms: number, label: string, color: string, dy: number): string =>
    `<line x1="${fixed(xOf(ms))}" y1="${PANEL.top}" x2="${fixed(xOf(ms))}" y2="${bottom}" stroke="${color}" stroke-width="1.5" stroke-dasharray="4 3"/>` +
    `<text x="${fixed(xOf(ms) + 4)}" y="${PANEL.top + 12 + dy}" fill="${color}" font-size="11">${escapeXml(label)}</text>`;
  parts.push(marker(percentile(samples, 50), `p50 ${fixed(percentile(samples, 50))} ms`, '#2e7d32', 0));
  parts.push(marker(percentile(samples, 95), `p95 ${fixed(percentile(samples, 95))} ms`, '#ef6c00', 14));
  parts.push(marker(percentile(samples, 99), `p99 ${fixed(percentile(samples, 99))} ms`, '#6a1b9a', 28));
  parts.push(marker(barMs, `bar ${barMs} ms`, '#c62828', 42));
  for (let ms = 0; ms <= maxMs; ms += 25) {
    parts.push(
      `<text x="${fixed(xOf(ms))}" y="${bottom + 16}" fill="#555" font-size="10" text-anchor="middle">${ms}</text>`,
    );
  }
  parts.push(`<line x1="${x0}" y1="${bottom}" x2="${x0 + width}" y2="${bottom}" stroke="#333"/>`);
  parts.push(
    `<text x="${x0}" y="${PANEL.top - 10}" font-size="13" fill="#222">Trade sent → price shown in the strip (ms), ${samples.length} trades</text>`,
  );
  return parts.join('\n');
}

function busyPanel(values: readonly number[], barPct: number, x0: number, width: number): string {
  const bottom = PANEL.top + PANEL.height;
  const top = Math.max(barPct * 2, ...values.map((value) => Math.ceil(value / 5) * 5));
  const yOf = (pct: number): number => bottom - (pct / top) * PANEL.height;
  const slot = width / Math.max(1, values.length);
  const parts: string[] = [];
  values.forEach((value, index) => {
    const color = value <= barPct ? '#2e7d32' : '#c62828';
    parts.push(
      `<rect x="${fixed(x0 + index * slot + 1)}" y="${fixed(yOf(value))}" width="${fixed(Math.max(1, slot - 2))}" height="${fixed(bottom - yOf(value))}" fill="${color}"/>`,
    );
  });
  parts.push(
    `<line x1="${x0}" y1="${fixed(yOf(barPct))}" x2="${x0 + width}" y2="${fixed(yOf(barPct))}" stroke="#111" stroke-width="1.5" stroke-dasharray="4 3"/>`,
  );
  for (const pct of [0, top / 2, top]) {
    parts.push(
      `<text x="${x0 - 4}" y="${fixed(yOf(pct) + 4)}" fill="#555" font-size="10" text-anchor="end">${fixed(pct)}</text>`,
    );
  }
  parts.push(`<line x1="${x0}" y1="${bottom}" x2="${x0 + width}" y2="${bottom}" stroke="#333"/>`);
  parts.push(`<text x="${x0}" y="${bottom + 16}" fill="#555" font-size="10">each bar = 1 s</text>`);
  parts.push(
    `<text x="${x0}" y="${PANEL.top - 10}" font-size="13" fill="#222">Strip main thread busy % per second (bar ${barPct} %, dashed)</text>`,
  );
  return parts.join('\n');
}

export function renderResultsSvg(picture: ResultsPicture): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, sans-serif">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="20" y="28" font-size="16" font-weight="600" fill="#111">${escapeXml(picture.title)}</text>`,
    latencyPanel(picture.latencySamples, picture.latencyBarMs, 30, 530),
    busyPanel(picture.busyPerSecond, picture.busyBarPct, 620, 350),
    '</svg>',
    '',
  ].join('\n');
}
