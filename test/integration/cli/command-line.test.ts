/**
 * The three headless commands behave alike as users run them (the built commands, as `npm run`
 * starts them): --help on stdout with exit 0, --version prints package.json's version, and an
 * unknown option or a bad value is one line on stderr with exit 2 and nothing on stdout.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCommand } from '../../support/cli-bundle';

const COMMANDS = ['feed', 'market', 'settings'] as const;
const VERSION = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
const entries: Record<string, string> = {};

beforeAll(async () => {
  for (const command of COMMANDS) entries[command] = await builtCommand(command);
});

function run(command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [entries[command] as string, ...args],
      { env: { ...process.env, FINNHUB_API_KEY: '' } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A bad value for each command, checked by the command's own rules. */
const BAD_VALUE: Record<(typeof COMMANDS)[number], [string[], RegExp]> = {
  feed: [['--demo', '--rate', 'fast'], /^feed: --rate must be a number greater than 0/],
  market: [['--symbols', 'AAPL', '--at', 'noon'], /^market: --at must be an ISO 8601 time with a zone/],
  settings: [['export', 'x.json', '--format', 'xml'], /^settings: --format must be json or csv/],
};

describe.each(COMMANDS)('npm run %s', { timeout: 60_000 }, (command) => {
  it('prints --help on stdout and exits 0, whatever else is on the line', async () => {
    for (const args of [['--help'], ['-h'], ['--bogus', '--help']]) {
      const { code, stdout, stderr } = await run(command, args);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(stdout).toMatch(new RegExp(`^Usage: npm run -s ${command} -- `));
    }
  });

  it("prints package.json's version", async () => {
    expect(await run(command, ['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('refuses an unknown option, a missing value and a bad value with one line on stderr and exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['--bogus'], new RegExp(`^${command}: unknown option "--bogus" \\(see --help\\)\\n$`)],
      [['--json=yes'.replace('json', command === 'settings' ? 'force' : 'json')], /takes no value\n$/],
      [[command === 'settings' ? '--format' : '--symbols'], /needs a value\n$/],
      BAD_VALUE[command],
    ];
    for (const [args, reason] of cases) {
      const { code, stdout, stderr } = await run(command, args);
      expect({ args, code, stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(stderr).toMatch(reason);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});
