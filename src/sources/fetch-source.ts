import { gunzipSync } from 'node:zlib';
import { ChronicleError } from '../errors.js';
import { fetchPage } from '../fetch/fetch-page.js';
import type { RobotsCache } from '../fetch/robots.js';
import type { FetchOptions } from '../fetch/types.js';

export interface SourceFetchDeps {
  /** The run's fetch options (agent, User-Agent, timeouts, retries), shared with the pages. */
  fetchOptions: FetchOptions;
  /** With --respect-robots, a source is fetched only where robots.txt allows it. */
  robots?: RobotsCache | null;
  signal?: AbortSignal;
}

/**
 * Fetches a feed or sitemap through the fetch stage (same agent, politeness, retries and timeouts as pages;
 * any content type accepted) and returns its text. A gzipped body (a `.xml.gz` sitemap, recognised by its
 * magic bytes, not by its name) is gunzipped with the same byte cap. Every failure is E_SOURCE, its message
 * saying why (network, HTTP status, size).
 */
export async function fetchSourceText(url: string, maxBytes: number, deps: SourceFetchDeps): Promise<{ text: string; finalUrl: string }> {
  try {
    if (deps.robots) await deps.robots.assertAllowed(url);
    const capture = await fetchPage(url, {
      ...deps.fetchOptions,
      maxBytes,
      allowNonHtml: true,
      ...(deps.signal ? { signal: deps.signal } : {}),
    });
    const bytes = isGzip(capture.body) ? gunzipCapped(capture.body, maxBytes, url) : Buffer.from(capture.body);
    return { text: bytes.toString('utf8'), finalUrl: capture.finalUrl };
  } catch (error) {
    if (error instanceof ChronicleError && (error.code === 'E_SOURCE' || error.code === 'E_INTERRUPTED')) throw error;
    const code = error instanceof ChronicleError ? `${error.code}: ` : '';
    throw new ChronicleError('E_SOURCE', `${code}${(error as Error).message}`, { cause: error, url });
  }
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function gunzipCapped(bytes: Uint8Array, maxBytes: number, url: string): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (cause) {
    const tooLarge = (cause as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
    throw new ChronicleError('E_SOURCE', tooLarge ? `gunzipped ${url} is more than ${maxBytes} bytes` : `cannot gunzip ${url}: ${(cause as Error).message}`, { cause, url });
  }
}
