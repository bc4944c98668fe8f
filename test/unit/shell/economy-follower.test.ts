import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { MockBrowserWindow, powerMonitor, resetElectronMock } from '../../support/electron-mock';
import { followEconomy, POWER_CHECK_MS } from '../../../src/main/shell/economy-follower';
import { WindowRegistry } from '../../../src/main/shell/window-registry';
import { systemClock } from '../../../src/shared/clock';
import { economyState, type EconomyState } from '../../../src/shared/economy';
import { EVENT_CHANNELS } from '../../../src/shared/ipc-contract';
import { DEFAULT_PREFERENCES } from '../../../src/shared/preference-rules';
import { Signal } from '../../../src/shared/signal';
import type { Preferences, PublicSettings } from '../../../src/shared/types';

vi.mock('electron', () => import('../../support/electron-mock'));

function setup(prefs: Partial<Preferences> = {}) {
  let preferences: Preferences = { ...DEFAULT_PREFERENCES, ...prefs };
  const core = {
    preferences: () => ({ ...preferences }),
    events: { settings: new Signal<PublicSettings>(), economy: new Signal<EconomyState>() },
  };
  const emitted: EconomyState[] = [];
  core.events.economy.subscribe((state) => emitted.push(state));
  const setPreferences = (patch: Partial<Preferences>): void => {
    preferences = { ...preferences, ...patch };
    core.events.settings.emit({ preferences } as PublicSettings);
  };
  const registry = new WindowRegistry();
  const window = new MockBrowserWindow({});
  registry.add(window as unknown as BrowserWindow, 'strip');
  const follower = followEconomy({ powerMonitor, core, registry, clock: systemClock });
  return { follower, emitted, setPreferences, registry, window };
}

const active = (states: EconomyState[]) => states.map((state) => state.active);

describe('followEconomy', () => {
  beforeEach(() => {
    resetElectronMock();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('on battery: in effect while the system runs on battery power, from the start and on every switch', () => {
    powerMonitor.onBattery = true;
    const { follower, emitted } = setup({ economy: 'on-battery' });
    expect(follower.current()).toEqual({ active: true, mode: 'on-battery', onBattery: true });
    powerMonitor.setOnBattery(false);
    powerMonitor.setOnBattery(true);
    powerMonitor.setOnBattery(false);
    expect(active(emitted)).toEqual([false, true, false]);
    follower.stop();
  });

  it('follows the preference: never ignores the battery, always ignores the mains', () => {
    powerMonitor.onBattery = true;
    const { follower, emitted, setPreferences } = setup({ economy: 'never' });
    expect(follower.current().active).toBe(false);
    setPreferences({ economy: 'always' });
    expect(follower.current()).toEqual(economyState('always', true));
    powerMonitor.setOnBattery(false);
    expect(follower.current()).toEqual({ active: true, mode: 'always', onBattery: false });
    setPreferences({ economy: 'on-battery' });
    setPreferences({ speed: 80 });
    expect(active(emitted)).toEqual([true, true, false]);
    follower.stop();
  });

  it('asks the system again on a timer and on resume, where Electron sends no event', () => {
    const { follower, emitted } = setup();
    // Unplugged without an event (Linux; Windows sends no 'on-battery').
    powerMonitor.onBattery = true;
    vi.advanceTimersByTime(POWER_CHECK_MS - 1);
    expect(emitted).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(active(emitted)).toEqual([true]);
    powerMonitor.onBattery = false;
    powerMonitor.emit('resume');
    expect(active(emitted)).toEqual([true, false]);
    follower.stop();
  });

  it('a power source it cannot read counts as mains power', () => {
    powerMonitor.isOnBatteryPower.mockImplementation(() => {
      throw new Error('no power service');
    });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { follower } = setup({ economy: 'on-battery' });
    expect(follower.current().active).toBe(false);
    expect(errors).toHaveBeenCalled();
    follower.stop();
  });

  it('tells a page the state as soon as it listens, then each change; stop removes every listener', () => {
    powerMonitor.onBattery = true;
    const { follower, registry, window } = setup();
    registry.setSubscribed(window.webContents.id, 'economy', true);
    powerMonitor.setOnBattery(false);
    const told = window.webContents.send.mock.calls
      .filter(([channel]) => channel === EVENT_CHANNELS.economy)
      .map(([, state]) => (state as EconomyState).active);
    // Only the subscription answer: changes reach pages through the core's event (forwardCoreEvents).
    expect(told).toEqual([true]);
    follower.stop();
    expect(['on-battery', 'on-ac', 'resume'].map((event) => powerMonitor.listenerCount(event))).toEqual([0, 0, 0]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
