/**
 * Shared by bench:import and bench:export: a generated WARC of N pages (the corpus or fixture pages cycled, each
 * under its own URL and date), and running the chronicle command as a user does while reading its memory from /proc.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { WARCRecord, WARCSerializer } from 'warcio';
import { statusBytes } from './stats.js';
import type { CorpusPage } from './corpus.js';

/** Writes `count` response records (with their request records) to a .warc.gz; returns its size in bytes. */
export async function writeBenchWarc(path: string, pages: readonly CorpusPage[], count: number): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  const start = Date.parse('2026-01-01T00:00:00Z');
  for (let i = 0; i < count; i++) {
    const page = pages[i % pages.length]!;
    const url = `https://bench${i % 97}.example/${i}/${encodeURIComponent(page.name.replace(/\W+/g, '-'))}`;
    const date = new Date(start + i * 1000).toISOString();
    const request = WARCRecord.create({ url, date, type: 'request', warcVersion: 'WARC/1.1', statusline: `GET /${i}/ HTTP/1.1`, httpHeaders: [['host', new URL(url).host]] }, (async function* () {})());
    const response = WARCRecord.create(
      { url, date, type: 'response', warcVersion: 'WARC/1.1', httpHeaders: [['content-type', 'text/html; charset=utf-8'], ['content-length', String(page.bytes.byteLength)]] },
      (async function* () {
        yield page.bytes;
      })(),
    );
    for (const record of [request, response]) {
      for await (const chunk of new WARCSerializer(record, { gzip: true })) {
        bytes += (chunk as Uint8Array).byteLength;
        if (!out.write(chunk)) await new Promise<void>((resolveDrain) => out.once('drain', resolveDrain));
      }
    }
  }
  out.end();
  await finished(out);
  return bytes;
}

export interface RunFigures {
  exit: number | null;
  seconds: number;
  /** The kernel's high-water mark of the process's resident memory (VmHWM), bytes. */
  peakRss: number;
  stderr: string;
}

/** Runs `bin/chronicle ARGS`, reading VmHWM every 100 ms until it exits. */
export function runChronicle(args: string[]): Promise<RunFigures> {
  return new Promise((resolveRun, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(resolve('bin/chronicle'), args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let peakRss = 0;
    const timer = setInterval(() => {
      peakRss = Math.max(peakRss, statusBytes(child.pid!, 'VmHWM'));
    }, 100);
    const errors: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (exit) => {
      clearInterval(timer);
      resolveRun({ exit, seconds: Number(process.hrtime.bigint() - started) / 1e9, peakRss, stderr: Buffer.concat(errors).toString('utf8') });
    });
  });
}
