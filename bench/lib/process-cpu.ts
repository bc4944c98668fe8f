/**
 * CPU time of a whole process tree, from the OS (/proc/<pid>/stat, Linux): every Chromium process
 * (browser, zygotes, renderers, GPU/viz, utilities) counts, not only what DevTools reports for a
 * renderer's main thread.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessTimes {
  pid: number;
  /** The executable's name as the kernel keeps it (e.g. "chromium"). */
  comm: string;
  /** User + system CPU time so far, in ms. */
  cpuMs: number;
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

interface StatLine {
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

/** CPU times of every process under `rootPid` (not the root itself) whose name matches `name`. */
export function treeTimes(rootPid: number, name: RegExp): ProcessTimes[] {
  const stats = readStats();
  const children = new Map<number, StatLine[]>();
  for (const line of stats) {
    const list = children.get(line.ppid) ?? [];
    list.push(line);
    children.set(line.ppid, list);
  }
  const msPerTick = 1000 / clockTicks();
  const found: ProcessTimes[] = [];
  const queue = [...(children.get(rootPid) ?? [])];
  while (queue.length > 0) {
    const line = queue.shift() as StatLine;
    if (name.test(line.comm)) found.push({ pid: line.pid, comm: line.comm, cpuMs: line.ticks * msPerTick });
    queue.push(...(children.get(line.pid) ?? []));
  }
  return found;
}

/**
 * CPU ms used between two samples of the same tree: processes in both count their difference,
 * processes that started in between count all their time (processes that ended are lost, so
 * measure with the pages open throughout).
 */
export function cpuBetween(before: readonly ProcessTimes[], after: readonly ProcessTimes[]): number {
  const start = new Map(before.map((entry) => [entry.pid, entry.cpuMs]));
  let total = 0;
  for (const entry of after) total += entry.cpuMs - (start.get(entry.pid) ?? 0);
  return total;
}
