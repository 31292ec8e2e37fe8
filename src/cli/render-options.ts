import { Option, type Command } from 'commander';
import { BrowserSession } from '../browser/browser-session.js';
import { findChromium } from '../browser/find-chromium.js';
import { createRenderStage, type RenderMode } from '../browser/render-stage.js';
import type { BuiltSnapshot, BuildOptions } from '../pipeline/build-snapshot.js';
import type { Capture } from '../types.js';
import type { CliIo } from './io.js';
import { parsePositive } from './options.js';

export const DEFAULT_RENDER_CONCURRENCY = 2;

/** The browser options of `archive` and `check`. */
export interface RenderCommandOptions {
  render: RenderMode;
  renderConcurrency: number;
  /** undefined: implied by --render auto/always; false with --no-screenshot. */
  screenshot?: boolean;
  timeoutMs: number;
  userAgent?: string;
}

export function addRenderOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--render <mode>', 'load pages in headless Chromium: never; auto (only pages whose static extraction found no article or far less text than their JSON-LD articleBody); always')
        .choices(['never', 'auto', 'always'])
        .default('never'),
    )
    .option('--render-concurrency <n>', 'pages rendered at once in the browser', parsePositive, DEFAULT_RENDER_CONCURRENCY)
    .option('--screenshot', 'keep a full-page PNG of each page (screenshot.png; implied by --render auto/always for the pages rendered)')
    .option('--no-screenshot', 'no screenshot with --render');
}

export interface RunRender {
  /** The run's extract step: static, or through the browser as the options say. */
  extract(build: BuildOptions): (capture: Capture, signal: AbortSignal) => Promise<BuiltSnapshot>;
  /** Ends the browser (when one was started). */
  close(): Promise<void>;
}

/**
 * Resolves Chromium before anything is fetched (E_USAGE, exit 2, when --render/--screenshot is asked for and it
 * is missing or CHRONICLE_CHROMIUM names no executable); the browser itself starts on the first page that needs it.
 */
export function createRunRender(options: RenderCommandOptions, io: CliIo): RunRender {
  const screenshot = options.screenshot ?? false;
  const wanted = options.render !== 'never' || screenshot;
  const session = wanted
    ? new BrowserSession({
        executablePath: findChromium(io.env.CHRONICLE_CHROMIUM),
        concurrency: options.renderConcurrency,
        timeoutMs: options.timeoutMs,
        ...(options.userAgent ? { userAgent: options.userAgent } : {}),
      })
    : null;
  return {
    extract: (build) => createRenderStage({ mode: options.render, screenshotAll: screenshot, screenshotRendered: options.screenshot !== false, session, build }),
    close: async () => session?.close(),
  };
}
