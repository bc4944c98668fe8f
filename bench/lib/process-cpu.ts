/**
 * CPU time of a whole process tree, from the OS (Linux): every Chromium process (browser, zygotes,
 * renderers, GPU/viz, utilities) counts, not only what DevTools reports for a renderer's main
 * thread. Each thread's run time in nanoseconds (/proc/<pid>/task/<tid>/schedstat) where it can be
 * read; /proc/<pid>/stat's user + system clock ticks (10 ms each) only for a process one of whose
 * threads ended between two samples (its time is then gone from the thread list, but not from the
 * process's ticks). Ticks alone cannot tell an idle page's few milliseconds in an 8 s window apart.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessTimes {
  pid: number;
  /** The executable's name as the kernel keeps it (e.g. "chromium"). */
  comm: string;
  /** User + system CPU time so far, in ms, from clock ticks (the process's ended threads included). */
  cpuMs: number;
  /** Each living thread's run time so far, in ns (schedstat); null where it could not be read. */
  threadNs: ReadonlyMap<number, number> | null;
}

/** The run time (ns) in a schedstat line: `<run ns> <wait ns> <timeslices>`. */
export function parseSchedstat(text: string): number | null {
  const value = Number(text.trim().split(/\s+/)[0]);
  return text.trim() !== '' && Number.isFinite(value) && value >= 0 ? value : null;
}

/** Every thread's run time (ns) of one process, or null when /proc does not give it. */
function threadTimes(pid: number): Map<number, number> | null {
  try {
    const times = new Map<number, number>();
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      let ns: number | null = null;
      try {
        ns = parseSchedstat(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8'));
      } catch {
        // The thread ended between the listing and the read: it is not there.
        continue;
      }
      if (ns === null) return null;
      times.set(Number(tid), ns);
    }
    return times.size > 0 ? times : null;
  } catch {
    return null;
  }
}

let ticksPerSecond: number | null = null;

/** The kernel's clock ticks per second for /proc times (CLK_TCK; 100 almost everywhere). */
function clockTicks(): number {
  if (ticksPerSecond === null) {
    const answer = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
    const value = Number(answer.stdout.trim());
    ticksPerSecond = Number.isFinite(value) && value > 0 ? value : 100;
  }
  return ticksPerSecond;
}

export interface StatLine {
  pid: number;
  ppid: number;
  comm: string;
  ticks: number;
}

/** Parse /proc/<pid>/stat: the name is in parentheses and may hold spaces, so split after the last ')'. */
export function parseStat(text: string): StatLine | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const pid = Number(text.slice(0, open).trim());
  const fields = text.slice(close + 2).split(' ');
  // After the name: state, ppid, pgrp, session, tty_nr, tpgid, flags, minflt, cminflt, majflt, cmajflt, utime, stime.
  const ppid = Number(fields[1]);
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (![pid, ppid, utime, stime].every(Number.isFinite)) return null;
  return { pid, ppid, comm: text.slice(open + 1, close), ticks: utime + stime };
}

function readStats(): StatLine[] {
  const out: StatLine[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const line = parseStat(readFileSync(`/proc/${name}/stat`, 'utf8'));
      if (line) out.push(line);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return out;
}

/**
 * The processes under `rootPid` (not the root itself) whose name matches `name`, leaving out every
 * process in `skip` and all below it (another tool's processes that run beside the measured ones).
 */
export function subtree(
  lines: readonly StatLine[],
  rootPid: number,
  name: RegExp,
  skip: ReadonlySet<number> = new Set(),
): StatLine[] {
  const children = new Map<number, StatLine[]>();
  for (const line of lines) {
    const list = children.get(line.ppid) ?? [];
    list.push(line);
    children.set(line.ppid, list);
  }
  const found: StatLine[] = [];
  const queue = [...(children.get(rootPid) ?? [])];
  while (queue.length > 0) {
    const line = queue.shift() as StatLine;
    if (skip.has(line.pid)) continue;
    if (name.test(line.comm)) found.push(line);
    queue.push(...(children.get(line.pid) ?? []));
  }
  return found;
}

/** CPU times of every process under `rootPid` (not the root itself) whose name matches `name`; see subtree. */
export function treeTimes(rootPid: number, name: RegExp, skip: ReadonlySet<number> = new Set()): ProcessTimes[] {
  const msPerTick = 1000 / clockTicks();
  return subtree(readStats(), rootPid, name, skip).map((line) => ({
    pid: line.pid,
    comm: line.comm,
    cpuMs: line.ticks * msPerTick,
    threadNs: threadTimes(line.pid),
  }));
}

/** One process's CPU ms between two samples: its threads' nanoseconds when every thread lived on. */
function processBetween(before: ProcessTimes | undefined, after: ProcessTimes): { ms: number; fine: boolean } {
  const end = after.threadNs;
  if (end === null) return { ms: after.cpuMs - (before?.cpuMs ?? 0), fine: false };
  if (before === undefined) return { ms: sum(end.values()) / 1e6, fine: true };
  const start = before.threadNs;
  if (start === null || [...start.keys()].some((tid) => !end.has(tid))) {
    return { ms: after.cpuMs - before.cpuMs, fine: false };
  }
  let ns = 0;
  for (const [tid, value] of end) ns += value - (start.get(tid) ?? 0);
  return { ms: ns / 1e6, fine: true };
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/**
 * CPU ms used between two samples of the same tree: processes in both count their difference,
 * processes that started in between count all their time (processes that ended are lost, so
 * measure with the pages open throughout). `coarse` counts the processes measured in clock ticks
 * (a thread of theirs ended in between, or schedstat was not readable).
 */
export function cpuBetweenDetailed(
  before: readonly ProcessTimes[],
  after: readonly ProcessTimes[],
): { ms: number; coarse: number } {
  const start = new Map(before.map((entry) => [entry.pid, entry]));
  let ms = 0;
  let coarse = 0;
  for (const entry of after) {
    const part = processBetween(start.get(entry.pid), entry);
    ms += part.ms;
    if (!part.fine) coarse += 1;
  }
  return { ms, coarse };
}

/** CPU ms used between two samples of the same tree (see cpuBetweenDetailed). */
export function cpuBetween(before: readonly ProcessTimes[], after: readonly ProcessTimes[]): number {
  return cpuBetweenDetailed(before, after).ms;
}
