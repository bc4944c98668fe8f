import { describe, it, expect } from 'vitest';
import { advanceOffset, copiesToFill, MAX_FRAME_GAP_MS, wrapOffset } from '../../../src/renderer/strip/scroll-offset';

describe('advanceOffset', () => {
  it('moves by speed × time', () => {
    expect(advanceOffset(10, 200, 150, 1000)).toBe(40);
  });

  it('wraps seamlessly at the content width', () => {
    expect(advanceOffset(990, 200, 300, 1000)).toBe(50);
  });

  it('caps a long stall instead of leaping', () => {
    expect(advanceOffset(0, 10_000, 100, 1e6)).toBe((100 * MAX_FRAME_GAP_MS) / 1000);
  });

  it('ignores negative or non-finite input', () => {
    expect(advanceOffset(5, -100, 60, 100)).toBe(5);
    expect(advanceOffset(5, 16, Number.NaN, 100)).toBe(5);
  });
});

describe('wrapOffset', () => {
  it('keeps the offset modulo a new width so nothing restarts', () => {
    expect(wrapOffset(750, 1000)).toBe(750);
    expect(wrapOffset(750, 600)).toBe(150);
    expect(wrapOffset(-10, 100)).toBe(90);
    expect(wrapOffset(50, 0)).toBe(0);
  });
});

describe('copiesToFill', () => {
  it('uses two copies when the content is wider than the viewport', () => {
    expect(copiesToFill(1600, 4000)).toBe(2);
  });

  it('adds copies so short content still covers a wide strip', () => {
    expect(copiesToFill(1600, 500)).toBe(5);
    expect(copiesToFill(1600, 1)).toBe(12);
  });
});
