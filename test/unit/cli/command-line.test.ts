import { describe, expect, it } from 'vitest';
import { quoted, readCommandLine } from '../../../src/cli/command-line';

const OPTIONS = {
  symbols: { type: 'string' },
  demo: { type: 'boolean' },
  alert: { type: 'string', multiple: true },
} as const;

describe('readCommandLine', () => {
  it('reads values in both spellings, repeats of a repeatable option and positionals', () => {
    expect(readCommandLine(['--symbols=AAPL', '--demo', '--alert', 'A>=1', '--alert=B<=2', 'x'], OPTIONS)).toEqual({
      kind: 'run',
      values: { symbols: 'AAPL', demo: true, alert: ['A>=1', 'B<=2'] },
      positionals: ['x'],
    });
  });

  it('lets a value start with one dash (a negative number reaches the range check) but not two', () => {
    expect(readCommandLine(['--symbols', '-1'], OPTIONS)).toMatchObject({ kind: 'run', values: { symbols: '-1' } });
    expect(readCommandLine(['--symbols', '--demo'], OPTIONS)).toEqual({
      kind: 'error',
      reason: '--symbols needs a value',
    });
    expect(readCommandLine(['--symbols=--demo'], OPTIONS)).toMatchObject({ values: { symbols: '--demo' } });
  });

  it('answers --help or --version before checking anything else', () => {
    expect(readCommandLine(['--bogus', '--symbols', '--help'], OPTIONS)).toEqual({ kind: 'help' });
    expect(readCommandLine(['-h'], OPTIONS)).toEqual({ kind: 'help' });
    expect(readCommandLine(['--demo=1', '--version'], OPTIONS)).toEqual({ kind: 'version' });
    // After `--` it is an argument, not an option.
    expect(readCommandLine(['--', '--help'], OPTIONS)).toEqual({ kind: 'run', values: {}, positionals: ['--help'] });
  });

  it.each([
    [['--bogus'], 'unknown option "--bogus" (see --help)'],
    [['-x'], 'unknown option "-x" (see --help)'],
    [['--symbols'], '--symbols needs a value'],
    [['--demo=yes'], '--demo takes no value'],
    [['--symbols', 'A', '--symbols', 'B'], '--symbols given twice'],
    [['--bad\nname'], 'unknown option "--bad?name" (see --help)'],
  ])('refuses %j with one line: %s', (argv, reason) => {
    expect(readCommandLine(argv, OPTIONS)).toEqual({ kind: 'error', reason });
  });

  it('quotes user input clipped and without control characters', () => {
    expect(quoted('a\u001b[31mb')).toBe('"a?[31mb"');
    expect(quoted('x'.repeat(100), 5)).toBe('"xxxxx…"');
  });
});
