/**
 * What the details card of a strip item says, and where it opens. Pure, for the strip's card and
 * its tests: the strip is only ~32 px high, so the card is its own surface placed towards the
 * screen (below a strip at the top, above one at the bottom), never cut off by the display's edge.
 */
import type { EarningsMarker } from './earnings-marker';
import type { Session } from './market-calendar/market-calendar';
import { rangePosition, type Headline, type PieceNotes, type SymbolDetails } from './symbol-context';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Space between the strip and the card. */
export const CARD_GAP_PX = 4;

/**
 * Where the card opens: towards the larger part of the work area (so below a strip at the top and
 * above one at the bottom), centred on `anchorX` (the item's middle) and kept inside the work area.
 * A card taller than the room is shortened to fit (its content scrolls).
 */
export function cardPlacement(
  strip: Rect,
  workArea: Rect,
  anchorX: number,
  size: { width: number; height: number },
): Rect {
  const roomAbove = strip.y - workArea.y - CARD_GAP_PX;
  const roomBelow = workArea.y + workArea.height - (strip.y + strip.height) - CARD_GAP_PX;
  const below = roomBelow >= roomAbove;
  const height = Math.max(0, Math.min(size.height, below ? roomBelow : roomAbove));
  const width = Math.min(size.width, workArea.width);
  const left = Math.round(anchorX - width / 2);
  const x = Math.min(Math.max(left, workArea.x), workArea.x + workArea.width - width);
  const y = below ? strip.y + strip.height + CARD_GAP_PX : strip.y - CARD_GAP_PX - height;
  return { x, y, width, height };
}

const SESSION_TEXT: Readonly<Record<Session, string>> = {
  pre: 'Pre-market',
  regular: 'Market open',
  post: 'After hours',
  closed: 'Market closed',
};

/** What the card shows beside the details: what Ticker knows from the live feed. */
export interface CardLive {
  price: number | null;
  volume: number | null;
  /** Epoch ms of the last trade. */
  lastTradeTime: number | null;
  session: Session;
  marker: EarningsMarker | null;
  headline: Headline | null;
}

export interface CardFormat {
  price(value: number): string;
  volume(value: number): string;
  time(epochMs: number): string;
}

export interface CardRow {
  label: string;
  value: string;
}

export interface CardModel {
  title: string;
  subtitle: string;
  rows: CardRow[];
  /** Where the price sits in the 52-week range, 0..1, or null. */
  rangePosition: number | null;
  /** Pieces Ticker could not get, in words ("52-week range: Not available on your Finnhub plan"). */
  notes: string[];
  /** Everything above as one sentence for the screen reader. */
  spoken: string;
}

const PIECE_NAMES: Readonly<Record<keyof PieceNotes, string>> = {
  profile: 'Company',
  quote: 'Day figures',
  metric: '52-week range',
  earnings: 'Earnings date',
  news: 'Headlines',
};

/** The card's content; an unknown figure reads "—", never 0. */
export function cardModel(details: SymbolDetails, live: CardLive, format: CardFormat): CardModel {
  const price = (value: number | null): string => (value === null ? '—' : format.price(value));
  const rows: CardRow[] = [
    { label: 'Open', value: price(details.open) },
    { label: 'High', value: price(details.high) },
    { label: 'Low', value: price(details.low) },
    { label: 'Previous close', value: price(details.prevClose) },
    {
      label: 'Last trade',
      value: `${live.lastTradeTime === null ? '—' : format.time(live.lastTradeTime)} · ${SESSION_TEXT[live.session]}`,
    },
  ];
  if (live.volume !== null && live.volume > 0) rows.push({ label: 'Volume', value: format.volume(live.volume) });
  if (details.week52Low !== null && details.week52High !== null)
    rows.push({ label: '52-week range', value: `${price(details.week52Low)} – ${price(details.week52High)}` });
  if (details.earnings !== null) {
    const hour = live.marker?.hourText ?? null;
    rows.push({ label: 'Next earnings', value: `${details.earnings.date}${hour === null ? '' : `, ${hour}`}` });
  }
  if (live.headline !== null)
    rows.push({ label: 'Latest headline', value: `${live.headline.source}: ${live.headline.headline}` });
  const notes = (Object.keys(details.notes) as (keyof PieceNotes)[]).map(
    (piece) => `${PIECE_NAMES[piece]}: ${details.notes[piece] as string}`,
  );
  const title = details.name ?? details.symbol;
  const subtitle = [details.symbol !== title ? details.symbol : null, details.exchange, details.currency]
    .filter((part): part is string => part !== null)
    .join(' · ');
  const position = rangePosition(live.price, details.week52Low, details.week52High);
  const spoken = [
    `${title}${subtitle ? `, ${subtitle}` : ''}`,
    ...rows.map((row) => `${row.label} ${row.value}`),
    ...(position === null ? [] : [`At ${Math.round(position * 100)} % of its 52-week range`]),
    ...(live.marker === null ? [] : [live.marker.label]),
    ...notes,
  ].join('. ');
  return { title, subtitle, rows, rangePosition: position, notes, spoken };
}
