import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SaveInput, SaveResult } from '../../src/archive/types.js';
import { createCheckJob } from '../../src/batch/check-job.js';
import { buildSnapshot } from '../../src/pipeline/build-snapshot.js';
import type { Capture, Snapshot } from '../../src/types.js';
import { articleHtml } from '../helpers/article-page.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'chronicle-check-job-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function captureOf(url: string, html: string): Capture {
  const body = Buffer.from(html, 'utf8');
  return {
    requestedUrl: url,
    finalUrl: url,
    redirects: [],
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    contentType: 'text/html; charset=utf-8',
    contentEncoding: null,
    body,
    sha256: createHash('sha256').update(body).digest('hex'),
    fetchedAt: new Date('2026-03-01T10:00:00Z'),
    elapsedMs: 1,
    attempts: 1,
  };
}

it('check compares the previous version with the record the save filed, in memory (no read back)', async () => {
  const url = 'https://news.example/harbour';
  const before = await buildSnapshot(captureOf(url, articleHtml('harbour', { title: 'Council delays harbour plan' })));
  const previous: Snapshot = { ...before.snapshot, id: '20260201T100000000Z-aaaaaaaa' };
  const capture = captureOf(url, articleHtml('harbour', { title: 'Council approves harbour plan' }));
  const saves: SaveInput[] = [];
  const job = createCheckJob({
    // No `get`: the job must not read back what it just filed. The filed id differs from the built one (taken).
    archive: {
      root,
      latest: async () => previous,
      save: async (input: SaveInput): Promise<SaveResult> => {
        saves.push(input);
        const filed = { ...input.snapshot, id: '20260301T100000000Z-bbbbbbbb' };
        return { id: filed.id, dir: join(root, filed.id), created: true, previousId: previous.id, snapshot: filed };
      },
    },
    fetch: async () => capture,
    extract: (fetched) => buildSnapshot(fetched),
  });
  const result = await job({ line: 1, input: url, url, key: url, host: 'news.example' }, new AbortController().signal);
  expect(saves).toHaveLength(1);
  expect(result).toMatchObject({ skipped: false, value: { changed: true, id: '20260301T100000000Z-bbbbbbbb', previousId: previous.id } });
  if (result.skipped) throw new Error('skipped');
  expect(result.value.fields).toContain('title');
  expect(result.value.headline).toEqual({ old: 'Council delays harbour plan', new: 'Council approves harbour plan' });
});
