/**
 * The relay's saved part: a token made once and kept (regenerated on request), allowed origins
 * normalised, and a damaged relay entry repaired without touching the rest.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/engine/settings/key-value-store';
import { repairSettings } from '../../../src/engine/settings/repair-settings';
import { settingsSchema } from '../../../src/engine/settings/schema';
import { createSettings } from '../../../src/engine/settings/settings';
import { createFakeSafeStorage } from './fake-safe-storage';

function service(store = createMemoryStore()) {
  let n = 0;
  const settings = createSettings({
    store,
    safeStorage: createFakeSafeStorage(),
    platform: 'linux',
    newRelayToken: () => `relay-token-number-${++n}`,
  });
  return { settings, store };
}

describe('relay settings', () => {
  it('makes the token on first use, keeps it across restarts, and regenerates it on request', () => {
    const { settings, store } = service();
    expect(settings.relay.tokenIfMade()).toBeNull();
    expect(settings.relay.token()).toBe('relay-token-number-1');
    expect(settings.relay.token()).toBe('relay-token-number-1');
    const changes: number[] = [];
    settings.relay.changed.subscribe(() => changes.push(1));
    expect(settings.relay.regenerateToken()).toBe('relay-token-number-2');
    expect(changes).toHaveLength(1);
    const reopened = service(store).settings;
    expect(reopened.relay.token()).toBe('relay-token-number-2');
    // The token never rides along with what every window sees.
    expect(JSON.stringify(reopened.publicSettings())).not.toContain('relay-token');
  });

  it('normalises allowed origins and refuses anything that is not one, keeping the saved list', () => {
    const { settings } = service();
    expect(
      settings.relay.setOrigins(['https://Dash.example/', 'http://localhost:3000', 'https://dash.example']),
    ).toEqual(['https://dash.example', 'http://localhost:3000']);
    expect(() => settings.relay.setOrigins(['https://ok.example', 'javascript:alert(1)'])).toThrow(/Not an origin/);
    expect(() => settings.relay.setOrigins(Array.from({ length: 21 }, (_, i) => `https://o${i}.example`))).toThrow(
      /At most 20/,
    );
    expect(settings.relay.origins()).toEqual(['https://dash.example', 'http://localhost:3000']);
  });

  it('repairs a damaged relay entry field by field and names what it dropped', () => {
    const repaired = repairSettings({ relay: { token: 'short', origins: ['https://a.example', 'nope', 7] } });
    expect(repaired?.settings.relay).toEqual({ token: null, origins: ['https://a.example'] });
    expect(repaired?.problems).toEqual(expect.arrayContaining(['relay.token', 'relay.origins[1]', 'relay.origins[2]']));
    expect(repairSettings({ relay: 'garbage' })?.settings.relay).toEqual({ token: null, origins: [] });
    expect(repairSettings({})?.settings.relay).toEqual({ token: null, origins: [] });
  });

  it('declares the relay entry and the relay preferences in the JSON schema', () => {
    const schema = settingsSchema() as Record<string, { properties?: Record<string, unknown> }>;
    expect(schema.relay?.properties).toHaveProperty('token');
    expect(schema.preferences?.properties?.relayPort).toMatchObject({
      type: 'integer',
      minimum: 1024,
      maximum: 65535,
      default: 8765,
    });
    expect(schema.preferences?.properties?.relayEnabled).toMatchObject({ type: 'boolean', default: false });
  });
});
