/**
 * The details card as it crosses IPC: the strip builds what the card says (it holds the prices of
 * the day and the context), main checks it, places the card's own small window towards the screen
 * and hands it to the card page, which only draws it. The limits and the check live here once, for
 * the strip, main's validator and the card page.
 */
import type { CardRow } from './details-card';

/** A small chart of the day: the prices Ticker kept, oldest first, and the previous close as a line. */
interface CardChart {
  points: number[];
  prevClose: number | null;
}

export interface CardContent {
  symbol: string;
  title: string;
  subtitle: string;
  rows: CardRow[];
  /** Where the price sits in the 52-week range, 0..1, or null. */
  rangePosition: number | null;
  /** The earnings marker's whole sentence ("Earnings today, after close"), or null. */
  marker: string | null;
  notes: string[];
  /** Everything as one sentence for the screen reader. */
  spoken: string;
  chart: CardChart | null;
  /** The strip's colours, so the card matches it. */
  theme: 'dark' | 'light';
}

/** What a strip asks for: the card, centred over the item at `anchorX` (CSS px from the strip's left). */
export interface CardRequest extends CardContent {
  anchorX: number;
}

/** What the card page is given: the content and the side of the strip it opened on. */
export interface CardShown extends CardContent {
  side: 'above' | 'below';
}

export const CARD_LIMITS = {
  maxText: 400,
  /** The screen reader's sentence holds every row. */
  maxSpoken: 3000,
  maxRows: 12,
  maxNotes: 6,
  maxPoints: 400,
  /** The card's width and its height's parts, in px (the page lays itself out to the same). */
  width: 320,
  headerHeight: 52,
  rowHeight: 20,
  rangeHeight: 30,
  chartHeight: 64,
  noteHeight: 18,
  markerHeight: 22,
  padding: 16,
} as const;

/** The card window's size for `content`: its width, and the height its parts take. */
export function cardSize(content: CardContent): { width: number; height: number } {
  const l = CARD_LIMITS;
  const height =
    l.padding * 2 +
    l.headerHeight +
    (content.marker === null ? 0 : l.markerHeight) +
    content.rows.length * l.rowHeight +
    (content.rangePosition === null ? 0 : l.rangeHeight) +
    (content.chart === null ? 0 : l.chartHeight) +
    content.notes.length * l.noteHeight;
  return { width: l.width, height };
}

type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length <= CARD_LIMITS.maxText;
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function checkChart(value: unknown): CardChart | null | undefined {
  if (value === null) return null;
  if (!isRecord(value) || !Array.isArray(value.points) || value.points.length > CARD_LIMITS.maxPoints) return undefined;
  if (!value.points.every((point) => isNumber(point) && point > 0)) return undefined;
  if (value.prevClose !== null && !(isNumber(value.prevClose) && value.prevClose > 0)) return undefined;
  return { points: [...(value.points as number[])], prevClose: value.prevClose as number | null };
}

/** A card request from a renderer, checked field by field and rebuilt (nothing else is kept). */
export function checkCardRequest(value: unknown): Checked<CardRequest> {
  const refuse = (message: string): { ok: false; message: string } => ({ ok: false, message });
  if (!isRecord(value)) return refuse('The card must be an object');
  const { symbol, title, subtitle, rows, rangePosition, marker, notes, spoken, theme, anchorX } = value;
  if (![symbol, title, subtitle].every(isText)) return refuse('The card’s texts must be short text');
  if (typeof spoken !== 'string' || spoken.length > CARD_LIMITS.maxSpoken)
    return refuse('The card’s sentence is too long');
  if (!Array.isArray(rows) || rows.length > CARD_LIMITS.maxRows) return refuse('Too many rows in the card');
  if (!rows.every((row) => isRecord(row) && isText(row.label) && isText(row.value)))
    return refuse('A card row must be a label and a value');
  if (!Array.isArray(notes) || notes.length > CARD_LIMITS.maxNotes || !notes.every(isText))
    return refuse('The card’s notes must be a few short texts');
  if (rangePosition !== null && !(isNumber(rangePosition) && rangePosition >= 0 && rangePosition <= 1))
    return refuse('The range position must be from 0 to 1');
  if (marker !== null && !isText(marker)) return refuse('The marker must be text');
  if (theme !== 'dark' && theme !== 'light') return refuse('The theme must be dark or light');
  if (!isNumber(anchorX)) return refuse('The anchor must be a number');
  const chart = checkChart(value.chart);
  if (chart === undefined) return refuse('The chart must be a few positive prices');
  return {
    ok: true,
    value: {
      symbol: symbol as string,
      title: title as string,
      subtitle: subtitle as string,
      rows: (rows as { label: string; value: string }[]).map((row) => ({ label: row.label, value: row.value })),
      rangePosition: rangePosition as number | null,
      marker: marker as string | null,
      notes: [...(notes as string[])],
      spoken: spoken as string,
      chart,
      theme,
      anchorX,
    },
  };
}
