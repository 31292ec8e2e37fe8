/**
 * Checks an extracted Article against a fixture page's meta.json (must / mustNot text and the `expect` block).
 * Shared by the golden tests (test/golden) and the acceptance tests (test/acceptance). Each check returns a list
 * of human-readable failures, so one assertion shows everything that is wrong with a page at once.
 * The meta.json format is documented in docs/fixtures.md.
 */
import type { Article, Embed, Quote } from '../../src/types.js';

export interface ExpectedEmbed {
  provider: string;
  id?: string | null;
  kind?: string;
  handle?: string;
  author?: string;
  url?: string;
  urlIncludes?: string;
  textIncludes?: string;
}

export interface ExpectedQuote {
  kind: 'excerpt' | 'direct' | 'pull';
  source?: string | null;
  sourceUrl?: string | null;
  via?: string | null;
  leadIn?: string;
  speaker?: string | null;
  cue?: string;
  textIncludes?: string;
  duplicateOfBody?: boolean;
}

export interface ExpectedImage {
  url?: string;
  urlIncludes?: string;
  alt?: string;
  caption?: string;
  credit?: string;
}

export interface PageExpectations {
  title?: string;
  authors?: string[];
  publishedAt?: string;
  modifiedAt?: string;
  siteName?: string;
  canonicalUrl?: string;
  image?: string;
  lang?: string;
  section?: string;
  description?: string;
  /** Every listed tag must be present (others may be too). */
  tags?: string[];
  /** The article's character encoding as decoded (e.g. "windows-1252"). */
  charset?: string;
  /** Exactly these embeds, in this order. */
  embeds?: ExpectedEmbed[];
  /** Each must match some quote (others may exist). */
  quotes?: ExpectedQuote[];
  /** None of these may match a quote. */
  notQuotes?: ExpectedQuote[];
  /** Exact number of quotes of each listed kind. */
  quoteCounts?: Partial<Record<Quote['kind'], number>>;
  /** Each must match some entry of images[]. */
  images?: ExpectedImage[];
}

export interface FixtureMeta {
  url: string;
  contentType?: string;
  headers?: Record<string, string>;
  description?: string;
  must?: string[];
  mustNot?: string[];
  /** Text that must appear exactly once in body.text (e.g. a sentence a pull quote repeats). */
  mustOnce?: string[];
  expect?: PageExpectations;
}

