import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { createProgress } = require('../../../scripts/download-progress.cjs') as {
  createProgress(options: { out: FakeOut; total: number | null; now: () => number }): {
    add(bytes: number): void;
    done(): void;
  };
};

interface FakeOut {
  isTTY: boolean;
  written: string[];
  write(text: string): boolean;
}

const fakeOut = (isTTY: boolean): FakeOut => ({
  isTTY,
  written: [],
  write(text) {
    this.written.push(text);
    return true;
  },
});

const MB = 1_000_000;
const CLEAR_TO_END = '\u001b[K';

/** Feed `total` bytes in `chunks` equal pieces, `msPerChunk` apart on a fake clock. */
function download(out: FakeOut, total: number, declared: number | null, chunks: number, msPerChunk: number) {
  let now = 0;
  const progress = createProgress({ out, total: declared, now: () => now });
  for (let i = 0; i < chunks; i += 1) {
    now += msPerChunk;
    progress.add(total / chunks);
  }
  progress.done();
}

describe('download progress', () => {
  it('writes a plain line at every 10 % when the output is not a terminal, then a summary', () => {
    const out = fakeOut(false);
    download(out, 100 * MB, 100 * MB, 200, 50); // 100 MB in 10 s: 10 MB/s
    expect(out.written).toEqual([
      '   10% 10.0 of 100.0 MB, 10.0 MB/s\n',
      '   20% 20.0 of 100.0 MB, 10.0 MB/s\n',
      '   30% 30.0 of 100.0 MB, 10.0 MB/s\n',
      '   40% 40.0 of 100.0 MB, 10.0 MB/s\n',
      '   50% 50.0 of 100.0 MB, 10.0 MB/s\n',
      '   60% 60.0 of 100.0 MB, 10.0 MB/s\n',
      '   70% 70.0 of 100.0 MB, 10.0 MB/s\n',
      '   80% 80.0 of 100.0 MB, 10.0 MB/s\n',
      '   90% 90.0 of 100.0 MB, 10.0 MB/s\n',
      '  100% 100.0 MB in 10.0 s (10.0 MB/s)\n',
    ]);
  });

  it('redraws one line on a terminal, at most ten times a second, and ends it', () => {
    const out = fakeOut(true);
    download(out, 2 * MB, 2 * MB, 100, 20); // a chunk every 20 ms for 2 s
    const redraws = out.written.slice(0, -1);
    expect(redraws.length).toBeGreaterThanOrEqual(19);
    expect(redraws.length).toBeLessThanOrEqual(21);
    for (const text of redraws) {
      // Back to the line's start, the figures, then clear what a longer line left behind.
      expect(text.startsWith('\r') && text.endsWith(CLEAR_TO_END)).toBe(true);
      expect(text.slice(1, -CLEAR_TO_END.length)).toMatch(
        /^ {2}[ \d]{3}% \d+\.\d of 2\.0 MB, (\d+\.\d MB\/s|\d+ kB\/s)$/,
      );
    }
    expect(redraws.at(-1)).toContain('1.0 MB/s');
    expect(out.written.at(-1)).toBe('\r  100% 2.0 MB in 2.0 s (1.0 MB/s)\u001b[K\n');
  });

  it('measures the speed over the last few seconds, so a stall shows', () => {
    const out = fakeOut(true);
    let now = 0;
    const progress = createProgress({ out, total: 100 * MB, now: () => now });
    for (let i = 0; i < 50; i += 1) {
      now += 100;
      progress.add(MB); // 10 MB/s for 5 s
    }
    now += 10_000; // then 10 s of almost nothing
    progress.add(1000);
    expect(out.written.at(-1)!.slice(0, -CLEAR_TO_END.length)).toMatch(/, \d+ kB\/s$/);
  });

  it('without a size, counts megabytes (a line every 10 MB when not a terminal)', () => {
    const out = fakeOut(false);
    download(out, 25 * MB, null, 50, 100);
    expect(out.written).toEqual(['  10.0 MB, 5.0 MB/s\n', '  20.0 MB, 5.0 MB/s\n', '  25.0 MB in 5.0 s (5.0 MB/s)\n']);
  });
});
