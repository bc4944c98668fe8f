/**
 * Pure relative time wording ("12 seconds ago", "just now"), localised with Intl.RelativeTimeFormat.
 */
import { resolveLocale } from './format';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

const formats = new Map<string, Intl.RelativeTimeFormat>();

/** How long ago `thenMs` was at `nowMs`; `never` when there is no time. Future times read "just now". */
export function formatRelativeTime(thenMs: number | null, nowMs: number, locale: string, never = 'never'): string {
  if (thenMs == null || !Number.isFinite(thenMs) || !Number.isFinite(nowMs)) return never;
  const resolved = resolveLocale(locale);
  let format = formats.get(resolved);
  if (!format) {
    format = new Intl.RelativeTimeFormat(resolved, { numeric: 'auto' });
    formats.set(resolved, format);
  }
  const elapsed = Math.max(0, nowMs - thenMs);
  if (elapsed < 5000) return format.format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (elapsed >= size) return format.format(-Math.floor(elapsed / size), unit);
  }
  return format.format(0, 'second');
}
