/**
 * Market calendar cost: sessions asked for a watch list as trades and redraws ask them (instants
 * moving forward, many per session span), and a worst case of unrelated instants over five years
 * (every call a cache miss: New York time, a holiday year, a day's hours).
 */
import { performance } from 'node:perf_hooks';
import { MarketCalendar } from '../src/shared/market-calendar/market-calendar';
import { BENCH_SYMBOL_NAMES } from './lib/market';
import { seededRandom } from './lib/prng';

export interface CalendarBenchResult {
  /** Average ns per sessionAt call with instants moving forward. */
  steady_ns_per_call: number;
  /** Average ns per sessionAt call with unrelated instants. */
  random_ns_per_call: number;
}

export interface CalendarBenchOptions {
  calls: number;
  seed: number;
}

const START = Date.UTC(2026, 10, 20);
const FIVE_YEARS_MS = 5 * 365 * 86_400_000;

export function runCalendarBench({ calls, seed }: CalendarBenchOptions): CalendarBenchResult {
  const symbols = [...BENCH_SYMBOL_NAMES, 'AAPL', 'OANDA:EUR_USD'];
  let sink = 0;

  const steady = new MarketCalendar();
  // 20 calls per simulated second: a busy feed over a week, across closes, opens and a holiday.
  const stepMs = 50;
  const started = performance.now();
  for (let i = 0; i < calls; i += 1) {
    const span = steady.sessionAt(symbols[i % symbols.length] as string, START + i * stepMs);
    sink += span.end > 0 ? 1 : 0;
  }
  const steadyNs = ((performance.now() - started) * 1e6) / calls;

  const random = seededRandom(seed);
  const instants = Array.from(
    { length: Math.min(calls, 20_000) },
    () => Date.UTC(2024, 0, 1) + Math.floor(random() * FIVE_YEARS_MS),
  );
  const cold = new MarketCalendar();
  const coldStarted = performance.now();
  for (let i = 0; i < instants.length; i += 1) {
    const span = cold.sessionAt(i % 2 === 0 ? 'AAPL' : 'OANDA:EUR_USD', instants[i] as number);
    sink += span.end > 0 ? 1 : 0;
  }
  const randomNs = ((performance.now() - coldStarted) * 1e6) / instants.length;
  if (sink < 0) console.log(sink);
  return { steady_ns_per_call: steadyNs, random_ns_per_call: randomNs };
}
