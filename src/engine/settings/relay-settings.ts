/**
 * The relay's saved secrets and lists: its token (made on first use) and the browser origins allowed
 * besides its own. Its on/off and port are preferences. Never shown to the strip, so `changed` is not
 * a change the settings push carries: the relay's own event does.
 */
import { TickerError } from '../../shared/ipc-contract';
import { MAX_RELAY_ORIGINS, checkRelayOrigin } from '../../shared/relay-rules';
import { Signal } from '../../shared/signal';
import { generateRelayToken } from '../relay/relay-token';
import type { SavedRelay } from './schema';
import type { SettingsState } from './settings-state';

export class RelaySettings {
  /** The token or the allowed origins changed. */
  readonly changed = new Signal<SavedRelay>();

  constructor(
    private readonly state: SettingsState,
    private readonly newToken: () => string = generateRelayToken,
  ) {
    state.follow(
      (settings) => settings.relay,
      (relay) => this.changed.emit({ token: relay.token, origins: [...relay.origins] }),
      false,
    );
  }

  /** The relay's token, made (and saved) on first use. A secret, but not the Finnhub key. */
  token(): string {
    const saved = this.state.current.relay.token;
    if (saved !== null) return saved;
    return this.saveToken(this.newToken());
  }

  /** The saved token, without making one. */
  tokenIfMade(): string | null {
    return this.state.current.relay.token;
  }

  /** A new token: clients still using the old one are refused from their next connection. */
  regenerateToken(): string {
    return this.saveToken(this.newToken());
  }

  origins(): string[] {
    return [...this.state.current.relay.origins];
  }

  /** Replace the allowed browser origins; each must be an origin like https://example.com. */
  setOrigins(input: readonly unknown[]): string[] {
    if (!Array.isArray(input)) throw new TickerError('invalid-payload', 'Origins must be a list');
    if (input.length > MAX_RELAY_ORIGINS) throw new TickerError('limit', `At most ${MAX_RELAY_ORIGINS} origins.`);
    const origins: string[] = [];
    for (const item of input) {
      const checked = checkRelayOrigin(item);
      if (!checked.ok) throw new TickerError('invalid-payload', `${checked.message}.`);
      if (!origins.includes(checked.origin)) origins.push(checked.origin);
    }
    const { current } = this.state;
    this.state.write({ ...current, relay: { ...current.relay, origins } });
    return this.origins();
  }

  private saveToken(token: string): string {
    const { current } = this.state;
    this.state.write({ ...current, relay: { ...current.relay, token } });
    return token;
  }
}
