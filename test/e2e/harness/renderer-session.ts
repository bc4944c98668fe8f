/**
 * One Chromium and one static server over the built renderer pages (built once per source change,
 * shared by every test file), plus page helpers. `openCorePage` opens a page as main's window of its
 * kind: the real preload over main's real IPC, on a REAL core (test/support/browser-bridge.ts).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { TickerCore } from '../../../src/engine/core/ticker-core';
import type { TickerApi } from '../../../src/shared/ipc-contract';
import {
  createBrowserDesk,
  type BrowserBridge,
  type BrowserDesk,
  type BrowserDeskOptions,
} from '../../support/browser-bridge';
import type { StripRole } from '../../../src/main/shell/strip-view';
import { buildRendererCached } from './build-renderer';
import { serveStatic } from './static-server';

declare global {
  // The bridge the pages use, as a test may call it from a page of any kind (the renderer's own
  // type, src/renderer/env.d.ts, gives each page only its kind's).
  interface Window {
    readonly ticker: TickerApi;
  }
}

export const OUTPUT_DIR = resolve('test-output');
/** The Chromium the browser tests and benches drive: Debian's, unless `CHROMIUM_PATH` names another. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * Headless Chromium here sometimes stops producing animation frames (about 1 per second) after a
 * DOM change when the viewport is very short (e.g. 32 px), so the strip runs in a taller window
 * and `screenshotStrip` shrinks the page itself to the real strip height.
 */
export const STRIP_VIEWPORT = { width: 1600, height: 120 };
export const STRIP_HEIGHT = 32;
export const SETTINGS_VIEWPORT = { width: 760, height: 900 };
/** The details card's window (its height follows its content; this fits the tallest). */
export const CARD_VIEWPORT = { width: 320, height: 420 };

export interface OpenPageOptions {
  viewport?: { width: number; height: number };
  reducedMotion?: 'reduce' | 'no-preference';
  /** Install Playwright's fake clock before the page loads. */
  fakeClock?: boolean;
  /** Install Playwright's fake clock starting at this instant (epoch ms); it runs on from there. */
  clockAt?: number;
  /** A script the page runs before its own (after the bridge's), e.g. to watch the first render. */
  initScript?: string;
}

/** How long a real-core page's waits (waitForFunction, locators) may take before failing. */
export const CORE_PAGE_TIMEOUT_MS = 8_000;

export type CorePageOptions = OpenPageOptions &
  BrowserDeskOptions & {
    /** Which strip a strip page is (default the first). */
    role?: StripRole;
    /** Main answers every call this much later (a busy main process). */
    latencyMs?: number;
  };

export interface RendererSession {
  readonly browser: Browser;
  readonly url: string;
  /**
   * Open strip.html or settings.html as main's window of that kind: the page runs the real preload,
   * which talks to main's real IPC surface over `core` (one desk per core, shared by its pages; the
   * desk's options come from the first page opened on it, `settingsTransfer` from any). Closing the
   * page closes its window.
   */
  openCorePage(
    name: 'strip' | 'settings' | 'card',
    core: TickerCore,
    options?: CorePageOptions,
  ): Promise<{ page: Page; errors: string[]; bridge: BrowserBridge }>;
  /** Main's side of the pages opened on `core` (the power source, the file dialogs, what they opened). */
  desk(core: TickerCore, options?: BrowserDeskOptions): BrowserDesk;
  close(): Promise<void>;
}

