/**
 * Each page's bridge type is its own window kind's, derived from the contract's channel lists: a page
 * calling another window's channel fails type-checking (`npm run typecheck` checks the
 * `@ts-expect-error` lines below), and `findBridge` hands a page the preload's bridge or null.
 */
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { findBridge, type WindowBridge } from '../../../src/renderer/bridge';
import {
  INVOKE_CHANNELS,
  WINDOW_CHANNELS,
  type CardApi,
  type InvokeName,
  type SettingsApi,
  type StripApi,
  type TickerApi,
} from '../../../src/shared/ipc-contract';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("a page's bridge type", () => {
  it("has its own kind's channels and none of another's", () => {
    vi.stubGlobal('window', {});
    expectTypeOf<StripApi>().toHaveProperty('openChart');
    expectTypeOf<StripApi>().not.toHaveProperty('setApiKey');
    expectTypeOf<StripApi>().not.toHaveProperty('onNotice');
    expectTypeOf<SettingsApi>().toHaveProperty('setApiKey');
    expectTypeOf<SettingsApi>().not.toHaveProperty('openChart');
    expectTypeOf<CardApi>().not.toHaveProperty('getPageStart');
    expectTypeOf<Window['ticker']>().toEqualTypeOf<WindowBridge | undefined>();

    const strip = findBridge<StripApi>();
    // @ts-expect-error the strip's bridge has no settings channel
    void strip?.setApiKey('secret-key');
    const settings = findBridge<SettingsApi>();
    // @ts-expect-error the settings window's bridge has no strip channel
    void settings?.openChart('AAPL');
    // @ts-expect-error a page cannot ask for a bridge of channels from several kinds of window
    findBridge<Pick<TickerApi, 'setApiKey' | 'openChart'>>();
    // @ts-expect-error nor call the bridge on `window` without taking its own kind's
    void window.ticker?.getPageStart();

    // The strip and the settings window do not share a channel the type would let one call for the other.
    const only = (kind: 'strip' | 'settings', name: InvokeName) =>
      (WINDOW_CHANNELS[kind].invoke as readonly InvokeName[]).includes(name);
    expect(only('strip', 'openChart') && !only('settings', 'openChart')).toBe(true);
    expect(only('settings', 'setApiKey') && !only('strip', 'setApiKey')).toBe(true);
    expect(INVOKE_CHANNELS.setApiKey).toBe('key:set');
  });
});

describe('findBridge', () => {
  it("returns the preload's bridge, or null when the page runs without one", () => {
    vi.stubGlobal('window', {});
    expect(findBridge<StripApi>()).toBeNull();
    const bridge = Object.freeze({ openSettings: async () => ({ ok: true as const, value: null }) });
    vi.stubGlobal('window', { ticker: bridge });
    expect(findBridge<StripApi>()).toBe(bridge);
  });
});
