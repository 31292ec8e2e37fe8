import { ChronicleError, type ChronicleErrorOptions, type ErrorCode } from '../errors.js';

/** A ChronicleError from the fetch stage that also says how many attempts were made. */
export class FetchError extends ChronicleError {
  readonly attempts: number;

  constructor(code: ErrorCode, message: string, options: ChronicleErrorOptions & { attempts?: number } = {}) {
    super(code, message, options);
    this.attempts = options.attempts ?? 1;
  }
}

/** Attempts recorded on an error (FetchError), or `fallback` for errors that do not carry them. */
export function attemptsOf(error: unknown, fallback = 1): number {
  return error instanceof FetchError ? error.attempts : fallback;
}

/** The same error with the attempt count set (keeps code, message, status, url and cause). */
export function withAttempts(error: ChronicleError, attempts: number): FetchError {
  const options: ChronicleErrorOptions & { attempts: number } = { attempts };
  if (error.cause !== undefined) options.cause = error.cause;
  if (error.status !== undefined) options.status = error.status;
  if (error.url !== undefined) options.url = error.url;
  return new FetchError(error.code, error.message, options);
}
