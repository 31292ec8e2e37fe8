import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Option, type Command } from 'commander';
import { ChronicleError } from '../../errors.js';
import { sniffBinaryType } from '../../fetch/content-type.js';
import { fetchPage } from '../../fetch/fetch-page.js';
import { buildSnapshot, type BuiltSnapshot } from '../../pipeline/build-snapshot.js';
import type { Capture } from '../../types.js';
import type { CommandContext } from '../context.js';
import type { CliIo } from '../io.js';
import { parsePositive } from '../options.js';

interface ExtractCommandOptions {
  url?: string;
  contentType?: string;
  format: 'json' | 'text' | 'html';
  timeoutMs: number;
  maxBytes: number;
  userAgent?: string;
}

export function registerExtract(program: Command, ctx: CommandContext): void {
  program
    .command('extract')
    .description('fetch (or read) one page and print its snapshot record on stdout, without archiving it')
    .argument('<source>', 'an http(s) URL, a saved HTML file, or - for standard input')
    .option('--url <url>', 'the page URL of a file or stdin (resolves its links; default: the file:// URL)')
    .option('--content-type <type>', 'Content-Type of a file or stdin, for its charset (e.g. "text/html; charset=shift_jis")')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'text', 'html']).default('json'))
    .option('--timeout-ms <ms>', 'header wait and body idle timeout', parsePositive, 30000)
    .option('--max-bytes <n>', 'largest body accepted', parsePositive, 20 * 1024 * 1024)
    .option('--user-agent <ua>', 'User-Agent header')
    .action(async (source: string, options: ExtractCommandOptions) => {
      const built = await extractSource(source, options, ctx.io);
      ctx.io.stdout.write(formatBuilt(built, options.format));
    });
}


async function extractSource(source: string, options: ExtractCommandOptions, io: CliIo): Promise<BuiltSnapshot> {
  if (/^https?:\/\//i.test(source)) {
    const capture = await fetchPage(source, {
      timeoutMs: options.timeoutMs,
      maxBytes: options.maxBytes,
      ...(options.userAgent ? { userAgent: options.userAgent } : {}),
    });
    return buildSnapshot(capture);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
    throw new ChronicleError('E_INVALID_URL', `not an http(s) URL: ${JSON.stringify(source)}`);
  }
  const bytes = source === '-' ? await readStream(io.stdin) : await readLocalFile(resolve(io.cwd, source));
  const binary = sniffBinaryType(bytes); // a PDF or other binary file is no page (WHATWG MIME sniffing)
  if (binary !== null) throw new ChronicleError('E_NOT_HTML', `${source} is ${binary} by its bytes, not HTML`);
  const pageUrl = options.url ?? (source === '-' ? 'http://localhost/stdin' : pathToFileURL(resolve(io.cwd, source)).toString());
  return buildSnapshot(localCapture(bytes, pageUrl, options.contentType ?? null));
}

/** A Capture for a page read from a file or stdin: no network, status 200, read "now". */
function localCapture(body: Uint8Array, url: string, contentType: string | null): Capture {
  let pageUrl: string;
  try {
    pageUrl = new URL(url).toString();
  } catch (cause) {
    throw new ChronicleError('E_INVALID_URL', `not a valid --url: ${JSON.stringify(url)}`, { cause });
  }
  return {
    requestedUrl: pageUrl,
    finalUrl: pageUrl,
    redirects: [],
    status: 200,
    headers: contentType ? { 'content-type': contentType } : {},
    contentType,
    contentEncoding: null,
    body,
    sha256: createHash('sha256').update(body).digest('hex'),
    fetchedAt: new Date(),
    elapsedMs: 0,
    attempts: 1,
  };
}

async function readLocalFile(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot read file';
    throw new ChronicleError('E_USAGE', `${reason}: ${path} (give an http(s) URL, a file or -)`, { cause });
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export function formatBuilt(built: BuiltSnapshot, format: 'json' | 'text' | 'html'): string {
  const { snapshot } = built;
  if (format === 'html') return built.articleHtml;
  if (format === 'text') {
    const lines = [snapshot.meta.title ?? snapshot.url];
    if (snapshot.meta.authors.length > 0) lines.push(`By ${snapshot.meta.authors.join(', ')}`);
    if (snapshot.meta.publishedAt) lines.push(snapshot.meta.publishedAt);
    return `${lines.join('\n')}\n\n${snapshot.body.text}\n`;
  }
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}
