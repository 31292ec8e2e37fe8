import { readdirSync, readFileSync } from 'node:fs';

/** pid → parent pid of every process now running (Linux /proc). */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      map.set(Number(name), Number(fields[1]));
    } catch {
      // gone meanwhile
    }
  }
  return map;
}

/** Every process below `root` now. */
export function descendantsOf(root: number): number[] {
  const byParent = new Map<number, number[]>();
  for (const [pid, ppid] of parents()) byParent.set(ppid, [...(byParent.get(ppid) ?? []), pid]);
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of byParent.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** The direct children of `root` now. */
export function childrenOf(root: number): number[] {
  return [...parents()].filter(([, ppid]) => ppid === root).map(([pid]) => pid);
}

/** True while the process exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

export function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '';
  } catch {
    return '';
  }
}

/**
 * Polls the processes below `root` every `everyMs` and remembers every one it saw, with its command, and
 * which of them were direct children of `root`.
 */
export function watchDescendants(root: number, everyMs = 50): { seen: Map<number, string>; children: Set<number>; stop(): void } {
  const seen = new Map<number, string>();
  const children = new Set<number>();
  const look = (): void => {
    // A child is first seen between fork and exec (still running node or sh): keep the latest command line.
    for (const pid of descendantsOf(root)) {
      const command = commandOf(pid);
      if (command !== '' || !seen.has(pid)) seen.set(pid, command);
    }
    for (const pid of childrenOf(root)) children.add(pid);
  };
  const timer = setInterval(look, everyMs);
  return { seen, children, stop: () => clearInterval(timer) };
}

/** Waits until `check` is true, polling; throws after `limitMs`. */
export async function waitFor(check: () => boolean, limitMs: number, what: string): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
