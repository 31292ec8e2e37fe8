import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { AsyncIterReader, HeadersMultiMap, StatusAndHeadersParser, WARCParser, type WARCRecord } from 'warcio';
import { parseContentEncoding, readResponseBody } from '../fetch/read-body.js';

/** Where a record sits: the file, the byte offset of its start (its gzip member, for .warc.gz) and its id. */
export interface RecordPlace {
  offset: number;
  recordId: string | null;
  url: string | null;
}

export interface HttpHead {
  statusline: string;
  headers: Array<[string, string]>;
}

/** What reading a WARC yields, record by record, in file order. */
export type WarcItem =
  | (RecordPlace & {
      kind: 'response';
      url: string;
      date: Date;
      status: number;
      statusText: string;
      headers: Array<[string, string]>;
      /** The request record for the same URL just before it (as wget, browsertrix and Common Crawl write them). */
      request: HttpHead | null;
      /** The payload as it stood in the record (chunked and content-encoded as sent). */
      wirePayload: Uint8Array;
    })
  | (RecordPlace & { kind: 'other'; type: string })
  | (RecordPlace & { kind: 'damaged'; message: string });

export interface ReadWarcOptions {
  /** Records whose block is larger than this are skipped unread (counted, as too large). */
  maxBlockBytes: number;
}

/**
 * Streams the records of a .warc or .warc.gz file through warcio's WARCParser (constant memory: one record's
 * block at a time). A record is handed on only once the parser has found where the next one starts, so a
 * record whose Content-Length is wrong is reported `damaged` instead of being imported with a cut or overlong
 * body. Damage is found by: the record's block shorter than its Content-Length (truncated file), its
 * WARC-Block-Digest or WARC-Payload-Digest not matching (sha1 or sha256, base32 or hex), warcio's "Content-Length
 * Too Small" notice (its console.warn is captured for the duration: no library writes to stderr), a following
 * record without WARC headers, and, at the end, bytes left unread or a gzip member cut short.
 */
export async function* readWarc(path: string, options: ReadWarcOptions): AsyncGenerator<WarcItem> {
  const counter = { bytes: 0 };
  const parser = new WARCParser(countingStream(path, counter), { keepHeadersCase: false, parseHttp: false });
  const { notices, restore } = captureWarnings();
  let pending: WarcItem | null = null;
  let lastRequest: (HttpHead & { url: string | null }) | null = null;
  /** A damage was just reported: bytes without WARC headers right after it belong to it. */
  let previousWasDamaged = false;
  /** Where the last record read whole ends: what lies past it is what a cut gzip stream loses. */
  let lastGoodEnd = 0;
  try {
    for (;;) {
      let record: WARCRecord | null;
      const noticesBefore = notices.length;
      try {
        record = await parser.parse();
      } catch (error) {
        if (pending !== null) yield pending;
        pending = null;
        yield { kind: 'damaged', offset: parser.offset, recordId: null, url: null, message: `unreadable from here: ${(error as Error).message}` };
        return;
      }
      if (pending !== null) {
        const boundaryWrong = notices.length > noticesBefore || (record !== null && !record.warcType);
        if (boundaryWrong && pending.kind === 'damaged' && record !== null && !record.warcType) {
          // What follows a damaged record without WARC headers is the rest of that damage: reported once.
          await record.skipFully();
          yield pending;
          pending = null;
          continue;
        }
        if (boundaryWrong && pending.kind !== 'damaged') {
          previousWasDamaged = true;
          const why = notices.length > noticesBefore ? notices[notices.length - 1]! : 'the next record does not start where its Content-Length ends';
          pending = { kind: 'damaged', offset: pending.offset, recordId: pending.recordId, url: pending.url, message: `wrong Content-Length (${why})` };
        }
        yield pending;
        pending = null;
      }
      if (record === null) break;
      const place: RecordPlace = { offset: parser.offset, recordId: record.warcHeader('WARC-Record-ID') ?? null, url: record.warcTargetURI ?? null };
      if (!record.warcType) {
        await record.skipFully();
        if (!previousWasDamaged) pending = { kind: 'damaged', ...place, message: 'no WARC record starts here (WARC-Type missing)' };
        previousWasDamaged = true;
        continue;
      }
      previousWasDamaged = false;
      if (record.warcContentLength > options.maxBlockBytes) {
        await record.skipFully();
        pending = { kind: 'other', ...place, type: `${record.warcType} (larger than --max-bytes)` };
        continue;
      }
      const block = Buffer.from(await record.readFully(false));
      const problem = checkBlock(record, block);
      if (problem !== null) {
        pending = { kind: 'damaged', ...place, message: problem };
        continue;
      }
      lastGoodEnd = parser.offset + parser.recordLength;
      if (record.warcType === 'request') {
        const head = await splitHttp(block);
        lastRequest = head === null ? null : { statusline: head.statusline, headers: head.headers, url: place.url };
        pending = { kind: 'other', ...place, type: 'request' };
        continue;
      }
      if (record.warcType !== 'response' || place.url === null) {
        pending = { kind: 'other', ...place, type: record.warcType };
        continue;
      }
      pending = await responseItem(record, block, place, lastRequest?.url === place.url ? lastRequest : null);
    }
    const tail = damageAtEnd(path, parser, lastGoodEnd);
    if (tail !== null) yield tail;
  } finally {
    restore();
  }
}

