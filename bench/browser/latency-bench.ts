/**
 * End-to-end latency: from the fake server sending a trade to the strip showing that price (or a
 * newer one of the same symbol: a trade superseded within one publish interval is "shown" when
 * its successor is). Shown times come from a MutationObserver on the price texts, on the page's
 * clock, mapped onto Node's clock by a round-trip calibration. The strip defers updates to items
 * far from the viewport, so only trades whose symbol's item was in view when they were sent count
 * (the same observer records when items are marked offscreen); see latency-tally.ts.
 */
import type { Page } from 'playwright-core';
import { percentile } from '../lib/stats';
import { tallyLatency, type LatencyTally, type ShownPrice } from './latency-tally';
import { preciseNow, type TradePump } from './trade-pump';

export interface LatencyResult {
  p50: number;
  p95: number;
  p99: number;
  /** The load: every trade sent during the measure, per second. */
  trades_per_s: number;
  /** The trades measured: sent while their symbol's item was in view. */
  counted: number;
  symbols: number;
}

export interface LatencyDetails {
  /** Every counted trade's latency in ms. */
  samples: number[];
  max: number;
  /** Counted trades never shown (neither they nor a newer price of their symbol). */
  missing: number;
  /** How every sent trade was classified (see LatencyTally). */
  tally: Omit<LatencyTally, 'samples'>;
  /** Page clock minus Node clock, ms, and the round trip it was measured with. */
  clockOffsetMs: number;
  calibrationRttMs: number;
  priceTextChanges: number;
}

/** What the page recorded: price text changes, and each symbol coming into view (in any copy of the lane) or leaving it. */
interface PageRecords {
  /** [symbol, price text, epoch ms]. */
  shown: [string, string, number][];
  /** [symbol, in view] when recording began. */
  initialViews: [string, boolean][];
  /** [symbol, in view, epoch ms]. */
  viewChanges: [string, boolean, number][];
}

declare global {
  interface Window {
    __benchRecords?: PageRecords;
    __benchStopRecording?: () => void;
  }
}

/**
 * Runs in the page: record each price text change, and each symbol going offscreen or coming back,
 * with its time. A symbol is in view while any of its items (one per copy of the lane) is.
 */
