/** The last firings, newest first: loaded once, then followed through `alert` events. */
import { useEffect, useState } from 'react';
import { ALERT_LIMITS, type AlertFiring } from '../../shared/alert-rules';
import type { SettingsApi } from '../../shared/ipc-contract';
import { displayName } from '../../shared/symbols';
import { settle } from '../bridge';
import { TableHead } from './forms/table-head';

function useAlertHistory(api: SettingsApi): AlertFiring[] {
  const [history, setHistory] = useState<AlertFiring[]>([]);
  useEffect(() => {
    let alive = true;
    let pushed: AlertFiring[] = [];
    const stop = api.onAlert((firing) => {
      pushed = [...pushed, firing];
      setHistory((current) => [...current, firing].slice(-ALERT_LIMITS.historySize));
    });
    void settle(() => api.getAlertHistory()).then((result) => {
      // Firings pushed while the history loaded come after it (and are not counted twice).
      if (alive && result.ok && Array.isArray(result.value))
        setHistory(
          [
            ...result.value.filter((old) => !pushed.some((p) => p.ruleId === old.ruleId && p.time === old.time)),
            ...pushed,
          ].slice(-ALERT_LIMITS.historySize),
        );
    });
    return () => {
      alive = false;
      stop();
    };
  }, [api]);
  return history;
}

export function AlertHistory({ api, locale }: { api: SettingsApi; locale: string }) {
  const history = useAlertHistory(api);
  const timeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
  const priceFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  return (
    <section className="card" aria-labelledby="alert-history-heading">
      <h3 id="alert-history-heading">Last {ALERT_LIMITS.historySize} alerts</h3>
      {history.length === 0 ? (
        <p className="hint">No alert has fired yet.</p>
      ) : (
        <table className="alert-history">
          <TableHead columns={['Time', 'Symbol', 'Rule', 'Price']} />
          <tbody>
            {[...history].reverse().map((firing, index) => (
              <tr key={`${firing.ruleId}-${firing.time}-${index}`}>
                <td>{timeFormat.format(firing.time)}</td>
                <td>{displayName(firing.symbol)}</td>
                <td>{firing.rule}</td>
                <td>{priceFormat.format(firing.price)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
