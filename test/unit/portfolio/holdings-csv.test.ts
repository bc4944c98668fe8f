import { describe, expect, it } from 'vitest';
import { formatHoldingsCsv, parseHoldingsCsv } from '../../../src/shared/portfolio/holdings-csv';
import { checkHoldings, checkLotDraft, lotProblem, type LotDraft } from '../../../src/shared/portfolio/holdings';

describe('lot rules', () => {
  it('normalises a valid lot', () => {
    expect(
      checkLotDraft({ symbol: ' aapl ', quantity: '+10.50', price: '150.0', date: '2024-03-15', note: '  first buy ' }),
    ).toEqual({
      ok: true,
      value: { symbol: 'AAPL', quantity: '10.5', price: '150', date: '2024-03-15', note: 'first buy' },
    });
    expect(
      checkLotDraft({ symbol: 'BINANCE:BTCUSDT', quantity: '-0.00012345', price: '40000', date: '2024-02-29' }),
    ).toMatchObject({ ok: true, value: { quantity: '-0.00012345', note: '' } });
  });

  it('names every bad field at once, for inline messages', () => {
    const result = checkLotDraft({ symbol: 'AA PL', quantity: '0', price: '-3', date: '2023-02-29', note: 'a\nb' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.problems).sort()).toEqual(['date', 'note', 'price', 'quantity', 'symbol']);
    expect(result.problems.date).toMatch(/not a calendar date/);
    expect(result.problems.quantity).toMatch(/must not be 0/);
  });

  it('refuses numbers it cannot keep exactly and hostile shapes', () => {
    expect(checkLotDraft({ symbol: 'A', quantity: '1e3', price: '1', date: '2024-01-01' }).ok).toBe(false);
    expect(checkLotDraft({ symbol: 'A', quantity: '1.12345678901', price: '1', date: '2024-01-01' }).ok).toBe(false);
    expect(checkLotDraft({ symbol: 'A', quantity: '1234567890123', price: '1', date: '2024-01-01' }).ok).toBe(false);
    expect(checkLotDraft(null).ok).toBe(false);
    expect(checkLotDraft(Object.create({ symbol: 'A' })).ok).toBe(false);
    expect(
      lotProblem({ id: 'x1', symbol: 'A', quantity: '1', price: '1', date: '2024-01-01', note: '', extra: 1 }),
    ).toMatch(/unknown field/);
  });

  it('checks whole holdings: base currency, ids, every lot', () => {
    const good = { id: 'h1', symbol: 'AAPL', quantity: '1', price: '1', date: '2024-01-01', note: '' };
    expect(checkHoldings({ baseCurrency: 'EUR', lots: [good] })).toEqual({
      ok: true,
      value: { baseCurrency: 'EUR', lots: [good] },
    });
    expect(checkHoldings({ baseCurrency: 'XXX1', lots: [] })).toMatchObject({ ok: false });
    expect(checkHoldings({ baseCurrency: 'USD', lots: [good, good] })).toMatchObject({
      ok: false,
      message: 'lot 2: duplicate id',
    });
    expect(checkHoldings({ baseCurrency: 'USD', lots: [{ ...good, price: '0' }] })).toMatchObject({
      ok: false,
      message: /lot 1: the price paid/,
    });
  });
});

describe('holdings CSV', () => {
  const lots: LotDraft[] = [
    { symbol: 'AAPL', quantity: '10', price: '150.25', date: '2024-01-10', note: '' },
    {
      symbol: 'BINANCE:BTCUSDT',
      quantity: '0.125',
      price: '40000.5',
      date: '2024-02-01',
      note: 'cold wallet, "ledger"',
    },
    { symbol: 'TSLA', quantity: '-4', price: '250', date: '2024-03-01', note: '=HYPERLINK("x")' },
    { symbol: 'MSFT', quantity: '1', price: '300', date: '2024-03-02', note: "'=already quoted" },
  ];

  it('round-trips exactly, quoting and formula-guarding notes', () => {
    const text = formatHoldingsCsv(lots);
    expect(text.split('\r\n')).toEqual([
      'symbol,quantity,price,date,note',
      'AAPL,10,150.25,2024-01-10,',
      'BINANCE:BTCUSDT,0.125,40000.5,2024-02-01,"cold wallet, ""ledger"""',
      'TSLA,-4,250,2024-03-01,"\'=HYPERLINK(""x"")"',
      "MSFT,1,300,2024-03-02,''=already quoted",
      '',
    ]);
    expect(parseHoldingsCsv(text)).toEqual({ ok: true, lots });
  });

  it('accepts a BOM, LF line ends, a blank last line and header case', () => {
    expect(parseHoldingsCsv('\uFEFFSymbol,Quantity,Price,Date,Note\naapl,2,3,2024-01-01,x\n\n')).toEqual({
      ok: true,
      lots: [{ symbol: 'AAPL', quantity: '2', price: '3', date: '2024-01-01', note: 'x' }],
    });
  });

  it('is all-or-nothing and lists every problem with its line', () => {
    const text =
      'symbol,quantity,price,date,note\nAAPL,10,150,2024-01-10,ok\nMSFT,abc,300,2024-13-01,\nTSLA,1,2\nNVDA,1,0,2024-01-01,x\n';
    expect(parseHoldingsCsv(text)).toEqual({
      ok: false,
      problems: [
        'line 3: the quantity must be a number like 10 or 0.5, got "abc"',
        'line 3: 2024-13-01 is not a calendar date',
        'line 4: 3 fields, expected 5 (symbol,quantity,price,date,note)',
        'line 5: the price paid must be greater than 0',
      ],
    });
  });

  it('refuses a wrong header, an empty file and an open quote', () => {
    expect(parseHoldingsCsv('ticker,qty\nAAPL,1')).toMatchObject({
      ok: false,
      problems: [/line 1: the header must be symbol,quantity,price,date,note/],
    });
    expect(parseHoldingsCsv('')).toMatchObject({ ok: false, problems: [/empty/] });
    expect(parseHoldingsCsv('symbol,quantity,price,date,note\nAAPL,1,1,2024-01-01,"open')).toEqual({
      ok: false,
      problems: ['a quoted field is never closed'],
    });
  });

  it('caps the listed problems and the number of lots', () => {
    const rows = Array.from({ length: 30 }, () => 'X,0,1,2024-01-01,');
    const result = parseHoldingsCsv(['symbol,quantity,price,date,note', ...rows].join('\n'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(21);
    expect(result.problems[20]).toBe('and 10 more problems');
    const many = Array.from({ length: 501 }, () => 'X,1,1,2024-01-01,');
    expect(parseHoldingsCsv(['symbol,quantity,price,date,note', ...many].join('\n'))).toMatchObject({
      ok: false,
      problems: ['the file has 501 lots; at most 500'],
    });
  });
});
