import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ChronicleError } from '../errors.js';
import { isAdHost } from '../extract/embeds/ad-hosts.js';

/** Tallest screenshot kept, in CSS pixels (at 1280 px wide): a longer page is cut at this height. */
export const SCREENSHOT_MAX_HEIGHT_PX = 16_384;
export const VIEWPORT = { width: 1280, height: 900 } as const;
/** Longest wait for the network to go quiet after load, and again after the scroll pass. */
const NETWORK_IDLE_MS = 2_000;
/** The scroll pass: at most this many viewport-high steps, with a pause after each for lazy content. */
const SCROLL_STEPS = 24;
const SCROLL_PAUSE_MS = 120;
/** Longest wait for the browser to close at the end of a run. */
const CLOSE_WAIT_MS = 10_000;

const LAUNCH_ARGS = ['--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--mute-audio', '--hide-scrollbars'];

export interface BrowserSessionOptions {
  executablePath: string;
  /** Pages rendered at once (--render-concurrency). */
  concurrency: number;
  /** Navigation timeout; the whole render of one page is cut at twice this plus 10 s. */
  timeoutMs: number;
  userAgent?: string;
  /** Hosts whose requests are refused (default: known ad and tracker hosts). */
  isBlockedHost?: (hostname: string) => boolean;
}

export interface RenderedPage {
  /** The DOM after load, the idle wait and the scroll pass, serialized. */
  html: string;
  finalUrl: string;
  /** Full-page PNG (height capped), when asked for. */
  screenshot: Uint8Array | null;
  renderedAt: Date;
  elapsedMs: number;
  /** Requests refused because their host is a known ad or tracker host. */
  blocked: number;
}

/**
 * One headless Chromium for a whole run (playwright-core, loaded on first use), at most `concurrency` pages at
 * once, each in a fresh context. The browser is launched on the first render; when it dies (crash, killed),
 * the renders in flight fail with E_RENDER and the next render launches a new one. Playwright's own signal
 * handlers are off: the CLI's Ctrl-C handling decides what finishes, and `close()` ends the browser (Playwright
 * still kills it if the process exits first).
 */
export class BrowserSession {
  private browser: Promise<Browser> | null = null;
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private closed = false;
  /** Browsers launched so far (1 + restarts). */
  launches = 0;

  constructor(private readonly options: BrowserSessionOptions) {}

  /** The pids of the current browser process, for tests and the benchmark (null before launch). */
  async browserPid(): Promise<number | null> {
    if (this.browser === null) return null;
    const browser = await this.browser.catch(() => null);
    const child = (browser as unknown as { _process?: { pid?: number } } | null)?._process;
    return child?.pid ?? null;
  }

  async render(url: string, options: { screenshot: boolean; signal?: AbortSignal }): Promise<RenderedPage> {
    await this.acquire();
    try {
      return await this.renderNow(url, options);
    } finally {
      this.release();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const browser = this.browser;
    this.browser = null;
    const running = browser === null ? null : await browser.catch(() => null);
    if (running === null) return;
    // A close that hangs (a call stuck in the browser) must not keep the run alive: give up on it after 10 s;
    // Playwright kills the browser process when ours exits.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([running.close().catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)))]);
    clearTimeout(timer);
  }

  private async renderNow(url: string, options: { screenshot: boolean; signal?: AbortSignal }): Promise<RenderedPage> {
    const started = performance.now();
    if (options.signal?.aborted) throw new ChronicleError('E_INTERRUPTED', `interrupted before rendering ${url}`, { url });
    const browser = await this.launched();
    const hardMs = this.options.timeoutMs * 2 + 10_000;
    const state: { context: BrowserContext | null; blocked: number } = { context: null, blocked: 0 };
    // Playwright does not always reject a call whose context is closed under it (newPage may wait forever), so
    // the render races its own end: an abandon, the hard timeout or the browser's death settle it regardless.
    let cleanup = (): void => undefined;
    const ended = new Promise<never>((_, reject) => {
      const onAbort = (): void => reject(new ChronicleError('E_INTERRUPTED', `interrupted while rendering ${url}`, { url }));
      const onDisconnect = (): void => reject(new ChronicleError('E_RENDER', `the browser died while rendering ${url} (it is restarted for the next pages)`, { url }));
      const timer = setTimeout(() => reject(new ChronicleError('E_RENDER', `rendering ${url} took more than ${hardMs} ms`, { url })), hardMs);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      browser.once('disconnected', onDisconnect);
      cleanup = () => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        browser.off('disconnected', onDisconnect);
      };
    });
    const work = this.loadPage(browser, url, options.screenshot, state);
    work.catch(() => undefined);
    try {
      const { html, finalUrl, screenshot } = await Promise.race([work, ended]);
      return { html, finalUrl, screenshot, renderedAt: new Date(), elapsedMs: Math.round(performance.now() - started), blocked: state.blocked };
    } catch (error) {
      if (error instanceof ChronicleError) throw error;
      if (options.signal?.aborted) throw new ChronicleError('E_INTERRUPTED', `interrupted while rendering ${url}`, { cause: error, url });
      if (!browser.isConnected()) throw new ChronicleError('E_RENDER', `the browser died while rendering ${url} (it is restarted for the next pages)`, { cause: error, url });
      const detail = (error as Error).message.split('\n')[0] ?? '';
      throw new ChronicleError('E_RENDER', `cannot render ${url}: ${detail}`, { cause: error, url });
    } finally {
      cleanup();
      // The context may still be opening: close it once it exists, without waiting on a stuck call.
      const closeContext = (context: BrowserContext | null): void => void context?.close().catch(() => undefined);
      if (state.context !== null) closeContext(state.context);
      else work.finally(() => closeContext(state.context)).catch(() => undefined);
    }
  }

