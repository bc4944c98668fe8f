/**
 * Which source feeds the session follows the saved key: the key's one Finnhub connection, or the
 * demo without one. Also answers what needs the key's REST client: symbol search and key tests.
 */
import { apiKeyProblem } from '../../shared/api-key-rule';
import type { KeyTestResult, SymbolMatch } from '../../shared/types';
import type { FinnhubRest } from '../market/finnhub-rest';
import type { Settings } from '../settings/settings';
import { createFeedSource, createRestClient, type FeedSourceConfig } from './create-feed-source';
import { searchDemoSymbols } from './demo-symbols';
import type { FeedSession } from '../session/feed-session';

/** How long search and key tests may wait for a rate-limit slot before failing fast. */
const INTERACTIVE_MAX_WAIT_MS = 5_000;

export class KeySources {
  /** The key the attached source uses; null while the demo runs. */
  private activeKey: string | null = null;
  private rest: FinnhubRest | null = null;

  constructor(
    private readonly deps: {
      session: FeedSession;
      settings: Pick<Settings, 'key' | 'lists' | 'preferences'>;
      config: Omit<FeedSourceConfig, 'key' | 'symbols'>;
      running(): boolean;
      /** Called when the REST client changes (a new key, or the demo). */
      restChanged?(): void;
    },
  ) {}

  /** (Re)attach the source that matches the saved key; a no-op when it already does (unless forced). */
  async sync(force = false): Promise<void> {
    const { session, settings } = this.deps;
    if (!this.deps.running()) return;
    const key = settings.key.plain();
    if (!force && key === this.activeKey && session.currentSource()) return;
    this.activeKey = key;
    const made = createFeedSource({ ...this.deps.config, key, symbols: settings.lists.shownSymbols() });
    this.rest = made.rest;
    this.deps.restChanged?.();
    await session.attach(made.source, made.quotes);
    if (settings.preferences.current().paused) made.source.pause();
  }

  /** The saved key's REST client, or null while the demo runs. */
  restClient(): FinnhubRest | null {
    return this.rest;
  }

  isDemo(): boolean {
    return this.activeKey === null;
  }

  /** Test `key` (or the saved one) against Finnhub's REST API. */
  async testKey(key?: string): Promise<KeyTestResult> {
    const token = key !== undefined && key.trim() !== '' ? key.trim() : this.deps.settings.key.plain();
    if (token === null) return { ok: false, reason: 'No key to test: paste your Finnhub key first.' };
    // The rule setApiKey applies: a key that could never be saved is not worth a REST request.
    const problem = apiKeyProblem(token);
    if (problem !== null) return { ok: false, reason: problem };
    return createRestClient(this.deps.config, token).testKey(token, { maxWaitMs: INTERACTIVE_MAX_WAIT_MS });
  }

  /** Finnhub's symbol search with a key; the demo's own list without one. */
  async search(query: string): Promise<SymbolMatch[]> {
    if (!this.rest) return searchDemoSymbols(query);
    return this.rest.search(query, { maxWaitMs: INTERACTIVE_MAX_WAIT_MS });
  }
}