/** Collapses all whitespace (NBSP included) to single spaces and applies NFC, for text comparisons. */
export function flatten(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

const short = (text: string): string => (text.length > 90 ? `${text.slice(0, 87)}…` : text);

export function checkMust(article: Article, must: readonly string[] = []): string[] {
  const text = flatten(article.body.text);
  return must.filter((wanted) => !text.includes(flatten(wanted))).map((wanted) => `body.text lacks: "${short(wanted)}"`);
}

export function checkMustNot(article: Article, mustNot: readonly string[] = []): string[] {
  const text = flatten(article.body.text);
  return mustNot.filter((unwanted) => text.includes(flatten(unwanted))).map((unwanted) => `body.text has chrome: "${short(unwanted)}"`);
}

export function checkMustOnce(article: Article, mustOnce: readonly string[] = []): string[] {
  const text = flatten(article.body.text);
  return mustOnce.flatMap((wanted) => {
    const count = text.split(flatten(wanted)).length - 1;
    return count === 1 ? [] : [`body.text has "${short(wanted)}" ${count} times, want once`];
  });
}

/** What every page's body.html must satisfy: static, script-free markup. */
export function checkBodyHtmlIsStatic(article: Article): string[] {
  const failures: string[] = [];
  const html = article.body.html;
  if (/<script\b/i.test(html)) failures.push('body.html contains <script>');
  if (/<iframe\b/i.test(html)) failures.push('body.html contains <iframe>');
  if (/\son[a-z]+\s*=/i.test(html)) failures.push('body.html contains an event-handler attribute');
  if (/javascript:/i.test(html)) failures.push('body.html contains a javascript: URL');
  return failures;
}

function sameInstant(actual: string | null, expected: string): boolean {
  if (actual === null) return false;
  const a = Date.parse(actual);
  return !Number.isNaN(a) && a === Date.parse(expected) && /Z$/.test(actual);
}

function sameLang(actual: string | null, expected: string): boolean {
  if (actual === null) return false;
  const a = actual.toLowerCase();
  const e = expected.toLowerCase();
  return a === e || a.startsWith(`${e}-`);
}

export function checkMeta(article: Article, expected: PageExpectations = {}): string[] {
  const failures: string[] = [];
  const meta = article.meta;
  const exact = (field: string, actual: unknown, wanted: unknown): void => {
    if (wanted !== undefined && actual !== wanted) failures.push(`${field}: got ${JSON.stringify(actual)}, want ${JSON.stringify(wanted)}`);
  };
  // Titles are compared with whitespace collapsed (an ideographic space may come out as a plain one).
  exact('title', meta.title === null ? null : flatten(meta.title), expected.title === undefined ? undefined : flatten(expected.title));
  exact('siteName', meta.siteName, expected.siteName);
  exact('canonicalUrl', article.canonicalUrl, expected.canonicalUrl);
  exact('image', meta.image, expected.image);
  exact('section', meta.section, expected.section);
  exact('description', meta.description, expected.description);
  if (expected.authors !== undefined && JSON.stringify(meta.authors) !== JSON.stringify(expected.authors)) {
    failures.push(`authors: got ${JSON.stringify(meta.authors)}, want ${JSON.stringify(expected.authors)}`);
  }
  for (const field of ['publishedAt', 'modifiedAt'] as const) {
    const wanted = expected[field];
    if (wanted !== undefined && !sameInstant(meta[field], wanted)) {
      failures.push(`${field}: got ${JSON.stringify(meta[field])}, want ${wanted} (UTC ISO-8601)`);
    }
  }
  if (expected.lang !== undefined && !sameLang(meta.lang, expected.lang)) {
    failures.push(`lang: got ${JSON.stringify(meta.lang)}, want ${expected.lang}`);
  }
  for (const tag of expected.tags ?? []) {
    if (!meta.tags.includes(tag)) failures.push(`tags lack ${JSON.stringify(tag)} (got ${JSON.stringify(meta.tags)})`);
  }
  if (expected.charset !== undefined && article.charset.toLowerCase() !== expected.charset.toLowerCase()) {
    failures.push(`charset: got ${article.charset}, want ${expected.charset}`);
  }
  return failures;
}

function embedMismatch(actual: Embed, wanted: ExpectedEmbed): string[] {
  const problems: string[] = [];
  const field = (name: string, got: unknown, want: unknown): void => {
    if (want !== undefined && got !== want) problems.push(`${name} ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
  };
  field('provider', actual.provider, wanted.provider);
  field('id', actual.id, wanted.id);
  field('kind', actual.kind, wanted.kind);
  field('handle', actual.handle ?? null, wanted.handle);
  field('author', actual.author ?? null, wanted.author);
  field('url', actual.url, wanted.url);
  if (wanted.urlIncludes !== undefined && !(actual.url ?? '').includes(wanted.urlIncludes)) {
    problems.push(`url ${JSON.stringify(actual.url)} lacks ${JSON.stringify(wanted.urlIncludes)}`);
  }
  if (wanted.textIncludes !== undefined && !flatten(actual.text ?? '').includes(flatten(wanted.textIncludes))) {
    problems.push(`text ${JSON.stringify(short(actual.text ?? ''))} lacks ${JSON.stringify(wanted.textIncludes)}`);
  }
  return problems;
}

/** Exactly the expected embeds, in order, each with a clean URL and a place in the body. */
export function checkEmbeds(article: Article, expected: readonly ExpectedEmbed[] | undefined): string[] {
  if (expected === undefined) return [];
  const failures: string[] = [];
  const got = article.embeds.map((embed) => `${embed.provider}:${embed.id}`);
  const want = expected.map((embed) => `${embed.provider}:${embed.id ?? '?'}`);
  if (article.embeds.length !== expected.length) {
    failures.push(`embeds: got [${got.join(', ')}], want [${want.join(', ')}]`);
  }
  expected.forEach((wanted, index) => {
    const actual = article.embeds[index];
    if (actual === undefined) return;
    const problems = embedMismatch(actual, wanted);
    if (problems.length > 0) failures.push(`embed #${index} (${want[index]}): ${problems.join('; ')}`);
  });
  let previous = -1;
  article.embeds.forEach((embed, index) => {
    if (embed.url !== null && /[?&](utm_[a-z]+|ref_src|ref_url|fbclid|igshid|igsh|is_from_webapp|sender_device)=/i.test(embed.url)) {
      failures.push(`embed #${index} url keeps tracking parameters: ${embed.url}`);
    }
    if (expected.length > 0) {
      if (embed.position === null) failures.push(`embed #${index} (${got[index]}) has no position in the body`);
      else if (embed.position <= previous) failures.push(`embed #${index} (${got[index]}) position ${embed.position} is not after ${previous}`);
      else previous = embed.position;
    }
  });
  return failures;
}

/** Outlet names match with a leading "The" ignored ("The Associated Press" ~ "Associated Press"). */
function sameOutlet(actual: unknown, wanted: string | null): boolean {
  if (wanted === null || typeof actual !== 'string') return actual === wanted;
  const bare = (name: string): string => name.replace(/^the\s+/i, '').trim();
  return bare(actual) === bare(wanted);
}

/** "Bezio" matches "Marco Bezio": a speaker named by surname only is still the right person. */
function sameSpeaker(actual: unknown, wanted: string | null): boolean {
  if (wanted === null || typeof actual !== 'string') return actual === wanted;
  return actual === wanted || wanted.endsWith(` ${actual}`) || actual.endsWith(` ${wanted}`);
}

function quoteMatches(quote: Quote, wanted: ExpectedQuote): boolean {
  if (quote.kind !== wanted.kind) return false;
  if (wanted.textIncludes !== undefined && !flatten(quote.text).includes(flatten(wanted.textIncludes))) return false;
  const record = quote as unknown as Record<string, unknown>;
  for (const key of ['source', 'via'] as const) {
    if (wanted[key] !== undefined && !sameOutlet(record[key], wanted[key])) return false;
  }
  for (const key of ['sourceUrl', 'cue', 'duplicateOfBody'] as const) {
    if (wanted[key] !== undefined && record[key] !== wanted[key]) return false;
  }
  if (wanted.speaker !== undefined && !sameSpeaker(record.speaker, wanted.speaker)) return false;
  if (wanted.leadIn !== undefined && flatten(String(record.leadIn ?? '')) !== flatten(wanted.leadIn)) return false;
  return true;
}

function describeQuote(quote: Quote): string {
  const { text, ...rest } = quote as Quote & { paragraphs?: string[] };
  delete (rest as { paragraphs?: string[] }).paragraphs;
  return `${JSON.stringify(rest)} "${short(text)}"`;
}

export function checkQuotes(article: Article, expected: PageExpectations = {}): string[] {
  const failures: string[] = [];
  for (const wanted of expected.quotes ?? []) {
    if (!article.quotes.some((quote) => quoteMatches(quote, wanted))) {
      const sameKind = article.quotes.filter((quote) => quote.kind === wanted.kind).map(describeQuote);
      failures.push(`no quote matches ${JSON.stringify(wanted)}; ${wanted.kind} quotes found: ${sameKind.length === 0 ? 'none' : sameKind.join(' | ')}`);
    }
  }
  for (const unwanted of expected.notQuotes ?? []) {
    const hit = article.quotes.find((quote) => quoteMatches(quote, unwanted));
    if (hit) failures.push(`unexpected quote ${describeQuote(hit)} (matches ${JSON.stringify(unwanted)})`);
  }
  for (const [kind, count] of Object.entries(expected.quoteCounts ?? {})) {
    const found = article.quotes.filter((quote) => quote.kind === kind).length;
    if (found !== count) failures.push(`${kind} quotes: got ${found}, want ${count}`);
  }
  return failures;
}

export function checkImages(article: Article, expected: readonly ExpectedImage[] = []): string[] {
  const failures: string[] = [];
  for (const wanted of expected) {
    const hit = article.images.some(
      (image) =>
        (wanted.url === undefined || image.url === wanted.url) &&
        (wanted.urlIncludes === undefined || image.url.includes(wanted.urlIncludes)) &&
        (wanted.alt === undefined || image.alt === wanted.alt) &&
        (wanted.caption === undefined || flatten(image.caption ?? '').includes(flatten(wanted.caption))) &&
        (wanted.credit === undefined || flatten(image.credit ?? '').includes(flatten(wanted.credit))),
    );
    if (!hit) failures.push(`no image matches ${JSON.stringify(wanted)}; images: ${JSON.stringify(article.images.map((image) => image.url))}`);
  }
  return failures;
}
