import { useMemo } from 'react';
import { MarketCalendar } from '../../shared/market-calendar/market-calendar';
import { MarketHoursText } from '../../shared/market-calendar/market-hours-text';
import { useNow } from '../hooks/use-now';

/** Countdowns read in minutes; a few seconds late is fine. */
const MARKET_HOURS_REFRESH_MS = 15_000;

export interface MarketHoursPanelProps {
  symbols: readonly string[];
}

/**
 * When the watched markets open or close ("US market opens Monday 09:30 ET (in 2 d 14 h)"), the same
 * lines as the tray's. Nothing for a list of crypto only: it never closes.
 */
export function MarketHoursPanel({ symbols }: MarketHoursPanelProps) {
  const text = useMemo(() => new MarketHoursText(new MarketCalendar()), []);
  const now = useNow(MARKET_HOURS_REFRESH_MS);
  const lines = text.lines(symbols, now);
  return (
    <section className="card" aria-labelledby="markets-heading">
      <h3 id="markets-heading">Opening hours</h3>
      {lines.length === 0 ? (
        <p className="hint">Your symbols trade around the clock (crypto): their market never closes.</p>
      ) : (
        <ul className="market-hours" data-testid="market-hours">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <p className="hint">
        Times are New York time (ET, Eastern Time). While every watched market is closed the strip follows “When all
        markets are closed” below.
      </p>
    </section>
  );
}
