import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { performance } from 'node:perf_hooks';
import { request, type Dispatcher } from 'undici';
import { ChronicleError } from '../errors.js';
import { parseHttpUrl } from '../normalize/url.js';
import type { Capture, HttpExchange, RedirectHop } from '../types.js';
import { exchangeOf, requestHeadersFor } from './exchange.js';
import { isHtmlType, isUnknownType, looksLikeHtml, mediaType, sniffBinaryType } from './content-type.js';
import { FetchError, withAttempts } from './fetch-error.js';
import { createHttpAgent } from './http-agent.js';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_RETRIES,
  DEFAULT_RETRY_BASE_MS,
  DEFAULT_RETRY_MAX_DELAY_MS,
  DEFAULT_TIMEOUT_MS,
} from './limits.js';
import { parseContentEncoding, readResponseBody } from './read-body.js';
import { backoffDelayMs, isRetryableError, isRetryableStatus, parseRetryAfter, sleep } from './retry-policy.js';
import type { FetchOptions } from './types.js';
import { DEFAULT_USER_AGENT } from './user-agent.js';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Response headers kept in Capture.headers (lower-case). */
const KEPT_HEADERS = [
  'content-type', 'content-encoding', 'content-length', 'content-language', 'last-modified', 'etag', 'date',
  'cache-control', 'expires', 'link', 'x-robots-tag', 'retry-after', 'server', 'age', 'vary',
];

type HopResult =
  | { kind: 'redirect'; status: number; location: string }
  | { kind: 'status'; status: number; retryAfterMs: number | null }
  | {
      kind: 'page';
      status: number;
      headers: Record<string, string>;
      contentType: string | null;
      codings: string[];
      body: Buffer;
      exchange: HttpExchange;
    };

interface Settings {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  retries: number;
  retryBaseMs: number;
  retryMaxDelayMs: number;
  userAgent: string;
  allowNonHtml: boolean;
  signal: AbortSignal | undefined;
  dispatcher: Dispatcher;
  now: () => Date;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  onRetry: FetchOptions['onRetry'];
}

/**
 * Fetches one page with undici `request` (which neither follows redirects nor decompresses, so both are
 * done here, deliberately): redirects followed by hand and recorded (at most maxRedirects, loops detected),
 * a timeout on the wait for headers and on every idle gap in the body, a byte cap applied before and after
 * decompression, gzip/deflate/br undone, HTML checked (sniffed when the type says nothing), and transient
 * failures retried with exponential backoff and jitter (Retry-After honoured up to retryMaxDelayMs).
 *
 * Errors: E_INVALID_URL, E_NETWORK, E_FETCH_TIMEOUT, E_HTTP_STATUS (with status), E_NOT_HTML, E_TOO_LARGE,
 * E_REDIRECT_LOOP, E_TOO_MANY_REDIRECTS, E_INTERRUPTED (signal aborted); all are FetchErrors with `attempts`.
 */
