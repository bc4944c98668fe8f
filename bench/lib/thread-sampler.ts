/**
 * Every thread's CPU time of a process tree, sampled from /proc every few milliseconds (Linux), to
 * tell when in a run the CPU was spent and by which thread: each sample is the epoch time and, per
 * thread (its process's type, from the command line's `--type=`, and the thread's name), the run
 * time so far in ns (schedstat). Threads that end between samples lose their last few ms.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parseSchedstat, parseStat } from './process-cpu';

export interface ThreadSample {
  /** Epoch ms (Date.now()), comparable with a page's Date.now(). */
  at: number;
  /** Per thread (`pid:tid`), the run time so far in ns. */
  ns: Map<string, number>;
}

export interface ThreadSampler {
  /** Stop sampling; the samples so far, and each thread's label (`<process type>/<thread name>`). */
  stop(): { samples: ThreadSample[]; labels: Map<string, string> };
}

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The processes under `rootPid` whose name matches `name`. */
function processesUnder(rootPid: number, name: RegExp): number[] {
  const children = new Map<number, { pid: number; comm: string }[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const text = read(`/proc/${entry}/stat`);
    const line = text === null ? null : parseStat(text);
    if (!line) continue;
    children.set(line.ppid, [...(children.get(line.ppid) ?? []), { pid: line.pid, comm: line.comm }]);
  }
  const found: number[] = [];
  const queue = [...(children.get(rootPid) ?? [])];
  while (queue.length > 0) {
    const next = queue.shift() as { pid: number; comm: string };
    if (name.test(next.comm)) found.push(next.pid);
    queue.push(...(children.get(next.pid) ?? []));
  }
  return found;
}

function processType(pid: number): string {
  // Chromium's children rewrite their command line as one space-separated string.
  const args = (read(`/proc/${pid}/cmdline`) ?? '').split(/[\0 ]/);
  const type = args.find((arg) => arg.startsWith('--type='))?.slice('--type='.length);
  const subtype = args
    .find((arg) => arg.startsWith('--utility-sub-type='))
    ?.split('.')
    .at(-1);
  return type === undefined ? 'browser' : subtype ? `${type}:${subtype}` : type;
}

/** Sample every `everyMs` the threads of the processes under `rootPid` named like `name`. */
export function sampleThreads(rootPid: number, name: RegExp, everyMs: number): ThreadSampler {
  const samples: ThreadSample[] = [];
  const labels = new Map<string, string>();
  const types = new Map<number, string>();
  let pids = processesUnder(rootPid, name);
  let sinceListing = 0;
  const sample = (): void => {
    // New processes (a page opening) are picked up every second.
    sinceListing += everyMs;
    if (sinceListing >= 1000) {
      pids = processesUnder(rootPid, name);
      sinceListing = 0;
    }
    const ns = new Map<string, number>();
    for (const pid of pids) {
      let tids: string[];
      try {
        tids = readdirSync(`/proc/${pid}/task`);
      } catch {
        continue;
      }
      if (!types.has(pid)) types.set(pid, processType(pid));
      for (const tid of tids) {
        const key = `${pid}:${tid}`;
        const value = parseSchedstat(read(`/proc/${pid}/task/${tid}/schedstat`) ?? '');
        if (value === null) continue;
        ns.set(key, value);
        if (!labels.has(key))
          labels.set(key, `${types.get(pid)}/${(read(`/proc/${pid}/task/${tid}/comm`) ?? '?').trim()}`);
      }
    }
    samples.push({ at: Date.now(), ns });
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { samples, labels };
    },
  };
}