function installPageRecorder(): void {
  const offscreen = 'data-offscreen';
  // No named helpers in here: the page gets this function's source only. Items are looked up at
  // each change (copies of the lane may come and go when the window is resized).
  const inView = new Map<string, boolean>();
  for (const item of Array.from(document.querySelectorAll('.lane > .item'))) {
    const symbol = item.getAttribute('data-symbol');
    if (symbol) inView.set(symbol, inView.get(symbol) === true || !item.hasAttribute(offscreen));
  }
  const records: PageRecords = { shown: [], initialViews: [...inView], viewChanges: [] };
  window.__benchRecords = records;
  const observer = new MutationObserver((mutations) => {
    const time = performance.timeOrigin + performance.now();
    for (const mutation of mutations) {
      const node = mutation.target;
      const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
      if (!element) continue;
      if (mutation.type === 'attributes') {
        const symbol = element.getAttribute('data-symbol');
        const was = symbol === null ? undefined : inView.get(symbol);
        if (symbol === null || was === undefined) continue;
        const items = document.querySelectorAll(`.lane > .item[data-symbol="${CSS.escape(symbol)}"]`);
        const now = Array.from(items).some((item) => !item.hasAttribute(offscreen));
        if (now !== was) {
          inView.set(symbol, now);
          records.viewChanges.push([symbol, now, time]);
        }
        continue;
      }
      if (!element.classList.contains('price')) continue;
      const symbol = element.closest('.item')?.getAttribute('data-symbol');
      if (symbol) records.shown.push([symbol, element.textContent ?? '', time]);
    }
  });
  observer.observe(document.querySelector('.track') ?? document.body, {
    subtree: true,
    characterData: true,
    childList: true,
    attributes: true,
    attributeFilter: [offscreen],
  });
  window.__benchStopRecording = () => observer.disconnect();
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

/** The page's records on Node's clock, tallied against the pump's send times. */
function tally(
  pump: TradePump,
  firstTrade: readonly number[],
  records: PageRecords,
  clockOffset: number,
): LatencyTally {
  const shown: ShownPrice[] = [];
  for (const [symbol, text, pageTime] of records.shown) {
    const symbolIndex = pump.symbolIndex(symbol);
    const trade = pump.indexOfShown(symbol, text);
    if (symbolIndex !== undefined && trade !== null) shown.push({ symbolIndex, trade, at: pageTime - clockOffset });
  }
  const views: { initiallyInView: boolean; changes: { at: number; inView: boolean }[] }[] = [];
  for (const [symbol, inView] of records.initialViews) {
    const symbolIndex = pump.symbolIndex(symbol);
    if (symbolIndex !== undefined) views[symbolIndex] = { initiallyInView: inView, changes: [] };
  }
  for (const [symbol, inView, pageTime] of records.viewChanges) {
    const symbolIndex = pump.symbolIndex(symbol);
    if (symbolIndex !== undefined) views[symbolIndex]?.changes.push({ at: pageTime - clockOffset, inView });
  }
  return tallyLatency({ sendTimes: pump.sendTimes, firstTrade, shown, views });
}

/**
 * Latency recorded over a run the caller drives (the strip-cost bench's long run): the page's
 * records are taken off it by `drain()` as the run goes (so they never pile up in the page's heap,
 * which that run measures), and `finish()` waits (bounded) until every counted trade is on screen
 * or its item has left the view, then tallies every trade sent since recording began.
 */
export interface LatencyRecording {
  drain(): Promise<void>;
  finish(durationMs: number): Promise<{ result: LatencyResult; details: LatencyDetails }>;
}

export async function startLatencyRecording(page: Page, pump: TradePump): Promise<LatencyRecording> {
  const clock = await calibrateClock(page);
  const firstTrade = pump.symbols.map((_, index) => pump.lastIndex(index) + 1);
  const sentBefore = pump.sentTrades;
  await page.evaluate(installPageRecorder);
  const records: PageRecords = { shown: [], initialViews: [], viewChanges: [] };
  const drain = async (): Promise<void> => {
    const taken = await page.evaluate(() => {
      const held = window.__benchRecords;
      if (!held) return null;
      const out = { shown: held.shown, initialViews: held.initialViews, viewChanges: held.viewChanges };
      held.shown = [];
      held.initialViews = [];
      held.viewChanges = [];
      return out;
    });
    if (taken === null) throw new Error('latency: the page has no recorder');
    records.shown.push(...taken.shown);
    records.initialViews.push(...taken.initialViews);
    records.viewChanges.push(...taken.viewChanges);
  };
  const finish = async (durationMs: number): Promise<{ result: LatencyResult; details: LatencyDetails }> => {
    let result = tally(pump, firstTrade, records, clock.offset);
    for (let attempt = 0; attempt < 30; attempt += 1) {
      await drain();
      result = tally(pump, firstTrade, records, clock.offset);
      if (result.missing === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await page.evaluate(() => window.__benchStopRecording?.());
    const { samples, ...counts } = result;
    console.log(
      `[bench] latency: ${counts.counted} of ${counts.sent} trades counted (their item in view when sent); ` +
        `${counts.offscreen} sent while offscreen, ${counts.leftView} whose item left the view first`,
    );
    return {
      result: {
        p50: percentile(samples, 50),
        p95: percentile(samples, 95),
        p99: percentile(samples, 99),
        trades_per_s: ((pump.sentTrades - sentBefore) * 1000) / durationMs,
        counted: counts.counted,
        symbols: pump.symbols.length,
      },
      details: {
        samples,
        max: samples.length > 0 ? samples.reduce((max, sample) => Math.max(max, sample)) : Number.NaN,
        missing: counts.missing,
        tally: counts,
        clockOffsetMs: clock.offset,
        calibrationRttMs: clock.rtt,
        priceTextChanges: records.shown.length,
      },
    };
  };
  return { drain, finish };
}