export async function fetchPage(url: string, options: FetchOptions = {}): Promise<Capture> {
  const start = performance.now();
  const now = options.now ?? (() => new Date());
  const fetchedAt = now();
  let requested: URL;
  try {
    requested = parseHttpUrl(url);
  } catch (error) {
    throw withAttempts(error as ChronicleError, 0);
  }
  const ownAgent = options.dispatcher === undefined ? createHttpAgent({ timeoutMs: options.timeoutMs }) : null;
  const settings: Settings = {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    maxRedirects: options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
    retries: options.retries ?? DEFAULT_RETRIES,
    retryBaseMs: options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS,
    retryMaxDelayMs: options.retryMaxDelayMs ?? DEFAULT_RETRY_MAX_DELAY_MS,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    allowNonHtml: options.allowNonHtml ?? false,
    signal: options.signal,
    dispatcher: options.dispatcher ?? ownAgent!,
    now,
    sleep: options.sleep ?? sleep,
    random: options.random ?? Math.random,
    onRetry: options.onRetry,
  };

  /** Retries made over the whole chain: attempts = 1 + retries (redirect hops are not attempts). */
  const counter = { retries: 0 };
  try {
    const redirects: RedirectHop[] = [];
    const visited = new Set<string>([requested.toString()]);
    let current = requested.toString();
    for (;;) {
      const hop = await fetchHopWithRetries(current, settings, counter);
      if (hop.kind === 'page') {
        const body = new Uint8Array(hop.body.buffer, hop.body.byteOffset, hop.body.byteLength);
        return {
          requestedUrl: requested.toString(),
          finalUrl: current,
          redirects,
          status: hop.status,
          headers: hop.headers,
          contentType: hop.contentType,
          contentEncoding: hop.codings.length > 0 ? hop.codings.join(', ') : null,
          body,
          sha256: createHash('sha256').update(body).digest('hex'),
          fetchedAt,
          elapsedMs: Math.round(performance.now() - start),
          attempts: 1 + counter.retries,
          exchange: hop.exchange,
        };
      }
      if (hop.kind === 'status') {
        throw new ChronicleError('E_HTTP_STATUS', `HTTP ${hop.status} from ${current}`, { status: hop.status, url: current });
      }
      redirects.push({ url: current, status: hop.status, location: hop.location });
      if (visited.has(hop.location)) {
        throw new ChronicleError('E_REDIRECT_LOOP', `redirect loop: ${current} → ${hop.location} was already visited`, {
          url: requested.toString(),
        });
      }
      if (redirects.length > settings.maxRedirects) {
        throw new ChronicleError('E_TOO_MANY_REDIRECTS', `more than ${settings.maxRedirects} redirects from ${requested.toString()}`, {
          url: requested.toString(),
        });
      }
      visited.add(hop.location);
      current = hop.location;
    }
  } catch (error) {
    const failure = error instanceof ChronicleError ? error : toFetchError(error, url, settings.signal);
    throw withAttempts(failure, 1 + counter.retries);
  } finally {
    if (ownAgent !== null) await ownAgent.close().catch(() => undefined);
  }
}

/** One hop (request, and the body when it is the page), retried while the failure is worth retrying. */
async function fetchHopWithRetries(url: string, settings: Settings, counter: { retries: number }): Promise<HopResult> {
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1) counter.retries++;
    let outcome: HopResult;
    try {
      outcome = await fetchHop(url, settings);
    } catch (error) {
      const failure = error instanceof ChronicleError ? error : toFetchError(error, url, settings.signal);
      if (attempt > settings.retries || !isRetryableError(failure) || settings.signal?.aborted) throw failure;
      await waitBeforeRetry(url, attempt, null, failure.code, settings);
      continue;
    }
    if (outcome.kind !== 'status' || !isRetryableStatus(outcome.status) || attempt > settings.retries) return outcome;
    if (outcome.retryAfterMs !== null && outcome.retryAfterMs > settings.retryMaxDelayMs) {
      // The server asks for a longer pause than we are willing to wait: give up now rather than come back early.
      return outcome;
    }
    await waitBeforeRetry(url, attempt, outcome.retryAfterMs, `HTTP ${outcome.status}`, settings);
  }
}

async function waitBeforeRetry(
  url: string,
  attempt: number,
  retryAfterMs: number | null,
  reason: string,
  settings: Settings,
): Promise<void> {
  const backoff = backoffDelayMs(attempt, settings.retryBaseMs, settings.retryMaxDelayMs, settings.random);
  const delayMs = retryAfterMs === null ? backoff : Math.min(settings.retryMaxDelayMs, retryAfterMs);
  settings.onRetry?.({ url, attempt, delayMs, reason });
  try {
    await settings.sleep(delayMs, settings.signal);
  } catch (cause) {
    throw new ChronicleError('E_INTERRUPTED', `interrupted while waiting to retry ${url}`, { cause, url });
  }
}

