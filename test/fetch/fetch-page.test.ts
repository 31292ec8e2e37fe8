import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { ChronicleError } from '../../src/errors.js';
import { fetchPage } from '../../src/fetch/fetch-page.js';
import { FetchError } from '../../src/fetch/fetch-error.js';
import { createHttpAgent } from '../../src/fetch/http-agent.js';
import type { FetchOptions, RetryInfo } from '../../src/fetch/types.js';
import { DEFAULT_USER_AGENT } from '../../src/fetch/user-agent.js';
import { version } from '../../src/version.js';
import { articleHtml } from '../helpers/article-page.js';
import { startFaultHost, type FaultHost } from '../helpers/fault-server.js';
import { rejectionOf } from '../helpers/rejection.js';

let host: FaultHost;
const agent = createHttpAgent({ timeoutMs: 2000 });
const fast: FetchOptions = { dispatcher: agent, timeoutMs: 400, retryBaseMs: 5, retries: 2 };

const failure = (promise: Promise<unknown>): Promise<FetchError> => rejectionOf(promise, FetchError);

beforeAll(async () => {
  host = await startFaultHost();
});
afterAll(async () => {
  await agent.destroy();
  await host.close();
});

describe('fetchPage', () => {
  it('fetches a page with its bytes, hash, status, headers and timing', async () => {
    const capture = await fetchPage(host.url('/ok/plain'), fast);
    const expected = Buffer.from(articleHtml('/ok/plain'), 'utf8');
    expect(Buffer.from(capture.body).equals(expected)).toBe(true);
    expect(capture.sha256).toBe(createHash('sha256').update(expected).digest('hex'));
    expect(capture.status).toBe(200);
    expect(capture.contentType).toBe('text/html; charset=utf-8');
    expect(capture.headers['content-length']).toBe(String(expected.length));
    expect(capture.contentEncoding).toBeNull();
    expect(capture.redirects).toEqual([]);
    expect(capture.requestedUrl).toBe(host.url('/ok/plain'));
    expect(capture.finalUrl).toBe(host.url('/ok/plain'));
    expect(capture.attempts).toBe(1);
    expect(capture.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(capture.fetchedAt).toBeInstanceOf(Date);
  });

  it('uses the injected clock for fetchedAt', async () => {
    const at = new Date('2026-03-01T12:00:00Z');
    const capture = await fetchPage(host.url('/ok/clock'), { ...fast, now: () => at });
    expect(capture.fetchedAt.toISOString()).toBe('2026-03-01T12:00:00.000Z');
  });

  it('sends the chronicle User-Agent with its version, and --user-agent overrides it', async () => {
    expect(DEFAULT_USER_AGENT).toBe(`chronicle/${version} (+https://github.com/chronicle)`);
    const standard = Buffer.from((await fetchPage(host.url('/echo-ua'), fast)).body).toString('utf8');
    expect(standard).toContain(`<title>${DEFAULT_USER_AGENT}</title>`);
    const custom = Buffer.from((await fetchPage(host.url('/echo-ua'), { ...fast, userAgent: 'ResearchBot/2.0' })).body).toString('utf8');
    expect(custom).toContain('<title>ResearchBot/2.0</title>');
  });

  it('works without a shared dispatcher (a private agent is opened and closed)', async () => {
    const capture = await fetchPage(host.url('/ok/private'), { timeoutMs: 1000 });
    expect(capture.status).toBe(200);
  });

  it.each([
    ['gzip', '/gzip/g'],
    ['br', '/br/b'],
    ['deflate', '/deflate/d'],
    ['deflate', '/deflate-raw/d'],
  ])('decodes %s (%s): body is the decoded bytes and the encoding is recorded', async (encoding, path) => {
    const capture = await fetchPage(host.url(path), fast);
    expect(capture.contentEncoding).toBe(encoding);
    const expected = Buffer.from(articleHtml(path), 'utf8');
    expect(Buffer.from(capture.body).equals(expected)).toBe(true);
    expect(capture.sha256).toBe(createHash('sha256').update(expected).digest('hex'));
  });

  it('follows a redirect chain, recording each hop', async () => {
    const capture = await fetchPage(host.url('/redirect/3/chain'), fast);
    expect(capture.finalUrl).toBe(host.url('/redirect/0/chain'));
    expect(capture.redirects).toEqual([
      { url: host.url('/redirect/3/chain'), status: 302, location: host.url('/redirect/2/chain') },
      { url: host.url('/redirect/2/chain'), status: 301, location: host.url('/redirect/1/chain') },
      { url: host.url('/redirect/1/chain'), status: 302, location: host.url('/redirect/0/chain') },
    ]);
    expect(capture.requestedUrl).toBe(host.url('/redirect/3/chain'));
    expect(capture.attempts).toBe(1); // hops are not attempts
  });

  it('allows 10 redirects and fails the 11th with E_TOO_MANY_REDIRECTS', async () => {
    const ten = await fetchPage(host.url('/redirect/10/ten'), fast);
    expect(ten.redirects).toHaveLength(10);
    const error = await failure(fetchPage(host.url('/redirect/11/eleven'), fast));
    expect(error.code).toBe('E_TOO_MANY_REDIRECTS');
    const capped = await failure(fetchPage(host.url('/redirect/3/capped'), { ...fast, maxRedirects: 2 }));
    expect(capped.code).toBe('E_TOO_MANY_REDIRECTS');
  });

  it('detects a redirect loop', async () => {
    const error = await failure(fetchPage(host.url('/loop/a'), fast));
    expect(error.code).toBe('E_REDIRECT_LOOP');
    expect(error.message).toContain('/loop/a');
  });

  it.each([404, 410, 500])('fails HTTP %i with E_HTTP_STATUS and the status', async (status) => {
    const path = `/status/${status}/s`;
    const before = host.hits.get(path) ?? 0;
    const error = await failure(fetchPage(host.url(path), fast));
    expect(error.code).toBe('E_HTTP_STATUS');
    expect(error.status).toBe(status);
    expect(error.attempts).toBe(1);
    expect(host.hits.get(path)! - before).toBe(1); // not retried
  });

  it('retries 503 then succeeds, recording the attempts', async () => {
    const retries: RetryInfo[] = [];
    const capture = await fetchPage(host.url('/flaky/once?status=503&times=1'), { ...fast, onRetry: (info) => retries.push(info) });
    expect(capture.status).toBe(200);
    expect(capture.attempts).toBe(2);
    expect(retries).toHaveLength(1);
    expect(retries[0]!.reason).toBe('HTTP 503');
  });

  it.each([502, 504])('retries %i', async (status) => {
    const capture = await fetchPage(host.url(`/flaky/gateway-${status}?status=${status}&times=2`), fast);
    expect(capture.attempts).toBe(3);
  });

  it('gives up after --retries with the last status and attempts', async () => {
    const error = await failure(fetchPage(host.url('/flaky/always?status=503&times=99'), { ...fast, retries: 2 }));
    expect(error.code).toBe('E_HTTP_STATUS');
    expect(error.status).toBe(503);
    expect(error.attempts).toBe(3);
    const none = await failure(fetchPage(host.url('/flaky/never-retried?status=503&times=99'), { ...fast, retries: 0 }));
    expect(none.attempts).toBe(1);
  });

  it('honours Retry-After in seconds on 429 (the wait is the server\'s, not the backoff)', async () => {
    const waits: number[] = [];
    const capture = await fetchPage(host.url('/flaky/rate?status=429&times=1&retryAfter=2'), {
      ...fast,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(capture.attempts).toBe(2);
    expect(waits).toEqual([2000]);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const date = new Date(now.getTime() + 3000).toUTCString();
    const waits: number[] = [];
    await fetchPage(host.url(`/flaky/rate-date?status=429&times=1&retryAfter=${encodeURIComponent(date)}`), {
      ...fast,
      now: () => now,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(waits).toEqual([3000]);
  });

  it('does not wait for a Retry-After beyond the cap: the 429 is returned at once', async () => {
    const waits: number[] = [];
    const error = await failure(
      fetchPage(host.url('/flaky/rate-long?status=429&times=5&retryAfter=3600'), {
        ...fast,
        retryMaxDelayMs: 10_000,
        sleep: async (ms) => {
          waits.push(ms);
        },
      }),
    );
    expect(error.code).toBe('E_HTTP_STATUS');
    expect(error.status).toBe(429);
    expect(waits).toEqual([]);
  });

  it('backs off exponentially with jitter between retries', async () => {
    const waits: number[] = [];
    await failure(
      fetchPage(host.url('/flaky/backoff?status=502&times=99'), {
        ...fast,
        retries: 3,
        retryBaseMs: 100,
        random: () => 0.5,
        sleep: async (ms) => {
          waits.push(ms);
        },
      }),
    );
    expect(waits).toEqual([75, 150, 300]);
  });

  it('times out slow headers with E_FETCH_TIMEOUT and retries them', async () => {
    const error = await failure(fetchPage(host.url('/slow-headers/slow?ms=5000'), { ...fast, timeoutMs: 200, retries: 1 }));
    expect(error.code).toBe('E_FETCH_TIMEOUT');
    expect(error.attempts).toBe(2);
  });

  it('waits for headers that arrive within the timeout', async () => {
    const capture = await fetchPage(host.url('/slow-headers/in-time?ms=50'), { ...fast, timeoutMs: 2000 });
    expect(capture.status).toBe(200);
  });

  it('times out a body that stalls with E_FETCH_TIMEOUT', async () => {
    const error = await failure(fetchPage(host.url('/stall/s'), { ...fast, timeoutMs: 200, retries: 0 }));
    expect(error.code).toBe('E_FETCH_TIMEOUT');
    expect(error.message).toContain('stalled');
  });

  it('reports a reset connection as E_NETWORK with the cause, after retrying', async () => {
    const before = host.hits.get('/reset/r') ?? 0;
    const error = await failure(fetchPage(host.url('/reset/r'), fast));
    expect(error.code).toBe('E_NETWORK');
    expect(error.cause).toBeDefined();
    expect(error.attempts).toBe(3);
    expect(host.hits.get('/reset/r')! - before).toBe(3);
  });

  it('reports a refused connection as E_NETWORK', async () => {
    const closed = await startFaultHost();
    const url = closed.url('/ok/gone');
    await closed.close();
    const error = await failure(fetchPage(url, { ...fast, retries: 0 }));
    expect(error.code).toBe('E_NETWORK');
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('rejects a PDF with E_NOT_HTML without reading it', async () => {
    const error = await failure(fetchPage(host.url('/pdf/doc'), fast));
    expect(error.code).toBe('E_NOT_HTML');
    expect(error.message).toContain('application/pdf');
  });

  it('sniffs a response without Content-Type: HTML is accepted, a PDF is not', async () => {
    const page = await fetchPage(host.url('/untyped/page'), fast);
    expect(page.contentType).toBeNull();
    const error = await failure(fetchPage(host.url('/untyped-pdf/doc'), fast));
    expect(error.code).toBe('E_NOT_HTML');
  });

  it('refuses a PDF or a binary file served as text/html with E_NOT_HTML (WHATWG MIME sniffing)', async () => {
    const pdf = await failure(fetchPage(host.url('/html-pdf/doc'), fast));
    expect(pdf.code).toBe('E_NOT_HTML');
    expect(pdf.message).toContain('application/pdf');
    const binary = await failure(fetchPage(host.url('/html-binary/file'), fast));
    expect(binary.code).toBe('E_NOT_HTML');
    expect(binary.message).toContain('application/octet-stream');
  });

  it('accepts non-HTML when allowNonHtml is set', async () => {
    const capture = await fetchPage(host.url('/pdf/allowed'), { ...fast, allowNonHtml: true });
    expect(Buffer.from(capture.body).toString('latin1').startsWith('%PDF')).toBe(true);
  });

  it('aborts an oversize streamed body with E_TOO_LARGE', async () => {
    const error = await failure(fetchPage(host.url('/huge/big?mb=8'), { ...fast, maxBytes: 1024 * 1024 }));
    expect(error.code).toBe('E_TOO_LARGE');
  });

  it('refuses a declared Content-Length over the cap before reading', async () => {
    const error = await failure(fetchPage(host.url('/huge-declared/big?mb=60'), fast));
    expect(error.code).toBe('E_TOO_LARGE');
    expect(error.message).toContain(String(60 * 1024 * 1024));
  });

  it('stops a decompression bomb at the cap applied after decoding', async () => {
    const error = await failure(fetchPage(host.url('/bomb/b'), { ...fast, maxBytes: 1024 * 1024 }));
    expect(error.code).toBe('E_TOO_LARGE');
    expect(error.message).toContain('decompresses');
  });

  it('fails a malformed URL with E_INVALID_URL and no request', async () => {
    for (const input of ['not a url', 'ftp://example.com/x', '']) {
      const error = await failure(fetchPage(input, fast));
      expect(error.code).toBe('E_INVALID_URL');
      expect(error.attempts).toBe(0);
    }
  });

  it('stops at once with E_INTERRUPTED when the signal aborts', async () => {
    const controller = new AbortController();
    const pending = fetchPage(host.url('/slow-headers/aborted?ms=5000'), { ...fast, timeoutMs: 5000, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await failure(pending);
    expect(error.code).toBe('E_INTERRUPTED');
    expect(error).toBeInstanceOf(ChronicleError);
  });
});
