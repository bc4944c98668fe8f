/**
 * The portfolio's figures as words, for every place they appear (strip, settings, tray tooltip).
 * One rule for the privacy switch lives here: with it on, every amount of money that reveals the
 * user's wealth (values, day change and gains in money, quantities) becomes HIDDEN_AMOUNT, while
 * percentages stay, so nothing can show an amount by forgetting to ask.
 */
import type { PortfolioFigures, PositionFigures } from './compute-portfolio';
import { currencyDecimals } from './compute-portfolio';

export const HIDDEN_AMOUNT = '•••';
const MISSING = '—';

export type Trend = 'up' | 'down' | 'flat';

/** The figures a whole portfolio and one position share, as words. */
interface FiguresText {
  value: string;
  dayChange: string;
  dayChangePct: string;
  gain: string;
  gainPct: string;
  /** Today's direction (colours and arrow like a quote's). */
  dayTrend: Trend;
  gainTrend: Trend;
}

export interface PortfolioText extends FiguresText {
  /** What is missing, in words ("rates: USD; prices: TSLA"), or null when every figure is known. */
  missing: string | null;
}

export interface PositionText extends FiguresText {
  quantity: string;
}

export interface TextOptions {
  privacy: boolean;
  locale?: string | undefined;
}

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string | undefined, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${locale ?? ''}|${key}`;
  let format = formats.get(id);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formats.set(id, format);
  }
  return format;
}

/** The minus sign (U+2212) is as wide as "+", so signed figures line up. */
function typographicMinus(text: string): string {
  return text.replace('-', '\u2212');
}

/** `amount` as a number, or as exact decimal text (ExactMoney), which Intl formats digit for digit. */
function formatMoney(
  amount: number | string | null,
  currency: string,
  options: TextOptions & { signed?: boolean },
): string {
  if (options.privacy) return HIDDEN_AMOUNT;
  if (amount === null || !Number.isFinite(Number(amount))) return MISSING;
  const digits = currencyDecimals(currency);
  const format = numberFormat(options.locale, `money:${currency}:${options.signed ? 's' : 'u'}`, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: options.signed ? 'exceptZero' : 'auto',
  });
  return typographicMinus(format.format(amount as Parameters<Intl.NumberFormat['format']>[0]));
}

/** A percentage (already ×100) with sign and 2 decimals; shown whatever the privacy switch says. */
function formatPercent(pct: number | null, locale?: string): string {
  if (pct === null || !Number.isFinite(pct)) return MISSING;
  return typographicMinus(
    numberFormat(locale, 'pct', {
      style: 'percent',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
      signDisplay: 'exceptZero',
    }).format(pct / 100),
  );
}

export function formatQuantity(quantity: number, options: TextOptions): string {
  if (options.privacy) return HIDDEN_AMOUNT;
  return typographicMinus(numberFormat(options.locale, 'qty', { maximumFractionDigits: 10 }).format(quantity));
}

function trendOf(amount: number | null): Trend {
  return amount === null || amount === 0 ? 'flat' : amount > 0 ? 'up' : 'down';
}

/** The figures both a portfolio and a position show, in `currency`. */
function figuresText(
  figures: Pick<PositionFigures, 'value' | 'dayChange' | 'dayChangePct' | 'gain' | 'gainPct' | 'exact'>,
  currency: string,
  options: TextOptions,
): FiguresText {
  return {
    value: formatMoney(figures.exact?.value ?? figures.value, currency, options),
    dayChange: formatMoney(figures.exact?.dayChange ?? figures.dayChange, currency, { ...options, signed: true }),
    dayChangePct: formatPercent(figures.dayChangePct, options.locale),
    gain: formatMoney(figures.exact?.gain ?? figures.gain, currency, { ...options, signed: true }),
    gainPct: formatPercent(figures.gainPct, options.locale),
    dayTrend: trendOf(figures.dayChangePct ?? figures.dayChange),
    gainTrend: trendOf(figures.gainPct ?? figures.gain),
  };
}

export function portfolioText(figures: PortfolioFigures, options: TextOptions): PortfolioText {
  const missing: string[] = [];
  if (figures.missingRates.length > 0) missing.push(`no rate yet for ${figures.missingRates.join(', ')}`);
  if (figures.missingPrices.length > 0) missing.push(`no price yet for ${figures.missingPrices.join(', ')}`);
  return {
    ...figuresText(figures, figures.currency, options),
    missing: missing.length > 0 ? missing.join('; ') : null,
  };
}

export function positionText(position: PositionFigures, currency: string, options: TextOptions): PositionText {
  return { quantity: formatQuantity(position.quantity, options), ...figuresText(position, currency, options) };
}

/** One line for the tray's tooltip: "Portfolio $12,345.67 (+0.42% today)"; amounts hidden with privacy. */
export function portfolioTooltipLine(figures: PortfolioFigures | null, options: TextOptions): string | null {
  if (figures === null) return null;
  const text = portfolioText(figures, options);
  if (figures.value === null && !options.privacy) return `Portfolio: ${text.missing ?? 'waiting for prices'}`;
  return `Portfolio ${text.value} (${text.dayChangePct} today, ${text.gainPct} total)`;
}
