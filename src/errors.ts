/**
 * One error family with stable codes. Stages throw these; only src/cli maps them to exit codes.
 */

export const ERROR_CODES = [
  'E_USAGE',
  'E_INVALID_URL',
  'E_FETCH_TIMEOUT',
  'E_NETWORK',
  'E_HTTP_STATUS',
  'E_NOT_HTML',
  'E_TOO_LARGE',
  'E_REDIRECT_LOOP',
  'E_TOO_MANY_REDIRECTS',
  'E_ROBOTS',
  'E_NO_ARTICLE',
  'E_FAILED_CAPTURE',
  'E_EXTRACT_LIMIT',
  'E_ARCHIVE',
  'E_NOT_FOUND',
  'E_INTERRUPTED',
  'E_INTERNAL',
  'E_WARC_DAMAGED',
  /** A --feed or --sitemap source could not be fetched or read (exit 10). */
  'E_SOURCE',
  /** A page could not be rendered in the browser (crash, timeout, navigation error): exit 3 like a failed fetch. */
  'E_RENDER',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ChronicleErrorOptions {
  cause?: unknown;
  /** HTTP status, for E_HTTP_STATUS. */
  status?: number;
  /** The URL the error is about. */
  url?: string;
}

export class ChronicleError extends Error {
  readonly code: ErrorCode;
  readonly status?: number;
  readonly url?: string;

  constructor(code: ErrorCode, message: string, options: ChronicleErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ChronicleError';
    this.code = code;
    if (options.status !== undefined) this.status = options.status;
    if (options.url !== undefined) this.url = options.url;
  }
}

export function isChronicleError(error: unknown): error is ChronicleError {
  return error instanceof ChronicleError;
}

/** Turns anything thrown into a ChronicleError (unknown errors become E_INTERNAL). */
export function toChronicleError(error: unknown): ChronicleError {
  if (error instanceof ChronicleError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ChronicleError('E_INTERNAL', message, { cause: error });
}

/** Errors a retry may cure (network trouble, timeouts). HTTP statuses are judged by the retry policy. */
export function isTransient(error: ChronicleError): boolean {
  return error.code === 'E_NETWORK' || error.code === 'E_FETCH_TIMEOUT';
}
