import { describe, it, expect } from 'vitest';
import { INVOKE_CHANNELS, type InvokeName } from '../../../src/shared/ipc-contract';
import { ARGS_VALIDATORS, validateArgs } from '../../../src/main/ipc/validators';

const TEN_MB = 'A'.repeat(10 * 1024 * 1024);
const PROTO = JSON.parse('{"__proto__":{"height":40}}') as unknown;

function refused(name: InvokeName, args: unknown[]): string {
  const result = validateArgs(name, args);
  expect(result.ok).toBe(false);
  if (result.ok) return '';
  expect(result.error.code).toBe('invalid-payload');
  expect(result.error.message.length).toBeLessThan(200);
  return result.error.message;
}

function accepted(name: InvokeName, args: unknown[]): unknown[] {
  const result = validateArgs(name, args);
  if (!result.ok) throw new Error(`expected ${name}(${JSON.stringify(args)}) to pass: ${result.error.message}`);
  return result.value as unknown[];
}

describe('argument validators', () => {
  it('exist for exactly the contract channels', () => {
    expect(Object.keys(ARGS_VALIDATORS).sort()).toEqual(Object.keys(INVOKE_CHANNELS).sort());
  });

  it.each(['getPageStart', 'getOverview', 'getRelay'] as const)('%s takes no arguments', (name) => {
    expect(accepted(name, [])).toEqual([]);
    expect(refused(name, [1])).toMatch(/Expected 0 arguments, got 1/);
  });

  it('openSettings takes nothing, or a category of the shared table and one of its own fields', () => {
    expect(accepted('openSettings', [])).toEqual([]);
    expect(accepted('openSettings', [undefined])).toEqual([]);
    expect(accepted('openSettings', [{ category: 'relay' }])).toEqual([{ category: 'relay' }]);
    expect(accepted('openSettings', [{ category: 'general', field: 'api-key' }])).toEqual([
      { category: 'general', field: 'api-key' },
    ]);
    for (const bad of [
      1,
      'relay',
      null,
      [],
      { category: 'nowhere' },
      { category: 'toString' },
      { category: 'relay', field: 'api-key' },
      { category: 'general', field: 'api-key', extra: 1 },
      { category: 'general', field: 42 },
    ])
      expect(refused('openSettings', [bad]), JSON.stringify(bad)).toBe('Not a settings category and field');
    expect(refused('openSettings', [{ category: 'relay' }, 2])).toMatch(/Expected 0 to 1 arguments, got 2/);
  });

  it('rememberCategory takes one category of the shared table', () => {
    expect(accepted('rememberCategory', ['alerts'])).toEqual(['alerts']);
    for (const bad of ['Alerts', '', 'constructor', 3, null, { category: 'alerts' }])
      expect(refused('rememberCategory', [bad]), String(bad)).toBe('Not a settings category');
    expect(refused('rememberCategory', [])).toMatch(/Expected 1 argument, got 0/);
  });

  it('refuses wrong arity everywhere', () => {
    refused('addToList', ['l1']);
    refused('addToList', ['l1', 'AAPL', 'MSFT']);
    refused('moveInList', ['l1', 'AAPL']);
    refused('moveInList', ['l1', 'AAPL', 1, 2]);
    refused('setPreferences', []);
    refused('testApiKey', ['a', 'b']);
    refused('searchSymbols', []);
    refused('openExternal', []);
  });

  it('checks symbols with the shared pattern', () => {
    expect(accepted('addToList', ['l1', 'binance:btcusdt'])).toEqual(['l1', 'binance:btcusdt']);
    expect(accepted('removeFromList', ['l1', 'OANDA:EUR_USD'])).toEqual(['l1', 'OANDA:EUR_USD']);
    for (const bad of [
      'AA PL',
      '<img src=x onerror=alert(1)>',
      '',
      '   ',
      'X'.repeat(41),
      TEN_MB,
      42,
      null,
      undefined,
      ['AAPL'],
      { symbol: 'AAPL' },
    ]) {
      refused('addToList', ['l1', bad]);
      refused('removeFromList', ['l1', bad]);
      refused('moveInList', ['l1', bad, 0]);
    }
  });

  it('accepts only whole, in-range move positions', () => {
    expect(accepted('moveInList', ['l1', 'AAPL', 0])).toEqual(['l1', 'AAPL', 0]);
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, -1, 1.5, 1e9, '1', null, true])
      refused('moveInList', ['l1', 'AAPL', bad]);
  });

  it('checks preference patches strictly', () => {
    expect(accepted('setPreferences', [{ height: 40, theme: 'light', displayId: null }])).toEqual([
      { height: 40, theme: 'light', displayId: null },
    ]);
    expect(refused('setPreferences', [PROTO])).toContain('__proto__');
    expect(refused('setPreferences', [{ colour: 'red' }])).toContain('Unknown preference');
    expect(refused('setPreferences', [[{ height: 40 }]])).toContain('plain object');
    expect(refused('setPreferences', [new Date()])).toContain('plain object');
    refused('setPreferences', [{ height: Number.NaN }]);
    refused('setPreferences', [{ opacity: Number.POSITIVE_INFINITY }]);
    refused('setPreferences', [{ paused: 'false' }]);
    refused('setPreferences', [{ theme: TEN_MB }]);
    refused('setPreferences', [null]);
    refused('setPreferences', ['{"height":40}']);
  });

  it('keeps only checked keys in the patch it passes on', () => {
    const [patch] = accepted('setPreferences', [{ speed: 100 }]) as [Record<string, unknown>];
    expect(Object.keys(patch)).toEqual(['speed']);
  });

  it('caps keys and refuses control characters', () => {
    expect(accepted('setApiKey', ['abc123def456'])).toEqual(['abc123def456']);
    expect(accepted('setApiKey', [''])).toEqual(['']);
    refused('setApiKey', ['k'.repeat(129)]);
    refused('setApiKey', [TEN_MB]);
    refused('setApiKey', ['abc\u0000defgh123']);
    refused('setApiKey', [12345678]);
  });

  it('applies the one key rule to setApiKey and testApiKey alike', () => {
    for (const bad of ['short', 'has a space inside', 'k'.repeat(129), 'ключ-ключ-ключ']) {
      refused('setApiKey', [bad]);
      refused('testApiKey', [bad]);
    }
    expect(accepted('testApiKey', ['  abc123def456  '])).toEqual(['  abc123def456  ']);
  });

  it('checks a symbol before upper-casing it, so ıbm and straße are refused', () => {
    for (const channel of ['addToList', 'removeFromList'] as const) {
      refused(channel, ['l1', 'ıbm']);
      refused(channel, ['l1', 'straße']);
      refused(channel, ['l1', 'ﬀ']);
    }
    expect(accepted('addToList', ['l1', 'ibm'])).toEqual(['l1', 'ibm']);
  });

  it('opens only the links the app builds', () => {
    for (const foreign of [
      'https://finnhub.io/',
      'https://finnhub.io/docs',
      'https://evil.example/register',
      'https://finnhub.io/register?next=https://evil.example',
    ]) {
      refused('openExternal', [foreign]);
    }
  });

  it('lets testApiKey omit its key', () => {
    expect(accepted('testApiKey', [])).toEqual([]);
    expect(accepted('testApiKey', [undefined])).toEqual([]);
    expect(accepted('testApiKey', ['abc123def456'])).toEqual(['abc123def456']);
    refused('testApiKey', [null]);
    refused('testApiKey', [TEN_MB]);
  });

  it('caps search queries', () => {
    expect(accepted('searchSymbols', ['apple'])).toEqual(['apple']);
    expect(accepted('searchSymbols', ['q'.repeat(64)])).toHaveLength(1);
    refused('searchSymbols', ['q'.repeat(65)]);
    refused('searchSymbols', [TEN_MB]);
    refused('searchSymbols', ['a\nb']);
    refused('searchSymbols', [{ toString: () => 'apple' }]);
  });

  it('opens only https links without credentials', () => {
    expect(accepted('openExternal', ['https://finnhub.io/register'])).toEqual(['https://finnhub.io/register']);
    for (const bad of [
      'http://finnhub.io',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<b>x</b>',
      'https://user:pass@finnhub.io/',
      'finnhub.io',
      `https://finnhub.io/${'a'.repeat(2048)}`,
      TEN_MB,
      42,
    ]) {
      refused('openExternal', [bad]);
    }
  });

  it('checks alert drafts with the shared rule limits and normalises the symbol', () => {
    const draft = { symbol: ' aapl ', metric: 'price', op: '>=', value: 200, recurring: false, cooldownS: 0 };
    expect(accepted('addAlert', [draft])).toEqual([{ ...draft, symbol: 'AAPL' }]);
    expect(accepted('updateAlert', ['abc-1', draft])).toEqual(['abc-1', { ...draft, symbol: 'AAPL' }]);
    expect(refused('addAlert', [{ ...draft, value: -1 }])).toMatch(/greater than 0/);
    expect(refused('addAlert', [{ ...draft, metric: 'change', value: 5000 }])).toMatch(/change/);
    expect(refused('addAlert', [{ ...draft, op: '>' }])).toMatch(/comparison/);
    expect(refused('addAlert', [{ ...draft, cooldownS: 1e9 }])).toMatch(/cooldown/);
    expect(refused('addAlert', [{ ...draft, id: 'x' }])).toMatch(/not a field/);
    expect(refused('addAlert', [{ ...draft, symbol: TEN_MB }])).toMatch(/symbol/);
    refused('addAlert', [PROTO]);
    refused('addAlert', ['AAPL>=200']);
    refused('addAlert', []);
  });

  it('takes alert ids of the saved shape only', () => {
    expect(accepted('removeAlert', ['0f1e2d3c-aaaa-bbbb'])).toEqual(['0f1e2d3c-aaaa-bbbb']);
    expect(accepted('rearmAlert', ['id_1'])).toEqual(['id_1']);
    expect(accepted('getAlertHistory', [])).toEqual([]);
    refused('removeAlert', ['../etc']);
    refused('rearmAlert', ['x'.repeat(41)]);
    refused('removeAlert', [1]);
    refused('updateAlert', ['id_1']);
  });
});

