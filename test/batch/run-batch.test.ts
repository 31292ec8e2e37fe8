import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ChronicleError } from '../../src/errors.js';
import { fetchPage } from '../../src/fetch/fetch-page.js';
import { createHttpAgent } from '../../src/fetch/http-agent.js';
import { runBatch } from '../../src/batch/run-batch.js';
import type { BatchItem, BatchJob, BatchOutcome, InputLine } from '../../src/batch/types.js';
import { startFaultHosts, type FaultHost } from '../helpers/fault-server.js';

const agent = createHttpAgent({ timeoutMs: 2000 });
let hosts: FaultHost[];

beforeAll(async () => {
  hosts = await startFaultHosts(3, { latencyMs: 20 });
});
afterAll(async () => {
  await agent.destroy();
  await Promise.all(hosts.map((host) => host.close()));
});

async function* linesOf(texts: string[]): AsyncGenerator<InputLine> {
  let line = 0;
  for (const text of texts) yield { line: ++line, text };
}

const fetchJob: BatchJob<number> = async (item, signal) => {
  const capture = await fetchPage(item.url, { dispatcher: agent, timeoutMs: 1000, retries: 1, retryBaseMs: 5, signal });
  return { skipped: false, value: capture.status };
};

async function collect<T>(options: Omit<Parameters<typeof runBatch<T>>[0], 'onOutcome'>) {
  const outcomes: BatchOutcome<T>[] = [];
  const summary = await runBatch<T>({ ...options, onOutcome: (outcome) => outcomes.push(outcome) });
  return { outcomes, summary };
}

