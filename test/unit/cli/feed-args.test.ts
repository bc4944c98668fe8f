import { describe, expect, it } from 'vitest';
import type { BoundedRead } from '../../../src/engine/files/bounded-read';
import { parseFeedArgs } from '../../../src/cli/feed-args';
import {
  FINNHUB_REST_URL as DEFAULT_REST_URL,
  FINNHUB_WS_URL as DEFAULT_WS_URL,
} from '../../../src/shared/finnhub-urls';

function parse(argv: string[], env: Record<string, string> = {}) {
  return parseFeedArgs(argv, env);
}

function args(argv: string[], env: Record<string, string> = {}) {
  const result = parse(argv, env);
  if (result.kind !== 'run') throw new Error(`expected a run, got: ${JSON.stringify(result)}`);
  return result.args;
}

function reason(argv: string[], env: Record<string, string> = {}) {
  const result = parse(argv, env);
  if (result.kind !== 'error') throw new Error('expected a refusal');
  return result.reason;
}

describe('parseFeedArgs', () => {
  it('reads symbols, normalising case and dropping duplicates', () => {
    expect(args(['--symbols', 'aapl,MSFT, binance:btcusdt,AAPL', '--token', 'k1234567']).symbols).toEqual([
      'AAPL',
      'MSFT',
      'BINANCE:BTCUSDT',
    ]);
  });

  it('accepts --flag=value as well as --flag value', () => {
    const a = args(['--symbols=AAPL', '--token=abc12345', '--duration=2.5']);
    expect(a.symbols).toEqual(['AAPL']);
    expect(a.token).toBe('abc12345');
    expect(a.durationS).toBe(2.5);
  });

  it('takes the key, ws and rest URLs from the environment when not given', () => {
    const a = args(['--symbols', 'AAPL'], {
      FINNHUB_API_KEY: 'envkey123',
      FINNHUB_WS_URL: 'ws://127.0.0.1:9',
      FINNHUB_REST_URL: 'http://127.0.0.1:9/api/v1',
    });
    expect(a).toMatchObject({
      token: 'envkey123',
      wsUrl: 'ws://127.0.0.1:9',
      restUrl: 'http://127.0.0.1:9/api/v1',
      demo: false,
    });
  });

  it('treats empty environment variables as unset', () => {
    const a = args([], { FINNHUB_API_KEY: '', FINNHUB_WS_URL: ' ', FINNHUB_REST_URL: '' });
    expect(a).toMatchObject({ token: null, demo: true, wsUrl: DEFAULT_WS_URL, restUrl: DEFAULT_REST_URL });
  });

  it('prefers flags over the environment', () => {
    const a = args(['--symbols', 'AAPL', '--token', 'flagkey1', '--ws-url', 'ws://127.0.0.1:1'], {
      FINNHUB_API_KEY: 'envkey123',
      FINNHUB_WS_URL: 'ws://127.0.0.1:9',
    });
    expect(a.token).toBe('flagkey1');
    expect(a.wsUrl).toBe('ws://127.0.0.1:1');
  });

  it('defaults to Finnhub URLs', () => {
    const a = args(['--symbols', 'AAPL', '--token', 'k1234567']);
    expect(a.wsUrl).toBe(DEFAULT_WS_URL);
    expect(a.restUrl).toBe(DEFAULT_REST_URL);
    expect(a.durationS).toBeNull();
    expect(a.rateHz).toBe(10);
  });

  it('runs the demo without a key, with default symbols when none are given', () => {
    const a = args([]);
    expect(a.demo).toBe(true);
    expect(a.token).toBeNull();
    expect(a.symbols.length).toBeGreaterThan(0);
  });

  it('runs the demo when asked even with a key', () => {
    expect(args(['--demo', '--token', 'k1234567', '--symbols', 'AAPL']).demo).toBe(true);
  });

  it.each([
    [['--nope'], /unknown option "--nope"/],
    [['--symbols'], /--symbols needs a value/],
    [['--symbols', 'AAPL', '--duration', '-1'], /--duration must be a number/],
    [['--symbols', 'AAPL', '--duration', 'soon'], /--duration must be a number/],
    [['--symbols', 'AAPL', '--heartbeat-timeout', '0'], /--heartbeat-timeout must be a number/],
    [['--symbols', 'AA PL'], /invalid symbol "AA PL"/],
    [['--symbols', '<b>x</b>'], /invalid symbol/],
    [['--symbols', ','], /--symbols is empty/],
    [['--symbols', 'AAPL', '--ws-url', 'http://x'], /--ws-url must use ws: or wss:/],
    [['--symbols', 'AAPL', '--rest-url', 'not a url'], /--rest-url is not a valid URL/],
    [['--symbols', 'AAPL', '--symbols', 'MSFT'], /given twice/],
    [['--demo=yes'], /takes no value/],
    [['--token', 'k1234567'], /--symbols is required/],
  ])('refuses %j with a one-line reason', (argv, expected) => {
    const text = reason(argv);
    expect(text).toMatch(expected);
    expect(text).not.toContain('\n');
  });

  it('refuses more symbols than the free plan allows', () => {
    const many = Array.from({ length: 51 }, (_, i) => `S${i}`).join(',');
    expect(reason(['--symbols', many, '--token', 'k1234567'])).toMatch(/51 symbols/);
    // The key rule the app uses for saving and testing a key.
    expect(reason(['--symbols', 'AAPL', '--token', 'short'])).toMatch(/8 to 128/);
  });

  describe('alerts', () => {
    it('reads repeated --alert rules as one-shot rules with the default cooldown, adding their symbols', () => {
      const parsed = args([
        '--symbols',
        'MSFT',
        '--token',
        'k1234567',
        '--alert',
        'aapl>=200',
        '--alert=MSFT<=-2%',
        '--alert',
        'BINANCE:BTCUSDT>=100000',
      ]);
      expect(parsed.symbols).toEqual(['MSFT', 'AAPL', 'BINANCE:BTCUSDT']);
      expect(parsed.alerts).toEqual([
        {
          id: 'alert-1',
          symbol: 'AAPL',
          metric: 'price',
          op: '>=',
          value: 200,
          recurring: false,
          cooldownS: 60,
          triggered: false,
        },
        {
          id: 'alert-2',
          symbol: 'MSFT',
          metric: 'change',
          op: '<=',
          value: -2,
          recurring: false,
          cooldownS: 60,
          triggered: false,
        },
        {
          id: 'alert-3',
          symbol: 'BINANCE:BTCUSDT',
          metric: 'price',
          op: '>=',
          value: 100000,
          recurring: false,
          cooldownS: 60,
          triggered: false,
        },
      ]);
    });

    it('makes every rule recurring with --alert-repeat and takes --alert-cooldown (0 for none)', () => {
      const parsed = args(['--token', 'k1234567', '--alert', 'AAPL>=200', '--alert-repeat', '--alert-cooldown', '0']);
      expect(parsed.symbols).toEqual(['AAPL']);
      expect(parsed.alerts[0]).toMatchObject({ recurring: true, cooldownS: 0 });
    });

    it('has no alerts by default', () => {
      expect(args(['--symbols', 'AAPL', '--token', 'k1234567']).alerts).toEqual([]);
    });

    it('refuses a malformed rule with the rule in the reason', () => {
      expect(reason(['--alert', 'AAPL>200'])).toMatch(/"AAPL>200"/);
      expect(reason(['--alert', 'AAPL>=0'])).toMatch(/greater than 0/);
      expect(reason(['--alert', '$$$>=1'])).toMatch(/not a valid symbol/);
      expect(reason(['--alert'])).toMatch(/--alert needs a value/);
    });

    it('refuses a bad cooldown, and the alert options without a rule', () => {
      expect(reason(['--alert', 'AAPL>=1', '--alert-cooldown', '-1'])).toMatch(/--alert-cooldown/);
      expect(reason(['--alert', 'AAPL>=1', '--alert-cooldown', '1.5'])).toMatch(/--alert-cooldown/);
      expect(reason(['--alert-repeat'])).toMatch(/needs at least one --alert/);
      expect(reason(['--alert-cooldown', '5'])).toMatch(/needs at least one --alert/);
      expect(reason(['--alert', 'AAPL>=1', '--alert-repeat=yes'])).toMatch(/takes no value/);
    });

    it('counts alert symbols towards the symbol cap', () => {
      const many = Array.from({ length: 50 }, (_, i) => `S${i}`).join(',');
      expect(reason(['--symbols', many, '--token', 'k1234567', '--alert', 'AAPL>=1'])).toMatch(/51 symbols/);
    });
  });
});

