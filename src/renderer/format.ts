/**
 * Pure number formatting for prices, changes and percentages, per instrument kind and locale.
 * Formatters are cached: building an Intl.NumberFormat is expensive, formatting with one is cheap.
 */
import { instrumentKind, type InstrumentKind } from '../shared/symbols';

export const MISSING_VALUE = '—';

/** Fraction or significant digits to show for one price. */
export type Precision = { kind: 'fraction'; digits: number } | { kind: 'significant'; digits: number };

const FALLBACK_LOCALE = 'en-US';

/** Currencies quoted with fewer decimals in forex (a pip is 0.01). */
const LOW_DECIMAL_CURRENCIES = ['JPY', 'HUF'];

/**
 * How precisely to show `price` of an instrument: stocks 2 decimals (4 below 1), forex 5 (3 for
 * JPY pairs, 4 for large quotes), crypto 2 from 10 up, 3 from 1 up, 4 significant digits below 1.
 */
export function pricePrecision(kind: InstrumentKind, symbol: string, price: number): Precision {
  const magnitude = Math.abs(price);
  switch (kind) {
    case 'stock':
      return { kind: 'fraction', digits: magnitude > 0 && magnitude < 1 ? 4 : 2 };
    case 'forex': {
      const upper = symbol.toUpperCase();
      if (LOW_DECIMAL_CURRENCIES.some((currency) => upper.includes(currency))) return { kind: 'fraction', digits: 3 };
      return { kind: 'fraction', digits: magnitude >= 10 ? 4 : 5 };
    }
    case 'crypto':
      if (magnitude >= 10 || magnitude === 0) return { kind: 'fraction', digits: 2 };
      if (magnitude >= 1) return { kind: 'fraction', digits: 3 };
      return { kind: 'significant', digits: 4 };
  }
}

/** Resolve a locale tag Intl accepts, falling back to en-US for junk. */
export function resolveLocale(locale: string | undefined | null): string {
  if (typeof locale !== 'string' || locale.length === 0) return FALLBACK_LOCALE;
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale])[0] ?? FALLBACK_LOCALE;
  } catch {
    return FALLBACK_LOCALE;
  }
}

export interface QuoteFormatter {
  readonly locale: string;
  /** Last price, e.g. "97,123.45"; "—" when missing or not finite. */
  price(symbol: string, price: number | null): string;
  /** Absolute change with sign, at the price's precision, e.g. "+1.20"; "—" when missing. */
  change(symbol: string, change: number | null, price: number | null): string;
  /** Change in percent (already ×100) with sign and 2 decimals, e.g. "+0.64%"; "—" when missing. */
  percent(changePct: number | null): string;
}

/** A formatter bound to one locale; formatters for each precision are built once and reused. */
export function createQuoteFormatter(locale: string | undefined | null): QuoteFormatter {
  const resolved = resolveLocale(locale);
  const cache = new Map<string, Intl.NumberFormat>();

  const numberFormat = (precision: Precision, signed: boolean): Intl.NumberFormat => {
    const key = `${precision.kind}:${precision.digits}:${signed ? 's' : 'u'}`;
    let format = cache.get(key);
    if (!format) {
      const digits: Intl.NumberFormatOptions =
        precision.kind === 'fraction'
          ? { minimumFractionDigits: precision.digits, maximumFractionDigits: precision.digits }
          : { minimumSignificantDigits: precision.digits, maximumSignificantDigits: precision.digits };
      format = new Intl.NumberFormat(resolved, {
        ...digits,
        useGrouping: true,
        signDisplay: signed ? 'exceptZero' : 'auto',
      });
      cache.set(key, format);
    }
    return format;
  };

  const percentFormat = new Intl.NumberFormat(resolved, {
    style: 'percent',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    signDisplay: 'exceptZero',
  });

  return {
    locale: resolved,
    price(symbol, price) {
      if (price == null || !Number.isFinite(price)) return MISSING_VALUE;
      return numberFormat(pricePrecision(instrumentKind(symbol), symbol, price), false).format(price);
    },
    change(symbol, change, price) {
      if (change == null || !Number.isFinite(change)) return MISSING_VALUE;
      const reference = price != null && Number.isFinite(price) ? price : change;
      const precision = pricePrecision(instrumentKind(symbol), symbol, reference);
      // Significant digits of the price would round a small change away; keep the price's last decimal.
      const forChange: Precision =
        precision.kind === 'significant'
          ? { kind: 'fraction', digits: significantToFraction(reference, precision.digits) }
          : precision;
      return withTypographicMinus(numberFormat(forChange, true).format(change));
    },
    percent(changePct) {
      if (changePct == null || !Number.isFinite(changePct)) return MISSING_VALUE;
      return withTypographicMinus(percentFormat.format(changePct / 100));
    },
  };
}

/**
 * Locales such as en-US sign negatives with a hyphen, which is narrower than "+" even in tabular
 * figures, so "▼ -4.00" and "▲ +3.82" would not line up. The minus sign (U+2212) is as wide as "+".
 */
function withTypographicMinus(text: string): string {
  return text.replace('-', '\u2212');
}

/** Fraction digits that show `digits` significant digits of `value` (e.g. 0.01234, 4 → 5). */
function significantToFraction(value: number, digits: number): number {
  const magnitude = Math.abs(value);
  if (magnitude === 0 || !Number.isFinite(magnitude)) return 2;
  const leading = Math.floor(Math.log10(magnitude));
  return Math.min(20, Math.max(0, digits - 1 - leading));
}
