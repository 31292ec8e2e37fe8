import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import { constants as zlibConstants, createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { ChronicleError } from '../errors.js';

/** Content-Encodings we can undo. "x-gzip" is the historic alias of gzip. */
const SUPPORTED = new Set(['gzip', 'x-gzip', 'deflate', 'br', 'identity']);

/**
 * The codings listed in a Content-Encoding header, in the order they were applied
 * ("gzip, br" = gzip first, then br). "identity" is dropped. Throws E_NETWORK for a coding we cannot undo.
 */
export function parseContentEncoding(header: string | null | undefined, url: string): string[] {
  if (header === null || header === undefined) return [];
  const codings = header
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '');
  for (const coding of codings) {
    if (!SUPPORTED.has(coding)) {
      throw new ChronicleError('E_NETWORK', `unsupported Content-Encoding "${coding}" from ${url}`, { url });
    }
  }
  return codings.filter((coding) => coding !== 'identity').map((coding) => (coding === 'x-gzip' ? 'gzip' : coding));
}

/** Errors with E_TOO_LARGE as soon as more than maxBytes pass through. */
class ByteCap extends Transform {
  private seen = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly describe: () => string,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.maxBytes) {
      callback(new ChronicleError('E_TOO_LARGE', this.describe()));
      return;
    }
    callback(null, chunk);
  }
}

/**
 * "deflate" is meant to be zlib-wrapped (RFC 9110) but some servers send raw DEFLATE; look at the first
 * byte (a zlib header has compression method 8 in its low nibble) and pick the right inflater.
 */
class AutoInflate extends Transform {
  private inner: Transform | null = null;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.inner === null) {
      const zlibWrapped = chunk.length > 0 && (chunk[0]! & 0x0f) === 8 && ((chunk[0]! << 8) | (chunk[1] ?? 0)) % 31 === 0;
      this.inner = zlibWrapped ? createInflate() : createInflateRaw();
      this.inner.on('data', (data: Buffer) => this.push(data));
      this.inner.on('error', (error) => this.destroy(error));
    }
    this.inner.write(chunk, callback);
  }

  override _flush(callback: TransformCallback): void {
    if (this.inner === null) {
      callback();
      return;
    }
    this.inner.once('end', () => callback());
    this.inner.end();
  }
}

function decoderFor(coding: string): Transform {
  switch (coding) {
    case 'gzip':
      // Concatenated gzip members are legal; finishFlush tolerates a truncated tail the way browsers do.
      return createGunzip({ finishFlush: zlibConstants.Z_SYNC_FLUSH });
    case 'deflate':
      return new AutoInflate();
    case 'br':
      return createBrotliDecompress({ finishFlush: zlibConstants.BROTLI_OPERATION_FLUSH });
    default:
      throw new Error(`no decoder for ${coding}`);
  }
}

export interface ReadBodyOptions {
  url: string;
  /** Codings as returned by parseContentEncoding, in the order they were applied. */
  codings: string[];
  /** Cap on both the bytes received and the bytes after decoding. */
  maxBytes: number;
}

/**
 * Reads a response body to the end, undoing the content-encodings with node:zlib streams, and aborts
 * (destroying the source, so the connection is dropped) with E_TOO_LARGE once more than maxBytes arrive
 * or come out of the decoder, which also stops decompression bombs. A corrupt encoding is E_NETWORK.
 */
export async function readResponseBody(source: Readable, options: ReadBodyOptions): Promise<Buffer> {
  const { url, codings, maxBytes } = options;
  const limit = `${maxBytes} bytes`;
  const stages: Transform[] = [new ByteCap(maxBytes, () => `response from ${url} is larger than ${limit}`)];
  for (const coding of [...codings].reverse()) stages.push(decoderFor(coding));
  if (codings.length > 0) {
    stages.push(new ByteCap(maxBytes, () => `response from ${url} decompresses to more than ${limit}`));
  }

  let decoderError: unknown = null;
  for (const stage of stages) {
    if (stage instanceof ByteCap) continue;
    stage.once('error', (error) => {
      decoderError ??= error;
    });
  }
  let pipelineError: unknown = null;
  const done = new Promise<void>((resolve) => {
    const last = pipeline([source, ...stages], (error) => {
      if (error) pipelineError = error;
      resolve();
    });
    void last;
  });
  const tail = stages[stages.length - 1]!;
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of tail) chunks.push(chunk as Buffer);
  } catch (error) {
    await done;
    throw classifyBodyError(pipelineError ?? error, decoderError, url);
  }
  await done;
  if (pipelineError !== null) throw classifyBodyError(pipelineError, decoderError, url);
  return Buffer.concat(chunks);
}

function classifyBodyError(error: unknown, decoderError: unknown, url: string): unknown {
  if (error instanceof ChronicleError) return error;
  if (decoderError !== null && error === decoderError) {
    const detail = decoderError instanceof Error ? decoderError.message : String(decoderError);
    return new ChronicleError('E_NETWORK', `corrupt compressed body from ${url}: ${detail}`, { cause: decoderError, url });
  }
  return error;
}
