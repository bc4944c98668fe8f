import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/shared/portfolio/decimal';

const d = (text: string): Decimal => Decimal.of(text);

describe('Decimal', () => {
  it('adds and multiplies exactly where binary floats do not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(d('0.1').plus(d('0.2')).toString()).toBe('0.3');
    expect(Decimal.of(0.1).times(Decimal.of(3)).toString()).toBe('0.3');
    expect(d('1234567890.12345678').times(d('0.00000001')).toString()).toBe('12.3456789012345678');
  });

  it('reads a number through its shortest text, exponents included', () => {
    expect(Decimal.of(189.41).toString()).toBe('189.41');
    expect(Decimal.of(1e-7).toString()).toBe('0.0000001');
    expect(Decimal.of(-2.5e-8).toString()).toBe('-0.000000025');
    expect(Decimal.of(1e21).toString()).toBe('1000000000000000000000');
    expect(Decimal.fromNumber(Number.NaN)).toBeNull();
    expect(Decimal.fromNumber(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('rounds half away from zero once, at the end (1.005 → 1.01, not 1.00 as floats do)', () => {
    expect(Math.round(1.005 * 100) / 100).toBe(1);
    expect(d('1.005').rounded(2).toString()).toBe('1.01');
    expect(d('-1.005').rounded(2).toString()).toBe('-1.01');
    expect(d('2.344').rounded(2).toString()).toBe('2.34');
    expect(d('-0.004').rounded(2).toNumber()).toBe(0);
    expect(Object.is(d('-0.004').rounded(2).toNumber(), -0)).toBe(false);
  });

  it('divides to a given number of places and refuses zero', () => {
    expect(d('2').dividedBy(d('3'), 4)?.toString()).toBe('0.6667');
    expect(d('-75').dividedBy(d('2775'), 6)?.toString()).toBe('-0.027027');
    expect(d('1').dividedBy(d('0.0008'), 2)?.toString()).toBe('1250');
    expect(d('1').dividedBy(d('0'), 2)).toBeNull();
  });

  it('parses only plain decimal text', () => {
    expect(Decimal.parse('+3.50')?.toString()).toBe('3.5');
    expect(Decimal.parse('1e5')).toBeNull();
    expect(Decimal.parse('1,5')).toBeNull();
    expect(Decimal.parse('')).toBeNull();
    expect(Decimal.parse('.5')).toBeNull();
    expect(() => Decimal.of('abc')).toThrow(RangeError);
  });

  it('compares and signs', () => {
    expect(d('1.10').compare(d('1.1'))).toBe(0);
    expect(d('-3').compare(d('2'))).toBe(-1);
    expect(d('-3').abs().toString()).toBe('3');
    expect(d('0.000').isZero()).toBe(true);
  });
});
