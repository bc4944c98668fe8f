/**
 * The relay inside the core: the saved relay settings drive one RelayController, and what it does
 * becomes the `relay` event (with the token and origins the settings window shows) and, when it
 * cannot run, one warning per new reason.
 */
import type { Signal } from '../../shared/signal';
import type { Notice, RelayOverview, RelayView } from '../../shared/types';
import { RelayController } from '../relay/relay-controller';
import type { RelayServer, RelayServerOptions } from '../relay/relay-server';
import type { Settings } from '../settings/settings';
import type { FeedSession } from '../session/feed-session';

export interface CoreRelayDeps {
  session: FeedSession;
  settings: Pick<Settings, 'relay' | 'preferences' | 'maxSymbols'>;
  changed: Signal<RelayView>;
  notify(notice: Omit<Notice, 'at'>): void;
  /** Whether the core runs: before start() the saved config is only recorded, after stop() never applied. */
  running(): boolean;
  createServer?: (options: RelayServerOptions) => RelayServer;
}

export class CoreRelay {
  private readonly controller: RelayController;
  private lastError: string | null = null;

  constructor(private readonly deps: CoreRelayDeps) {
    const { settings } = deps;
    this.controller = new RelayController({
      session: deps.session,
      maxSymbols: settings.maxSymbols,
      ...(deps.createServer ? { createServer: deps.createServer } : {}),
    });
    this.controller.changed.subscribe((overview) => {
      if (overview.error !== null && overview.error !== this.lastError) {
        deps.notify({ level: 'warning', message: `The relay is not running: ${overview.error}` });
      }
      this.lastError = overview.error;
      deps.changed.emit(this.view());
    });
    settings.relay.changed.subscribe(() => {
      if (deps.running()) void this.apply();
      deps.changed.emit(this.view());
    });
  }

  /** Start, restart or stop the relay as the saved settings say. */
  apply(): Promise<void> {
    const { settings } = this.deps;
    const { relayEnabled, relayPort } = settings.preferences.current();
    // The token is made only when the relay is first turned on (or the settings window shows it).
    const token = relayEnabled ? settings.relay.token() : (settings.relay.tokenIfMade() ?? '');
    const enabled = relayEnabled && this.deps.running();
    return this.controller.apply({ enabled, port: relayPort, token, origins: settings.relay.origins() });
  }

  view(): RelayView {
    const { settings } = this.deps;
    return { ...this.controller.overview(), token: settings.relay.token(), origins: settings.relay.origins() };
  }

  overview(): RelayOverview {
    return this.controller.overview();
  }

  stop(): Promise<void> {
    return this.controller.stop();
  }
}
