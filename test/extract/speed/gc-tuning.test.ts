import { describe, expect, it } from '@jest/globals';
import { serialScavengesActive, tuneGcForPool, type GcTuningHost } from '../../../src/extract/speed/gc-tuning.js';

function fakeHost(execArgv: string[] = []): GcTuningHost & { set: string[] } {
  const set: string[] = [];
  return { set, execArgv, setFlags: (flags) => set.push(flags) };
}

describe('tuneGcForPool', () => {
  it('makes scavenges serial while a pool fills every core, and puts them back when it is released', () => {
    const host = fakeHost();
    const tuning = tuneGcForPool(2, 2, host);
    expect(tuning.serialScavenges).toBe(true);
    expect(host.set).toEqual(['--no-parallel-scavenge']);
    expect(serialScavengesActive()).toBe(true);
    tuning.release();
    tuning.release(); // idempotent
    expect(host.set).toEqual(['--no-parallel-scavenge', '--parallel-scavenge']);
    expect(serialScavengesActive()).toBe(false);
  });

  it('also when there are more workers than cores', () => {
    const host = fakeHost();
    tuneGcForPool(8, 4, host).release();
    expect(host.set).toEqual(['--no-parallel-scavenge', '--parallel-scavenge']);
  });

  it('leaves V8 alone when the workers leave a core free', () => {
    const host = fakeHost();
    const tuning = tuneGcForPool(1, 2, host);
    expect(tuning.serialScavenges).toBe(false);
    tuning.release();
    expect(host.set).toEqual([]);
  });

  it('restores parallel scavenges only when the last of several such pools is released', () => {
    const host = fakeHost();
    const first = tuneGcForPool(2, 2, host);
    const second = tuneGcForPool(2, 2, host);
    first.release();
    expect(host.set).toEqual(['--no-parallel-scavenge']);
    expect(serialScavengesActive()).toBe(true);
    second.release();
    expect(host.set).toEqual(['--no-parallel-scavenge', '--parallel-scavenge']);
  });

  it.each([['--parallel-scavenge'], ['--no-parallel-scavenge'], ['--no-parallel_scavenge']])(
    'leaves the user\'s own node flag %s alone',
    (flag) => {
      const host = fakeHost(['--max-old-space-size=4096', flag]);
      const tuning = tuneGcForPool(4, 2, host);
      expect(tuning.serialScavenges).toBe(false);
      tuning.release();
      expect(host.set).toEqual([]);
    },
  );
});
