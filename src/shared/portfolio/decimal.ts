/**
 * Exact decimal numbers for money: a BigInt coefficient and a count of decimal places. Sums and
 * products are exact; only division and the final rounding for display lose digits, and they do
 * so once, where asked. Prices arrive as JS numbers: each is read through its shortest decimal
 * text (what the feed sent, e.g. `189.41`), never through its binary expansion.
 */

export class Decimal {
  private constructor(
    /** value = coefficient × 10^-places */
    readonly coefficient: bigint,
    readonly places: number,
  ) {}

  static readonly ZERO = new Decimal(0n, 0);

  /** A decimal text like `-12.5`, `0.001` or `3`; null when it is not one. */
  static parse(text: string): Decimal | null {
    const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
    if (!match) return null;
    const fraction = match[3] ?? '';
    const coefficient = BigInt(`${match[2] as string}${fraction}`);
    return new Decimal(match[1] === '-' ? -coefficient : coefficient, fraction.length);
  }

  /** A finite JS number through its shortest round-trip text; null for NaN and ±Infinity. */
  static fromNumber(value: number): Decimal | null {
    if (!Number.isFinite(value)) return null;
    const text = String(value);
    const exponent = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
    if (!exponent) return Decimal.parse(text);
    const digits = `${exponent[2] as string}${exponent[3] ?? ''}`;
    const places = (exponent[3] ?? '').length - Number(exponent[4]);
    const coefficient = BigInt(digits) * (exponent[1] === '-' ? -1n : 1n);
    return places >= 0 ? new Decimal(coefficient, places) : new Decimal(coefficient * 10n ** BigInt(-places), 0);
  }

  static of(value: number | string | Decimal): Decimal {
    if (value instanceof Decimal) return value;
    const parsed = typeof value === 'number' ? Decimal.fromNumber(value) : Decimal.parse(value);
    if (parsed === null) throw new RangeError(`not a decimal number: ${String(value)}`);
    return parsed;
  }

  plus(other: Decimal): Decimal {
    const places = Math.max(this.places, other.places);
    return new Decimal(this.scaled(places) + other.scaled(places), places);
  }

  minus(other: Decimal): Decimal {
    return this.plus(other.negated());
  }

  times(other: Decimal): Decimal {
    return new Decimal(this.coefficient * other.coefficient, this.places + other.places);
  }

  /** The quotient rounded half away from zero to `places` decimals; null when dividing by zero. */
  dividedBy(other: Decimal, places: number): Decimal | null {
    if (other.coefficient === 0n) return null;
    // this/other = (a·10^-p)/(b·10^-q); scale the numerator so the quotient has places+1 digits, then round.
    const shift = places + 1 + other.places - this.places;
    let numerator = this.coefficient;
    let denominator = other.coefficient;
    if (shift >= 0) numerator *= 10n ** BigInt(shift);
    else denominator *= 10n ** BigInt(-shift);
    return new Decimal(numerator / denominator, places + 1).rounded(places);
  }

  negated(): Decimal {
    return new Decimal(-this.coefficient, this.places);
  }

  abs(): Decimal {
    return this.coefficient < 0n ? this.negated() : this;
  }

  sign(): -1 | 0 | 1 {
    return this.coefficient === 0n ? 0 : this.coefficient < 0n ? -1 : 1;
  }

  isZero(): boolean {
    return this.coefficient === 0n;
  }

  compare(other: Decimal): -1 | 0 | 1 {
    return this.minus(other).sign();
  }

  /** Rounded half away from zero to `places` decimals (never adds digits it does not have). */
  rounded(places: number): Decimal {
    if (places >= this.places) return this;
    const divisor = 10n ** BigInt(this.places - places);
    const magnitude = this.coefficient < 0n ? -this.coefficient : this.coefficient;
    let quotient = magnitude / divisor;
    if ((magnitude % divisor) * 2n >= divisor) quotient += 1n;
    return new Decimal(this.coefficient < 0n ? -quotient : quotient, places);
  }

  /** Plain decimal text without exponent or trailing zeros: `-0.5`, `12`, `0.000001`. */
  toString(): string {
    const negative = this.coefficient < 0n;
    let digits = (negative ? -this.coefficient : this.coefficient).toString();
    if (this.places > 0) {
      digits = digits.padStart(this.places + 1, '0');
      const whole = digits.slice(0, digits.length - this.places);
      const fraction = digits.slice(digits.length - this.places).replace(/0+$/, '');
      digits = fraction === '' ? whole : `${whole}.${fraction}`;
    }
    return negative && digits !== '0' ? `-${digits}` : digits;
  }

  /** The nearest JS number (for JSON and display, after rounding). */
  toNumber(): number {
    const value = Number(this.toString());
    return Object.is(value, -0) ? 0 : value;
  }

  private scaled(places: number): bigint {
    return this.coefficient * 10n ** BigInt(places - this.places);
  }
}
