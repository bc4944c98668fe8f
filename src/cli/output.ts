/**
 * How the headless commands print: NDJSON (one JSON object a line) when stdout is not a terminal or
 * with `--json`, aligned lines for a person on a terminal. One time convention everywhere: ISO 8601
 * with a zone, UTC (`Z`) in JSON and the local time with its offset on a terminal. Pure.
 */
import type { QuoteEvent } from '../engine/market/quote-event';
import type { AlertEvent } from '../engine/alerts/alert-event';
import type { ExactJsonNumber, PortfolioEvent } from '../engine/portfolio/portfolio-event';
import { Decimal } from '../shared/portfolio/decimal';
import type { DetailsEvent, HeadlineEvent } from '../engine/context/context-events';

/** NDJSON unless stdout is a terminal and `--json` was not given. */
export function wantsJson(json: boolean, stdoutIsTty: boolean | undefined): boolean {
  return json || stdoutIsTty !== true;
}

/** An instant as JSON carries it: ISO 8601 in UTC, e.g. 2026-11-27T18:30:00.123Z. */
export function isoTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** The zone offset of this machine at an instant, in minutes east of UTC. */
function localOffsetMinutes(epochMs: number): number {
  return -new Date(epochMs).getTimezoneOffset();
}

/** An instant as a terminal shows it: ISO 8601 local time to the second with its offset, e.g. 2026-11-27T13:30:00-05:00. */
export function localIsoTime(epochMs: number, offsetMinutes = localOffsetMinutes(epochMs)): string {
  const shifted = new Date(Math.floor(epochMs / 1000) * 1000 + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${shifted}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const signed = (value: number, digits: number): string => `${value >= 0 ? '+' : '-'}${Math.abs(value).toFixed(digits)}`;
const percent = (value: number | null | undefined): string => (value == null ? '' : `${signed(value, 2)}%`);
/** Money digit for digit (the portfolio line carries exact text): `99999999999999.99`, never `1e+23`. */
function money(value: ExactJsonNumber): string {
  const decimal = typeof value === 'number' ? Decimal.fromNumber(value) : Decimal.parse(value.rawJSON);
  if (decimal === null) return '?';
  const [whole, fraction = ''] = decimal.abs().rounded(2).toString().split('.');
  return `${decimal.sign() < 0 ? '-' : ''}${whole}.${fraction.padEnd(2, '0')}`;
}
const amount = (value: ExactJsonNumber | null): string => (value === null ? '?' : money(value));
const signedMoney = (value: ExactJsonNumber): string => {
  const text = money(value);
  return text.startsWith('-') ? text : `+${text}`;
};

/** One feed event as an aligned terminal line; `now` stamps events that carry no time of their own. */
export function feedTerminalLine(event: Record<string, unknown>, now: number, offsetMinutes?: number): string {
  const at = (iso: unknown): string =>
    localIsoTime(typeof iso === 'string' && Number.isFinite(Date.parse(iso)) ? Date.parse(iso) : now, offsetMinutes);
  const head = (kind: string, iso?: unknown): string => `${at(iso)}  ${kind.padEnd(9)}  `;
  switch (event.event) {
    case 'quote': {
      const q = event as unknown as QuoteEvent;
      return (
        head('quote', q.time) +
        [
          q.symbol.padEnd(18),
          String(q.price).padStart(12),
          (q.change === undefined ? '' : signed(q.change, Math.abs(q.change) < 1 ? 4 : 2)).padStart(10),
          percent(q.changePct).padStart(9),
          `  ${q.session}`,
        ].join('')
      );
    }
    case 'alert': {
      const a = event as unknown as AlertEvent;
      return (
        head('alert', a.time) +
        [a.rule.padEnd(18), String(a.price).padStart(12), ''.padStart(10), percent(a.changePct).padStart(9)].join('')
      );
    }
    case 'status': {
      const details = [
        event.attempt === undefined ? '' : `attempt ${String(event.attempt)}`,
        typeof event.retryInMs === 'number' ? `retry in ${(event.retryInMs / 1000).toFixed(1)} s` : '',
        typeof event.message === 'string' ? event.message : '',
      ].filter(Boolean);
      return head('status') + [String(event.state), ...details].join('  ');
    }
    case 'portfolio': {
      const p = event as unknown as PortfolioEvent;
      const missing = [...p.missingPrices, ...p.missingRates];
      if (p.value === null) return head('portfolio') + `waiting for ${missing.length ? missing.join(', ') : 'prices'}`;
      return (
        head('portfolio') +
        [
          `${amount(p.value)} ${p.currency}`,
          `today ${p.dayChange === null ? '?' : signedMoney(p.dayChange)} (${percent(p.dayChangePct) || '?'})`,
          `gain ${p.gain === null ? '?' : signedMoney(p.gain)} (${percent(p.gainPct) || '?'})`,
        ].join('  ')
      );
    }
    case 'details': {
      const d = event as unknown as DetailsEvent;
      const figure = (label: string, value: number | null): string => `${label} ${value ?? '?'}`;
      const parts = [
        d.name ?? '?',
        d.exchange ?? '?',
        d.currency ?? '?',
        [figure('open', d.open), figure('high', d.high), figure('low', d.low), figure('prev', d.prevClose)].join(' '),
        `52w ${d.week52Low ?? '?'}–${d.week52High ?? '?'}`,
        ...(d.earnings === null ? [] : [`earnings ${d.earnings.date}${d.earnings.hour ? ` ${d.earnings.hour}` : ''}`]),
      ];
      return head('details') + `${d.symbol.padEnd(18)}${parts.join('  ')}`;
    }
    case 'headline': {
      const h = event as unknown as HeadlineEvent;
      return head('headline', h.time) + `${h.symbol.padEnd(18)}${h.headline} (${h.source})  ${h.url}`;
    }
    case 'relay':
      return head('relay') + `${String(event.ws)}  ${String(event.sse)}`;
    case 'summary': {
      const count = (value: unknown, one: string, many = `${one}s`): string =>
        `${String(value)} ${value === 1 ? one : many}`;
      const parts = [
        count(event.connections, 'connection'),
        count(event.reconnects, 'reconnect'),
        count(event.trades, 'trade'),
        `${String(event.dropped)} dropped`,
        ...(event.alerts === undefined ? [] : [count(event.alerts, 'alert')]),
        ...(event.live === false ? ['never live'] : []),
      ];
      return head('summary') + parts.join(', ');
    }
    default:
      return head(String(event.event)) + JSON.stringify(event);
  }
}
