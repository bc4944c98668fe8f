import { describe, expect, it } from 'vitest';
import {
  alertRuleProblem,
  describeAlertCondition,
  formatAlertCondition,
  parseAlertCondition,
  rearmMargin,
  type AlertRule,
} from '../../../src/shared/alert-rules';
import { alertRule } from '../../support/alert-rule';

describe('parseAlertCondition', () => {
  it.each([
    ['AAPL>=200', { symbol: 'AAPL', metric: 'price', op: '>=', value: 200 }],
    ['aapl <= 180.5', { symbol: 'AAPL', metric: 'price', op: '<=', value: 180.5 }],
    ['MSFT<=-2%', { symbol: 'MSFT', metric: 'change', op: '<=', value: -2 }],
    ['NVDA>=+1.5%', { symbol: 'NVDA', metric: 'change', op: '>=', value: 1.5 }],
    ['BINANCE:BTCUSDT>=100000', { symbol: 'BINANCE:BTCUSDT', metric: 'price', op: '>=', value: 100000 }],
    ['EURUSD=X<=1.05', { symbol: 'EURUSD=X', metric: 'price', op: '<=', value: 1.05 }],
  ])('parses %s', (text, expected) => {
    expect(parseAlertCondition(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    'AAPL>200',
    'AAPL=200',
    '>=200',
    'AAPL>=',
    'AAPL>=abc',
    'AAPL>=0',
    'AAPL>=-5',
    'AAPL>=1e3',
    'AA PL>=2',
    'AAPL>=+5000%',
    'AAPL>=2%%',
    '',
    'AAPL>=NaN',
  ])('rejects %j with a one-line reason', (text) => {
    const result = parseAlertCondition(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).not.toContain('\n');
  });

  it('rejects non-strings and very long input', () => {
    expect(parseAlertCondition(42).ok).toBe(false);
    expect(parseAlertCondition(`${'A'.repeat(500)}>=1`).ok).toBe(false);
  });

  it('formats back to text that parses to the same condition', () => {
    for (const text of ['AAPL>=200', 'MSFT<=-2%', 'NVDA>=+1.5%', 'X<=0.5%']) {
      const parsed = parseAlertCondition(text);
      if (!parsed.ok) throw new Error(parsed.reason);
      expect(parseAlertCondition(formatAlertCondition(parsed.value))).toEqual(parsed);
    }
    expect(formatAlertCondition({ symbol: 'MSFT', metric: 'change', op: '<=', value: -2 })).toBe('MSFT<=-2%');
    expect(formatAlertCondition({ symbol: 'NVDA', metric: 'change', op: '>=', value: 1.5 })).toBe('NVDA>=+1.5%');
  });

  it('writes tiny and huge thresholds in plain digits that parse back to the same number', () => {
    for (const value of [1e-7, 1.5e-9, 0.000001, 123456.000001, 9e-12]) {
      const condition = { symbol: 'SHIB', metric: 'price' as const, op: '<=' as const, value };
      const text = formatAlertCondition(condition);
      expect(text).not.toMatch(/e/i);
      expect(parseAlertCondition(text)).toEqual({ ok: true, value: condition });
    }
    expect(formatAlertCondition({ symbol: 'SHIB', metric: 'price', op: '>=', value: 1e-7 })).toBe('SHIB>=0.0000001');
    expect(describeAlertCondition({ symbol: 'SHIB', metric: 'price', op: '>=', value: 1e-7 })).toBe(
      'SHIB at or above 0.0000001',
    );
  });

  it('uses 0.5 % of the threshold for price rules and 0.5 points for change rules as the re-arm margin', () => {
    expect(rearmMargin({ symbol: 'A', metric: 'price', op: '>=', value: 200 })).toBeCloseTo(1, 10);
    expect(rearmMargin({ symbol: 'A', metric: 'change', op: '<=', value: -2 })).toBe(0.5);
  });
});

describe('alertRuleProblem', () => {
  it('accepts a valid rule', () => {
    expect(alertRuleProblem(alertRule())).toBeNull();
    expect(
      alertRuleProblem(alertRule({ metric: 'change', value: -3, recurring: true, cooldownS: 60, triggered: true })),
    ).toBeNull();
  });

  it.each([
    ['not an object', 'AAPL>=200'],
    ['an array', []],
    [
      'a missing field',
      (() => {
        const r: Partial<AlertRule> = alertRule();
        delete r.triggered;
        return r;
      })(),
    ],
    ['an extra field', { ...alertRule(), extra: 1 }],
    ['a bad id', alertRule({ id: 'has space' })],
    ['a lower-case symbol', alertRule({ symbol: 'aapl' })],
    ['a bad metric', { ...alertRule(), metric: 'volume' }],
    ['a bad op', { ...alertRule(), op: '>' }],
    ['a zero price', alertRule({ value: 0 })],
    ['a NaN value', alertRule({ value: Number.NaN })],
    ['a string value', { ...alertRule(), value: '200' }],
    ['a huge change', alertRule({ metric: 'change', value: 5000 })],
    ['a fractional cooldown', alertRule({ cooldownS: 1.5 })],
    ['a negative cooldown', alertRule({ cooldownS: -1 })],
    ['a non-boolean recurring', { ...alertRule(), recurring: 'yes' }],
    ['a class instance', Object.assign(new (class Rule {})(), alertRule())],
  ])('rejects %s', (_name, raw) => {
    expect(alertRuleProblem(raw)).toEqual(expect.any(String));
  });
});
