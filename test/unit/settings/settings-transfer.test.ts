import { describe, expect, it } from 'vitest';
import { parseCsvRows, csvField, csvRow } from '../../../src/shared/csv';
import { DEFAULT_PREFERENCES } from '../../../src/shared/preference-rules';
import { listedProblems, MAX_LISTED_PROBLEMS } from '../../../src/shared/settings-transfer';
import { applyTransfer } from '../../../src/engine/settings/apply-transfer';
import { defaultSettings, MAX_SETTINGS_FILE_BYTES, type SavedSettings } from '../../../src/engine/settings/schema';
import {
  formatSettingsJson,
  parseSettingsJson,
  TRANSFER_VERSION,
  type TransferData,
} from '../../../src/engine/settings/settings-transfer';
import { formatSymbolsCsv, parseSymbolsCsv } from '../../../src/engine/settings/symbols-csv';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);

function saved(fields: Partial<SavedSettings> = {}): SavedSettings {
  return { ...defaultSettings(), ...fields };
}

const MINE = saved({
  lists: [
    { id: 'l1', name: 'Tech', symbols: ['AAPL', 'MSFT'] },
    { id: 'l4', name: 'Crypto, "spot"', symbols: ['BINANCE:BTCUSDT'] },
    { id: 'l5', name: '=SUM(A1)', symbols: ['OANDA:EUR_USD', 'BRK.B'] },
    { id: 'l6', name: 'Empty', symbols: [] },
  ],
  shownListId: 'l4',
  preferences: {
    ...DEFAULT_PREFERENCES,
    theme: 'light',
    speed: 95.5,
    displayId: 7,
    chartUrlTemplate: 'https://finance.yahoo.com/quote/{symbol}',
  },
  apiKey: { protection: 'encrypted', data: 'c2VjcmV0' },
  relay: { token: 'x'.repeat(43), origins: ['https://a.example'] },
});

const source = (settings: SavedSettings) => ({
  lists: settings.lists,
  shownListId: settings.shownListId,
  preferences: settings.preferences,
});

function parsedJson(text: string): TransferData {
  const result = parseSettingsJson(text, 50);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.data;
}

