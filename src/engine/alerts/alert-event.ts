/**
 * The JSON of one alert firing as the headless command prints it (one shape for any other
 * consumer, like the quote event).
 */
import type { AlertFiring } from '../../shared/alert-rules';

export interface AlertEvent {
  event: 'alert';
  /** The rule as text, e.g. `AAPL>=200`. */
  rule: string;
  symbol: string;
  price: number;
  /** Null while the symbol's previous close is not known. */
  changePct: number | null;
  /** The trade that fired it, ISO 8601 in UTC. */
  time: string;
}

export function alertEvent(firing: AlertFiring): AlertEvent {
  const changePct = firing.changePct === null ? null : Math.round(firing.changePct * 10_000) / 10_000;
  return {
    event: 'alert',
    rule: firing.rule,
    symbol: firing.symbol,
    price: firing.price,
    changePct,
    time: new Date(firing.time).toISOString(),
  };
}
