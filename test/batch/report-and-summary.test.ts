import { describe, expect, it } from '@jest/globals';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ChronicleError } from '../../src/errors.js';
import { countUrlLines, openInput, readLines } from '../../src/batch/input-lines.js';
import { formatDuration, ProgressBar } from '../../src/cli/batch/progress.js';
import { formatSummary, outcomeToJson, outcomeToText } from '../../src/cli/batch/report.js';
import { createSummary, tally } from '../../src/batch/summary.js';
import type { BatchItem, BatchOutcome } from '../../src/batch/types.js';

const item: BatchItem = { line: 1, input: 'http://a.test/x', url: 'http://a.test/x', key: 'http://a.test/x', host: 'a.test' };
const fields = (value: { id: string }) => ({ id: value.id });

describe('outcomeToJson', () => {
  it('writes success, skip, duplicate and failure lines with url, line and ok', () => {
    const ok: BatchOutcome<{ id: string }> = { status: 'ok', line: 1, input: item.input, item, value: { id: 'S1' }, elapsedMs: 5 };
    expect(outcomeToJson(ok, fields)).toEqual({ url: 'http://a.test/x', line: 1, ok: true, id: 'S1', elapsedMs: 5 });
    const skipped: BatchOutcome<{ id: string }> = { status: 'skipped', line: 2, input: item.input, item, reason: 'exists' };
    expect(outcomeToJson(skipped, fields)).toEqual({ url: item.input, line: 2, ok: true, skipped: true, reason: 'exists' });
    const failed: BatchOutcome<{ id: string }> = {
      status: 'failed',
      line: 3,
      input: 'http://a.test/404',
      item,
      error: new ChronicleError('E_HTTP_STATUS', 'HTTP 404\nfrom x', { status: 404 }),
      attempts: 1,
      elapsedMs: 3,
    };
    expect(outcomeToJson(failed, fields)).toEqual({
      url: 'http://a.test/404',
      line: 3,
      ok: false,
      error: { code: 'E_HTTP_STATUS', message: 'HTTP 404 from x', status: 404, attempts: 1 },
    });
    const dupOk: BatchOutcome<{ id: string }> = { status: 'duplicate', line: 4, input: item.input, item, duplicateOfLine: 1, original: 'ok' };
    expect(outcomeToJson(dupOk, fields)).toEqual({ url: item.input, line: 4, ok: true, skipped: true, reason: 'duplicate', duplicateOfLine: 1 });
    const dupFail: BatchOutcome<{ id: string }> = { status: 'duplicate', line: 5, input: item.input, item, duplicateOfLine: 3, original: 'E_HTTP_STATUS' };
    expect(outcomeToJson(dupFail, fields)).toMatchObject({ ok: false, reason: 'duplicate', error: { code: 'E_HTTP_STATUS', attempts: 0 } });
  });

  it('writes one human line per outcome', () => {
    const failed: BatchOutcome<string> = {
      status: 'failed', line: 1, input: 'not a url', item: null, error: new ChronicleError('E_INVALID_URL', 'bad'), attempts: 0, elapsedMs: 0,
    };
    expect(outcomeToText(failed, (v: string) => v)).toBe('FAIL  not a url  E_INVALID_URL: bad');
    const ok: BatchOutcome<string> = { status: 'ok', line: 1, input: 'http://a.test/x', item, value: 'archive/x', elapsedMs: 1 };
    expect(outcomeToText(ok, (v: string) => v)).toBe('ok    http://a.test/x  archive/x');
  });
});

describe('summary', () => {
  it('counts outcomes and prints archived, skipped, duplicates, failures by code and time', () => {
    const summary = createSummary();
    tally(summary, { status: 'ok', line: 1, input: 'x', item, value: null, elapsedMs: 1 });
    tally(summary, { status: 'skipped', line: 2, input: 'x', item, reason: 'exists' });
    tally(summary, { status: 'duplicate', line: 3, input: 'x', item, duplicateOfLine: 1, original: 'ok' });
    for (const code of ['E_HTTP_STATUS', 'E_HTTP_STATUS', 'E_NETWORK'] as const) {
      tally(summary, { status: 'failed', line: 4, input: 'x', item, error: new ChronicleError(code, 'm'), attempts: 1, elapsedMs: 1 });
    }
    summary.elapsedMs = 12_345;
    expect(summary).toMatchObject({ total: 6, ok: 1, skipped: 1, duplicates: 1, failed: 3 });
    expect(formatSummary(summary)).toBe('archived 1, skipped 1 (exists 1), duplicates 1, failed 3 (E_HTTP_STATUS 2, E_NETWORK 1) in 12.3 s');
    summary.interrupted = true;
    expect(formatSummary(summary, 'checked')).toMatch(/^interrupted: checked 1,/);
  });
});

describe('ProgressBar', () => {
  it('renders done/total, rate, failures and ETA', () => {
    let now = 0;
    const bar = new ProgressBar(new Readable() as unknown as NodeJS.WritableStream, 100, { width: 10, now: () => now });
    now = 10_000;
    expect(bar.render({ done: 25, failed: 2 })).toBe('[###-------] 25/100 2.5/s 2 failed ETA 30s');
  });

  it('shows count and rate when the total is unknown (stdin)', () => {
    let now = 0;
    const bar = new ProgressBar(new Readable() as unknown as NodeJS.WritableStream, null, { now: () => now });
    now = 2000;
    expect(bar.render({ done: 10, failed: 0 })).toBe('10 done 5.0/s');
  });

  it('formats durations', () => {
    expect(formatDuration(9)).toBe('9s');
    expect(formatDuration(75)).toBe('1m15s');
    expect(formatDuration(3725)).toBe('1h02m');
  });
});

describe('input lines', () => {
  it('reads LF and CRLF lines with numbers, dropping a BOM', async () => {
    const lines: Array<{ line: number; text: string }> = [];
    for await (const line of readLines(Readable.from(['\uFEFFhttp://a.test/1\r\n# c\n\nhttp://a.test/2']))) lines.push(line);
    expect(lines).toEqual([
      { line: 1, text: 'http://a.test/1' },
      { line: 2, text: '# c' },
      { line: 3, text: '' },
      { line: 4, text: 'http://a.test/2' },
    ]);
  });

  it('counts URL lines of a file, and a missing file is E_USAGE', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chronicle-lines-'));
    const file = join(dir, 'urls.txt');
    await writeFile(file, 'http://a.test/1\n\n# skip\nhttp://a.test/2\nnot a url\n');
    expect(await countUrlLines(file)).toBe(3);
    await expect(openInput(join(dir, 'missing.txt'), Readable.from([]))).rejects.toMatchObject({ code: 'E_USAGE' });
  });
});