  /** Load, quiet network, scroll pass, quiet network, then the DOM and (when asked) a screenshot. */
  private async loadPage(
    browser: Browser,
    url: string,
    screenshot: boolean,
    state: { context: BrowserContext | null; blocked: number },
  ): Promise<{ html: string; finalUrl: string; screenshot: Uint8Array | null }> {
    const context = await browser.newContext({
      viewport: VIEWPORT,
      serviceWorkers: 'block',
      ...(this.options.userAgent ? { userAgent: this.options.userAgent } : {}),
    });
    state.context = context;
    const isBlocked = this.options.isBlockedHost ?? isAdHost;
    await context.route('**/*', (route) => {
      let host = '';
      try {
        host = new URL(route.request().url()).hostname;
      } catch {
        // data: and blob: URLs have no host
      }
      if (host !== '' && isBlocked(host)) {
        state.blocked++;
        return route.abort('blockedbyclient');
      }
      return route.continue();
    });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: this.options.timeoutMs });
    await quietNetwork(page);
    await scrollThrough(page);
    await quietNetwork(page);
    const html = await page.content();
    return { html, finalUrl: page.url(), screenshot: screenshot ? await fullPageScreenshot(page) : null };
  }

  /** The running browser, launched (again) when there is none or the last one disconnected. */
  private launched(): Promise<Browser> {
    if (this.closed) return Promise.reject(new ChronicleError('E_INTERRUPTED', 'the browser session is closed'));
    if (this.browser === null) {
      const launch = this.launch();
      this.browser = launch;
      launch.catch(() => {
        if (this.browser === launch) this.browser = null;
      });
    }
    return this.browser;
  }

  private async launch(): Promise<Browser> {
    const { chromium } = await import('playwright-core');
    this.launches++;
    let browser: Browser;
    try {
      browser = await chromium.launch({
        executablePath: this.options.executablePath,
        headless: true,
        args: LAUNCH_ARGS,
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        timeout: 60_000,
      });
    } catch (cause) {
      throw new ChronicleError('E_RENDER', `cannot start Chromium (${this.options.executablePath}): ${(cause as Error).message.split('\n')[0]}`, { cause });
    }
    const current = this.browser;
    browser.on('disconnected', () => {
      if (this.browser === current) this.browser = null;
    });
    return browser;
  }

  private async acquire(): Promise<void> {
    if (this.active < Math.max(1, this.options.concurrency)) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next !== undefined) next();
    else this.active--;
  }
}

async function quietNetwork(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: NETWORK_IDLE_MS }).catch(() => undefined);
}

/** Scrolls down a viewport at a time (so lazy images and infinite sections load), then back to the top. */
async function scrollThrough(page: Page): Promise<void> {
  for (let step = 0; step < SCROLL_STEPS; step++) {
    const atBottom = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight);
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    });
    await page.waitForTimeout(SCROLL_PAUSE_MS);
    if (atBottom) break;
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function fullPageScreenshot(page: Page): Promise<Uint8Array> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const clip = height > SCREENSHOT_MAX_HEIGHT_PX ? { clip: { x: 0, y: 0, width: VIEWPORT.width, height: SCREENSHOT_MAX_HEIGHT_PX } } : {};
  const png = await page.screenshot({ fullPage: true, type: 'png', animations: 'disabled', ...clip });
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
