import type { Command } from 'commander';
import { DEFAULT_CONCURRENCY, DEFAULT_PER_HOST } from '../batch/run-batch.js';
import { createHttpAgent } from '../fetch/http-agent.js';
import { DEFAULT_MAX_BYTES, DEFAULT_RETRIES, DEFAULT_TIMEOUT_MS } from '../fetch/limits.js';
import { RobotsCache } from '../fetch/robots.js';
import type { FetchOptions, RetryInfo } from '../fetch/types.js';
import { ARCHIVE_DIR_HELP, parseCount, parsePositive } from './options.js';

/** The options every batch command (`archive`, `check`) takes. */
export interface BatchCommandOptions {
  input?: string;
  archiveDir?: string;
  json?: boolean;
  quiet?: boolean;
  concurrency: number;
  perHost: number;
  delayMs: number;
  retries: number;
  timeoutMs: number;
  maxBytes: number;
  userAgent?: string;
  respectRobots?: boolean;
  graceMs: number;
}

/** Declares the shared batch options on a command; `jsonHelp` says what its --json lines hold. */
export function addBatchOptions(command: Command, jsonHelp: string): Command {
  return command
    .option('-i, --input <file>', 'read URLs from a file, one per line (- for standard input; # comments and blank lines skipped)')
    .option('--archive-dir <dir>', ARCHIVE_DIR_HELP)
    .option('--json', jsonHelp)
    .option('-q, --quiet', 'no progress bar and no summary on stderr')
    .option('--concurrency <n>', 'URLs fetched at once', parsePositive, DEFAULT_CONCURRENCY)
    .option('--per-host <n>', 'URLs fetched at once from one host (host:port)', parsePositive, DEFAULT_PER_HOST)
    .option('--delay-ms <ms>', 'least time between two requests to one host', parseCount, 0)
    .option('--retries <n>', 'retries of network errors, timeouts, 429, 502, 503, 504', parseCount, DEFAULT_RETRIES)
    .option('--timeout-ms <ms>', 'wait for response headers, and for each gap in the body', parsePositive, DEFAULT_TIMEOUT_MS)
    .option('--max-bytes <n>', 'largest body accepted, after decompression', parsePositive, DEFAULT_MAX_BYTES)
    .option('--user-agent <ua>', 'User-Agent header (default: chronicle/<version> (+https://github.com/chronicle))')
    .option('--respect-robots', 'honour robots.txt (fetched once per host)')
    .option('--grace-ms <ms>', 'on Ctrl-C/SIGTERM, how long URLs in flight may finish before they are abandoned', parseCount, 2000);
}

export interface BatchFetching {
  agent: ReturnType<typeof createHttpAgent>;
  fetchOptions: FetchOptions;
  robots: RobotsCache | null;
}

/** One keep-alive agent, the fetch options and (with --respect-robots) the robots.txt cache of a batch run. */
export function createBatchFetching(options: BatchCommandOptions, onRetry?: (info: RetryInfo) => void): BatchFetching {
  const agent = createHttpAgent({ timeoutMs: options.timeoutMs });
  const fetchOptions: FetchOptions = {
    dispatcher: agent,
    timeoutMs: options.timeoutMs,
    maxBytes: options.maxBytes,
    retries: options.retries,
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
    ...(onRetry ? { onRetry } : {}),
  };
  const robots = options.respectRobots ? new RobotsCache({ ...fetchOptions, retries: 0 }) : null;
  return { agent, fetchOptions, robots };
}
