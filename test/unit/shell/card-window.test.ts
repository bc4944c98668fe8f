/**
 * The details card's window: placed towards the screen (below a strip at the top, above one at the
 * bottom), inside the work area, shown without taking focus, and given its content only once its
 * page listens.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { MockBrowserWindow, resetElectronMock, screen } from '../../support/electron-mock';
import { CardWindow, type CardWindowDeps } from '../../../src/main/shell/card-window';
import { WindowRegistry } from '../../../src/main/shell/window-registry';
import type { AppPage } from '../../../src/main/shell/app-window';
import { EVENT_CHANNELS } from '../../../src/shared/ipc-contract';
import { cardSize, checkCardRequest, type CardRequest } from '../../../src/shared/card-content';

vi.mock('electron', () => import('../../support/electron-mock'));

const REQUEST: CardRequest = {
  symbol: 'AAPL',
  title: 'Apple Inc',
  subtitle: 'AAPL · NASDAQ · USD',
  rows: [
    { label: 'Open', value: '188.00' },
    { label: 'High', value: '190.10' },
  ],
  rangePosition: 0.5,
  marker: 'Earnings today, after close',
  notes: [],
  spoken: 'Apple Inc',
  chart: { points: [188, 189, 189.4], prevClose: 188.2 },
  theme: 'dark',
  anchorX: 100,
};

function setup() {
  const registry = new WindowRegistry();
  const createWindow = vi.fn((page: AppPage, options: BrowserWindowConstructorOptions) => {
    const window = new MockBrowserWindow(options as Record<string, unknown>) as unknown as BrowserWindow;
    registry.add(window, page);
    return window;
  });
  const card = new CardWindow({
    createWindow,
    screen: screen as unknown as CardWindowDeps['screen'],
    registry,
    platform: 'linux',
  });
  const strip = (bounds: { x: number; y: number; width: number; height: number }) => {
    const window = new MockBrowserWindow(bounds);
    window.showInactive();
    return window;
  };
  return { registry, createWindow, card, strip };
}

beforeEach(() => resetElectronMock());

describe('CardWindow', () => {
  it('opens below a strip at the top, centred on the item, without focus, and never focusable', () => {
    const { registry, createWindow, card, strip } = setup();
    const top = strip({ x: 0, y: 0, width: 1920, height: 32 });
    card.show(top as unknown as BrowserWindow, REQUEST);
    expect(createWindow).toHaveBeenCalledWith('card', expect.objectContaining({ focusable: false, frame: false }));
    const window = MockBrowserWindow.instances.at(-1)!;
    const size = cardSize(REQUEST);
    expect(window.getBounds()).toEqual({ x: 0, y: 36, ...size });
    expect(window.showInactive).toHaveBeenCalled();
    expect(window.show).not.toHaveBeenCalled();
    expect(window.focused).toBe(false);
    // The page was not listening yet: the content goes out when it does.
    expect(window.webContents.send).not.toHaveBeenCalled();
    registry.setSubscribed(window.webContents.id, 'card', true);
    expect(window.webContents.send).toHaveBeenLastCalledWith(
      EVENT_CHANNELS.card,
      expect.objectContaining({ symbol: 'AAPL', side: 'below' }),
    );
  });

  it('opens above a strip at the bottom, and hides on request', () => {
    const { registry, card, strip } = setup();
    // The mock display's work area ends at 1040 (a 40-px task bar).
    const bottom = strip({ x: 0, y: 1008, width: 1920, height: 32 });
    card.show(bottom as unknown as BrowserWindow, { ...REQUEST, anchorX: 1900 });
    const window = MockBrowserWindow.instances.at(-1)!;
    registry.setSubscribed(window.webContents.id, 'card', true);
    const size = cardSize(REQUEST);
    expect(window.getBounds()).toEqual({ x: 1920 - size.width, y: 1008 - 4 - size.height, ...size });
    expect(window.webContents.send).toHaveBeenLastCalledWith(
      EVENT_CHANNELS.card,
      expect.objectContaining({ side: 'above' }),
    );
    card.hide();
    expect(window.hide).toHaveBeenCalled();
    expect(window.webContents.send).toHaveBeenLastCalledWith(EVENT_CHANNELS.card, null);
    expect(card.isOpen()).toBe(false);
  });

  it('closes when its strip hides', () => {
    const { registry, card, strip } = setup();
    const top = strip({ x: 0, y: 0, width: 1920, height: 32 });
    card.show(top as unknown as BrowserWindow, REQUEST);
    const window = MockBrowserWindow.instances.at(-1)!;
    registry.setSubscribed(window.webContents.id, 'card', true);
    expect(card.isOpen()).toBe(true);
    top.hide();
    expect(card.isOpen()).toBe(false);
    expect(window.webContents.send).toHaveBeenLastCalledWith(EVENT_CHANNELS.card, null);
    // Shown again over the same strip: it still follows it, once.
    top.showInactive();
    card.show(top as unknown as BrowserWindow, REQUEST);
    card.show(top as unknown as BrowserWindow, REQUEST);
    expect(card.isOpen()).toBe(true);
    expect(top.listenerCount('hide')).toBe(1);
  });

  it('shows nothing for a strip that is hidden', () => {
    const { card, createWindow } = setup();
    const hidden = new MockBrowserWindow({ x: 0, y: 0, width: 1920, height: 32 });
    card.show(hidden as unknown as BrowserWindow, REQUEST);
    expect(createWindow).not.toHaveBeenCalled();
  });
});

describe('checkCardRequest', () => {
  it('keeps exactly the fields of a well-formed card', () => {
    const checked = checkCardRequest({ ...REQUEST, extra: 'dropped' });
    expect(checked).toEqual({ ok: true, value: REQUEST });
  });

  it.each([
    ['not an object', 'card'],
    ['a long title', { ...REQUEST, title: 'x'.repeat(401) }],
    ['too many rows', { ...REQUEST, rows: Array.from({ length: 13 }, () => ({ label: 'a', value: 'b' })) }],
    ['a range outside 0..1', { ...REQUEST, rangePosition: 2 }],
    ['a chart with a bad price', { ...REQUEST, chart: { points: [1, Number.NaN], prevClose: null } }],
    ['a chart too long', { ...REQUEST, chart: { points: Array.from({ length: 401 }, () => 1), prevClose: null } }],
    ['an unknown theme', { ...REQUEST, theme: 'neon' }],
    ['an anchor that is not a number', { ...REQUEST, anchorX: '10' }],
  ])('refuses %s', (_name, value) => {
    expect(checkCardRequest(value).ok).toBe(false);
  });
});