describe('settings export (JSON)', () => {
  it('round-trips lists, the shown list and every preference, and never holds the key or the relay token', () => {
    const text = formatSettingsJson(source(MINE), NOW);
    expect(text).not.toContain('c2VjcmV0');
    expect(text).not.toContain('x'.repeat(43));
    expect(JSON.parse(text)).toMatchObject({
      format: 'ticker-settings',
      version: TRANSFER_VERSION,
      exportedAt: '2026-12-01T12:00:00.000Z',
      shownList: 'Crypto, "spot"',
    });
    const applied = applyTransfer(saved(), parsedJson(text), 50);
    if (!applied.ok) throw new Error(applied.problems.join());
    expect(applied.settings.lists.map(({ name, symbols }) => ({ name, symbols }))).toEqual([
      { name: 'Watch list', symbols: defaultSettings().lists[0]?.symbols },
      ...MINE.lists.map(({ name, symbols }) => ({ name, symbols })),
    ]);
    expect(applied.settings.preferences).toEqual(MINE.preferences);
    expect(applied.settings.lists.find((list) => list.id === applied.settings.shownListId)?.name).toBe(
      'Crypto, "spot"',
    );
    // Exporting the result again gives the same lists and preferences.
    const again = JSON.parse(formatSettingsJson(source(applied.settings), NOW));
    expect(again.lists.slice(1)).toEqual(JSON.parse(text).lists);
    expect(again.preferences).toEqual(JSON.parse(text).preferences);
  });

  it('refuses an invalid file listing every problem by its field, with the same rules as the settings', () => {
    const bad = {
      format: 'ticker-settings',
      version: 1,
      apiKey: 'abc',
      relay: { token: 't' },
      colour: 'red',
      lists: [
        { name: 'Tech', symbols: ['AAPL', 'ıbm', 'aapl', 42] },
        { name: ' tech ', symbols: 'AAPL' },
        { name: '', symbols: [], pinned: true },
        'FX',
      ],
      shownList: 'Nope',
      preferences: { height: 500, theme: 'pink', speed: 60, shortcut: 'Ctrl+T', chartUrlTemplate: 'http://x/{symbol}' },
    };
    const result = parseSettingsJson(JSON.stringify(bad), 50);
    expect(result).toEqual({
      ok: false,
      problems: [
        'apiKey: the Finnhub key is never imported (paste it in Settings)',
        'relay: the relay token is never imported',
        'colour: not a field of a Ticker settings export',
        'lists[0].symbols[1]: "ıbm" is not a valid symbol (letters, digits and . - _ : / ^ =, starting with a letter, a digit or ^ (up to 40 characters))',
        'lists[0].symbols[2]: AAPL appears twice in this list',
        'lists[0].symbols[3]: (number) is not a valid symbol (letters, digits and . - _ : / ^ =, starting with a letter, a digit or ^ (up to 40 characters))',
        'lists[1].name: "tech" is also the name of lists[0]',
        'lists[1].symbols: must be a list of symbols',
        'lists[2].pinned: not a field of a watch list',
        'lists[2].name: A list needs a name',
        'lists[3]: must be an object with a name and symbols',
        'shownList: "Nope" is not the name of a list in the file',
        'preferences.height: "height" must be between 20 and 120',
        'preferences.theme: "theme" must be one of system, dark, light, transparent',
        'preferences.shortcut: not a preference of this version of Ticker',
        expect.stringMatching(/^preferences\.chartUrlTemplate: .*https/),
      ],
    });
  });

  it.each([
    ['not JSON', '{"format": ', /^the file is not valid JSON/],
    ['not an object', '[1,2]', /not a JSON object/],
    ['another format', '{"format":"other","version":1,"lists":[]}', /^format: must be "ticker-settings"/],
    ['a newer export', '{"format":"ticker-settings","version":2,"lists":[]}', /^version: 2 is from a newer Ticker/],
    ['too large', ' '.repeat(MAX_SETTINGS_FILE_BYTES + 1), /larger than 1024 KiB/],
  ])('refuses %s with one clear problem', (_case, text, problem) => {
    const result = parseSettingsJson(text, 50);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([expect.stringMatching(problem)]);
  });

  it('names an unknown top-level key even when it is a name Object itself has', () => {
    const text = `{"format":"ticker-settings","version":1,"lists":[{"name":"A","symbols":["AAPL"]}],"__proto__":{"x":1},"constructor":1,"toString":"x","valueOf":null,"hasOwnProperty":2,"a\\nb":3}`;
    const parsed = parseSettingsJson(text, 50);
    expect(parsed).toEqual({
      ok: false,
      problems: [
        '__proto__: not a field of a Ticker settings export',
        'constructor: not a field of a Ticker settings export',
        'toString: not a field of a Ticker settings export',
        'valueOf: not a field of a Ticker settings export',
        'hasOwnProperty: not a field of a Ticker settings export',
        '"a b": not a field of a Ticker settings export',
      ],
    });
    expect(JSON.stringify(parsed)).not.toMatch(/object Object|native code|function/);
  });

  it('a list over the symbol cap is refused, naming the cap', () => {
    const text = JSON.stringify({
      format: 'ticker-settings',
      version: 1,
      lists: [{ name: 'Big', symbols: ['A', 'B', 'C'] }],
    });
    expect(parseSettingsJson(text, 2)).toEqual({
      ok: false,
      problems: ['lists[0].symbols: 3 symbols; a list holds at most 2'],
    });
  });
});