describe('parseFeedArgs: the relay', () => {
  const base = ['--symbols', 'AAPL', '--token', 'finnhub-key-123'];

  it('is off without --relay-port', () => {
    expect(args(base).relay).toBeNull();
  });

  it('reads the port, the token (flag first, then TICKER_RELAY_TOKEN) and normalised origins', () => {
    expect(args([...base, '--relay-port', '8765']).relay).toEqual({ port: 8765, token: null, origins: [] });
    expect(args([...base, '--relay-port', '0']).relay?.port).toBe(0);
    expect(args([...base, '--relay-port', '8765'], { TICKER_RELAY_TOKEN: 'from-the-environment-1' }).relay?.token).toBe(
      'from-the-environment-1',
    );
    expect(
      args([...base, '--relay-port', '8765', '--relay-token', 'from-the-flag-12345'], {
        TICKER_RELAY_TOKEN: 'from-the-environment-1',
      }).relay?.token,
    ).toBe('from-the-flag-12345');
    expect(
      args([
        ...base,
        '--relay-port=9000',
        '--relay-origins',
        'https://Dash.example/,http://localhost:3000,https://dash.example',
      ]).relay?.origins,
    ).toEqual(['https://dash.example', 'http://localhost:3000']);
  });

  it('refuses bad ports, tokens and origins with a reason', () => {
    expect(reason([...base, '--relay-port', '80'])).toMatch(/--relay-port must be a whole number from 1024 to 65535/);
    expect(reason([...base, '--relay-port', '8765.5'])).toMatch(/--relay-port/);
    expect(reason([...base, '--relay-port', 'abc'])).toMatch(/--relay-port/);
    expect(reason([...base, '--relay-port', '70000'])).toMatch(/--relay-port/);
    expect(reason([...base, '--relay-port', '8765', '--relay-token', 'short'])).toMatch(
      /relay token must be 16 to 128/,
    );
    expect(reason([...base, '--relay-port', '8765', '--relay-token', 'finnhub-key-123'])).toMatch(
      /16 to 128|must not be your Finnhub key/,
    );
    expect(
      reason([
        '--symbols',
        'AAPL',
        '--token',
        'finnhub-key-1234567',
        '--relay-port',
        '8765',
        '--relay-token',
        'finnhub-key-1234567',
      ]),
    ).toBe('the relay token must not be your Finnhub key');
    expect(reason([...base, '--relay-port', '8765', '--relay-origins', 'example.com'])).toMatch(
      /--relay-origins: "example.com" is not an origin/,
    );
    expect(reason([...base, '--relay-token', 'abcdefghijklmnopq'])).toBe(
      '--relay-token and --relay-origins need --relay-port',
    );
  });
});

