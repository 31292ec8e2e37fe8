// The faults of fault-worker.mjs: a page whose URL ends in #fault=exit|throw|hang|oom makes the worker commit it.
import { parentPort } from 'node:worker_threads';

const FAULTS = {
  exit: () => process.exit(3),
  throw: () => {
    // An uncaught exception outside any job: the worker dies with an 'error' event.
    setImmediate(() => {
      throw new Error('worker fault injected by a test');
    });
  },
  hang: () => {
    for (;;); // stuck for good: only the pool's time limit ends it
  },
  oom: () => {
    const kept = []; // grows until V8 ends the worker at its heap limit
    for (;;) kept.push(new Array(1 << 16).fill(kept.length));
  },
};

// fault-worker.mjs imports this before the real worker, so this listener sees each request first (both get the same object).
parentPort?.on('message', (request) => {
  const fault = /#fault=(\w+)$/.exec(request?.options?.url ?? '')?.[1];
  if (fault === undefined || !(fault in FAULTS)) return;
  request.type = 'faulted'; // the real worker answers only requests of type 'extract'
  FAULTS[fault]();
});
