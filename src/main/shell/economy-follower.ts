/**
 * Whether the strips draw in economy (see shared/economy.ts): follows the `economy` preference and
 * the power source from Electron's powerMonitor, and tells the pages through the core's `economy`
 * event whenever the answer changes. A page that starts listening is told the current state at once.
 */
import type { Clock, TimerHandle } from '../../shared/clock';
import { economyState, type EconomyState } from '../../shared/economy';
import type { Signal } from '../../shared/signal';
import type { Preferences, PublicSettings } from '../../shared/types';
import type { Subscription, WindowRegistry } from './window-registry';

export type EconomyPowerEvent = 'on-battery' | 'on-ac' | 'resume';

/** The part of Electron's powerMonitor used here. */
interface EconomyPowerMonitor {
  isOnBatteryPower(): boolean;
  on(event: EconomyPowerEvent, listener: () => void): unknown;
  removeListener(event: EconomyPowerEvent, listener: () => void): unknown;
}

/**
 * How often the power source is asked again. Electron reports 'on-battery' only on macOS and
 * 'on-ac' only on macOS and Windows; on Linux (and for unplugging on Windows) asking is the only way.
 */
export const POWER_CHECK_MS = 30_000;

export interface FollowEconomyDeps {
  powerMonitor: EconomyPowerMonitor;
  core: {
    preferences(): Preferences;
    readonly events: { readonly settings: Signal<PublicSettings>; readonly economy: Signal<EconomyState> };
  };
  registry: Pick<WindowRegistry, 'send'> & { readonly subscribed: Signal<Subscription> };
  clock: Pick<Clock, 'setInterval' | 'clearInterval'>;
}

export interface EconomyFollower {
  current(): EconomyState;
  stop(): void;
}

export function followEconomy(deps: FollowEconomyDeps): EconomyFollower {
  const { powerMonitor, core, registry, clock } = deps;
  const onBattery = (): boolean => {
    try {
      return powerMonitor.isOnBatteryPower() === true;
    } catch (error) {
      // A system that cannot say is treated as plugged in: the strip keeps its full smoothness.
      console.error('[economy] could not read the power source:', error);
      return false;
    }
  };
  let state = economyState(core.preferences().economy, onBattery());
  const update = (next: EconomyState): void => {
    if (next.active === state.active && next.mode === state.mode && next.onBattery === state.onBattery) return;
    state = next;
    core.events.economy.emit(state);
  };
  const recheck = (): void => update(economyState(state.mode, onBattery()));

  const power: [EconomyPowerEvent, () => void][] = [
    ['on-battery', () => update(economyState(state.mode, true))],
    ['on-ac', () => update(economyState(state.mode, false))],
    ['resume', recheck],
  ];
  for (const [event, listener] of power) powerMonitor.on(event, listener);
  const timer: TimerHandle = clock.setInterval(recheck, POWER_CHECK_MS);
  const stops = [
    core.events.settings.subscribe((settings) => update(economyState(settings.preferences.economy, state.onBattery))),
    registry.subscribed.subscribe(({ window, event }) => {
      if (event === 'economy') registry.send(window, 'economy', state);
    }),
  ];

  return {
    current: () => state,
    stop() {
      for (const stop of stops) stop();
      for (const [event, listener] of power) powerMonitor.removeListener(event, listener);
      clock.clearInterval(timer);
    },
  };
}
