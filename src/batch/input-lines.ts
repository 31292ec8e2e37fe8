import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { ChronicleError } from '../errors.js';
import type { InputLine } from './types.js';

/**
 * Streams a text source line by line (LF or CRLF), numbering from 1; never holds more than a line. The text is
 * UTF-8 unless it starts with a UTF-16 byte order mark (Windows editors and PowerShell's `>` write UTF-16LE).
 */
export async function* readLines(stream: NodeJS.ReadableStream): AsyncGenerator<InputLine> {
  const lines = createInterface({ input: Readable.from(decodeText(stream)), crlfDelay: Infinity });
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

/** The encoding a byte order mark names (UTF-8 when there is none); the decoder drops the mark itself. */
function encodingOf(head: Buffer): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** The chunks of a byte stream decoded as text (by its byte order mark); a read error is E_USAGE. */
async function* decodeText(stream: NodeJS.ReadableStream): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let head = Buffer.alloc(0);
  try {
    for await (const chunk of stream) {
      if (typeof chunk === 'string') {
        yield chunk; // a stream already decoded by its owner
        continue;
      }
      if (decoder === null) {
        head = Buffer.concat([head, chunk]);
        if (head.length < 2) continue;
        decoder = new TextDecoder(encodingOf(head));
        yield decoder.decode(head, { stream: true });
      } else {
        yield decoder.decode(chunk, { stream: true });
      }
    }
  } catch (cause) {
    // Let go of early (an interrupt closed the input): the lines end here.
    if ((cause as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
    throw new ChronicleError('E_USAGE', `cannot read the URL list: ${(cause as Error).message}`, { cause });
  }
  yield decoder === null ? new TextDecoder(encodingOf(head)).decode(head) : decoder.decode();
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
  await refuseFolder(path);
  const stream = createReadStream(path);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (cause) =>
      reject(new ChronicleError('E_USAGE', `cannot read input file ${path}: ${(cause as Error).message}`, { cause })),
    );
  });
  return Object.assign(readLines(stream), { close: () => stream.destroy() });
}

/** `-i DIR` is a usage error, said before any URL is taken (a folder opens, but reading it fails). */
async function refuseFolder(path: string): Promise<void> {
  let isFolder = false;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch {
    return; // opening it says why
  }
  if (isFolder) throw new ChronicleError('E_USAGE', `cannot read input file ${path}: it is a folder (give a file of URLs, one a line)`);
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
