import { describe, expect, it } from 'vitest';
import { cpuBetween, parseStat } from '../../../bench/lib/process-cpu';

describe('process CPU from /proc', () => {
  it('reads pid, parent, name and user+system ticks, also when the name holds spaces and parentheses', () => {
    const line = '4242 (chromium (gpu) x) S 4200 4242 4242 0 -1 4194560 1234 0 0 0 150 37 0 0 20 0 12 0 99 0 0';
    expect(parseStat(line)).toEqual({ pid: 4242, ppid: 4200, comm: 'chromium (gpu) x', ticks: 187 });
    expect(parseStat('garbage')).toBeNull();
    expect(parseStat('12 (x) S notanumber 1 1 0 -1 0 0 0 0 0 1 1')).toBeNull();
  });

  it('counts what each process used between two samples, all of a process that started in between', () => {
    const before = [
      { pid: 1, comm: 'chromium', cpuMs: 100 },
      { pid: 2, comm: 'chromium', cpuMs: 50 },
    ];
    const after = [
      { pid: 1, comm: 'chromium', cpuMs: 130 },
      { pid: 3, comm: 'chromium', cpuMs: 20 },
    ];
    expect(cpuBetween(before, after)).toBe(50);
  });
});
