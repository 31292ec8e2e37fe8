import { afterAll, beforeAll } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A server for the calling test file: started before its tests, closed after; reads and writes go to the live server. */
export function useServer<S extends { close(): Promise<unknown> }>(start: () => Promise<S>): S {
  let live: S | undefined;
  beforeAll(async () => {
    live = await start();
  });
  afterAll(async () => {
    await live?.close();
  });
  return new Proxy({} as S, {
    get: (_target, key) => Reflect.get(live!, key),
    set: (_target, key, value) => Reflect.set(live!, key, value),
  });
}

/** A fresh temporary folder for the calling test file, removed after its tests. */
export function useTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