export async function startRendererSession(): Promise<RendererSession> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const [buildDir, browser] = await Promise.all([
    buildRendererCached(),
    chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }),
  ]);
  const server = await serveStatic(buildDir);
  const desks = new Map<TickerCore, BrowserDesk>();
  const deskFor = (core: TickerCore, options: BrowserDeskOptions = {}): BrowserDesk => {
    let desk = desks.get(core);
    if (!desk) {
      desk = createBrowserDesk(core, options);
      desks.set(core, desk);
    } else if (options.settingsTransfer) desk.setSettingsTransfer(options.settingsTransfer);
    return desk;
  };

  /** A blank page with error collection and the requested viewport, motion and clock. */
  async function newPage(
    name: 'strip' | 'settings' | 'card',
    options: CorePageOptions,
  ): Promise<{ page: Page; errors: string[] }> {
    const viewport =
      options.viewport ?? (name === 'strip' ? STRIP_VIEWPORT : name === 'card' ? CARD_VIEWPORT : SETTINGS_VIEWPORT);
    const page = await browser.newPage({ viewport, reducedMotion: options.reducedMotion ?? 'no-preference' });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    if (options.clockAt !== undefined) await page.clock.install({ time: options.clockAt });
    else if (options.fakeClock) await page.clock.install();
    if (options.initScript) await page.addInitScript({ content: options.initScript });
    return { page, errors };
  }

  return {
    browser,
    url: server.url,
    async openCorePage(name, core, options = {}) {
      const { page, errors } = await newPage(name, options);
      // Fail fast with Playwright's message rather than at the test's own timeout.
      page.setDefaultTimeout(CORE_PAGE_TIMEOUT_MS);
      const bridge = await deskFor(core, options).open(page, {
        kind: name,
        ...(options.role ? { role: options.role } : {}),
        ...(options.latencyMs ? { latencyMs: options.latencyMs } : {}),
      });
      await page.goto(`${server.url}/${name}.html`);
      return { page, errors, bridge };
    },
    desk: deskFor,
    async close() {
      for (const desk of desks.values()) desk.dispose();
      desks.clear();
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The strip's horizontal offset in px (positive = scrolled left), from the track's COMPUTED
 * transform: the same whether the scroll is written to `style.transform` every frame or run by a
 * Web Animations / CSS animation. Runs in the page.
 */
function readScrollOffset(): number {
  const track = document.querySelector('.track');
  if (!track) return 0;
  const transform = getComputedStyle(track).transform;
  if (!transform || transform === 'none') return 0;
  const x = new DOMMatrixReadOnly(transform).m41;
  return x === 0 ? 0 : -x;
}

/** The strip's horizontal offset in px (positive = scrolled left). */
export function scrollOffset(page: Page): Promise<number> {
  return page.evaluate(readScrollOffset);
}

/** Resolves once the strip's offset is beyond `previous` px (checked every animation frame); returns it. */
export async function waitForScrollPast(page: Page, previous: number): Promise<number> {
  // A function, not a string expression: the pages' CSP refuses eval of strings.
  const handle = await page.waitForFunction(
    (last) => {
      const track = document.querySelector('.track');
      const transform = track ? getComputedStyle(track).transform : 'none';
      const x = !transform || transform === 'none' ? 0 : new DOMMatrixReadOnly(transform).m41;
      const offset = x === 0 ? 0 : -x;
      return offset > last ? offset : false;
    },
    previous,
    { polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

/** Wait until the page has run `count` more animation frames (an event, not a timer). */
export function frames(page: Page, count: number): Promise<void> {
  return page.evaluate(
    (n) =>
      new Promise<void>((done) => {
        let seen = 0;
        const step = () => (++seen >= n ? done() : requestAnimationFrame(step));
        requestAnimationFrame(step);
      }),
    count,
  );
}

/** Screenshot the strip as it looks in a window `height` px tall (the page is shrunk via CSSOM). */
export async function screenshotStrip(page: Page, path: string, height = STRIP_HEIGHT): Promise<void> {
  await page.evaluate((h) => {
    document.documentElement.style.height = `${h}px`;
  }, height);
  await frames(page, 2);
  // At most a typical screen's width, however wide the test's page is.
  const width = Math.min(page.viewportSize()?.width ?? STRIP_VIEWPORT.width, STRIP_VIEWPORT.width);
  await page.screenshot({ path, clip: { x: 0, y: 0, width, height } });
  await page.evaluate(() => {
    document.documentElement.style.height = '';
  });
}