describe('runBatch', () => {
  it('keeps per-host concurrency within --per-host, as seen at the server, and overall within --concurrency', async () => {
    for (const host of hosts) host.maxActive = 0;
    let active = 0;
    let maxActive = 0;
    const activeByHost = new Map<string, number>();
    const maxByHost = new Map<string, number>();
    const counted: BatchJob<number> = async (item, signal) => {
      active++;
      maxActive = Math.max(maxActive, active);
      activeByHost.set(item.host, (activeByHost.get(item.host) ?? 0) + 1);
      maxByHost.set(item.host, Math.max(maxByHost.get(item.host) ?? 0, activeByHost.get(item.host)!));
      try {
        return await fetchJob(item, signal);
      } finally {
        active--;
        activeByHost.set(item.host, activeByHost.get(item.host)! - 1);
      }
    };
    const urls = Array.from({ length: 60 }, (_, index) => hosts[index % 3]!.url(`/ok/per-host-${index}`));
    const { outcomes, summary } = await collect({ lines: linesOf(urls), job: counted, concurrency: 5, perHost: 2 });
    expect(summary.ok).toBe(60);
    expect(outcomes.map((outcome) => outcome.line).sort((a, b) => a - b)).toEqual(urls.map((_, index) => index + 1));
    for (const host of hosts) expect(host.maxActive).toBeLessThanOrEqual(2);
    // The limit is used, not just respected: two jobs of a host run at once. Counted at the jobs, not the
    // server, where two requests overlap only if the second arrives within the first's 20 ms (not so under load).
    expect([...maxByHost.values()]).toEqual([2, 2, 2]);
    expect(maxActive).toBeLessThanOrEqual(5);
  });

  it('with --per-host 1 a host never sees two requests at once', async () => {
    for (const host of hosts) host.maxActive = 0;
    const urls = Array.from({ length: 12 }, (_, index) => hosts[index % 2]!.url(`/ok/one-${index}`));
    const { summary } = await collect({ lines: linesOf(urls), job: fetchJob, concurrency: 8, perHost: 1 });
    expect(summary.ok).toBe(12);
    expect(hosts[0]!.maxActive).toBe(1);
    expect(hosts[1]!.maxActive).toBe(1);
  });

  it('spaces the starts on one host by --delay-ms', async () => {
    const starts: number[] = [];
    const job: BatchJob<null> = async () => {
      starts.push(performance.now());
      return { skipped: false, value: null };
    };
    const urls = Array.from({ length: 5 }, (_, index) => `http://delay.test/${index}`);
    await collect({ lines: linesOf(urls), job, concurrency: 4, perHost: 4, delayMs: 40 });
    expect(starts).toHaveLength(5);
    for (let index = 1; index < starts.length; index++) {
      expect(starts[index]! - starts[index - 1]!).toBeGreaterThanOrEqual(38);
    }
  });

  it('does not let a busy host hold up other hosts', async () => {
    const order: string[] = [];
    const job: BatchJob<null> = async (item) => {
      order.push(item.host);
      await new Promise((resolve) => setTimeout(resolve, item.host === 'slow.test' ? 50 : 1));
      return { skipped: false, value: null };
    };
    const urls = [...Array.from({ length: 6 }, (_, i) => `http://slow.test/${i}`), 'http://quick.test/a', 'http://quick.test/b'];
    await collect({ lines: linesOf(urls), job, concurrency: 4, perHost: 1 });
    // quick.test starts while slow.test's first URL is still running.
    expect(order.indexOf('quick.test')).toBe(1);
  });

  it('skips blank lines and comments, fails invalid lines alone, and accounts for every other line once', async () => {
    const lines = ['', '# a comment', hosts[0]!.url('/ok/valid'), 'not a url', '   ', 'ftp://example.com/file', '  ' + hosts[0]!.url('/ok/valid-2') + '  '];
    const { outcomes, summary } = await collect({ lines: linesOf(lines), job: fetchJob });
    expect(outcomes.map((outcome) => outcome.line).sort()).toEqual([3, 4, 6, 7]);
    const invalid = outcomes.filter((outcome) => outcome.status === 'failed');
    expect(invalid.map((outcome) => outcome.line).sort()).toEqual([4, 6]);
    for (const outcome of invalid) {
      expect(outcome.status === 'failed' && outcome.error.code).toBe('E_INVALID_URL');
      expect(outcome.status === 'failed' && outcome.attempts).toBe(0);
    }
    expect(outcomes.find((outcome) => outcome.line === 7)!.input).toBe(hosts[0]!.url('/ok/valid-2'));
    expect(summary).toMatchObject({ total: 4, ok: 2, failed: 2, failedBy: { E_INVALID_URL: 2 } });
  });

  it('fetches a URL listed twice once (tracking parameters and fragments do not make it new)', async () => {
    const base = hosts[1]!.url('/ok/dupe');
    const { outcomes, summary } = await collect({
      lines: linesOf([base, `${base}?utm_source=newsletter`, `${base}#comments`, hosts[1]!.url('/ok/other')]),
      job: fetchJob,
    });
    expect(hosts[1]!.hits.get('/ok/dupe')).toBe(1);
    const duplicates = outcomes.filter((outcome) => outcome.status === 'duplicate');
    expect(duplicates).toHaveLength(2);
    for (const duplicate of duplicates) {
      expect(duplicate).toMatchObject({ duplicateOfLine: 1, original: 'ok' });
    }
    expect(summary).toMatchObject({ total: 4, ok: 2, duplicates: 2, failed: 0 });
  });

  it('reports a duplicate of a failed URL with the original error code, after the original settles', async () => {
    const url = hosts[2]!.url('/status/404/dup-fail');
    const { outcomes } = await collect({ lines: linesOf([url, url]), job: fetchJob });
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['failed', 'duplicate']);
    expect(outcomes[1]).toMatchObject({ duplicateOfLine: 1, original: 'E_HTTP_STATUS' });
  });

  it('reports failures with their code and attempts, and the run goes on', async () => {
    const urls = [hosts[0]!.url('/status/410/gone'), hosts[0]!.url('/reset/r1'), hosts[0]!.url('/ok/after')];
    const { outcomes, summary } = await collect({ lines: linesOf(urls), job: fetchJob });
    const byLine = new Map(outcomes.map((outcome) => [outcome.line, outcome]));
    expect(byLine.get(1)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(byLine.get(2)).toMatchObject({ status: 'failed', attempts: 2 });
    const gone = byLine.get(1)!;
    expect(gone.status === 'failed' && gone.error.status).toBe(410);
    expect(byLine.get(3)!.status).toBe('ok');
    expect(summary.failedBy).toEqual({ E_HTTP_STATUS: 1, E_NETWORK: 1 });
  });

  it('skips URLs the skip check names, without running the job', async () => {
    const ran: string[] = [];
    const job: BatchJob<null> = async (item) => {
      ran.push(item.url);
      return { skipped: false, value: null };
    };
    const { outcomes, summary } = await collect({
      lines: linesOf(['http://a.test/1', 'http://a.test/2?utm_medium=x', 'http://a.test/3']),
      job,
      skip: async (item: BatchItem) => (item.key === 'http://a.test/2' ? 'exists' : null),
    });
    expect(ran).toEqual(['http://a.test/1', 'http://a.test/3']);
    expect(outcomes.find((outcome) => outcome.line === 2)).toMatchObject({ status: 'skipped', reason: 'exists' });
    expect(summary).toMatchObject({ ok: 2, skipped: 1, skippedBy: { exists: 1 } });
  });

  it('streams a 100,000-line list: reads only a bounded distance ahead of the work', async () => {
    let read = 0;
    let maxAhead = 0;
    let settled = 0;
    async function* many(): AsyncGenerator<InputLine> {
      for (let line = 1; line <= 100_000; line++) {
        read++;
        maxAhead = Math.max(maxAhead, read - settled);
        yield { line, text: `http://h${line % 50}.test/article/${line}` };
      }
    }
    const job: BatchJob<null> = async () => ({ skipped: false, value: null });
    const summary = await runBatch({
      lines: many(),
      job,
      concurrency: 16,
      perHost: 2,
      lookahead: 500,
      onOutcome: () => {
        settled++;
      },
    });
    expect(summary.ok).toBe(100_000);
    expect(maxAhead).toBeLessThanOrEqual(500 + 16 + 1);
  });

  it('on the stop signal takes no new URLs, lets jobs in flight finish, and says it was interrupted', async () => {
    const stop = new AbortController();
    const started: number[] = [];
    const job: BatchJob<null> = async (item) => {
      started.push(item.line);
      if (item.line === 3) stop.abort();
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { skipped: false, value: null };
    };
    const urls = Array.from({ length: 50 }, (_, index) => `http://h${index}.test/`);
    const { outcomes, summary } = await collect({ lines: linesOf(urls), job, concurrency: 3, stopSignal: stop.signal });
    expect(started).toEqual([1, 2, 3]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['ok', 'ok', 'ok']);
    expect(summary.interrupted).toBe(true);
  });

  it('on the abandon signal aborts jobs in flight and reports them as E_INTERRUPTED', async () => {
    const stop = new AbortController();
    const abandon = new AbortController();
    const job: BatchJob<null> = (_item, signal) =>
      new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () => reject(new Error('aborted by signal')), { once: true });
        setTimeout(() => {
          stop.abort();
          abandon.abort();
        }, 10);
      });
    const { outcomes, summary } = await collect({
      lines: linesOf(['http://a.test/1', 'http://b.test/2', 'http://c.test/3']),
      job,
      concurrency: 2,
      stopSignal: stop.signal,
      abandonSignal: abandon.signal,
    });
    expect(outcomes).toHaveLength(2);
    for (const outcome of outcomes) {
      expect(outcome.status === 'failed' && outcome.error.code).toBe('E_INTERRUPTED');
    }
    expect(summary).toMatchObject({ interrupted: true, failedBy: { E_INTERRUPTED: 2 } });
  });

  it('stops waiting on an input that never ends when the stop signal fires', async () => {
    const stop = new AbortController();
    async function* endless(): AsyncGenerator<InputLine> {
      yield { line: 1, text: 'http://a.test/1' };
      await new Promise(() => undefined); // like a terminal nobody types into
    }
    setTimeout(() => stop.abort(), 30);
    const { outcomes, summary } = await collect({
      lines: endless(),
      job: async () => ({ skipped: false, value: null }),
      stopSignal: stop.signal,
    });
    expect(outcomes).toHaveLength(1);
    expect(summary.interrupted).toBe(true);
  });

  it('turns a job\'s unexpected throw into that URL\'s failure (E_INTERNAL) without sinking the run', async () => {
    const job: BatchJob<null> = async (item) => {
      if (item.line === 1) throw new TypeError('boom');
      if (item.line === 2) throw new ChronicleError('E_NO_ARTICLE', 'nothing to read');
      return { skipped: false, value: null };
    };
    const { summary } = await collect({ lines: linesOf(['http://a.test/1', 'http://a.test/2', 'http://a.test/3']), job });
    expect(summary).toMatchObject({ ok: 1, failed: 2, failedBy: { E_INTERNAL: 1, E_NO_ARTICLE: 1 } });
  });

  it('rejects with the reader\'s error after the jobs in flight settle', async () => {
    async function* broken(): AsyncGenerator<InputLine> {
      yield { line: 1, text: 'http://a.test/1' };
      throw new ChronicleError('E_USAGE', 'input went away');
    }
    const outcomes: unknown[] = [];
    await expect(
      runBatch({ lines: broken(), job: async () => ({ skipped: false, value: null }), onOutcome: (o) => outcomes.push(o) }),
    ).rejects.toMatchObject({ code: 'E_USAGE' });
    expect(outcomes).toHaveLength(1);
  });
});