describe('portfolio validators', () => {
  const lot = { symbol: ' aapl ', quantity: '-0.50', price: '150', date: '2024-01-10', note: 'x' };

  it('normalises a lot draft with the shared rules and drops unknown fields', () => {
    expect(accepted('addLot', [{ ...lot, id: 'sneaky', extra: 1 }])).toEqual([
      { symbol: 'AAPL', quantity: '-0.5', price: '150', date: '2024-01-10', note: 'x' },
    ]);
    expect(accepted('updateLot', ['lot-1', lot])).toMatchObject(['lot-1', { symbol: 'AAPL' }]);
    expect(refused('addLot', [{ ...lot, quantity: '0' }])).toMatch(/must not be 0/);
    expect(refused('addLot', [{ ...lot, price: TEN_MB }])).toMatch(/price/);
    expect(refused('addLot', [{ ...lot, note: TEN_MB }])).toMatch(/note/);
    expect(refused('addLot', [{ symbol: 1, quantity: 2, price: 3, date: 4, note: 5 }])).toMatch(/symbol/);
    refused('addLot', [PROTO]);
    refused('updateLot', ['../x', lot]);
    refused('removeLot', [7]);
  });

  it('checks a whole import and the base currency', () => {
    expect(accepted('replaceLots', [[lot, lot]])).toHaveLength(1);
    expect(refused('replaceLots', [[lot, { ...lot, date: '2024-02-30' }]])).toMatch(/^Lot 2: /);
    expect(refused('replaceLots', [Array.from({ length: 501 }, () => lot)])).toMatch(/At most 500/);
    refused('replaceLots', ['symbol,quantity']);
    expect(accepted('setBaseCurrency', ['CHF'])).toEqual(['CHF']);
    refused('setBaseCurrency', ['chf']);
    refused('setBaseCurrency', ['DOGE']);
    expect(accepted('getPortfolio', [])).toEqual([]);
  });
});

