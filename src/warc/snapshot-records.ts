import { createHash, randomUUID } from 'node:crypto';
import { WARCRecord } from 'warcio';
import type { CheckRecord } from '../archive/types.js';
import type { HttpExchange, Snapshot } from '../types.js';

/** What one snapshot folder gives the exporter. */
export interface SnapshotFiles {
  snapshot: Snapshot;
  raw: Uint8Array;
  articleHtml: Uint8Array;
  /** Images kept with --assets (exported as response records so a replay shows them). */
  assets?: Array<{ url: string; contentType: string | null; bytes: Uint8Array }>;
}

/** A record to write, with what the CDXJ index needs to know about it (null: not indexed). */
export interface OutgoingRecord {
  record: WARCRecord;
  index: { url: string; date: string; mime: string; status: number | null } | null;
}

/** Headers that describe the wire form of a body Chronicle keeps decoded: dropped, their values kept aside. */
const WIRE_HEADERS = ['content-encoding', 'transfer-encoding', 'content-length'];

export const MARK_RECONSTRUCTED = 'WARC-Chronicle-Exchange';

export function recordId(): string {
  return `<urn:uuid:${randomUUID()}>`;
}

export function payloadDigest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** The response head as written in the WARC: as received, with the wire-only headers set aside (docs/archive-format.md). */
export function responseHeadFor(snapshot: Snapshot, payloadBytes: number): { statusline: string; headers: Array<[string, string]>; reconstructed: boolean } {
  const exchange: HttpExchange | undefined = snapshot.fetch.exchange;
  const status = exchange?.response.status ?? snapshot.fetch.status;
  const statusText = exchange?.response.statusText ?? '';
  const headers: Array<[string, string]> = [];
  if (exchange === undefined) {
    if (snapshot.fetch.contentType !== null) headers.push(['content-type', snapshot.fetch.contentType]);
    if (snapshot.fetch.contentEncoding !== null) headers.push(['x-chronicle-original-content-encoding', snapshot.fetch.contentEncoding]);
  } else {
    for (const [name, value] of exchange.response.headers) {
      headers.push(WIRE_HEADERS.includes(name.toLowerCase()) ? [`x-chronicle-original-${name.toLowerCase()}`, value] : [name, value]);
    }
  }
  headers.push(['content-length', String(payloadBytes)]);
  return { statusline: `HTTP/1.1 ${status}${statusText ? ` ${statusText}` : ''}`, headers, reconstructed: exchange === undefined };
}

function requestHeadFor(snapshot: Snapshot): { statusline: string; headers: Array<[string, string]> } {
  const exchange = snapshot.fetch.exchange;
  const url = new URL(snapshot.finalUrl);
  if (exchange === undefined) return { statusline: `GET ${url.pathname}${url.search} HTTP/1.1`, headers: [['host', url.host]] };
  return { statusline: `${exchange.request.method} ${exchange.request.target} ${exchange.request.httpVersion}`, headers: exchange.request.headers };
}

function single<T>(values: Iterable<T>): AsyncIterable<T> {
  return (async function* () {
    yield* values;
  })();
}

/**
 * The records of one snapshot: request and response (the capture), metadata (snapshot.json) and resource
 * (article.html) tied to the response, then a revisit for each unchanged check of it.
 */
export function snapshotRecords(files: SnapshotFiles, checks: CheckRecord[]): OutgoingRecord[] {
  const { snapshot, raw, articleHtml } = files;
  const url = snapshot.finalUrl;
  const date = snapshot.fetch.fetchedAt;
  const responseId = recordId();
  const response = responseHeadFor(snapshot, raw.byteLength);
  const common: Array<[string, string]> = [['WARC-Chronicle-Snapshot', snapshot.id]];
  if (response.reconstructed) common.push([MARK_RECONSTRUCTED, 'reconstructed: headers were not recorded when this snapshot was filed']);
  const mime = (snapshot.fetch.contentType ?? 'text/html').split(';')[0]!.trim();
  const status = snapshot.fetch.exchange?.response.status ?? snapshot.fetch.status;

  const request = requestHeadFor(snapshot);
  const records: OutgoingRecord[] = [
    {
      record: WARCRecord.create(
        { url, date, type: 'request', warcVersion: 'WARC/1.1', statusline: request.statusline, httpHeaders: request.headers, warcHeaders: [['WARC-Concurrent-To', responseId], ...common] },
        single([]),
      ),
      index: null,
    },
    {
      record: WARCRecord.create(
        { url, date, type: 'response', warcVersion: 'WARC/1.1', statusline: response.statusline, httpHeaders: response.headers, warcHeaders: [['WARC-Record-ID', responseId], ...common] },
        single([raw]),
      ),
      index: { url, date, mime, status },
    },
    {
      record: WARCRecord.create(
        {
          url,
          date,
          type: 'metadata',
          warcVersion: 'WARC/1.1',
          warcHeaders: [['Content-Type', 'application/json'], ['WARC-Concurrent-To', responseId], ['WARC-Refers-To', responseId], ...common],
        },
        single([new TextEncoder().encode(`${JSON.stringify(snapshot, null, 2)}\n`)]),
      ),
      index: null,
    },
    {
      record: WARCRecord.create(
        {
          url: `urn:chronicle:article:${snapshot.id}`,
          date,
          type: 'resource',
          warcVersion: 'WARC/1.1',
          warcHeaders: [['Content-Type', 'text/html; charset=utf-8'], ['WARC-Concurrent-To', responseId], ['WARC-Refers-To', responseId], ...common],
        },
        single([articleHtml]),
      ),
      index: null,
    },
  ];
  for (const asset of files.assets ?? []) records.push(assetRecord(asset, date, responseId, common));
  const digest = payloadDigest(raw);
  for (const check of checks) {
    records.push({
      record: WARCRecord.create(
        {
          url,
          date: check.checkedAt,
          type: 'revisit',
          warcVersion: 'WARC/1.1',
          refersToUrl: url,
          refersToDate: date,
          statusline: response.statusline,
          httpHeaders: response.headers.filter(([name]) => name !== 'content-length'),
          warcHeaders: [['WARC-Refers-To', responseId], ['WARC-Payload-Digest', digest], ...common],
        },
        single([]),
      ),
      index: { url, date: check.checkedAt, mime: 'warc/revisit', status },
    });
  }
  return records;
}

/** A page asset kept with --assets, as a response record of its own (only its type was recorded). */
function assetRecord(asset: NonNullable<SnapshotFiles['assets']>[number], date: string, responseId: string, common: Array<[string, string]>): OutgoingRecord {
  const headers: Array<[string, string]> = [];
  if (asset.contentType !== null) headers.push(['content-type', asset.contentType]);
  headers.push(['content-length', String(asset.bytes.byteLength)]);
  return {
    record: WARCRecord.create(
      {
        url: asset.url,
        date,
        type: 'response',
        warcVersion: 'WARC/1.1',
        statusline: 'HTTP/1.1 200 OK',
        httpHeaders: headers,
        warcHeaders: [['WARC-Concurrent-To', responseId], [MARK_RECONSTRUCTED, 'reconstructed: only the type of a page asset is recorded'], ...common.filter(([name]) => name !== MARK_RECONSTRUCTED)],
      },
      single([asset.bytes]),
    ),
    index: { url: asset.url, date, mime: (asset.contentType ?? 'application/octet-stream').split(';')[0]!.trim(), status: 200 },
  };
}
