import { describe, expect, it } from 'vitest';
import { FeedSession } from '../../../src/engine/session/feed-session';
import type { RawTrade } from '../../../src/engine/feed/protocol';
import { RELAY_UPSTREAM_FRAMES_PER_SECOND, RELAY_UPSTREAM_PUSH_INTERVAL_MS } from '../../../src/shared/relay-rules';
import { ManualClock } from '../../support/manual-clock';
import { recordingSource } from '../../support/recording-source';

describe('FeedSession subscription union', () => {
  it("hands the source Ticker's symbols plus other owners', and only changes it when the union changes", async () => {
    const clock = new ManualClock();
    const session = new FeedSession({ symbols: ['AAPL'], rateHz: 10, maxSymbols: 3, clock });
    const { source, lists } = recordingSource(true);
    await session.attach(source, null);
    expect(lists.at(-1)).toEqual(['AAPL']);
    expect(session.addInterest('c1', 'NVDA')).toBe('new');
    expect(session.addInterest('c2', 'NVDA')).toBe('joined');
    expect(session.addInterest('c2', 'AAPL')).toBe('joined');
    clock.advance(RELAY_UPSTREAM_PUSH_INTERVAL_MS);
    expect(lists).toEqual([['AAPL'], ['AAPL', 'NVDA']]);
    session.removeInterest('c1', 'NVDA');
    clock.advance(RELAY_UPSTREAM_PUSH_INTERVAL_MS);
    expect(lists).toHaveLength(2);
    session.removeOwner('c2');
    clock.advance(RELAY_UPSTREAM_PUSH_INTERVAL_MS);
    expect(lists.at(-1)).toEqual(['AAPL']);

    const evicted: unknown[] = [];
    session.evicted.subscribe((interests) => evicted.push(...interests));
    session.addInterest('c3', 'TSLA');
    session.addInterest('c3', 'AMZN');
    // c3 holds both free slots: c4 gets one of them, and c3 is told.
    expect(session.addInterest('c4', 'GOOG')).toBe('new');
    expect(evicted).toEqual([{ owner: 'c3', symbol: 'AMZN', reason: 'share' }]);
    clock.advance(RELAY_UPSTREAM_PUSH_INTERVAL_MS);
    expect(lists.at(-1)).toEqual(['AAPL', 'TSLA', 'GOOG']);
    expect(session.addInterest('c4', 'META')).toBe('over-cap');
    session.setSymbols(['AAPL', 'MSFT']);
    expect(evicted.slice(1)).toEqual([{ owner: 'c4', symbol: 'GOOG', reason: 'own' }]);
    expect(lists.at(-1)).toEqual(['AAPL', 'MSFT', 'TSLA']);
    expect(session.store.symbols()).toEqual(['AAPL', 'MSFT']);
    await session.close();
  });

  it('asks the source for Finnhub-shaped trades only while someone listens', async () => {
    const session = new FeedSession({ symbols: ['AAPL'], rateHz: 10 });
    const { source } = recordingSource(true);
    await session.attach(source, null);
    expect(source.rawTrades.size).toBe(0);
    const seen: RawTrade[] = [];
    const stop = session.subscribeRawTrades((trades) => seen.push(...trades));
    expect(source.rawTrades.size).toBe(1);
    source.rawTrades.emit([{ s: 'AAPL', p: 1, t: 2, v: 3, c: ['x'] }]);
    expect(seen).toEqual([{ s: 'AAPL', p: 1, t: 2, v: 3, c: ['x'] }]);
    stop();
    expect(source.rawTrades.size).toBe(0);
    await session.close();
  });

  it('makes the store the sink of the attached source only, and follows a source swap', async () => {
    const session = new FeedSession({ symbols: ['AAPL'], rateHz: 10 });
    const first = recordingSource(true);
    await session.attach(first.source, null);
    expect(first.sink()).toBe(session.store);
    const seen: RawTrade[] = [];
    session.subscribeRawTrades((trades) => seen.push(...trades));
    const demo = recordingSource(false);
    await session.attach(demo.source, null);
    expect(first.sink()).toBeNull();
    expect(first.source.rawTrades.size).toBe(0);
    expect(demo.sink()).toBe(session.store);
    demo.deliver([{ symbol: 'AAPL', price: 190, volume: 4, time: Date.now() }]);
    expect(seen).toEqual([{ s: 'AAPL', p: 190, t: expect.any(Number), v: 4 }]);
    expect(session.store.snapshot('AAPL')?.price).toBe(190);
    await session.close();
    expect(demo.sink()).toBeNull();
  });

  it("coalesces other owners' churn and caps the frames it sends upstream; Ticker's own go at once", async () => {
    const clock = new ManualClock();
    const session = new FeedSession({ symbols: ['AAPL'], rateHz: 10, maxSymbols: 50, clock });
    const { source, lists } = recordingSource(true);
    await session.attach(source, null);
    const frames = (from: number): number[] =>
      lists
        .slice(from)
        .map(
          (after, i) =>
            (lists[from + i - 1] as string[]).filter((symbol) => !after.includes(symbol)).length +
            after.filter((symbol) => !(lists[from + i - 1] as string[]).includes(symbol)).length,
        );
    // A client flipping one symbol 100 times within one push interval costs nothing upstream.
    for (let i = 0; i < 100; i += 1) {
      session.addInterest('c1', 'NVDA');
      session.removeInterest('c1', 'NVDA');
    }
    clock.advance(RELAY_UPSTREAM_PUSH_INTERVAL_MS);
    expect(lists).toHaveLength(1);
    // 45 new symbols at once reach the source within the frame rate: a second's worth, then the rest
    // as the allowance refills.
    const many = Array.from({ length: 45 }, (_, i) => `C${i}`);
    for (const symbol of many) session.addInterest('c2', symbol);
    clock.advance(3_000);
    const perPush = (RELAY_UPSTREAM_FRAMES_PER_SECOND * RELAY_UPSTREAM_PUSH_INTERVAL_MS) / 1000;
    expect(frames(1)).toEqual([RELAY_UPSTREAM_FRAMES_PER_SECOND, ...Array<number>(5).fill(perPush)]);
    expect(lists.at(-1)).toEqual(['AAPL', ...many]);
    // Ticker's own change goes out whole and at once.
    session.setSymbols(['AAPL', 'MSFT']);
    expect(lists.at(-1)).toEqual(['AAPL', 'MSFT', ...many]);
    await session.close();
  });
});
