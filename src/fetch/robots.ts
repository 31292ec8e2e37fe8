import { createRequire } from 'node:module';
import { ChronicleError } from '../errors.js';
import { fetchPage } from './fetch-page.js';
import type { FetchOptions } from './types.js';
import { DEFAULT_USER_AGENT } from './user-agent.js';

interface RobotRules {
  isAllowed(url: string, ua?: string): boolean | undefined;
}
/** robots-parser is CommonJS whose module.exports is the parser function; its typings say otherwise under NodeNext. */
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, contents: string) => RobotRules;

/** RFC 9309: crawlers must read at least 500 KiB of robots.txt; we read no more. */
const ROBOTS_MAX_BYTES = 512 * 1024;

type Rules = RobotRules | 'allow-all' | 'disallow-all';

/**
 * robots.txt, fetched once per origin (scheme://host:port) and cached for the life of the object (one run).
 * Follows RFC 9309: a 4xx robots.txt allows everything; a 5xx or an unreachable one disallows everything
 * for that origin; rules are matched for our User-Agent's product token ("chronicle").
 * Concurrent checks for one origin share a single fetch.
 */
export class RobotsCache {
  private readonly cache = new Map<string, Promise<Rules>>();
  private readonly userAgent: string;

  constructor(private readonly fetchOptions: FetchOptions = {}) {
    this.userAgent = fetchOptions.userAgent ?? DEFAULT_USER_AGENT;
  }

  /** Number of origins whose robots.txt has been requested. */
  get size(): number {
    return this.cache.size;
  }

  async isAllowed(url: string): Promise<boolean> {
    const origin = new URL(url).origin;
    let rules = this.cache.get(origin);
    if (rules === undefined) {
      rules = this.load(origin);
      this.cache.set(origin, rules);
    }
    const resolved = await rules;
    if (resolved === 'allow-all') return true;
    if (resolved === 'disallow-all') return false;
    return resolved.isAllowed(url, this.userAgent) !== false;
  }

  /** Throws E_ROBOTS when robots.txt disallows the URL. */
  async assertAllowed(url: string): Promise<void> {
    if (!(await this.isAllowed(url))) {
      throw new ChronicleError('E_ROBOTS', `robots.txt of ${new URL(url).origin} disallows ${url}`, { url });
    }
  }

  private async load(origin: string): Promise<Rules> {
    const robotsUrl = `${origin}/robots.txt`;
    try {
      const capture = await fetchPage(robotsUrl, {
        ...this.fetchOptions,
        allowNonHtml: true,
        maxBytes: ROBOTS_MAX_BYTES,
        maxRedirects: 5,
      });
      return robotsParser(capture.finalUrl, Buffer.from(capture.body).toString('utf8'));
    } catch (error) {
      if (error instanceof ChronicleError) {
        if (error.code === 'E_INTERRUPTED') throw error;
        if (error.code === 'E_HTTP_STATUS' && error.status !== undefined && error.status < 500) return 'allow-all';
        if (error.code === 'E_TOO_LARGE') return 'allow-all';
      }
      return 'disallow-all';
    }
  }
}
