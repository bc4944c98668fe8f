import { describe, expect, it } from 'vitest';
import { cpuBetween, cpuBetweenDetailed, parseSchedstat, parseStat } from '../../../bench/lib/process-cpu';

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
});
