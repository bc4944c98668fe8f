/**
 * A fixed-capacity ring of numbers backed by a Float64Array: push is O(1), memory never grows.
 */
export class RingBuffer {
  private readonly values: Float64Array;
  /** Index where the next value goes. */
  private next = 0;
  /** Index of the newest value (meaningful while count > 0): setLast runs for every trade, no modulo. */
  private newest = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`RingBuffer capacity must be a positive integer, got ${capacity}`);
    }
    this.values = new Float64Array(capacity);
  }

  get length(): number {
    return this.count;
  }

  /** Append a value, overwriting the oldest one when full. */
  push(value: number): void {
    this.values[this.next] = value;
    this.newest = this.next;
    this.next = this.next + 1 === this.capacity ? 0 : this.next + 1;
    if (this.count < this.capacity) this.count += 1;
  }

  /** Replace the newest value in place (push when empty). */
  setLast(value: number): void {
    if (this.count === 0) {
      this.push(value);
      return;
    }
    this.values[this.newest] = value;
  }

  /** The newest value, or undefined when empty. */
  last(): number | undefined {
    if (this.count === 0) return undefined;
    return this.values[this.newest];
  }

  /** A fresh array of the values, oldest first. */
  toArray(): number[] {
    const out = new Array<number>(this.count);
    const start = (this.next - this.count + this.capacity) % this.capacity;
    for (let i = 0; i < this.count; i += 1) {
      out[i] = this.values[(start + i) % this.capacity] as number;
    }
    return out;
  }

  clear(): void {
    this.next = 0;
    this.newest = 0;
    this.count = 0;
  }
}
