/**
 * The portfolio's figures, computed from scratch from the lots and the latest prices every time
 * they are asked for: nothing is updated incrementally, so nothing drifts over a day of ticks. All
 * arithmetic is exact decimal (decimal.ts); each figure is rounded once, at the end, to its
 * currency's minor unit (Intl knows it: 2 for USD, 0 for JPY).
 *
 * - value: quantity × price, converted to the base currency at the live rate.
 * - day change: quantity × (price − previous close); a lot bought today counts from its price paid.
 * - gain: value − cost (quantity × price paid), both converted at today's rate (the rate on the
 *   purchase date is not known to a ticker).
 * - A total is null while any price or rate it needs is missing: the missing ones are named
 *   instead of a wrong total being shown.
 */
import { Decimal } from './decimal';
import { quoteCurrencyOf, rateLegs } from './currency';
import type { LotDraft } from './holdings';

export interface PortfolioQuote {
  price: number | null;
  prevClose: number | null;
}

export interface PortfolioInput {
  lots: readonly LotDraft[];
  baseCurrency: string;
  /** The latest price and previous close of a held symbol (undefined: not known yet). */
  quote(symbol: string): PortfolioQuote | undefined;
  /** The latest price of a rate symbol such as `OANDA:EUR_USD` (null: not known yet). */
  rate(symbol: string): number | null;
  /** The local calendar date, YYYY-MM-DD: lots dated today count their day change from their price. */
  today: string;
}

/**
 * Money figures as exact decimal text, rounded to the currency's minor unit (`123456789012345.67`):
 * a JS number holds only about 15 significant digits, so totals above about 9×10¹³ lose cents.
 * Display and the headless command's JSON read these; the numbers serve comparisons and trends.
 */
interface ExactMoney {
  value: string | null;
  dayChange: string | null;
  gain: string | null;
}

export interface PositionFigures {
  symbol: string;
  /** The currency the symbol is quoted in; null when its shape does not tell (see currency.ts). */
  currency: string | null;
  /** Net quantity (longs minus shorts). */
  quantity: number;
  lots: number;
  /** Average price paid per unit, in the symbol's currency; null when the net quantity is 0. */
  averageCost: number | null;
  price: number | null;
  /** In the base currency; null while a price or rate is missing. */
  value: number | null;
  dayChange: number | null;
  dayChangePct: number | null;
  gain: number | null;
  gainPct: number | null;
  exact?: ExactMoney;
}

export interface PortfolioFigures {
  currency: string;
  value: number | null;
  dayChange: number | null;
  dayChangePct: number | null;
  gain: number | null;
  gainPct: number | null;
  /** Currencies with no live rate yet (or, for a symbol whose currency is unknown, the symbol). */
  missingRates: string[];
  /** Held symbols with no price yet. */
  missingPrices: string[];
  positions: PositionFigures[];
  exact?: ExactMoney;
}

const PERCENT_PLACES = 4;
/** Division (inverted rates, averages) keeps this many decimals before the final rounding. */
const WORKING_PLACES = 12;

const minorUnits = new Map<string, number>();

/** Decimals of a currency's minor unit, from Intl (2 when Intl does not say). */
export function currencyDecimals(currency: string): number {
  let places = minorUnits.get(currency);
  if (places === undefined) {
    try {
      places =
        new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      places = 2;
    }
    minorUnits.set(currency, places);
  }
  return places;
}

interface Sums {
  value: Decimal;
  dayChange: Decimal | null;
  cost: Decimal;
}

/** Sums of one symbol's lots in its own currency, or null without a price. */
function positionSums(lots: readonly LotDraft[], quote: PortfolioQuote | undefined, today: string): Sums | null {
  const price = quote?.price == null ? null : Decimal.fromNumber(quote.price);
  if (price === null) return null;
  const prevClose = quote?.prevClose == null ? null : Decimal.fromNumber(quote.prevClose);
  let quantity = Decimal.ZERO;
  let cost = Decimal.ZERO;
  let dayChange: Decimal | null = Decimal.ZERO;
  for (const lot of lots) {
    const lotQuantity = Decimal.of(lot.quantity);
    const paid = Decimal.of(lot.price);
    quantity = quantity.plus(lotQuantity);
    cost = cost.plus(lotQuantity.times(paid));
    const reference = lot.date >= today ? paid : prevClose;
    dayChange =
      reference === null || dayChange === null ? null : dayChange.plus(lotQuantity.times(price.minus(reference)));
  }
  return { value: quantity.times(price), dayChange, cost };
}

