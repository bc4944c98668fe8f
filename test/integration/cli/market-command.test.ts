/**
 * `npm run market` as users run it: a child process, its stdout lines, stderr and exit code.
 */
import { execFile } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCommand } from '../../support/cli-bundle';

let ENTRY = '';
beforeAll(async () => {
  ENTRY = await builtCommand('market');
});

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [ENTRY, ...args], (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

// Each case starts Node (a fraction of a second, more on a busy machine), some of them several times.
describe('npm run market', { timeout: 60_000 }, () => {
  it('prints one JSON line per symbol for the given instant', async () => {
    const { code, stdout, stderr } = await run([
      '--symbols',
      'AAPL,BINANCE:BTCUSDT,OANDA:EUR_USD',
      '--at',
      '2026-11-27T18:30:00Z',
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.trimEnd().split('\n')).toEqual([
      '{"symbol":"AAPL","market":"us-equity","session":"post","next":{"session":"closed","at":"2026-11-27T22:00:00.000Z"}}',
      '{"symbol":"BINANCE:BTCUSDT","market":"crypto","session":"regular","next":null}',
      '{"symbol":"OANDA:EUR_USD","market":"forex","session":"regular","next":{"session":"closed","at":"2026-11-27T22:00:00.000Z"}}',
    ]);
  });

  it('answers for now without --at', async () => {
    const before = Date.now();
    const { code, stdout } = await run(['--symbols', 'AAPL']);
    expect(code).toBe(0);
    const line = JSON.parse(stdout) as { symbol: string; next: { at: string } };
    expect(line.symbol).toBe('AAPL');
    expect(Date.parse(line.next.at)).toBeGreaterThan(before);
  });

  it('exits 2 with a one-line reason for a malformed time or symbol', async () => {
    for (const args of [
      ['--symbols', 'AAPL', '--at', '27/11/2026'],
      ['--symbols', 'AAPL,NOT A SYMBOL'],
    ]) {
      const { code, stdout, stderr } = await run(args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^market: .+\n$/);
    }
  });
});
