import { format } from 'node:util';
import { collapseWhitespace } from '../text/whitespace.js';

/**
 * Some libraries talk on the console: parse-srcset (under sanitize-html) prints "Invalid srcset descriptor found
 * in …" with console.log for a malformed srcset, which put text in the middle of `extract`'s JSON on stdout.
 * stdout carries data only, so while a page is extracted everything said on the console, or written straight to
 * process.stdout/stderr, is captured here and becomes a warning of the page's record instead.
 *
 * The capture swaps global functions, so it is only sound around synchronous work: nothing else of this thread
 * can run (and write) until it is put back.
 */

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'dirxml', 'table', 'timeLog', 'count'] as const;

/** At most this many distinct messages are kept per page, each cut to MAX_MESSAGE_CHARS. */
const MAX_MESSAGES = 10;
const MAX_MESSAGE_CHARS = 300;

export interface Captured<T> {
  value: T;
  /** What was said, as warnings ("library output: …"), duplicates merged, in order. */
  warnings: string[];
}

type Writer = typeof process.stdout.write;

/** Runs `work` synchronously with the console and process.stdout/stderr captured; returns what it said. */
export function captureLibraryOutput<T>(work: () => T): Captured<T> {
  const said: string[] = [];
  const saved = CONSOLE_METHODS.map((name) => [name, console[name]] as const);
  const savedAssert = console.assert;
  const savedStdout = process.stdout.write;
  const savedStderr = process.stderr.write;
  for (const name of CONSOLE_METHODS) {
    console[name] = (...args: unknown[]): void => {
      said.push(format(...args));
    };
  }
  console.assert = (condition?: unknown, ...args: unknown[]): void => {
    if (!condition) said.push(format('Assertion failed', ...args));
  };
  const capture = ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    said.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const callback = rest.find((arg): arg is () => void => typeof arg === 'function');
    callback?.();
    return true;
  }) as Writer;
  process.stdout.write = capture;
  process.stderr.write = capture;
  try {
    const value = work();
    return { value, warnings: asWarnings(said) };
  } finally {
    for (const [name, method] of saved) console[name] = method as never;
    console.assert = savedAssert;
    process.stdout.write = savedStdout;
    process.stderr.write = savedStderr;
  }
}

/** Messages as record warnings: trimmed, one line each, duplicates merged, at most MAX_MESSAGES. */
function asWarnings(said: string[]): string[] {
  const distinct = [...new Set(said.map(collapseWhitespace).filter((text) => text !== ''))];
  const warnings = distinct
    .slice(0, MAX_MESSAGES)
    .map((text) => `library output: ${text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS - 1)}…` : text}`);
  if (distinct.length > MAX_MESSAGES) warnings.push(`library output: ${distinct.length - MAX_MESSAGES} more messages not kept`);
  return warnings;
}