/** The factor from `currency` to the base, or null (and the currency named) when a rate is missing. */
function conversion(currency: string, base: string, rate: (symbol: string) => number | null): Decimal | null {
  let factor = Decimal.of(1);
  for (const leg of rateLegs(currency, base)) {
    const price = rate(leg.symbol);
    const decimal = price === null || !(price > 0) ? null : Decimal.fromNumber(price);
    if (decimal === null) return null;
    factor = leg.invert ? (factor.dividedBy(decimal, WORKING_PLACES) as Decimal) : factor.times(decimal);
  }
  return factor;
}

function percent(part: Decimal, whole: Decimal): number | null {
  return part.times(Decimal.of(100)).dividedBy(whole.abs(), PERCENT_PLACES)?.toNumber() ?? null;
}

export function computePortfolio(input: PortfolioInput): PortfolioFigures {
  const { baseCurrency: base } = input;
  const money = (amount: Decimal): number => amount.rounded(currencyDecimals(base)).toNumber();
  const exactMoney = (amount: Decimal | null): string | null =>
    amount === null ? null : amount.rounded(currencyDecimals(base)).toString();
  const bySymbol = new Map<string, LotDraft[]>();
  for (const lot of input.lots) {
    const lots = bySymbol.get(lot.symbol);
    if (lots) lots.push(lot);
    else bySymbol.set(lot.symbol, [lot]);
  }

  const missingRates = new Set<string>();
  const missingPrices: string[] = [];
  const positions: PositionFigures[] = [];
  let value: Decimal | null = Decimal.ZERO;
  let dayChange: Decimal | null = Decimal.ZERO;
  let cost: Decimal | null = Decimal.ZERO;

  for (const [symbol, lots] of bySymbol) {
    const currency = quoteCurrencyOf(symbol);
    const quote = input.quote(symbol);
    let quantity = Decimal.ZERO;
    let paid = Decimal.ZERO;
    for (const lot of lots) {
      quantity = quantity.plus(Decimal.of(lot.quantity));
      paid = paid.plus(Decimal.of(lot.quantity).times(Decimal.of(lot.price)));
    }
    const sums = positionSums(lots, quote, input.today);
    if (sums === null) missingPrices.push(symbol);
    const factor = currency === null ? null : conversion(currency, base, input.rate);
    if (currency === null) missingRates.add(symbol);
    else if (factor === null) missingRates.add(currency);

    const converted =
      sums !== null && factor !== null
        ? {
            value: sums.value.times(factor),
            cost: sums.cost.times(factor),
            dayChange: sums.dayChange?.times(factor) ?? null,
          }
        : null;
    value = converted === null || value === null ? null : value.plus(converted.value);
    cost = converted === null || cost === null ? null : cost.plus(converted.cost);
    dayChange = converted?.dayChange == null || dayChange === null ? null : dayChange.plus(converted.dayChange);

    const gain = converted === null ? null : converted.value.minus(converted.cost);
    positions.push({
      symbol,
      currency,
      quantity: quantity.toNumber(),
      lots: lots.length,
      averageCost: paid.dividedBy(quantity, WORKING_PLACES)?.toNumber() ?? null,
      price: quote?.price ?? null,
      value: converted === null ? null : money(converted.value),
      dayChange: converted?.dayChange == null ? null : money(converted.dayChange),
      dayChangePct:
        converted?.dayChange == null ? null : percent(converted.dayChange, converted.value.minus(converted.dayChange)),
      gain: gain === null ? null : money(gain),
      gainPct: gain === null || converted === null ? null : percent(gain, converted.cost),
      exact: {
        value: exactMoney(converted?.value ?? null),
        dayChange: exactMoney(converted?.dayChange ?? null),
        gain: exactMoney(gain),
      },
    });
  }

  const gain = value !== null && cost !== null ? value.minus(cost) : null;
  return {
    currency: base,
    value: value === null ? null : money(value),
    dayChange: dayChange === null ? null : money(dayChange),
    dayChangePct: dayChange === null || value === null ? null : percent(dayChange, value.minus(dayChange)),
    gain: gain === null ? null : money(gain),
    gainPct: gain === null || cost === null ? null : percent(gain, cost),
    missingRates: [...missingRates],
    missingPrices,
    positions,
    exact: { value: exactMoney(value), dayChange: exactMoney(dayChange), gain: exactMoney(gain) },
  };
}
