import { createReadStream, createWriteStream, promises as fs, type WriteStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { WARCRecord, WARCSerializer, getSurt } from 'warcio';
import yazl from 'yazl';
import { ChronicleError } from '../errors.js';
import { version } from '../version.js';
import type { CheckRecord, SnapshotSummary } from '../archive/types.js';
import { snapshotRecords, type OutgoingRecord, type SnapshotFiles } from './snapshot-records.js';
import { OWN_PID } from '../host/process-identity.js';

export type ExportFormat = 'warc' | 'wacz';

/** What the exporter needs from an archive: the snapshots chosen, each snapshot's files, and its checks. */
export interface ExportSource {
  snapshots: SnapshotSummary[];
  /** The snapshot's files, verified; throws (E_ARCHIVE) for a damaged one. */
  read(summary: SnapshotSummary): Promise<SnapshotFiles>;
  checks(url: string): Promise<CheckRecord[]>;
}

export interface ExportResult {
  snapshots: number;
  records: number;
  bytes: number;
  /** Snapshots left out because they could not be read, with why. */
  skipped: Array<{ id: string; reason: string }>;
}

interface CdxEntry {
  line: string;
}

interface WarcWriteResult {
  records: number;
  cdx: CdxEntry[];
  pages: number;
  skipped: ExportResult['skipped'];
}

/** The WARC file's name inside a WACZ and in its index lines. */
const WARC_NAME = 'data.warc.gz';

/**
 * Writes the chosen snapshots as WARC 1.1 (one gzip member per record) or as a WACZ 1.1.1 package to `output`.
 * The file appears only when complete: everything is written under a temporary name beside it and renamed.
 */
export async function exportArchive(source: ExportSource, format: ExportFormat, output: string): Promise<ExportResult> {
  const temp = join(dirname(output), `.${basename(output)}.${OWN_PID}.${Date.now()}.tmp`);
  await fs.mkdir(temp, { recursive: true }).catch((cause: unknown) => {
    throw new ChronicleError('E_USAGE', `cannot write beside ${output}: ${(cause as Error).message}`, { cause });
  });
  try {
    const warcPath = join(temp, WARC_NAME);
    const pagesPath = join(temp, 'pages.jsonl');
    const written = await writeWarc(source, warcPath, format === 'wacz' ? pagesPath : null);
    const finalTemp = join(temp, 'final');
    if (format === 'warc') {
      await fs.rename(warcPath, finalTemp);
    } else {
      await writeWacz({ warcPath, pagesPath, cdx: written.cdx, output: finalTemp, title: basename(output) });
    }
    const bytes = (await fs.stat(finalTemp)).size;
    await fs.rename(finalTemp, output).catch((cause: unknown) => {
      throw new ChronicleError('E_USAGE', `cannot write ${output}: ${(cause as Error).message}`, { cause });
    });
    return { snapshots: written.pages, records: written.records, bytes, skipped: written.skipped };
  } finally {
    await fs.rm(temp, { recursive: true, force: true });
  }
}

async function writeWarc(source: ExportSource, path: string, pagesPath: string | null): Promise<WarcWriteResult> {
  const out = createWriteStream(path);
  const pages = pagesPath === null ? null : createWriteStream(pagesPath);
  const cdx: CdxEntry[] = [];
  const skipped: ExportResult['skipped'] = [];
  let offset = 0;
  let records = 0;
  let pageCount = 0;
  const write = async (stream: WriteStream, chunk: Uint8Array | string): Promise<void> => {
    if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', resolve));
  };
  const writeRecord = async (outgoing: OutgoingRecord): Promise<void> => {
    const start = offset;
    for await (const chunk of new WARCSerializer(outgoing.record, { gzip: true })) {
      await write(out, chunk as Uint8Array);
      offset += (chunk as Uint8Array).byteLength;
    }
    records++;
    if (outgoing.index !== null) cdx.push({ line: cdxLine(outgoing, start, offset - start) });
  };
  try {
    await writeRecord({ record: warcinfo(), index: null });
    if (pages !== null) await write(pages, `${JSON.stringify({ format: 'json-pages-1.0', id: 'pages', title: 'All Pages', hasText: true })}\n`);
    const checksByUrl = new Map<string, Map<string, CheckRecord[]>>();
    for (const summary of source.snapshots) {
      let files: SnapshotFiles;
      try {
        files = await source.read(summary);
      } catch (error) {
        skipped.push({ id: summary.id, reason: (error as Error).message });
        continue;
      }
      const checks = await checksOf(source, checksByUrl, summary);
      for (const outgoing of snapshotRecords(files, checks)) await writeRecord(outgoing);
      pageCount++;
      if (pages !== null) {
        const { snapshot } = files;
        const line = { id: snapshot.id, url: snapshot.finalUrl, ts: snapshot.fetch.fetchedAt, title: snapshot.meta.title ?? snapshot.finalUrl, text: snapshot.body.text };
        await write(pages, `${JSON.stringify(line)}\n`);
      }
    }
  } finally {
    out.end();
    pages?.end();
    await finished(out);
    if (pages !== null) await finished(pages);
  }
  return { records, cdx, pages: pageCount, skipped };
}

async function checksOf(source: ExportSource, cache: Map<string, Map<string, CheckRecord[]>>, summary: SnapshotSummary): Promise<CheckRecord[]> {
  let bySnapshot = cache.get(summary.url);
  if (bySnapshot === undefined) {
    bySnapshot = new Map();
    for (const check of await source.checks(summary.url)) {
      const list = bySnapshot.get(check.snapshotId) ?? [];
      list.push(check);
      bySnapshot.set(check.snapshotId, list);
    }
    cache.clear(); // snapshots come grouped by time, not URL: keep one URL's checks at a time
    cache.set(summary.url, bySnapshot);
  }
  return bySnapshot.get(summary.id) ?? [];
}

function warcinfo(): WARCRecord {
  return WARCRecord.createWARCInfo(
    { filename: WARC_NAME, warcVersion: 'WARC/1.1' },
    {
      software: `chronicle ${version}`,
      format: 'WARC File Format 1.1',
      conformsTo: 'https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/',
      description: 'Chronicle snapshots: request/response per capture, snapshot.json as metadata, article.html as resource',
    },
  );
}

/** One CDXJ line: SURT key, 14-digit timestamp, JSON with url, mime, status, digest, length, offset, filename. */
function cdxLine(outgoing: OutgoingRecord, offset: number, length: number): string {
  const index = outgoing.index!;
  const timestamp = index.date.replace(/[-:T]/g, '').slice(0, 14);
  const fields: Record<string, string> = { url: index.url, mime: index.mime };
  if (index.status !== null) fields.status = String(index.status);
  const digest = outgoing.record.warcPayloadDigest;
  if (digest) fields.digest = digest;
  fields.length = String(length);
  fields.offset = String(offset);
  fields.filename = WARC_NAME;
  return `${getSurt(index.url)} ${timestamp} ${JSON.stringify(fields)}`;
}

interface WaczInput {
  warcPath: string;
  pagesPath: string;
  cdx: CdxEntry[];
  output: string;
  title: string;
}

/** Byte order, as the CDXJ readers binary-search it (not the locale's order). */
function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

async function writeWacz(input: WaczInput): Promise<void> {
  const cdxText = input.cdx.map((entry) => entry.line).sort(byteOrder).join('\n') + (input.cdx.length > 0 ? '\n' : '');
  const cdxBytes = Buffer.from(cdxText);
  const resources = [
    { name: WARC_NAME, path: `archive/${WARC_NAME}`, ...(await fileDigest(input.warcPath)) },
    { name: 'pages.jsonl', path: 'pages/pages.jsonl', ...(await fileDigest(input.pagesPath)) },
    { name: 'index.cdxj', path: 'indexes/index.cdxj', hash: `sha256:${sha256(cdxBytes)}`, bytes: cdxBytes.byteLength },
  ];
  const now = new Date().toISOString();
  const datapackage = Buffer.from(
    `${JSON.stringify({ profile: 'data-package', wacz_version: '1.1.1', title: input.title, software: `chronicle ${version}`, created: now, modified: now, resources }, null, 2)}\n`,
  );
  const digest = Buffer.from(`${JSON.stringify({ path: 'datapackage.json', hash: `sha256:${sha256(datapackage)}` }, null, 2)}\n`);

  const zip = new yazl.ZipFile();
  const out = createWriteStream(input.output);
  zip.outputStream.pipe(out);
  // The WARC is stored, not deflated: its gzip members are read by offset straight out of the zip.
  zip.addReadStream(createReadStream(input.warcPath), `archive/${WARC_NAME}`, { compress: false, size: resources[0]!.bytes });
  zip.addBuffer(cdxBytes, 'indexes/index.cdxj');
  zip.addReadStream(createReadStream(input.pagesPath), 'pages/pages.jsonl');
  zip.addBuffer(datapackage, 'datapackage.json');
  zip.addBuffer(digest, 'datapackage-digest.json');
  zip.end();
  await finished(out);
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function fileDigest(path: string): Promise<{ hash: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).byteLength;
  }
  return { hash: `sha256:${hash.digest('hex')}`, bytes };
}
