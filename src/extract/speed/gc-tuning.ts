/** V8 garbage-collector tuning for the extraction worker pool. */
import { setFlagsFromString } from 'node:v8';

export interface GcTuning {
  /** True when this pool turned parallel scavenging off (and will turn it back on when released). */
  readonly serialScavenges: boolean;
  /** Call once, when the pool is closed. */
  release(): void;
}

export interface GcTuningHost {
  /** Sets V8 flags (v8.setFlagsFromString; tests count the calls). */
  setFlags(flags: string): void;
  /** The Node flags the process was started with (the CLI's process.execArgv): the user's choice wins. */
  execArgv: readonly string[];
}

/** A host of the given Node flags whose flag changes go to V8. */
export function v8Host(execArgv: readonly string[]): GcTuningHost {
  return { setFlags: setFlagsFromString, execArgv };
}

let saturatingPools = 0;

/** Whether scavenges are currently serial because of an open pool (tests). */
export function serialScavengesActive(): boolean {
  return saturatingPools > 0;
}

/**
 * Serial scavenges (`--no-parallel-scavenge`) while a pool's workers fill every core: V8's scavenger helper threads
 * then only take CPU from the workers (figures: docs/performance.md). The flag is process-wide and read at each
 * scavenge, so it is set while such a pool is open and put back when the last one closes; a user's own
 * `--(no-)parallel-scavenge` is left alone.
 */
export function tuneGcForPool(workers: number, cores: number, host: GcTuningHost): GcTuning {
  const userChose = host.execArgv.some((flag) => /^--(no-)?parallel[-_]scavenge(=|$)/.test(flag));
  if (userChose || workers < cores) return { serialScavenges: false, release: () => undefined };
  if (saturatingPools++ === 0) host.setFlags('--no-parallel-scavenge');
  let released = false;
  return {
    serialScavenges: true,
    release() {
      if (released) return;
      released = true;
      if (--saturatingPools === 0) host.setFlags('--parallel-scavenge');
    },
  };
}
