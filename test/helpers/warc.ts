import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { WARCParser } from 'warcio';
import yauzl from 'yauzl';

export interface ParsedRecord {
  type: string;
  url: string | null;
  date: string | null;
  id: string | null;
  headers: Map<string, string>;
  offset: number;
  length: number;
  /** The record's block (HTTP head + payload for request/response/revisit). */
  block: Buffer;
  /** The payload: the block after the HTTP head for HTTP records, else the block. */
  payload: Buffer;
  blockDigestOk: boolean;
  payloadDigestOk: boolean | null;
}

const sha = (bytes: Uint8Array): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** Every record of a WARC (.warc or .warc.gz) through warcio's reader, with its digests checked against its bytes. */
export async function readWarc(bytes: Uint8Array): Promise<ParsedRecord[]> {
  const parser = new WARCParser([bytes], { parseHttp: false });
  const records: ParsedRecord[] = [];
  for await (const record of parser) {
    const block = Buffer.from(await record.readFully(false));
    const type = record.warcType;
    const httpRecord = type === 'request' || type === 'response' || type === 'revisit';
    const headEnd = httpRecord ? block.indexOf('\r\n\r\n') : -1;
    const payload = headEnd >= 0 ? block.subarray(headEnd + 4) : block;
    const headers = new Map<string, string>();
    for (const [name, value] of record.warcHeaders.headers as unknown as Iterable<[string, string]>) headers.set(name.toLowerCase(), value);
    const payloadDigest = record.warcPayloadDigest ?? null;
    records.push({
      type,
      url: record.warcTargetURI ?? null,
      date: record.warcDate ?? null,
      id: record.warcHeader('WARC-Record-ID') ?? null,
      headers,
      offset: parser.offset,
      length: parser.recordLength,
      block,
      payload,
      blockDigestOk: type === 'warcinfo' || record.warcBlockDigest === sha(block),
      payloadDigestOk: payloadDigest === null || type === 'revisit' ? null : payloadDigest === sha(payload),
    });
  }
  return records;
}

export interface ZipEntry {
  data: Buffer;
  /** 0 = stored, 8 = deflated. */
  compressionMethod: number;
}

/** Every entry of a zip file (yauzl, the reading half of yazl's author). */
export async function readZip(path: string): Promise<Map<string, ZipEntry>> {
  const buffer = readFileSync(path);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries = new Map<string, ZipEntry>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, { data: Buffer.concat(chunks), compressionMethod: entry.compressionMethod });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