describe('watch list validators', () => {
  it('take a list id Ticker could have made and a symbol, name or index', () => {
    expect(accepted('addToList', ['l2', 'aapl'])).toEqual(['l2', 'aapl']);
    expect(accepted('moveInList', ['l2', 'AAPL', 0])).toEqual(['l2', 'AAPL', 0]);
    expect(accepted('renameList', ['l2', ' Crypto '])).toEqual(['l2', ' Crypto ']);
    expect(accepted('createList', ['FX'])).toEqual(['FX']);
    expect(accepted('showList', ['l1'])).toEqual(['l1']);
  });

  it('refuse hostile ids, names and symbols before any handler runs', () => {
    expect(refused('showList', ['../../etc'])).toMatch(/list id/);
    expect(refused('deleteList', [PROTO])).toMatch(/list id/);
    expect(refused('addToList', ['l1', 'bad symbol!'])).toMatch(/Not a valid symbol/);
    expect(refused('removeFromList', ['l1'])).toMatch(/Expected 2 arguments/);
    expect(refused('moveInList', ['l1', 'AAPL', -1])).toMatch(/position/);
    expect(refused('createList', ['   '])).toMatch(/needs a name/);
    expect(refused('createList', [TEN_MB])).toMatch(/too long/);
    expect(refused('renameList', ['l1', 'x'.repeat(41)])).toMatch(/at most 40/);
    // Invisible characters are cleaned, not counted: a name of nothing else has no name.
    expect(refused('renameList', ['l1', '\u200B\u202E\n'])).toMatch(/needs a name/);
  });
});
