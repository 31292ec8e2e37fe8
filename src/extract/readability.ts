import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';

export interface ReadabilityResult {
  title: string | null;
  byline: string | null;
  /** Article HTML as Readability serialized it. */
  content: string;
  excerpt: string | null;
  siteName: string | null;
  lang: string | null;
  publishedTime: string | null;
}

/** A console that swallows everything: jsdom's CSS and parse complaints are not ours to print. */
const silentConsole = new VirtualConsole();

/**
 * One jsdom window per thread, made on first use and kept. Each page is parsed by that window's DOMParser
 * into a fresh Document that has no window of its own: building a window per page (all the Web IDL
 * interfaces, plus one more window per <iframe>) was a large share of jsdom's cost, and closed windows are
 * freed only when the event loop turns. A DOMParser document is scripting-disabled, loads nothing, runs
 * nothing, and is garbage like any other object once Readability is done with it.
 */
let sharedWindow: JSDOM | null = null;

/** Parses `html` into a fresh, windowless, scripting-disabled jsdom Document whose URL is `pageUrl`. */
export function parseDocument(html: string, pageUrl: string): Document {
  sharedWindow ??= new JSDOM('', { url: 'about:blank', virtualConsole: silentConsole });
  // The parsed document takes its URL (hence baseURI, for Readability's absolute links) from the window's.
  sharedWindow.reconfigure({ url: pageUrl });
  return new sharedWindow.window.DOMParser().parseFromString(html, 'text/html');
}

/**
 * Runs Mozilla Readability on a jsdom document built from `html`. Scripts never run and no resources are
 * loaded. Returns null when Readability finds no article.
 */
export function runReadability(html: string, pageUrl: string): ReadabilityResult | null {
  const document = parseDocument(html, pageUrl);
  try {
    return readDocument(document);
  } finally {
    releaseDocument(document);
  }
}

/** Documents parsed by one window before it is replaced (see releaseDocument). */
const DOCUMENTS_PER_WINDOW = 50;
let documentsParsed = 0;

/**
 * Empties a parsed document and, every 50 documents, lets go of the shared window: jsdom keeps
 * DOMParser documents reachable from the window that made them (measured: about 2.4 MB a page), so
 * without this a long batch grows without bound.
 */
export function releaseDocument(document: Document): void {
  document.replaceChildren();
  if (++documentsParsed % DOCUMENTS_PER_WINDOW === 0 && sharedWindow !== null) {
    sharedWindow.window.close();
    sharedWindow = null;
  }
}

/** Readability on a parsed document (it changes the document). Returns null when it finds no article. */
export function readDocument(document: Document): ReadabilityResult | null {
  const parsed = new Readability(document, { charThreshold: 250 }).parse();
  if (!parsed || !parsed.content) return null;
  return {
    title: parsed.title ?? null,
    byline: parsed.byline ?? null,
    content: parsed.content,
    excerpt: parsed.excerpt ?? null,
    siteName: parsed.siteName ?? null,
    lang: parsed.lang ?? null,
    publishedTime: parsed.publishedTime ?? null,
  };
}
