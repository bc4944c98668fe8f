import { describe, expect, it } from 'vitest';
import { cpuBetween, cpuBetweenDetailed, parseSchedstat, parseStat, subtree } from '../../../bench/lib/process-cpu';

describe('process CPU from /proc', () => {
  it('reads pid, parent, name and user+system ticks, also when the name holds spaces and parentheses', () => {
    const line = '4242 (chromium (gpu) x) S 4200 4242 4242 0 -1 4194560 1234 0 0 0 150 37 0 0 20 0 12 0 99 0 0';
    expect(parseStat(line)).toEqual({ pid: 4242, ppid: 4200, comm: 'chromium (gpu) x', ticks: 187 });
    expect(parseStat('garbage')).toBeNull();
    expect(parseStat('12 (x) S notanumber 1 1 0 -1 0 0 0 0 0 1 1')).toBeNull();
  });

  it('counts what each process used between two samples, all of a process that started in between', () => {
    const before = [
      { pid: 1, comm: 'chromium', cpuMs: 100, threadNs: null },
      { pid: 2, comm: 'chromium', cpuMs: 50, threadNs: null },
    ];
    const after = [
      { pid: 1, comm: 'chromium', cpuMs: 130, threadNs: null },
      { pid: 3, comm: 'chromium', cpuMs: 20, threadNs: null },
    ];
    expect(cpuBetween(before, after)).toBe(50);
  });

  it('reads the run time in nanoseconds from a schedstat line', () => {
    expect(parseSchedstat('1531899 1017466 12\n')).toBe(1531899);
    expect(parseSchedstat('')).toBeNull();
    expect(parseSchedstat('x 1 2')).toBeNull();
  });

  it('counts threads in nanoseconds, finer than the ticks, new threads with all their time', () => {
    const before = [
      {
        pid: 1,
        comm: 'chromium',
        cpuMs: 100,
        threadNs: new Map([
          [1, 5_000_000],
          [2, 1_000_000],
        ]),
      },
    ];
    const after = [
      {
        pid: 1,
        comm: 'chromium',
        cpuMs: 100,
        threadNs: new Map([
          [1, 6_250_000],
          [2, 1_000_000],
          [3, 500_000],
        ]),
      },
      { pid: 4, comm: 'chromium', cpuMs: 0, threadNs: new Map([[7, 2_000_000]]) },
    ];
    // pid 1: 1.25 ms + 0 + 0.5 ms (a new thread); pid 4 started in between: 2 ms. The ticks saw nothing.
    expect(cpuBetweenDetailed(before, after)).toEqual({ ms: 3.75, coarse: 0 });
  });

  it("falls back to a process's ticks when one of its threads ended in between (its time left the list)", () => {
    const before = [
      {
        pid: 1,
        comm: 'chromium',
        cpuMs: 100,
        threadNs: new Map([
          [1, 5_000_000],
          [2, 9_000_000],
        ]),
      },
    ];
    const after = [{ pid: 1, comm: 'chromium', cpuMs: 120, threadNs: new Map([[1, 6_000_000]]) }];
    expect(cpuBetweenDetailed(before, after)).toEqual({ ms: 20, coarse: 1 });
  });

  it('finds the matching processes below the root, none below a skipped one (a browser run beside it)', () => {
    const line = (pid: number, ppid: number, comm: string) => ({ pid, ppid, comm, ticks: 0 });
    const lines = [
      line(10, 1, 'node'),
      line(11, 10, 'chromium'),
      line(12, 11, 'chromium'),
      line(13, 12, 'chromium'),
      line(14, 10, 'esbuild'),
      line(20, 10, 'node'),
      line(21, 20, 'chromium'),
      line(22, 21, 'chromium'),
      line(30, 1, 'chromium'),
    ];
    const pids = (skip?: Set<number>) =>
      subtree(lines, 10, /^chrom/, skip)
        .map((found) => found.pid)
        .sort((a, b) => a - b);
    expect(pids()).toEqual([11, 12, 13, 21, 22]);
    expect(pids(new Set([20]))).toEqual([11, 12, 13]);
  });
});
