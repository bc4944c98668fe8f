/**
 * Quiet when nobody is looking: follows the screen lock, system sleep and each strip's window, and
 * tells the core whether to draw (see DrawGate). A page that starts listening is told the current
 * state at once, so a strip loaded while the screen is locked starts quiet.
 */
import type { Signal } from '../../shared/signal';
import { DrawGate } from './draw-gate';
import type { Subscription, WindowRegistry } from './window-registry';

type DrawingPowerEvent = 'lock-screen' | 'unlock-screen' | 'suspend' | 'resume';

/** The part of Electron's powerMonitor used here (listeners only). */
interface DrawingPowerMonitor {
  on(event: DrawingPowerEvent, listener: () => void): unknown;
  removeListener(event: DrawingPowerEvent, listener: () => void): unknown;
}

/** A strip window as seen here (TickerWindow satisfies it). */
export interface WatchedStrip {
  isShown(): boolean;
  readonly shownChanged: Signal<boolean>;
}

export interface WatchDrawingDeps {
  powerMonitor: DrawingPowerMonitor;
  /** The strips there are at the start, by a stable id (more can be added later). */
  strips: ReadonlyMap<string, WatchedStrip>;
  core: { setDrawing(drawing: boolean): void; drawing(): boolean };
  registry: Pick<WindowRegistry, 'send'> & { readonly subscribed: Signal<Subscription> };
  gate?: DrawGate;
}

export interface DrawingWatch {
  /** Follow another strip window (e.g. a second strip opened later). */
  addStrip(id: string, strip: WatchedStrip): void;
  /** Stop following a strip that is gone for good. */
  removeStrip(id: string): void;
  /** Stop watching and let the strips draw again. */
  stop(): void;
}

export function watchDrawing(deps: WatchDrawingDeps): DrawingWatch {
  const gate = deps.gate ?? new DrawGate();
  let applied: boolean | null = null;
  const apply = (drawing: boolean): void => {
    if (drawing === applied) return;
    applied = drawing;
    try {
      deps.core.setDrawing(drawing);
    } catch (error) {
      console.error('[drawing] could not switch drawing:', error);
    }
  };
  const stops: (() => void)[] = [gate.changed.subscribe(apply)];

  const power: [DrawingPowerEvent, () => void][] = [
    ['lock-screen', () => gate.setScreenLocked(true)],
    ['unlock-screen', () => gate.setScreenLocked(false)],
    ['suspend', () => gate.setAsleep(true)],
    ['resume', () => gate.setAsleep(false)],
  ];
  for (const [event, listener] of power) deps.powerMonitor.on(event, listener);
  stops.push(() => {
    for (const [event, listener] of power) deps.powerMonitor.removeListener(event, listener);
  });

  const followed = new Map<string, () => void>();
  const addStrip = (id: string, strip: WatchedStrip): void => {
    followed.get(id)?.();
    followed.set(
      id,
      strip.shownChanged.subscribe((shown) => gate.setStripShown(id, shown)),
    );
    gate.setStripShown(id, strip.isShown());
  };
  const removeStrip = (id: string): void => {
    followed.get(id)?.();
    followed.delete(id);
    gate.removeStrip(id);
  };
  for (const [id, strip] of deps.strips) addStrip(id, strip);
  stops.push(
    deps.registry.subscribed.subscribe(({ window, event }) => {
      if (event === 'drawing') deps.registry.send(window, 'drawing', deps.core.drawing());
    }),
  );
  apply(gate.drawing());

  return {
    addStrip,
    removeStrip,
    stop() {
      for (const stop of stops) stop();
      for (const unfollow of followed.values()) unfollow();
      followed.clear();
      apply(true);
    },
  };
}
