import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ChronicleError } from '../errors.js';
import type { InputLine } from './types.js';

/** Streams a text source line by line (LF or CRLF), numbering from 1; never holds more than a line. */
export async function* readLines(stream: NodeJS.ReadableStream): AsyncGenerator<InputLine> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line++;
      yield { line, text: line === 1 ? text.replace(/^\uFEFF/, '') : text };
    }
  } finally {
    lines.close();
  }
}

/** Arguments as input lines, numbered in order. */
export async function* argumentLines(args: readonly string[]): AsyncGenerator<InputLine> {
  let line = 0;
  for (const text of args) yield { line: ++line, text };
}

/** An opened input: its lines (iterate it), and a way to let go of the stream early (after an interrupt). */
export interface InputSource extends AsyncGenerator<InputLine> {
  /**
   * Stops reading: destroys the underlying stream so a read that is waiting for more input (a terminal or a
   * pipe whose writer is still open) ends, and nothing keeps the process alive.
   */
  close(): void;
}

/**
 * Opens `-i FILE` (or stdin for "-") as input lines. A file that cannot be opened is E_USAGE, raised
 * before any URL is taken.
 */
export async function openInput(path: string, stdin: NodeJS.ReadableStream): Promise<InputSource> {
  if (path === '-') return Object.assign(readLines(stdin), { close: () => destroyStream(stdin) });
  const stream = createReadStream(path);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (cause) =>
      reject(new ChronicleError('E_USAGE', `cannot read input file ${path}: ${(cause as Error).message}`, { cause })),
    );
  });
  return Object.assign(readLines(stream), { close: () => stream.destroy() });
}

function destroyStream(stream: NodeJS.ReadableStream): void {
  const destroyable = stream as NodeJS.ReadableStream & { destroy?: () => void };
  if (typeof destroyable.destroy === 'function') destroyable.destroy();
  else stream.pause();
}

/** Counts the URL-bearing lines of a file (for the progress bar's total), streaming. */
export async function countUrlLines(path: string): Promise<number> {
  let count = 0;
  for await (const { text } of readLines(createReadStream(path))) {
    if (isUrlLine(text)) count++;
  }
  return count;
}

/** False for blank lines and `#` comments, which are skipped without an outcome. */
export function isUrlLine(text: string): boolean {
  const trimmed = text.trim();
  return trimmed !== '' && !trimmed.startsWith('#');
}
