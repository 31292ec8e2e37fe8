import { Agent } from 'undici';
import { DEFAULT_TIMEOUT_MS } from './limits.js';

export interface HttpAgentOptions {
  /** Connect timeout; the request timeouts are set per request by fetchPage. Default 30000. */
  timeoutMs?: number;
  /** How long an idle keep-alive socket is kept open. Default 10000. */
  keepAliveTimeoutMs?: number;
}

/**
 * One keep-alive undici Agent, shared by every fetch of a batch so that pages of one host reuse
 * their connections. Per-host limits are the batch runner's job, so the Agent does not cap connections.
 * Call `close()` (or `destroy()` when interrupted) at the end of the run.
 */
export function createHttpAgent(options: HttpAgentOptions = {}): Agent {
  return new Agent({
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 10_000,
    keepAliveMaxTimeout: 60_000,
    connect: { timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS },
  });
}
