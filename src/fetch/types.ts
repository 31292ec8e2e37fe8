import type { Dispatcher } from 'undici';

export interface FetchOptions {
  /** Covers the wait for response headers and each idle gap while reading the body. Default 30000. */
  timeoutMs?: number;
  /** Body cap in bytes, after decompression. Default 20 MiB. Past it: E_TOO_LARGE. */
  maxBytes?: number;
  /** Default 10. */
  maxRedirects?: number;
  /** Retries of transient failures (network errors, 429, 502, 503, 504). Default 2. */
  retries?: number;
  userAgent?: string;
  /** A shared undici Agent (keep-alive); a private one is used when absent. */
  dispatcher?: Dispatcher;
  signal?: AbortSignal;
  /** Accept responses that are not HTML (default false: E_NOT_HTML). */
  allowNonHtml?: boolean;
  /** Injected clock, for tests. */
  now?: () => Date;
}
