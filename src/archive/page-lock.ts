import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ChronicleError } from '../errors.js';
import { archiveError } from './durable-fs.js';
import { LOCK_NAME } from './format.js';
import { OWN_PID, processAlive } from '../host/process-identity.js';

export interface PageLockOptions {
  /** Give up after this long (E_ARCHIVE). Default 30000. */
  timeoutMs?: number;
  /** A lock older than this is stale whatever its owner. Default 120000 (a save takes well under a second). */
  staleMs?: number;
}

export interface PageLock {
  release(): Promise<void>;
}

interface LockOwner {
  pid: number;
  host: string;
  token: string;
  createdAt: number;
}

/**
 * A per-page writer lock: an O_EXCL lock file `<page>/.lock` holding the owner's pid, host and a token.
 * A lock whose owner process is gone (same host) or that is older than `staleMs` is broken by renaming it
 * aside first, so two processes that both judge it stale cannot remove each other's fresh lock.
 */
export async function lockPage(pageDir: string, options: PageLockOptions = {}): Promise<PageLock> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const staleMs = options.staleMs ?? 120_000;
  const path = join(pageDir, LOCK_NAME);
  const owner: LockOwner = { pid: OWN_PID, host: hostname(), token: randomBytes(8).toString('hex'), createdAt: Date.now() };
  const content = JSON.stringify(owner);
  const started = Date.now();
  let waitMs = 2;
  for (;;) {
    try {
      await fs.writeFile(path, content, { flag: 'wx' });
      return {
        release: async () => {
          // Remove the lock only while it is still ours.
          const current = await fs.readFile(path, 'utf8').catch(() => null);
          if (current === content) await fs.unlink(path).catch(() => undefined);
        },
      };
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw archiveError('lock', pageDir, cause);
    }
    const seen = await fs.readFile(path, 'utf8').catch(() => null);
    if (seen !== null && (await isStale(path, seen, staleMs))) {
      await breakLock(path, seen);
      continue;
    }
    if (Date.now() - started > timeoutMs) {
      throw new ChronicleError('E_ARCHIVE', `page is locked by another writer: ${path}`);
    }
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    waitMs = Math.min(waitMs * 2, 50);
  }
}

async function isStale(path: string, seen: string, staleMs: number): Promise<boolean> {
  const owner = parseOwner(seen);
  if (owner === null) {
    // Created but not yet written, or torn by a crash: judge by age.
    const stat = await fs.stat(path).catch(() => null);
    return stat !== null && Date.now() - stat.mtimeMs > 5_000;
  }
  if (Date.now() - owner.createdAt > staleMs) return true;
  return owner.host === hostname() && !processAlive(owner.pid);
}

async function breakLock(path: string, seen: string): Promise<void> {
  const aside = `${path}.stale-${randomBytes(6).toString('hex')}`;
  try {
    await fs.rename(path, aside);
  } catch {
    return; // someone else broke or released it
  }
  const moved = await fs.readFile(aside, 'utf8').catch(() => null);
  if (moved !== seen) {
    // We moved a fresh lock taken in between: put it back unless the place is taken again.
    await fs.link(aside, path).catch(() => undefined);
  }
  await fs.unlink(aside).catch(() => undefined);
}

function parseOwner(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.createdAt === 'number') {
      return { pid: value.pid, host: value.host, token: String(value.token ?? ''), createdAt: value.createdAt };
    }
  } catch {
    // fall through
  }
  return null;
}
