/**
 * Alert rules in the settings: validated like every other setting, saved with them, and a corrupt
 * rule dropped with a notice while everything else (other rules included) is kept.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AlertDraft, AlertRule } from '../../../src/shared/alert-rules';
import { alertRule } from '../../support/alert-rule';

const userData = vi.hoisted(() => ({ dir: '' }));

vi.mock('electron', () => {
  const electron = {
    app: { getPath: () => userData.dir, getVersion: () => '0.1.0', getName: () => 'Ticker' },
    ipcMain: { on: vi.fn(), handle: vi.fn() },
    shell: {},
  };
  return { default: electron, ...electron };
});

const { createElectronSettingsStore } = await import('../../../src/main/shell/electron-settings-store');
const { openSettingsStore, settingsFilePath } = await import('../../../src/engine/settings/open-store');
const { createSettings } = await import('../../../src/engine/settings/settings');
const { createMemoryStore } = await import('../../../src/engine/settings/key-value-store');
const { repairSettings } = await import('../../../src/engine/settings/repair-settings');
const { createFakeSafeStorage } = await import('./fake-safe-storage');

const DRAFT: AlertDraft = { symbol: 'aapl', metric: 'price', op: '>=', value: 200, recurring: false, cooldownS: 0 };

function memoryService(initial: Record<string, unknown> = {}) {
  const store = createMemoryStore('/tmp/settings.json');
  store.store = initial;
  let next = 0;
  const service = createSettings({
    store,
    safeStorage: createFakeSafeStorage(),
    platform: 'linux',
    newId: () => `id${(next += 1)}`,
  });
  return { service, store };
}

function expectCode(action: () => unknown, code: string): void {
  try {
    action();
  } catch (error) {
    expect((error as { code?: string }).code).toBe(code);
    return;
  }
  throw new Error('expected a TickerError');
}

describe('Settings: alerts', () => {
  it('adds, edits, re-arms and removes rules, saving each change and telling listeners', () => {
    const { service, store } = memoryService();
    const seen: AlertRule[][] = [];
    service.changed.subscribe((settings) => seen.push(settings.alerts));
    expect(service.alerts.add(DRAFT)).toEqual([alertRule({ id: 'id1' })]);
    service.alerts.add({
      ...DRAFT,
      symbol: 'MSFT',
      metric: 'change',
      op: '<=',
      value: -2,
      recurring: true,
      cooldownS: 60,
    });
    expect((store.store as { alerts: AlertRule[] }).alerts).toHaveLength(2);

    service.alerts.setTriggered('id1', true);
    expect(service.alerts.rules()[0]?.triggered).toBe(true);
    service.alerts.rearm('id1');
    expect(service.alerts.rules()[0]?.triggered).toBe(false);

    service.alerts.setTriggered('id1', true);
    service.alerts.update('id1', { ...DRAFT, value: 210 });
    // an edited rule is armed again
    expect(service.alerts.rules()[0]).toEqual(alertRule({ id: 'id1', value: 210 }));

    service.alerts.remove('id2');
    expect(service.alerts.rules().map((r) => r.id)).toEqual(['id1']);
    expect(seen.at(-1)).toEqual(service.alerts.rules());
    expect(service.publicSettings().alerts).toEqual(service.alerts.rules());
  });

  it('refuses invalid drafts, duplicates, unknown ids and more than the limit', () => {
    const { service } = memoryService();
    expectCode(() => service.alerts.add({ ...DRAFT, value: 0 }), 'invalid-payload');
    expectCode(() => service.alerts.add({ ...DRAFT, symbol: 'bad symbol' }), 'invalid-payload');
    expectCode(() => service.alerts.add({ ...DRAFT, cooldownS: -1 }), 'invalid-payload');
    expectCode(() => service.alerts.add({ ...DRAFT, extra: true } as unknown as AlertDraft), 'invalid-payload');
    service.alerts.add(DRAFT);
    expectCode(() => service.alerts.add(DRAFT), 'duplicate');
    expectCode(() => service.alerts.remove('nope'), 'not-found');
    expectCode(() => service.alerts.rearm('nope'), 'not-found');
    for (let i = 1; i < 100; i += 1) service.alerts.add({ ...DRAFT, value: 200 + i });
    expectCode(() => service.alerts.add({ ...DRAFT, value: 1 }), 'limit');
    // the engine reporting on a rule removed meanwhile changes nothing
    expect(() => service.alerts.setTriggered('gone', true)).not.toThrow();
  });
});

describe('repairSettings alerts', () => {
  it('keeps valid rules and drops each corrupt, duplicate one by its index', () => {
    const result = repairSettings({
      alerts: [
        alertRule(),
        { ...alertRule({ id: 'r2' }), value: 'x' },
        alertRule(),
        alertRule({ id: 'r3', metric: 'change', value: -2 }),
      ],
    });
    expect(result?.settings.alerts.map((r) => r.id)).toEqual(['r1', 'r3']);
    expect(result?.problems).toEqual(['alerts[1]', 'alerts[2]']);
  });

  it('treats missing alerts as none and a non-list as a problem', () => {
    expect(repairSettings({})?.settings.alerts).toEqual([]);
    expect(repairSettings({ alerts: 'AAPL>=200' })?.problems).toEqual(['alerts']);
  });
});

describe('alerts in the real electron-store', () => {
  beforeEach(() => {
    userData.dir = mkdtempSync(join(tmpdir(), 'ticker-alert-store-'));
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });

  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(userData.dir, { recursive: true, force: true });
  });

  function open() {
    const opened = openSettingsStore({
      createStore: () => createElectronSettingsStore(),
      filePath: settingsFilePath(userData.dir),
      now: () => Date.UTC(2026, 10, 25, 20, 15, 3),
    });
    const settings = createSettings({
      store: opened.store,
      safeStorage: createFakeSafeStorage(),
      platform: 'linux',
    });
    return { ...opened, settings };
  }

  it('keeps rules and their triggered state across a restart', () => {
    const first = open();
    first.settings.alerts.add(DRAFT);
    const id = first.settings.alerts.rules()[0]?.id as string;
    first.settings.alerts.setTriggered(id, true);
    const second = open();
    expect(second.notice).toBeNull();
    expect(second.settings.alerts.rules()).toEqual([{ ...alertRule({ id }), triggered: true }]);
  });

  it('drops a corrupt rule with a notice and keeps the other rules and settings', () => {
    const first = open();
    first.settings.lists.addSymbol('binance:solusdt');
    first.settings.alerts.add(DRAFT);
    first.settings.alerts.add({ ...DRAFT, symbol: 'MSFT', value: 500 });
    const path = settingsFilePath(userData.dir);
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { alerts: Record<string, unknown>[] };
    (saved.alerts[0] as Record<string, unknown>).value = -5;
    writeFileSync(path, JSON.stringify(saved));

    const second = open();
    // electron-store's schema lets a negative price through, the field-level repair does not.
    const notices = [second.notice, ...second.settings.notices()].filter((n) => n !== null).map((n) => n.message);
    expect(notices.join('\n')).toMatch(/alerts\[0\]/);
    expect(second.settings.alerts.rules().map((r) => [r.symbol, r.value])).toEqual([['MSFT', 500]]);
    expect(second.settings.lists.symbols()).toContain('BINANCE:SOLUSDT');
    // and the repaired file no longer holds it
    expect((JSON.parse(readFileSync(path, 'utf8')) as { alerts: unknown[] }).alerts).toHaveLength(1);
  });

  it('moves aside a file the schema refuses for a rule and keeps what it can', () => {
    const first = open();
    first.settings.alerts.add(DRAFT);
    first.settings.alerts.add({ ...DRAFT, symbol: 'MSFT', value: 500 });
    const path = settingsFilePath(userData.dir);
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { alerts: Record<string, unknown>[] };
    (saved.alerts[1] as Record<string, unknown>).op = '>';
    writeFileSync(path, JSON.stringify(saved));

    const second = open();
    expect(second.notice?.message).toMatch(/alerts\[1\]/);
    expect(second.settings.alerts.rules().map((r) => r.symbol)).toEqual(['AAPL']);
    expect(readdirSync(userData.dir).filter((name) => name !== 'settings.json').length).toBeGreaterThan(0);
  });
});