/** warcio says "Content-Length Too Small" through console.warn: captured while a file is read (no library writes to stderr). */
function captureWarnings(): { notices: string[]; restore(): void } {
  const notices: string[] = [];
  const originalWarn = console.warn;
  console.warn = (...args: unknown[]) => {
    notices.push(args.map(String).join(' '));
  };
  return { notices, restore: () => (console.warn = originalWarn) };
}

/** Damage past the last record read whole: bytes left unread in a plain WARC, or a gzip member cut short. */
function damageAtEnd(path: string, parser: WARCParser, lastGoodEnd: number): WarcItem | null {
  const size = statSync(path).size;
  const unread = size - parser._reader.getRawOffset();
  // warcio gives up on a gzip stream it cannot inflate by reading the rest as plain bytes (or stops): its
  // inflator then holds an error, or has not reached the member's end.
  const inflator = parser._reader.inflator as unknown as { ended?: boolean; err?: number } | null;
  const cutMember = isGzipFile(path) && (inflator === null || inflator.ended === false || (inflator.err ?? 0) !== 0);
  if (!((unread > 0 && !isGzipFile(path)) || cutMember)) return null;
  const from = Math.min(lastGoodEnd, size);
  return {
    kind: 'damaged',
    offset: from,
    recordId: null,
    url: null,
    message: `the file cannot be read past offset ${from} (${cutMember ? 'a gzip member is truncated or corrupt' : 'no WARC record there'}; ${size - from} bytes not imported)`,
  };
}

function isGzipFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

async function* countingStream(path: string, counter: { bytes: number }): AsyncGenerator<Uint8Array> {
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    counter.bytes += (chunk as Buffer).byteLength;
    yield chunk as Buffer;
  }
}

/** A block shorter than its Content-Length, or one whose digest does not match, is damaged. */
function checkBlock(record: WARCRecord, block: Buffer): string | null {
  if (block.byteLength < record.warcContentLength) {
    return `record cut short: ${block.byteLength} of ${record.warcContentLength} bytes (truncated file)`;
  }
  const blockDigest = record.warcBlockDigest;
  if (blockDigest && !digestMatches(blockDigest, block)) return 'WARC-Block-Digest does not match the record';
  return null;
}

/** sha1/sha256 digests as WARC writers label them: "sha1:BASE32" (wget, Heritrix) or "sha256:hex" (warcio). */
export function digestMatches(label: string, bytes: Uint8Array): boolean {
  const match = /^(sha-?1|sha-?256):(.+)$/i.exec(label.trim());
  if (match === null) return true; // an algorithm we do not know: nothing to check
  const algorithm = match[1]!.toLowerCase().replace('-', '');
  const value = match[2]!;
  const digest = createHash(algorithm).update(bytes).digest();
  return value.toLowerCase() === digest.toString('hex') || value.toUpperCase().replace(/=+$/, '') === base32(digest);
}

function base32(bytes: Buffer): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** An HTTP message's head and the bytes after it, read with warcio's own head parser. */
async function splitHttp(block: Buffer): Promise<(HttpHead & { body: Uint8Array }) | null> {
  const reader = new AsyncIterReader([block]);
  const head = await new StatusAndHeadersParser().parse(reader, { headersClass: HeadersMultiMap });
  if (head === null) return null;
  const headers: Array<[string, string]> = [];
  for (const [name, value] of head.headers as unknown as Iterable<[string, string]>) headers.push([name.toLowerCase(), value]);
  return { statusline: head.statusline, headers, body: await reader.readFully() };
}

async function responseItem(record: WARCRecord, block: Buffer, place: RecordPlace, request: HttpHead | null): Promise<WarcItem> {
  const http = await splitHttp(block);
  if (http === null) return { kind: 'damaged', ...place, message: 'the response record has no HTTP head' };
  const payloadDigest = record.warcPayloadDigest;
  if (payloadDigest && !digestMatches(payloadDigest, http.body)) return { kind: 'damaged', ...place, message: 'WARC-Payload-Digest does not match the payload' };
  const status = /^HTTP\/\d(?:\.\d)?\s+(\d{3})\s*(.*)$/i.exec(http.statusline.trim());
  if (status === null) return { kind: 'damaged', ...place, message: `not an HTTP status line: ${JSON.stringify(http.statusline.slice(0, 60))}` };
  const date = new Date(record.warcDate ?? '');
  if (Number.isNaN(date.getTime())) return { kind: 'damaged', ...place, message: `WARC-Date ${JSON.stringify(record.warcDate)} is not a date` };
  return {
    kind: 'response',
    ...place,
    url: place.url!,
    date,
    status: Number(status[1]),
    statusText: status[2] ?? '',
    headers: http.headers,
    request,
    wirePayload: http.body,
  };
}

/** The payload de-chunked and its Content-Encoding undone (capped at maxBytes: E_TOO_LARGE past it). */
export async function decodedPayload(item: Extract<WarcItem, { kind: 'response' }>, maxBytes: number): Promise<Buffer> {
  const header = (name: string): string | undefined => item.headers.find(([key]) => key === name)?.[1];
  const chunked = /(^|,)\s*chunked\s*$/i.test(header('transfer-encoding') ?? '');
  const dechunked = chunked ? await new AsyncIterReader([item.wirePayload], null, true).readFully() : item.wirePayload;
  const codings = parseContentEncoding(header('content-encoding'), item.url);
  return readResponseBody(Readable.from([Buffer.from(dechunked)]), { url: item.url, codings, maxBytes });
}
