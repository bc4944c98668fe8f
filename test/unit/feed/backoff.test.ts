import { describe, it, expect, vi } from 'vitest';
import {
  backoffCeiling,
  backoffDelay,
  parseRetryAfter,
  rateLimitDelay,
  rateLimitedDelay,
} from '../../../src/engine/feed/backoff';

const options = (random: () => number) => ({ baseMs: 1_000, capMs: 60_000, random });

describe('backoffDelay (equal jitter)', () => {
  it('doubles the ceiling per attempt and stops at the cap', () => {
    expect([1, 2, 3, 4, 6, 7, 8, 50, 5000].map((a) => backoffCeiling(a, 1_000, 60_000))).toEqual([
      1_000, 2_000, 4_000, 8_000, 32_000, 60_000, 60_000, 60_000, 60_000,
    ]);
  });

  it('never goes below half the ceiling (a floor that grows), and the highest draw stays below the ceiling', () => {
    expect(
      backoffDelay(
        1,
        options(() => 0),
      ),
    ).toBe(500);
    expect(
      backoffDelay(
        3,
        options(() => 0),
      ),
    ).toBe(2_000);
    expect(
      backoffDelay(
        3,
        options(() => 0.5),
      ),
    ).toBe(3_000);
    const top = backoffDelay(
      3,
      options(() => 0.999999),
    );
    expect(top).toBeLessThan(4_000);
    expect(top).toBeGreaterThanOrEqual(3_999);
  });

  it('draws a fresh random number for every delay', () => {
    const random = vi.fn().mockReturnValueOnce(0.25).mockReturnValueOnce(0.75);
    expect(backoffDelay(2, options(random))).toBe(1_250);
    expect(backoffDelay(2, options(random))).toBe(1_750);
    expect(random).toHaveBeenCalledTimes(2);
  });

  it('never exceeds the cap, even for huge attempts', () => {
    for (const attempt of [10, 100, 1_100, Number.MAX_SAFE_INTEGER]) {
      expect(
        backoffDelay(
          attempt,
          options(() => 0.999),
        ),
      ).toBeLessThanOrEqual(60_000);
    }
  });

  it('treats a broken random source as 0 rather than producing NaN or negative delays', () => {
    expect(
      backoffDelay(
        4,
        options(() => Number.NaN),
      ),
    ).toBe(4_000);
    expect(
      backoffDelay(
        4,
        options(() => -3),
      ),
    ).toBe(4_000);
    expect(
      backoffDelay(
        4,
        options(() => 7),
      ),
    ).toBeLessThan(8_000);
  });
});

describe('rateLimitDelay', () => {
  it('is never shorter than the floor and is jittered above it', () => {
    expect(
      rateLimitDelay(
        1,
        30_000,
        options(() => 0),
      ),
    ).toBe(30_000);
    expect(
      rateLimitDelay(
        1,
        30_000,
        options(() => 0.5),
      ),
    ).toBe(45_000);
    expect(
      rateLimitDelay(
        2,
        30_000,
        options(() => 0.5),
      ),
    ).toBe(60_000);
  });

  it('stays bounded for many attempts', () => {
    expect(
      rateLimitDelay(
        40,
        30_000,
        options(() => 0.999),
      ),
    ).toBeLessThan(30_000 + 60_000);
  });
});

describe('rateLimitedDelay', () => {
  const policy = (random: () => number) => ({ ...options(random), rateLimitMinMs: 30_000, maxRetryAfterMs: 900_000 });

  it('lets Retry-After lengthen the wait but never shorten it below the growing backoff', () => {
    // Retry-After 0 (or a past date, parsed as 0) and 1 s sent forever: the backoff still grows.
    for (const retryAfter of [0, 1_000]) {
      const waits = [1, 2, 3, 4, 5, 6, 7, 8].map((attempt) =>
        rateLimitedDelay(
          attempt,
          retryAfter,
          policy(() => 0),
        ),
      );
      expect(waits).toEqual(
        [500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000].map((w) => Math.max(w, retryAfter)),
      );
    }
    expect(
      rateLimitedDelay(
        1,
        7_000,
        policy(() => 0.5),
      ),
    ).toBe(7_000);
    expect(
      rateLimitedDelay(
        1,
        86_400_000,
        policy(() => 0.5),
      ),
    ).toBe(900_000);
  });

  it('waits at least the rate-limit floor when the server gave no usable Retry-After', () => {
    expect(
      rateLimitedDelay(
        1,
        null,
        policy(() => 0),
      ),
    ).toBe(30_000);
    expect(
      rateLimitedDelay(
        3,
        null,
        policy(() => 0.5),
      ),
    ).toBe(30_000 + 30_000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2025, 0, 15, 12, 0, 0);

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter(['7', '9'], now)).toBe(7_000);
  });

  it('reads an HTTP date relative to now, and a past date as 0', () => {
    expect(parseRetryAfter('Wed, 15 Jan 2025 12:01:30 GMT', now)).toBe(90_000);
    expect(parseRetryAfter('Wed, 15 Jan 2025 11:00:00 GMT', now)).toBe(0);
  });

  it('returns null for anything else', () => {
    for (const value of [undefined, null, '', '-5', '1.5', '12abc', 'soon', 'x'.repeat(100), [] as string[]]) {
      expect(parseRetryAfter(value, now)).toBeNull();
    }
  });
});
