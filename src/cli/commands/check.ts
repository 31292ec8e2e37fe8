import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { openArchive } from '../../archive/index.js';
import type { Archive } from '../../archive/types.js';
import { diffSnapshots } from '../../diff/compare-snapshots.js';
import { summaryLine } from '../../diff/summary-line.js';
import { ChronicleError, toChronicleError, type ErrorCode } from '../../errors.js';
import { fetchPage } from '../../fetch/fetch-page.js';
import { normalizeUrl } from '../../normalize/url.js';
import { buildSnapshot } from '../../pipeline/build-snapshot.js';
import type { CommandContext } from '../context.js';
import { EXIT, exitCodeFor } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { ARCHIVE_DIR_HELP, parseCount, parsePositive, resolveArchiveDir } from '../options.js';

interface CheckCommandOptions {
  input?: string;
  json?: boolean;
  archiveDir?: string;
  timeoutMs: number;
  maxBytes: number;
  userAgent?: string;
  retries: number;
}

/** One NDJSON line of `check --json`. */
export interface CheckLine {
  url: string;
  /** True when the article changed and a new snapshot was filed; null when the URL failed. */
  changed: boolean | null;
  /** True when the URL had never been archived: it was archived now (changed is false). */
  new: boolean;
  previousId: string | null;
  id: string | null;
  /** Names of the fields that changed (title, body, quotes, …), empty when unchanged. */
  fields: string[];
  /** One-line summary ("title; body +2 −1 sentences"), "unchanged", or "first version". */
  summary: string;
  error?: { code: ErrorCode; message: string };
}

export function registerCheck(program: Command, ctx: CommandContext): void {
  program
    .command('check')
    .description('fetch URLs again and file a new snapshot only when the article changed (exit 1 when one did)')
    .argument('[urls...]', 'http(s) URLs to check')
    .option('-i, --input <file>', 'read URLs from FILE, one per line (- for stdin; blank lines and # comments skipped)')
    .option('--json', 'one NDJSON line per URL: {url, changed, new, previousId, id, fields, summary}')
    .option('--archive-dir <dir>', ARCHIVE_DIR_HELP)
    .option('--timeout-ms <ms>', 'header wait and body idle timeout', parsePositive, 30000)
    .option('--max-bytes <n>', 'largest body accepted', parsePositive, 20 * 1024 * 1024)
    .option('--user-agent <ua>', 'User-Agent header')
    .option('--retries <n>', 'retries of transient failures (network errors, 429, 502–504)', parseCount, 2)
    .action(async (urls: string[], options: CheckCommandOptions) => {
      const inputs = [...urls, ...(options.input === undefined ? [] : await readUrlList(options.input, ctx.io))];
      if (inputs.length === 0) throw new ChronicleError('E_USAGE', 'check needs at least one URL (arguments or -i FILE)');
      const archive = await openArchive(resolveArchiveDir(ctx.io, options.archiveDir));
      const lines: CheckLine[] = [];
      try {
        for (const input of inputs) {
          const line = await checkOne(input, archive, options);
          lines.push(line);
          writeLine(ctx.io, line, options.json === true);
        }
      } finally {
        archive.close();
      }
      ctx.setExit(checkExitCode(lines));
    });
}

/** Reads a URL list: one per line, blank lines and lines starting with # skipped. */
export async function readUrlList(source: string, io: CliIo): Promise<string[]> {
  let text: string;
  try {
    text = source === '-' ? await readStream(io.stdin) : await readFile(resolve(io.cwd, source), 'utf8');
  } catch (cause) {
    throw new ChronicleError('E_USAGE', `cannot read URL list ${source}: ${(cause as Error).message}`, { cause });
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function checkOne(input: string, archive: Archive, options: CheckCommandOptions): Promise<CheckLine> {
  let url = input;
  try {
    url = normalizeUrl(input);
    const capture = await fetchPage(url, {
      timeoutMs: options.timeoutMs,
      maxBytes: options.maxBytes,
      retries: options.retries,
      ...(options.userAgent === undefined ? {} : { userAgent: options.userAgent }),
    });
    const built = await buildSnapshot(capture);
    const saved = await archive.save(built);
    if (saved.previousId === null) {
      return { url, changed: false, new: true, previousId: null, id: saved.id, fields: [], summary: 'first version' };
    }
    if (!saved.created) {
      return { url, changed: false, new: false, previousId: saved.previousId, id: saved.id, fields: [], summary: 'unchanged' };
    }
    const previous = await archive.get(saved.previousId);
    const diff = previous === null ? null : diffSnapshots(previous, built.snapshot);
    return {
      url,
      changed: true,
      new: false,
      previousId: saved.previousId,
      id: saved.id,
      fields: diff?.summary.fields ?? [],
      summary: diff === null ? 'changed' : summaryLine(diff.summary),
    };
  } catch (error) {
    const failure = toChronicleError(error);
    return {
      url,
      changed: null,
      new: false,
      previousId: null,
      id: null,
      fields: [],
      summary: 'failed',
      error: { code: failure.code, message: failure.message.replace(/\s+/g, ' ').trim() },
    };
  }
}

function writeLine(io: CliIo, line: CheckLine, json: boolean): void {
  if (json) {
    io.stdout.write(`${JSON.stringify(line)}\n`);
  } else if (line.error !== undefined) {
    io.stderr.write(`chronicle: ${line.error.code}: ${line.url}: ${line.error.message}\n`);
  } else {
    const status = line.new ? 'new' : line.changed ? 'changed' : 'unchanged';
    const ids = line.changed ? `${line.previousId} -> ${line.id}` : `${line.id}`;
    io.stdout.write(`${status.padEnd(9)} ${line.url}  ${ids}${line.changed ? `  (${line.summary})` : ''}\n`);
  }
  if (json && line.error !== undefined) io.stderr.write(`chronicle: ${line.error.code}: ${line.url}: ${line.error.message}\n`);
}

/**
 * Failures outrank changes: a run where a URL could not be checked must not read as "nothing changed"
 * or as a clean "changed". One URL failed alone → that error's code (2/3/4/5/6); several URLs with any
 * failure → 7. Otherwise 1 when any article changed, else 0 (first-time URLs count as unchanged).
 */
export function checkExitCode(lines: CheckLine[]): number {
  const failed = lines.filter((line) => line.error !== undefined);
  if (failed.length > 0) {
    if (lines.length === 1) return exitCodeFor(failed[0]!.error!.code);
    return EXIT.PARTIAL;
  }
  return lines.some((line) => line.changed === true) ? EXIT.CHANGED : EXIT.OK;
}