describe('parseFeedArgs --holdings', () => {
  const CSV = 'symbol,quantity,price,date,note\nAAPL,10,150,2024-01-10,\nBINANCE:BTCUSDT,0.5,40000,2024-02-01,wallet\n';
  const files =
    (text: string) =>
    (path: string): BoundedRead =>
      path === 'mine.csv' ? { ok: true, text } : { ok: false, problem: `"${path}" could not be read (ENOENT)` };

  it('reads the lots, adds their symbols to the watched set and defaults the base currency to USD', () => {
    const result = parseFeedArgs(
      ['--symbols', 'MSFT', '--token', 'k1234567', '--holdings', 'mine.csv'],
      {},
      files(CSV),
    );
    if (result.kind !== 'run') throw new Error(JSON.stringify(result));
    expect(result.args.symbols).toEqual(['MSFT', 'AAPL', 'BINANCE:BTCUSDT']);
    expect(result.args.holdings).toEqual({
      baseCurrency: 'USD',
      lots: [
        { id: 'lot-1', symbol: 'AAPL', quantity: '10', price: '150', date: '2024-01-10', note: '' },
        { id: 'lot-2', symbol: 'BINANCE:BTCUSDT', quantity: '0.5', price: '40000', date: '2024-02-01', note: 'wallet' },
      ],
    });
    const euro = parseFeedArgs(
      ['--token', 'k1234567', '--holdings=mine.csv', '--base-currency', 'eur'],
      {},
      files(CSV),
    );
    expect(euro.kind === 'run' && euro.args.holdings?.baseCurrency).toBe('EUR');
    expect(euro.kind === 'run' && euro.args.symbols).toEqual(['AAPL', 'BINANCE:BTCUSDT']);
  });

  it('cleans terminal escapes and controls out of a bad file, as server text is cleaned', () => {
    const hostile = files(
      'symbol,quantity,price,date,note\n"\u001b]0;owned\u0007\u001b[2J\u009b31mAAPL\u202e",1,1,2024-01-10,\n',
    );
    const result = parseFeedArgs(['--holdings', 'mine.csv', '--demo'], {}, hostile);
    expect(result.kind).toBe('error');
    const reason = result.kind === 'error' ? result.reason : '';
    // eslint-disable-next-line no-control-regex
    expect(reason).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(reason).toContain('line 2: the symbol must be');
  });

  it('refuses a malformed or missing file in one line naming every problem', () => {
    const bad = parseFeedArgs(
      ['--holdings', 'mine.csv', '--demo'],
      {},
      files('symbol,quantity,price,date,note\nAAPL,x,150,2024-01-10,\nMSFT,1,0,2024-01-10,"a\nb"\n'),
    );
    expect(bad).toEqual({
      kind: 'error',
      reason:
        '--holdings: "mine.csv": line 2: the quantity must be a number like 10 or 0.5, got "x"; line 3: the price paid must be greater than 0; line 3: the note must be one line without control characters',
    });
    expect(parseFeedArgs(['--holdings', 'other.csv', '--demo'], {}, files(CSV))).toEqual({
      kind: 'error',
      reason: '--holdings: "other.csv" could not be read (ENOENT)',
    });
    expect(
      parseFeedArgs(['--holdings', 'mine.csv', '--demo'], {}, files('symbol,quantity,price,date,note\n')),
    ).toMatchObject({ kind: 'error', reason: /has no lots/ });
  });

  it('checks the base currency and needs --holdings for it', () => {
    expect(parseFeedArgs(['--holdings', 'mine.csv', '--base-currency', 'BTC', '--demo'], {}, files(CSV))).toMatchObject(
      { kind: 'error', reason: /--base-currency: the base currency must be a currency code/ },
    );
    expect(parseFeedArgs(['--base-currency', 'EUR', '--demo'], {}, files(CSV))).toEqual({
      kind: 'error',
      reason: '--base-currency needs --holdings FILE.csv',
    });
  });
});
