/**
 * Reconnect at once, instead of waiting out the backoff, when the reason for a dead connection has
 * just gone away: the system woke up, the screen was unlocked, or the network came back.
 */
import { systemClock, type Clock } from '../../shared/clock';

/** The part of Electron's powerMonitor used here (listeners only). */
interface PowerMonitorLike {
  on(event: 'resume' | 'unlock-screen', listener: () => void): unknown;
  removeListener(event: 'resume' | 'unlock-screen', listener: () => void): unknown;
}

export interface ReconnectTriggersDeps {
  powerMonitor: PowerMonitorLike;
  /** Electron's net.isOnline (polled: there is no 'online' event in the main process). */
  isOnline(): boolean;
  reconnectNow(): void;
  /** How often to ask whether the network is back (default 5 s). */
  pollMs?: number;
  clock?: Clock;
}

export const ONLINE_POLL_MS = 5_000;

/** Start watching; returns the function that stops it. */
export function watchReconnectTriggers(deps: ReconnectTriggersDeps): () => void {
  const clock = deps.clock ?? systemClock;
  const reconnect = (): void => {
    try {
      deps.reconnectNow();
    } catch (error) {
      console.error('[reconnect] could not reconnect:', error);
    }
  };
  const safeIsOnline = (): boolean | null => {
    try {
      return deps.isOnline();
    } catch {
      return null;
    }
  };

  deps.powerMonitor.on('resume', reconnect);
  deps.powerMonitor.on('unlock-screen', reconnect);
  let wasOnline = safeIsOnline();
  const poll = clock.setInterval(() => {
    const online = safeIsOnline();
    if (online === null) return;
    if (online && wasOnline === false) reconnect();
    wasOnline = online;
  }, deps.pollMs ?? ONLINE_POLL_MS);
  (poll as { unref?: () => void } | null)?.unref?.();

  return () => {
    deps.powerMonitor.removeListener('resume', reconnect);
    deps.powerMonitor.removeListener('unlock-screen', reconnect);
    clock.clearInterval(poll);
  };
}
