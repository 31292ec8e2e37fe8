export { childrenOf, commandOf, descendantsOf, isAlive } from '../../src/tools/bench/process-tree.js';
import { childrenOf, commandOf, descendantsOf } from '../../src/tools/bench/process-tree.js';

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
