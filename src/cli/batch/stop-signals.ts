import type { CliIo } from '../io.js';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export interface StopSignals {
  /** Aborted on the first SIGINT/SIGTERM: take no new URLs. */
  stop: AbortController;
  /** Aborted after the grace period or on a second signal: abandon the URLs in flight. */
  abandon: AbortController;
  /** Removes the signal handlers and the grace timer. */
  dispose(): void;
}

/**
 * Ctrl-C / SIGTERM for a batch: the first signal stops taking new URLs and lets those in flight finish for
 * `graceMs`; then, or at a second signal, they are abandoned. Shared by `archive` and `check`.
 */
export function installStopSignals(io: Pick<CliIo, 'stderr'>, options: { quiet?: boolean; graceMs: number }): StopSignals {
  const stop = new AbortController();
  const abandon = new AbortController();
  let graceTimer: NodeJS.Timeout | null = null;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (!stop.signal.aborted) {
      if (!options.quiet) io.stderr.write(`\nchronicle: ${signal}: taking no new URLs, finishing the ones in flight\n`);
      stop.abort(signal);
      graceTimer = setTimeout(() => abandon.abort(signal), options.graceMs);
    } else {
      abandon.abort(signal);
    }
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return {
    stop,
    abandon,
    dispose() {
      for (const signal of SIGNALS) process.off(signal, onSignal);
      if (graceTimer !== null) clearTimeout(graceTimer);
    },
  };
}
