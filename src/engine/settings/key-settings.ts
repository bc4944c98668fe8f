/**
 * The Finnhub API key: saved protected (encrypted with the system keychain where there is one), read
 * back only in main. `changed` carries what a renderer may see of it (never the key itself).
 */
import { apiKeyProblem } from '../../shared/api-key-rule';
import { TickerError } from '../../shared/ipc-contract';
import { Signal } from '../../shared/signal';
import type { KeyInfo } from '../../shared/types';
import { maskKey, protectKey, revealKey, type SafeStorageLike } from './key-protection';
import type { SettingsState } from './settings-state';

export class KeySettings {
  /** The key was saved, replaced or cleared. */
  readonly changed = new Signal<KeyInfo>();
  /** The decrypted key for the saved blob `data` (null when it could not be decrypted). */
  private cache: { data: string; key: string | null } | null = null;

  constructor(
    private readonly state: SettingsState,
    private readonly safeStorage: SafeStorageLike,
    private readonly platform: NodeJS.Platform,
  ) {
    state.follow(
      (settings) => settings.apiKey,
      () => this.changed.emit(this.info()),
      true,
    );
  }

  /** The plain API key, for main only (towards Finnhub). Null without a key or when it cannot be decrypted. */
  plain(): string | null {
    const saved = this.state.current.apiKey;
    if (saved === null) return null;
    if (this.cache?.data === saved.data) return this.cache.key;
    const key = revealKey(saved, this.safeStorage);
    this.cache = { data: saved.data, key };
    if (key === null) {
      this.state.raise({
        level: 'warning',
        message:
          'Your saved Finnhub key could not be read on this computer (the system keychain may have changed). Please paste your key again in Settings.',
      });
    }
    return key;
  }

  info(): KeyInfo {
    const key = this.plain();
    const saved = this.state.current.apiKey;
    if (key === null || saved === null) return { hasKey: false, masked: null, protection: 'none' };
    return { hasKey: true, masked: maskKey(key), protection: saved.protection };
  }

  /** Save a new key (trimmed; empty clears it). */
  set(input: string): KeyInfo {
    if (typeof input !== 'string') throw new TickerError('invalid-payload', 'The key must be text.');
    const key = input.trim();
    if (key === '') {
      this.state.write({ ...this.state.current, apiKey: null });
      return this.info();
    }
    const problem = apiKeyProblem(key);
    if (problem !== null) throw new TickerError('invalid-payload', problem);
    const saved = protectKey(key, this.safeStorage, this.platform);
    // Cache before saving so the `changed` payload's key info is computed without decrypting.
    this.cache = { data: saved.data, key };
    this.state.write({ ...this.state.current, apiKey: saved });
    return this.info();
  }
}
