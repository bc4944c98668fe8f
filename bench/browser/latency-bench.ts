/**
 * End-to-end latency: from the fake server sending a trade to the strip showing that price (or a
 * newer one of the same symbol: a trade superseded within one publish interval is "shown" when
 * its successor is). Shown times come from a MutationObserver on the price texts, on the page's
 * clock, mapped onto Node's clock by a round-trip calibration.
 */
import type { Page } from 'playwright-core';
import { percentile } from '../lib/stats';
import type { StripRig } from './strip-rig';
import { preciseNow, type TradePump } from './trade-pump';

export interface LatencyResult {
  p50: number;
  p95: number;
  p99: number;
  trades_per_s: number;
  symbols: number;
}

export interface LatencyDetails {
  /** Every trade's latency in ms. */
  samples: number[];
  max: number;
  /** Trades sent but never shown (neither they nor a newer price of their symbol). */
  missing: number;
  /** Page clock minus Node clock, ms, and the round trip it was measured with. */
  clockOffsetMs: number;
  calibrationRttMs: number;
  priceTextChanges: number;
}

export interface LatencyOptions {
  tradesPerSecond: number;
  durationMs: number;
}

declare global {
  interface Window {
    /** [symbol, price text, epoch ms] of every price text change. */
    __benchShown?: [string, string, number][];
    __benchStopShown?: () => void;
  }
}

/** Runs in the page: record each price text change with its time. */
function installShownRecorder(): void {
  const records: [string, string, number][] = [];
  window.__benchShown = records;
  const observer = new MutationObserver((mutations) => {
    const time = performance.timeOrigin + performance.now();
    for (const mutation of mutations) {
      const node = mutation.target;
      const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
      if (!element || !element.classList.contains('price')) continue;
      const symbol = element.closest('.item')?.getAttribute('data-symbol');
      if (symbol) records.push([symbol, element.textContent ?? '', time]);
    }
  });
  observer.observe(document.querySelector('.strip') ?? document.body, { subtree: true, characterData: true, childList: true });
  window.__benchStopShown = () => observer.disconnect();
}

/** Page clock minus Node clock, from the round trip with the smallest delay. */
async function calibrateClock(page: Page): Promise<{ offset: number; rtt: number }> {
  let best = { offset: 0, rtt: Number.POSITIVE_INFINITY };
  for (let i = 0; i < 25; i += 1) {
    const before = preciseNow();
    const pageTime = await page.evaluate(() => performance.timeOrigin + performance.now());
    const after = preciseNow();
    if (after - before < best.rtt) best = { offset: pageTime - (before + after) / 2, rtt: after - before };
  }
  return best;
}

/** Which trade index each symbol shows at most (from the records so far). */
function latestShown(pump: TradePump, records: readonly [string, string, number][]): Map<number, number> {
  const latest = new Map<number, number>();
  for (const [symbol, text] of records) {
    const index = pump.symbolIndex(symbol);
    const k = pump.indexOfShown(symbol, text);
    if (index === undefined || k === null) continue;
    if (k > (latest.get(index) ?? -1)) latest.set(index, k);
  }
  return latest;
}

export async function runLatencyBench(rig: StripRig, pump: TradePump, options: LatencyOptions): Promise<{ result: LatencyResult; details: LatencyDetails }> {
  const { page } = rig;
  const clock = await calibrateClock(page);
  const firstIndex = pump.symbols.map((_, index) => pump.lastIndex(index) + 1);
  await page.evaluate(installShownRecorder);

  await pump.run(options.tradesPerSecond, options.durationMs);

  // Wait (bounded) until every symbol's newest trade is on screen.
  let records: [string, string, number][] = [];
  for (let attempt = 0; attempt < 30; attempt += 1) {
    records = await page.evaluate(() => window.__benchShown ?? []);
    const latest = latestShown(pump, records);
    if (pump.symbols.every((_, index) => pump.lastIndex(index) < (firstIndex[index] as number) || (latest.get(index) ?? -1) >= pump.lastIndex(index))) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await page.evaluate(() => window.__benchStopShown?.());

  // Per symbol, walk the shown prices in time order; a price shows every trade up to its own.
  const samples: number[] = [];
  const shownUpTo = pump.symbols.map((_, index) => (firstIndex[index] as number) - 1);
  const ordered = [...records].sort((a, b) => a[2] - b[2]);
  for (const [symbol, text, pageTime] of ordered) {
    const index = pump.symbolIndex(symbol);
    const k = pump.indexOfShown(symbol, text);
    if (index === undefined || k === null) continue;
    const sendTimes = pump.sendTimes[index] as number[];
    const shownAt = pageTime - clock.offset;
    for (let j = (shownUpTo[index] as number) + 1; j <= Math.min(k, sendTimes.length - 1); j += 1) {
      samples.push(shownAt - (sendTimes[j] as number));
    }
    shownUpTo[index] = Math.max(shownUpTo[index] as number, k);
  }
  let missing = 0;
  pump.symbols.forEach((_, index) => {
    missing += Math.max(0, pump.lastIndex(index) - (shownUpTo[index] as number));
  });

  const sent = samples.length + missing;
  return {
    result: {
      p50: percentile(samples, 50),
      p95: percentile(samples, 95),
      p99: percentile(samples, 99),
      trades_per_s: (sent * 1000) / options.durationMs,
      symbols: pump.symbols.length,
    },
    details: {
      samples,
      max: samples.length > 0 ? Math.max(...samples) : Number.NaN,
      missing,
      clockOffsetMs: clock.offset,
      calibrationRttMs: clock.rtt,
      priceTextChanges: records.length,
    },
  };
}
