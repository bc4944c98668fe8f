/**
 * The app's relay, driven by the saved settings: started when the user turns it on, restarted on a
 * new port, given a new token or origin list without dropping connected clients, and described for
 * the settings window and the tray (listening or why not, the clients and their symbols).
 */
import { Signal } from '../../shared/signal';
import type { RelayOverview } from '../../shared/types';
import type { FeedSession } from '../session/feed-session';
import { sessionRelayFeed, type RelayFeed } from './relay-feed';
import { RelayServer, type RelayServerOptions } from './relay-server';

export interface RelayConfig {
  enabled: boolean;
  port: number;
  token: string;
  origins: readonly string[];
}

export interface RelayControllerDeps {
  session: FeedSession;
  maxSymbols: number;
  /** Override how servers are made (tests: timers, limits). */
  createServer?: (options: RelayServerOptions) => RelayServer;
}

export class RelayController {
  /** The overview changed (started, stopped, failed, a client came, went or changed its symbols). */
  readonly changed = new Signal<RelayOverview>();

  private readonly feed: RelayFeed;
  private readonly createServer: (options: RelayServerOptions) => RelayServer;
  private server: RelayServer | null = null;
  private config: RelayConfig | null = null;
  private error: string | null = null;
  /** Serialises start/stop so a quick off-on-off never leaves two servers. */
  private applying: Promise<void> = Promise.resolve();

  constructor(deps: RelayControllerDeps) {
    this.feed = sessionRelayFeed(deps.session, { maxSymbols: deps.maxSymbols });
    this.createServer = deps.createServer ?? ((options) => new RelayServer(options));
  }

  /** Bring the relay in line with the settings. Resolves once it listens, stopped or failed. */
  apply(config: RelayConfig): Promise<void> {
    this.applying = this.applying.then(() => this.applyNow(config));
    return this.applying;
  }

  overview(): RelayOverview {
    const config = this.config;
    return {
      enabled: config?.enabled ?? false,
      port: config?.port ?? 0,
      listening: this.server !== null,
      error: this.error,
      clients: this.server?.clientList() ?? [],
    };
  }

  async stop(): Promise<void> {
    await this.applying;
    await this.stopServer();
  }

  private async applyNow(next: RelayConfig): Promise<void> {
    const before = this.config;
    this.config = { ...next, origins: [...next.origins] };
    if (!next.enabled) {
      const wasRunning = this.server !== null || this.error !== null;
      this.error = null;
      await this.stopServer();
      if (wasRunning || before?.enabled) this.emit();
      return;
    }
    if (this.server !== null && before?.port === next.port) {
      this.server.setToken(next.token);
      this.server.setAllowedOrigins(next.origins);
      if (before.token !== next.token || before.origins.join(',') !== next.origins.join(',')) this.emit();
      return;
    }
    await this.stopServer();
    const server = this.createServer({
      feed: this.feed,
      port: next.port,
      token: next.token,
      allowedOrigins: next.origins,
    });
    try {
      await server.listen();
      this.server = server;
      this.error = null;
      server.clientsChanged.subscribe(() => this.emit());
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
    this.emit();
  }

  private async stopServer(): Promise<void> {
    const server = this.server;
    if (server === null) return;
    this.server = null;
    server.clientsChanged.clear();
    await server.close();
  }

  private emit(): void {
    this.changed.emit(this.overview());
  }
}