describe('symbols CSV', () => {
  it('round-trips every list, with names holding commas, quotes and formula characters', () => {
    const text = formatSymbolsCsv(MINE.lists);
    expect(text.split('\r\n')).toEqual([
      'symbol,list',
      'AAPL,Tech',
      'MSFT,Tech',
      'BINANCE:BTCUSDT,"Crypto, ""spot"""',
      "OANDA:EUR_USD,'=SUM(A1)",
      "BRK.B,'=SUM(A1)",
      '',
    ]);
    const parsed = parseSymbolsCsv(text, { defaultList: 'Tech', maxSymbols: 50 });
    expect(parsed).toEqual({
      ok: true,
      data: {
        lists: MINE.lists.filter((list) => list.symbols.length > 0).map(({ name, symbols }) => ({ name, symbols })),
        shownList: null,
        preferences: {},
      },
    });
  });

  it('takes one symbol a line without a header; a line without a list goes to the default list', () => {
    expect(
      parseSymbolsCsv('aapl\r\n msft \n\nBINANCE:ETHUSDT,Crypto\n', { defaultList: 'Watch list', maxSymbols: 50 }),
    ).toEqual({
      ok: true,
      data: {
        lists: [
          { name: 'Watch list', symbols: ['AAPL', 'MSFT'] },
          { name: 'Crypto', symbols: ['BINANCE:ETHUSDT'] },
        ],
        shownList: null,
        preferences: {},
      },
    });
  });

  it('refuses a file listing every problem by its line', () => {
    const text = [
      'symbol,list',
      'IBM,Tech',
      'straße,Tech',
      'ibm,tech',
      'AAPL,Tech,extra',
      `SAP,${'x'.repeat(41)}`,
      '"MSFT',
      '',
    ].join('\n');
    expect(parseSymbolsCsv(text, { defaultList: 'Watch list', maxSymbols: 50 })).toEqual({
      ok: false,
      problems: ['a quoted field is never closed'],
    });
    const closed = text.replace('"MSFT', 'MSFT,"Multi\nline"');
    expect(parseSymbolsCsv(closed, { defaultList: 'Watch list', maxSymbols: 50 })).toEqual({
      ok: false,
      problems: [
        'line 3: "straße" is not a valid symbol (letters, digits and . - _ : / ^ =, starting with a letter, a digit or ^ (up to 40 characters))',
        'line 4: IBM is already in "Tech" (line 2)',
        'line 5: 3 columns; expected a symbol and an optional list name',
        `line 6: list "${'x'.repeat(40)}…": A list name must be at most 40 characters`,
      ],
    });
  });

  it('refuses more symbols in a list than the cap, naming the line where it is passed, and an empty file', () => {
    expect(parseSymbolsCsv('A\nB\nC\n', { defaultList: 'L', maxSymbols: 2 })).toEqual({
      ok: false,
      problems: ['"L": 3 symbols (from line 3 on); a list holds at most 2'],
    });
    expect(parseSymbolsCsv('symbol,list\n\n', { defaultList: 'L', maxSymbols: 2 })).toEqual({
      ok: false,
      problems: ['the file has no symbols'],
    });
  });
});

