// An extraction worker for the pool's crash tests: a page whose URL ends in #fault=exit|throw|hang|oom makes
// the worker commit that fault (worker-faults.mjs); every other page goes to Chronicle's own worker (the build's).
// Plain JavaScript: a worker thread runs it as it is, outside jest's TypeScript transform. Static imports, in
// this order: both listeners are in place before the worker takes its first message.
import './worker-faults.mjs';
import '../../dist/extract/extract-worker.js';
