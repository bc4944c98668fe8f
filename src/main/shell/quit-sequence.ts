/**
 * Quitting: stop what listens and schedules, close the feed cleanly (with a deadline: a stuck close
 * never keeps Ticker from quitting), tear down the windows and the tray, exit. Runs once, however
 * many times and from wherever it is asked for.
 */
import type { Clock, TimerHandle } from '../../shared/clock';

export interface QuitSequenceDeps {
  /** Run first, in order: listeners and timers that must not fire while the feed closes. */
  beforeStop: ReadonlyArray<() => void>;
  /** Close the feed (the socket with 1000). */
  stopCore(): Promise<void>;
  /** Run after the feed closed or the deadline passed, in order: windows, tray. */
  afterStop: ReadonlyArray<() => void>;
  exit(): void;
  clock: Clock;
  timeoutMs: number;
}

/** Returns `quit`, which resolves once the app exited; later calls return the same promise. */
export function createQuitSequence(deps: QuitSequenceDeps): () => Promise<void> {
  let quitting: Promise<void> | null = null;
  const runAll = (steps: ReadonlyArray<() => void>): void => {
    for (const step of steps) {
      try {
        step();
      } catch (error) {
        console.error('[app] a quit step failed:', error);
      }
    }
  };
  return () => {
    quitting ??= (async () => {
      runAll(deps.beforeStop);
      let timer: TimerHandle | undefined;
      try {
        await Promise.race([
          deps.stopCore(),
          new Promise<void>((resolve) => (timer = deps.clock.setTimeout(resolve, deps.timeoutMs))),
        ]);
      } catch (error) {
        console.error('[app] the feed did not close cleanly:', error);
      } finally {
        if (timer !== undefined) deps.clock.clearTimeout(timer);
      }
      runAll(deps.afterStop);
      deps.exit();
    })();
    return quitting;
  };
}
