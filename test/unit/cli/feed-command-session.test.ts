import { describe, expect, it } from 'vitest';
import { parseFeedArgs } from '../../../src/cli/feed-args';
import { runFeedCommand } from '../../../src/cli/feed-command';

describe('feed command quote lines', () => {
  it("carry each symbol's market session at the time they are printed", async () => {
    const parsed = parseFeedArgs(['--symbols', 'AAPL,BINANCE:BTCUSDT,OANDA:EUR_USD', '--demo', '--rate', '20'], {});
    if (parsed.kind !== 'run') throw new Error(JSON.stringify(parsed));
    const lines: Record<string, unknown>[] = [];
    let stop: () => void = () => undefined;
    const interrupted = new Promise<void>((resolve) => (stop = resolve));
    const quoted = new Set<unknown>();
    const code = await runFeedCommand(parsed.args, {
      // The day after Thanksgiving 2026, 13:30 New York: US stocks in after-hours (early close), forex open.
      now: () => Date.UTC(2026, 10, 27, 18, 30),
      interrupted,
      out: (text) => {
        const line = JSON.parse(text) as Record<string, unknown>;
        lines.push(line);
        if (line.event === 'quote') quoted.add(line.symbol);
        if (quoted.size === 3) stop();
      },
    });
    expect(code).toBe(0);
    const sessionOf = (symbol: string) =>
      lines.find((line) => line.event === 'quote' && line.symbol === symbol)?.session;
    expect(sessionOf('AAPL')).toBe('post');
    expect(sessionOf('BINANCE:BTCUSDT')).toBe('regular');
    expect(sessionOf('OANDA:EUR_USD')).toBe('regular');
  });
});
