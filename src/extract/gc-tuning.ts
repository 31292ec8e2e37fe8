import { setFlagsFromString } from 'node:v8';

export interface GcTuning {
  /** True when this pool turned parallel scavenging off (and will turn it back on when released). */
  readonly serialScavenges: boolean;
  /** Call once, when the pool is closed. */
  release(): void;
}

export interface GcTuningHost {
  setFlags(flags: string): void;
  /** Node's own flags (process.execArgv): the user's choice wins. */
  execArgv: readonly string[];
}

const processHost: GcTuningHost = { setFlags: setFlagsFromString, execArgv: process.execArgv };

let saturatingPools = 0;

/** Whether scavenges are currently serial because of an open pool (tests). */
export function serialScavengesActive(): boolean {
  return saturatingPools > 0;
}

/**
 * V8 runs each scavenge (the collection of its young generation) on the allocating thread plus helper threads.
 * That is a gain while cores are idle, and a loss once the extraction workers alone keep every core busy: the
 * helpers then take CPU from the workers, and parallel work on contended cores costs more than the same work on
 * one thread. Measured on 2 vCPUs (300 corpus pages through a pool of 2 workers, base against serial scavenges,
 * three alternating pairs): 51.4 / 42.3 / 34.8 s against 42.0 / 36.3 / 33.9 s, and the CPU time outside the
 * extraction threads fell from 25-36 s to 19-23 s. With 1 worker on 2 cores, serial scavenges were slower
 * (46.7 / 52.6 / 55.1 against 52.4 / 64.9 / 55.7 s), so they are chosen only while a pool fills the cores.
 *
 * V8 reads this flag at each scavenge, so setting it at run time is safe; it is process-wide, so it is set while
 * at least one such pool is open and put back when the last one closes. A `--parallel-scavenge` or
 * `--no-parallel-scavenge` given to node by the user is left alone.
 */
export function tuneGcForPool(workers: number, cores: number, host: GcTuningHost = processHost): GcTuning {
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
