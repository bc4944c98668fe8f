/**
 * The usual life of a browser test file that runs the real app: one Chromium session for the file,
 * and a fresh app (real core, fake Finnhub server) per test, closed after the test whatever happened.
 * Call `useAppSession()` once at the top of the file.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startApp, type RunningApp, type StartAppOptions } from './app-fixture';
import { startRendererSession, type RendererSession } from './renderer-session';

export interface AppSession {
  /** The file's Chromium session (from beforeAll on). */
  readonly session: RendererSession;
  /** Start this test's app; it is closed after the test. */
  start(options?: StartAppOptions): Promise<RunningApp>;
}

export function useAppSession(): AppSession {
  let session: RendererSession | null = null;
  const running: RunningApp[] = [];
  beforeAll(async () => {
    session = await startRendererSession();
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((app) => app.close()));
  });
  afterAll(async () => {
    await session?.close();
  });
  return {
    get session(): RendererSession {
      if (session === null) throw new Error('useAppSession: the session starts in beforeAll');
      return session;
    },
    async start(options: StartAppOptions = {}): Promise<RunningApp> {
      const app = await startApp(options);
      running.push(app);
      return app;
    },
  };
}
