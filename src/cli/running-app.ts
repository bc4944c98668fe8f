/**
 * Whether the desktop app runs on this user-data folder: Electron's single-instance lock is a
 * symbolic link `SingletonLock` there, pointing at `<hostname>-<pid>` (Linux and macOS), kept while
 * the app runs. A stale link (the process is gone, or another host's) does not count. On Windows the
 * lock is not a link and this finds nothing, so the README tells users to quit Ticker first.
 */
import * as nodeFs from 'node:fs';
import { hostname as osHostname } from 'node:os';
import { join } from 'node:path';

export interface RunningAppDeps {
  readlink?: (path: string) => string;
  hostname?: () => string;
  /** Whether a process with this id exists (default: signal 0). */
  isAlive?: (pid: number) => boolean;
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

/** The pid of the Ticker using `userDataDir`, or null. */
export function runningAppPid(userDataDir: string, deps: RunningAppDeps = {}): number | null {
  let target: string;
  try {
    target = (deps.readlink ?? ((path: string) => nodeFs.readlinkSync(path)))(join(userDataDir, 'SingletonLock'));
  } catch {
    return null;
  }
  const dash = target.lastIndexOf('-');
  const host = target.slice(0, dash);
  const pid = Number(target.slice(dash + 1));
  if (dash < 0 || !Number.isSafeInteger(pid) || pid <= 0) return null;
  if (host !== (deps.hostname ?? osHostname)()) return null;
  return (deps.isAlive ?? processExists)(pid) ? pid : null;
}
