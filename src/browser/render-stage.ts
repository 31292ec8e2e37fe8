import { createHash } from 'node:crypto';
import { ChronicleError } from '../errors.js';
import { buildSnapshot, type BuildOptions, type BuiltSnapshot } from '../pipeline/build-snapshot.js';
import type { Capture, RenderRecord } from '../types.js';
import type { BrowserSession, RenderedPage } from './browser-session.js';
import { pngSize } from './png-size.js';
import { autoRenderReason, type RenderReason } from './render-decision.js';

export type RenderMode = 'never' | 'auto' | 'always';

export interface RenderStageOptions {
  mode: RenderMode;
  /** --screenshot: a full-page screenshot of every page (loaded in the browser for that alone when not rendered). */
  screenshotAll: boolean;
  /** A screenshot of each page that is rendered (false with --no-screenshot). */
  screenshotRendered: boolean;
  /** The run's browser (null when mode is `never` and no screenshot is wanted). */
  session: BrowserSession | null;
  /** How the run extracts (a worker pool's extractor, or in-process). */
  build?: BuildOptions;
}

/**
 * The extract step of a page with --render/--screenshot: `always` extracts from the browser's DOM; `auto`
 * extracts statically first and renders only when that found no article or far less text than the page's
 * JSON-LD articleBody (see render-decision.ts); a screenshot alone loads the page in the browser but extracts
 * from the server's response. raw.html is always the server's response; the DOM goes to rendered.html.
 */
export function createRenderStage(options: RenderStageOptions): (capture: Capture, signal: AbortSignal) => Promise<BuiltSnapshot> {
  const build = options.build ?? {};
  return async (capture, signal) => {
    if (options.session === null) return buildSnapshot(capture, build);
    let reason: RenderReason | 'screenshot' | null = options.mode === 'always' ? 'always' : null;
    let staticBuilt: BuiltSnapshot | null = null;
    if (reason === null) {
      let staticError: unknown = null;
      try {
        staticBuilt = await buildSnapshot(capture, build);
      } catch (error) {
        if (!(error instanceof ChronicleError && error.code === 'E_NO_ARTICLE')) throw error;
        staticError = error;
      }
      if (options.mode === 'auto') {
        reason = autoRenderReason(staticBuilt === null ? null : staticBuilt.snapshot.body.wordCount, Buffer.from(capture.body).toString('utf8'));
      }
      if (reason === null && !options.screenshotAll) {
        if (staticBuilt === null) throw staticError;
        return staticBuilt;
      }
      if (reason === null && staticBuilt === null) throw staticError;
      reason ??= 'screenshot';
    }
    const screenshot = reason === 'screenshot' || options.screenshotRendered;
    const page = await options.session.render(capture.finalUrl, { screenshot, signal });
    const fromRendered = reason !== 'screenshot';
    const built = fromRendered ? await buildSnapshot(capture, { ...build, document: page.html }) : staticBuilt!;
    return withRender(built, page, reason, fromRendered);
  };
}

/** The built snapshot with its render record, rendered.html (when extracted from) and screenshot.png. */
function withRender(built: BuiltSnapshot, page: RenderedPage, reason: RenderRecord['reason'], fromRendered: boolean): BuiltSnapshot {
  const htmlBytes = Buffer.from(page.html, 'utf8');
  const size = page.screenshot === null ? null : pngSize(page.screenshot);
  const render: RenderRecord = {
    reason,
    extractedFromRendered: fromRendered,
    renderedAt: page.renderedAt.toISOString(),
    finalUrl: page.finalUrl,
    elapsedMs: page.elapsedMs,
    blockedRequests: page.blocked,
    html: fromRendered ? { sha256: sha256Hex(htmlBytes), bytes: htmlBytes.byteLength } : null,
    screenshot: page.screenshot === null || size === null ? null : { sha256: sha256Hex(page.screenshot), bytes: page.screenshot.byteLength, ...size },
  };
  return {
    ...built,
    snapshot: { ...built.snapshot, render },
    ...(fromRendered ? { rendered: page.html } : {}),
    ...(render.screenshot !== null ? { screenshot: page.screenshot! } : {}),
  };
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
