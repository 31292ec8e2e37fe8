import type { Command } from 'commander';
import { ChronicleError } from '../errors.js';
import type { InputLine } from '../batch/types.js';
import { discoverItems } from '../sources/discover.js';
import { DiscoveredLines } from '../sources/source-lines.js';
import type { SourceSpec } from '../sources/types.js';
import type { BatchFetching } from './batch-options.js';
import { parseDateOption } from './commands/list.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';

/** The source options of `archive` and `check`. */
export interface SourceCommandOptions {
  feed?: string[];
  sitemap?: string[];
  since?: string;
  quiet?: boolean;
  json?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function addSourceOptions(command: Command): Command {
  return command
    .option('--feed <url>', 'archive the articles an RSS, RDF, Atom or JSON feed lists (repeatable)', collect)
    .option('--sitemap <url|auto>', 'archive the pages a sitemap (or sitemap index, .xml.gz, news sitemap) lists; auto: the Sitemap: lines of robots.txt of each URL argument\'s host (repeatable)', collect)
    .option('--since <date>', 'with --feed/--sitemap: only items dated on or after this ISO date (undated items are left out)');
}

export function hasSources(options: SourceCommandOptions): boolean {
  return (options.feed?.length ?? 0) > 0 || (options.sitemap?.length ?? 0) > 0;
}

/** The run's feeds and sitemaps: the items they list become input lines after the given URLs. */
export interface RunSources {
  /** The input lines with the sources' items appended (read as the batch pulls them). */
  lines(base: AsyncIterable<InputLine>, fetching: BatchFetching, signal: AbortSignal): AsyncIterable<InputLine>;
  /** Adds `discovered` to a result line's JSON when its URL came from a source. */
  annotate(line: number, json: Record<string, unknown>): Record<string, unknown>;
  /** Number of sources that failed so far. */
  failures(): number;
  /** The run's exit code after its sources: 10 when a source failed (unless interrupted). */
  exitCode(code: number): number;
}

/** Validates --feed/--sitemap/--since (E_USAGE, before anything is fetched) and prepares the sources. */
export function createRunSources(urls: readonly string[], options: SourceCommandOptions, io: CliIo): RunSources {
  const specs: SourceSpec[] = (options.feed ?? []).map((url) => ({ kind: 'feed', url: sourceUrl(url, '--feed') }));
  for (const value of options.sitemap ?? []) {
    if (value === 'auto') {
      if (urls.length === 0) throw usage('--sitemap auto needs URL arguments: the sitemaps of their hosts are read');
      // One per host; an argument that is no URL fails on its own result line.
      const origins = new Set(urls.filter(isHttpUrl).map((url) => new URL(url).origin));
      specs.push(...[...origins].map((origin): SourceSpec => ({ kind: 'sitemap-auto', pageUrl: origin })));
    } else {
      specs.push({ kind: 'sitemap', url: sourceUrl(value, '--sitemap') });
    }
  }
  if (options.since !== undefined && specs.length === 0) throw usage('--since needs --feed or --sitemap');
  const since = options.since === undefined ? null : parseDateOption(options.since, '--since', 'start');
  const discovered = new DiscoveredLines();
  let failed = 0;
  return {
    lines(base, fetching, signal) {
      if (specs.length === 0) return base;
      const items = discoverItems(specs, {
        fetchOptions: fetching.fetchOptions,
        robots: fetching.robots,
        signal,
        since,
        onFailure: ({ source, message }) => {
          failed++;
          io.stderr.write(`chronicle: E_SOURCE: ${source}: ${message}\n`);
        },
        onNote: (source, note) => {
          if (!options.quiet) io.stderr.write(`chronicle: ${source}: ${note}\n`);
        },
      });
      return discovered.lines(base, items);
    },
    annotate(line, json) {
      const found = discovered.take(line);
      return found === undefined ? json : { ...json, discovered: found };
    },
    failures: () => failed,
    exitCode(code) {
      return failed > 0 && code !== EXIT.INTERRUPTED ? EXIT.SOURCE_FAILED : code;
    },
  };
}

function sourceUrl(value: string, flag: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
  } catch {
    // reported below
  }
  throw usage(`${flag} needs an http(s) URL, got ${JSON.stringify(value)}`);
}

function usage(message: string): ChronicleError {
  return new ChronicleError('E_USAGE', message);
}

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}
