/**
 * What the company context adds to a strip, as plain data: each item's earnings marker and company
 * name, the entries of the lane (items, and headlines between them when the preference says so),
 * and the details card's content. Pure, for the strip and its tests; computed when the context or
 * the clock changes, never per price update.
 */
import type { CardRequest } from '../../shared/card-content';
import { cardModel, type CardLive } from '../../shared/details-card';
import { earningsMarker, type EarningsMarker } from '../../shared/earnings-marker';
import { itemCompanyName } from '../../shared/headline-links';
import type { MarketCalendar } from '../../shared/market-calendar/market-calendar';
import type { NewYorkClock } from '../../shared/market-calendar/new-york-clock';
import { emptyDetails, type Headline, type SymbolDetails } from '../../shared/symbol-context';
import type { Preferences, SymbolSnapshot } from '../../shared/types';
import type { QuoteFormatter } from '../format';

/** What one item shows of its context: primitives, so an unchanged item is not re-rendered. */
export interface ItemContext {
  companyName: string | null;
  markerText: string | null;
  markerLabel: string | null;
}

const NO_CONTEXT: ItemContext = { companyName: null, markerText: null, markerLabel: null };

/** Each symbol's name and earnings marker at `now` (symbols without either are left out). */
export function itemContexts(
  symbols: readonly string[],
  details: ReadonlyMap<string, SymbolDetails>,
  companyNames: Preferences['companyNames'],
  now: number,
  calendar: MarketCalendar,
  nyClock?: NewYorkClock,
): Map<string, ItemContext> {
  const out = new Map<string, ItemContext>();
  for (const symbol of symbols) {
    const known = details.get(symbol);
    if (known === undefined) continue;
    const marker = earningsMarker(known.earnings, now, calendar, nyClock);
    const companyName = itemCompanyName(known.name, symbol, companyNames);
    if (marker === null && companyName === null) continue;
    out.set(symbol, { companyName, markerText: marker?.text ?? null, markerLabel: marker?.label ?? null });
  }
  return out;
}

export function itemContextOf(contexts: ReadonlyMap<string, ItemContext>, symbol: string): ItemContext {
  return contexts.get(symbol) ?? NO_CONTEXT;
}

export type LaneEntry = { kind: 'item'; symbol: string } | { kind: 'headline'; headline: Headline; key: string };

/** A headline's key in the lane (the same article is one entry). */
function headlineKey(headline: Pick<Headline, 'symbol' | 'id'>): string {
  return `headline:${headline.symbol}:${String(headline.id)}`;
}

/**
 * The lane: the items in order, each followed by its symbol's newest headline when headlines go
 * between the items; or, for a strip that shows only headlines, every headline (newest first).
 */
export function laneEntries(
  symbols: readonly string[],
  headlines: readonly Headline[],
  mode: 'off' | 'between' | 'only',
): LaneEntry[] {
  if (mode === 'only') return headlines.map((headline) => ({ kind: 'headline', headline, key: headlineKey(headline) }));
  const items: LaneEntry[] = [];
  const newest = new Map<string, Headline>();
  if (mode === 'between')
    for (const headline of headlines) if (!newest.has(headline.symbol)) newest.set(headline.symbol, headline);
  for (const symbol of symbols) {
    items.push({ kind: 'item', symbol });
    const headline = newest.get(symbol);
    if (headline !== undefined) items.push({ kind: 'headline', headline, key: headlineKey(headline) });
  }
  return items;
}

interface CardInputs {
  symbol: string;
  details: SymbolDetails | undefined;
  snapshot: SymbolSnapshot | undefined;
  headline: Headline | null;
  now: number;
  calendar: MarketCalendar;
  formatter: QuoteFormatter;
  theme: 'dark' | 'light';
  anchorX: number;
}

const volumeFormat = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

/** The card a strip asks main to show for one item: its context, the live figures and the day's prices. */
export function cardRequest(inputs: CardInputs): CardRequest {
  const { symbol, snapshot, formatter, now, calendar } = inputs;
  const details = inputs.details ?? emptyDetails(symbol);
  const marker: EarningsMarker | null = earningsMarker(details.earnings, now, calendar);
  const timeFormat = new Intl.DateTimeFormat(formatter.locale, { hour: '2-digit', minute: '2-digit' });
  const live: CardLive = {
    price: snapshot?.price ?? null,
    volume: snapshot && snapshot.volume > 0 ? snapshot.volume : null,
    lastTradeTime: snapshot?.time ?? null,
    session: calendar.sessionAt(symbol, now).session,
    marker,
    headline: inputs.headline,
  };
  // The day's figures the live feed knows fill in for the ones the card's own quote has not brought yet.
  const withLive: SymbolDetails = {
    ...details,
    prevClose: details.prevClose ?? snapshot?.prevClose ?? null,
    high: details.high ?? snapshot?.dayHigh ?? null,
    low: details.low ?? snapshot?.dayLow ?? null,
  };
  const model = cardModel(withLive, live, {
    price: (value) => formatter.price(symbol, value),
    volume: (value) => volumeFormat.format(value),
    time: (epochMs) => timeFormat.format(epochMs),
  });
  const points = snapshot?.history ?? [];
  return {
    symbol,
    title: model.title,
    subtitle: model.subtitle,
    rows: model.rows,
    rangePosition: model.rangePosition,
    marker: marker?.label ?? null,
    notes: model.notes,
    spoken: model.spoken,
    chart: points.length >= 2 ? { points: [...points], prevClose: withLive.prevClose } : null,
    theme: inputs.theme,
    anchorX: inputs.anchorX,
  };
}