describe('applyTransfer', () => {
  const data = (lists: TransferData['lists'], extra: Partial<TransferData> = {}): TransferData => ({
    lists,
    shownList: null,
    preferences: {},
    ...extra,
  });

  it('replaces same-named lists (any case), adds the others, keeps the rest and everything else', () => {
    const current = saved({
      lists: [
        { id: 'l1', name: 'Tech', symbols: ['AAPL'] },
        { id: 'l2', name: 'FX', symbols: ['OANDA:EUR_USD'] },
      ],
      shownListId: 'l2',
      apiKey: { protection: 'encrypted', data: 'AAAA' },
    });
    const result = applyTransfer(
      current,
      data(
        [
          { name: 'tech', symbols: ['IBM'] },
          { name: 'Crypto', symbols: [] },
        ],
        { preferences: { theme: 'light' } },
      ),
      50,
    );
    expect(result).toMatchObject({
      changes: [
        'list "Tech" renamed → "tech"',
        'list "tech": AAPL → IBM',
        'new list "Crypto": (none)',
        `theme: ${JSON.stringify(DEFAULT_PREFERENCES.theme)} → "light"`,
      ],
      chartHost: null,
      switchOns: [],
    });
    expect(result).toMatchObject({
      ok: true,
      summary: 'Imported: replaced the symbols of "tech"; added "Crypto"; set 1 preference.',
      settings: {
        ...current,
        lists: [
          { id: 'l1', name: 'tech', symbols: ['IBM'] },
          { id: 'l2', name: 'FX', symbols: ['OANDA:EUR_USD'] },
          { id: 'l3', name: 'Crypto', symbols: [] },
        ],
        preferences: { ...current.preferences, theme: 'light' },
      },
    });
  });

  it('never switches on what opens a port or starts a program unless confirmed, and lists every change', () => {
    const current = saved({});
    const data = {
      lists: [],
      shownList: null,
      preferences: { relayEnabled: true, launchAtLogin: true, relayPort: 9999, theme: 'light' as const },
    };
    const held = applyTransfer(current, data, 50);
    if (!held.ok) throw new Error('refused');
    expect(held.settings.preferences).toMatchObject({ relayEnabled: false, launchAtLogin: false, relayPort: 9999 });
    expect(held.switchOns).toEqual([
      'the relay (it opens a local port for other programs)',
      'launch at login (it starts Ticker when you log in)',
    ]);
    expect(held.changes).toEqual([
      'relayEnabled: false → true (only when you confirm it)',
      'launchAtLogin: false → true (only when you confirm it)',
      `relayPort: ${DEFAULT_PREFERENCES.relayPort} → 9999`,
      `theme: ${JSON.stringify(DEFAULT_PREFERENCES.theme)} → "light"`,
    ]);
    expect(held.summary).toContain('not switched on without your confirmation');
    const confirmed = applyTransfer(current, data, 50, { allowSwitchOn: true });
    if (!confirmed.ok) throw new Error('refused');
    expect(confirmed.settings.preferences).toMatchObject({ relayEnabled: true, launchAtLogin: true });
  });

  it('calls out a chart link that now opens another site, in punycode', () => {
    const current = saved({});
    const lookAlike = 'https://www.xn--tradingvew-yti.com/chart/?symbol={symbol}';
    const result = applyTransfer(
      current,
      { lists: [], shownList: null, preferences: { chartUrlTemplate: lookAlike } },
      50,
    );
    if (!result.ok) throw new Error('refused');
    expect(result.chartHost).toEqual({ from: 'www.tradingview.com', to: 'www.xn--tradingvew-yti.com' });
    expect(result.changes[0]).toBe(
      'chart links now open another site: www.tradingview.com → www.xn--tradingvew-yti.com',
    );
    expect(result.summary).toContain('chart links now open www.xn--tradingvew-yti.com instead of www.tradingview.com');
  });

  it('refuses a chart link whose site name mixes alphabets (a look-alike typed in Unicode)', () => {
    const text = JSON.stringify({
      format: 'ticker-settings',
      version: 1,
      lists: [{ name: 'A', symbols: ['AAPL'] }],
      preferences: { chartUrlTemplate: 'https://www.tradingv\u0456ew.com/chart/?symbol={symbol}' },
    });
    const parsed = parseSettingsJson(text, 50);
    expect(parsed.ok).toBe(false);
    expect(JSON.stringify(parsed)).toContain('mixes alphabets');
  });

  it('refuses, changing nothing, when the lists would exceed the limit', () => {
    const current = saved({
      lists: Array.from({ length: 19 }, (_, i) => ({ id: `l${i + 1}`, name: `L${i}`, symbols: [] })),
    });
    const result = applyTransfer(
      current,
      data([
        { name: 'A', symbols: [] },
        { name: 'B', symbols: [] },
      ]),
      50,
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        'importing would make 21 watch lists (adding "A", "B"); Ticker keeps at most 20: delete some lists first',
      ],
    });
  });

  it('shows the named list', () => {
    const result = applyTransfer(
      saved(),
      data([{ name: 'Crypto', symbols: ['BINANCE:BTCUSDT'] }], { shownList: 'Crypto' }),
      50,
    );
    expect(result.ok && result.settings.shownListId).toBe('l2');
    expect(result.ok && result.summary).toBe('Imported: added "Crypto"; now showing "Crypto".');
  });
});

describe('csv helpers', () => {
  it('keep the line a row starts on, across quoted line breaks and CRLF', () => {
    expect(parseCsvRows('\uFEFFa,"b\nc"\r\n\r\nd,""""\n')).toEqual([
      { fields: ['a', 'b\nc'], line: 1 },
      { fields: ['d', '"'], line: 4 },
    ]);
  });

  it('guard formulas and quote what needs it, and undo the guard', () => {
    for (const value of ['=1+1', '+x', '-5', '@a', "'=already", 'a,b', ' padded ', 'say "hi"', 'plain', '-B2']) {
      const field = csvField(value);
      const [row] = parseCsvRows(field) ?? [];
      expect(row?.fields[0]).toBe(value);
    }
    expect(csvField('=1+1')).toBe("'=1+1");
    // Plain numbers stay numbers; anything else that starts like a formula is guarded.
    expect(csvRow(['-5', -2.5, '+3', '-B2', '=A1', '@SUM(A1)', '-1+cmd'])).toBe(
      "-5,-2.5,+3,'-B2,'=A1,'@SUM(A1),'-1+cmd",
    );
  });

  it('list at most MAX_LISTED_PROBLEMS problems, counting the rest', () => {
    const many = Array.from({ length: MAX_LISTED_PROBLEMS + 3 }, (_, i) => `p${i}`);
    expect(listedProblems(many)).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(listedProblems(many).at(-1)).toBe('… and 3 more problems');
  });
});
