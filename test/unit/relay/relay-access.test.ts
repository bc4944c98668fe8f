import { describe, expect, it } from 'vitest';
import { checkRelayAccess, relayHostAllowed, relayOriginAllowed } from '../../../src/engine/relay/relay-access';
import { generateRelayToken, relayTokensMatch } from '../../../src/engine/relay/relay-token';
import { isValidRelayPort, isValidRelayToken, normalizeRelayOrigin } from '../../../src/shared/relay-rules';

const rules = { port: 8765, token: 'a-relay-token-of-length', allowedOrigins: new Set(['https://dash.example']) };

describe('relay access', () => {
  it("accepts only loopback Host headers on the relay's port", () => {
    expect(relayHostAllowed('127.0.0.1:8765', 8765)).toBe(true);
    expect(relayHostAllowed('localhost:8765', 8765)).toBe(true);
    expect(relayHostAllowed('[::1]:8765', 8765)).toBe(true);
    expect(relayHostAllowed('LocalHost:8765', 8765)).toBe(true);
    expect(relayHostAllowed('localhost', 8765)).toBe(false);
    expect(relayHostAllowed('127.0.0.1:8766', 8765)).toBe(false);
    expect(relayHostAllowed('attacker.example:8765', 8765)).toBe(false);
    expect(relayHostAllowed('localhost.attacker.example:8765', 8765)).toBe(false);
    expect(relayHostAllowed(undefined, 8765)).toBe(false);
  });

  it("lets in no Origin, the relay's own origins and allowed ones", () => {
    expect(relayOriginAllowed(undefined, rules)).toBe(true);
    expect(relayOriginAllowed('http://localhost:8765', rules)).toBe(true);
    expect(relayOriginAllowed('http://[::1]:8765', rules)).toBe(true);
    expect(relayOriginAllowed('https://DASH.example', rules)).toBe(true);
    expect(relayOriginAllowed('http://dash.example', rules)).toBe(false);
    expect(relayOriginAllowed('https://dash.example:444', rules)).toBe(false);
    expect(relayOriginAllowed('null', rules)).toBe(false);
    expect(relayOriginAllowed('file://', rules)).toBe(false);
    expect(relayOriginAllowed('http://localhost:8766', rules)).toBe(false);
  });

  it('checks Host, then Origin, then the token', () => {
    expect(checkRelayAccess({ host: 'evil:8765', origin: 'https://evil', token: null }, rules)?.reason).toBe('host');
    expect(checkRelayAccess({ host: 'localhost:8765', origin: 'https://evil', token: null }, rules)?.reason).toBe(
      'origin',
    );
    expect(checkRelayAccess({ host: 'localhost:8765', origin: undefined, token: null }, rules)).toMatchObject({
      status: 401,
      reason: 'token',
    });
    expect(
      checkRelayAccess({ host: 'localhost:8765', origin: undefined, token: 'a-relay-token-of-lengtH' }, rules)?.reason,
    ).toBe('token');
    expect(
      checkRelayAccess({ host: 'localhost:8765', origin: 'https://dash.example', token: rules.token }, rules),
    ).toBeNull();
  });

  it('generates distinct valid tokens and compares them whatever their lengths', () => {
    const a = generateRelayToken();
    const b = generateRelayToken();
    expect(a).not.toBe(b);
    expect(isValidRelayToken(a)).toBe(true);
    expect(relayTokensMatch(a, a)).toBe(true);
    expect(relayTokensMatch(a, b)).toBe(false);
    expect(relayTokensMatch(a, a.slice(0, -1))).toBe(false);
    expect(relayTokensMatch(a, '')).toBe(false);
    expect(relayTokensMatch(a, null)).toBe(false);
  });
});

describe('relay rules', () => {
  it('normalises browser origins and refuses anything that is not one', () => {
    expect(normalizeRelayOrigin('https://Example.com/')).toBe('https://example.com');
    expect(normalizeRelayOrigin('http://localhost:3000')).toBe('http://localhost:3000');
    expect(normalizeRelayOrigin('https://example.com:443')).toBe('https://example.com');
    for (const bad of [
      'example.com',
      'ftp://x.example',
      'https://x.example/path',
      'https://u:p@x.example',
      'https://x.example/?q=1',
      '',
      'x'.repeat(300),
      42,
    ]) {
      expect(normalizeRelayOrigin(bad)).toBeNull();
    }
  });

  it('accepts unprivileged integer ports and URL-safe tokens of 16 to 128 characters', () => {
    expect(isValidRelayPort(8765)).toBe(true);
    expect(isValidRelayPort(1023)).toBe(false);
    expect(isValidRelayPort(65536)).toBe(false);
    expect(isValidRelayPort(8765.5)).toBe(false);
    expect(isValidRelayToken('short')).toBe(false);
    expect(isValidRelayToken('has space in the token')).toBe(false);
    expect(isValidRelayToken('a'.repeat(129))).toBe(false);
    expect(isValidRelayToken('abcdefghijklmnop')).toBe(true);
  });
});