async function fetchHop(url: string, settings: Settings): Promise<HopResult> {
  if (settings.signal?.aborted) {
    throw new ChronicleError('E_INTERRUPTED', `interrupted before fetching ${url}`, { url });
  }
  const sent = requestHeadersFor(settings.userAgent);
  const response = await request(url, {
    method: 'GET',
    dispatcher: settings.dispatcher,
    headers: Object.fromEntries(sent),
    headersTimeout: settings.timeoutMs,
    bodyTimeout: settings.timeoutMs,
    signal: settings.signal ?? null,
  });
  const { statusCode, body } = response;
  const headers = pickHeaders(response.headers);

  const location = headers.location;
  if (REDIRECT_STATUSES.has(statusCode) && location !== undefined) {
    await discard(body);
    let target: string;
    try {
      target = parseHttpUrl(new URL(location, url).toString()).toString();
    } catch (cause) {
      throw new ChronicleError('E_NETWORK', `bad redirect Location ${JSON.stringify(location)} from ${url}`, { cause, url });
    }
    return { kind: 'redirect', status: statusCode, location: target };
  }
  if (statusCode >= 400) {
    await discard(body);
    return { kind: 'status', status: statusCode, retryAfterMs: parseRetryAfter(headers['retry-after'], settings.now()) };
  }

  const contentType = headers['content-type'] ?? null;
  if (!settings.allowNonHtml && !isHtmlType(contentType) && !isUnknownType(contentType)) {
    await discard(body);
    throw new ChronicleError('E_NOT_HTML', `${url} is ${mediaType(contentType)}, not HTML`, { url });
  }
  const codings = parseContentEncoding(headers['content-encoding'], url);
  const declaredLength = Number(headers['content-length']);
  if (Number.isFinite(declaredLength) && declaredLength > settings.maxBytes) {
    await discard(body);
    throw new ChronicleError('E_TOO_LARGE', `response from ${url} is ${declaredLength} bytes, more than ${settings.maxBytes}`, { url });
  }
  const bytes = await readResponseBody(body, { url, codings, maxBytes: settings.maxBytes });
  if (!settings.allowNonHtml && !isHtmlType(contentType) && !looksLikeHtml(bytes)) {
    throw new ChronicleError('E_NOT_HTML', `${url} does not look like HTML (Content-Type ${contentType ?? 'missing'})`, { url });
  }
  const binary = settings.allowNonHtml ? null : sniffBinaryType(bytes);
  if (binary !== null) {
    throw new ChronicleError('E_NOT_HTML', `${url} is ${binary} by its bytes, not HTML (Content-Type ${contentType ?? 'missing'})`, { url });
  }
  delete headers.location;
  const exchange = exchangeOf(url, sent, statusCode, response.statusText, response.headers);
  return { kind: 'page', status: statusCode, headers, contentType, codings, body: bytes, exchange };
}

/**
 * Drops a body we do not want: a small one is read to the end so the keep-alive connection can be reused,
 * past 64 KiB the stream is destroyed (closing that connection). Never throws.
 */
async function discard(body: Dispatcher.ResponseData['body']): Promise<void> {
  body.on('error', () => undefined);
  await body.dump({ limit: 64 * 1024 }).catch(() => undefined);
}

function pickHeaders(raw: IncomingHttpHeaders): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of [...KEPT_HEADERS, 'location']) {
    const value = raw[name];
    if (value === undefined) continue;
    picked[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return picked;
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** Maps what undici and node:net throw to our codes; the original stays as the cause. */
function toFetchError(error: unknown, url: string, signal: AbortSignal | undefined): FetchError {
  if (error instanceof FetchError) return error;
  if (signal?.aborted) return new FetchError('E_INTERRUPTED', `interrupted while fetching ${url}`, { cause: error, url });
  const code = typeof (error as { code?: unknown } | null)?.code === 'string' ? (error as { code: string }).code : null;
  const detail = error instanceof Error ? error.message : String(error);
  if (code !== null && TIMEOUT_CODES.has(code)) {
    const what = code === 'UND_ERR_BODY_TIMEOUT' ? 'body stalled' : code === 'UND_ERR_CONNECT_TIMEOUT' ? 'connect timed out' : 'no response headers in time';
    return new FetchError('E_FETCH_TIMEOUT', `${what} fetching ${url}`, { cause: error, url });
  }
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const causeCode = typeof cause?.code === 'string' ? cause.code : null;
  const label = [code, causeCode].filter((part) => part !== null).join('/');
  return new FetchError('E_NETWORK', `network error fetching ${url}${label ? ` (${label})` : ''}: ${detail}`, { cause: error, url });
}
