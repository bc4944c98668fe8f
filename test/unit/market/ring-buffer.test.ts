import { describe, expect, it } from 'vitest';
import { RingBuffer } from '../../../src/engine/market/ring-buffer';

describe('RingBuffer', () => {
  it('returns values oldest first before it is full', () => {
    const ring = new RingBuffer(4);
    ring.push(1);
    ring.push(2);
    expect(ring.toArray()).toEqual([1, 2]);
    expect(ring.length).toBe(2);
    expect(ring.last()).toBe(2);
  });

  it('overwrites the oldest values once full and never grows past capacity', () => {
    const ring = new RingBuffer(3);
    for (let i = 1; i <= 10; i += 1) ring.push(i);
    expect(ring.length).toBe(3);
    expect(ring.toArray()).toEqual([8, 9, 10]);
  });

  it('setLast replaces the newest value in place, or pushes when empty', () => {
    const ring = new RingBuffer(3);
    ring.setLast(5);
    expect(ring.toArray()).toEqual([5]);
    ring.push(6);
    ring.setLast(7);
    expect(ring.toArray()).toEqual([5, 7]);
    for (let i = 0; i < 5; i += 1) ring.push(i);
    ring.setLast(99);
    expect(ring.toArray()).toEqual([2, 3, 99]);
  });

  it('setLast and last follow the newest value across the wrap and a clear', () => {
    const ring = new RingBuffer(3);
    for (let i = 1; i <= 3; i += 1) ring.push(i);
    ring.setLast(30);
    expect(ring.last()).toBe(30);
    expect(ring.toArray()).toEqual([1, 2, 30]);
    ring.push(4);
    ring.setLast(40);
    expect(ring.toArray()).toEqual([2, 30, 40]);
    ring.clear();
    ring.setLast(7);
    ring.push(8);
    ring.setLast(80);
    expect(ring.toArray()).toEqual([7, 80]);
    const one = new RingBuffer(1);
    one.push(1);
    one.push(2);
    one.setLast(3);
    expect(one.toArray()).toEqual([3]);
    expect(one.last()).toBe(3);
  });

  it('hands out a fresh array each time', () => {
    const ring = new RingBuffer(2);
    ring.push(1);
    const first = ring.toArray();
    first.push(42);
    expect(ring.toArray()).toEqual([1]);
  });

  it('clear empties it', () => {
    const ring = new RingBuffer(2);
    ring.push(1);
    ring.clear();
    expect(ring.length).toBe(0);
    expect(ring.last()).toBeUndefined();
    expect(ring.toArray()).toEqual([]);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
    expect(() => new RingBuffer(1.5)).toThrow(RangeError);
  });
});
