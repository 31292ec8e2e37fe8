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
    return read(document).result;
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

/**
 * Runs Readability on `strippedHtml`, a page from which the unlikely candidates of Readability's first pass
 * were already removed (clean/strip-unlikely.ts). When that first pass finds too little text, Readability
 * would retry on the whole page with laxer rules: then it runs again on `fullHtml()`, the page as it was
 * before the stripping, so the result is always what Readability gives for the whole page.
 */
export function readArticle(strippedHtml: string, fullHtml: () => string, pageUrl: string): ReadabilityResult | null {
  const stripped = parseDocument(strippedHtml, pageUrl);
  let first: ReadOutcome;
  try {
    first = read(stripped, { firstPassOnly: true });
  } finally {
    releaseDocument(stripped);
  }
  if (first.firstPassSucceeded) return first.result;
  return runReadability(fullHtml(), pageUrl);
}

export interface ReadOutcome {
  result: ReadabilityResult | null;
  /** False when Readability's first pass (unlikely candidates stripped) found too little and it retried. */
  firstPassSucceeded: boolean;
}

/**
 * Readability 0.6.0 records each failed pass of `_grabArticle` in `_attempts` before retrying; nothing public
 * says whether the first pass held. (test/speed/strip-unlikely.test.ts fails if this stops working.)
 */
interface ReadabilityInternals {
  _attempts?: unknown[];
  _getAllNodesWithTag?: (root: Document | Element, tagNames: string[]) => ArrayLike<Element>;
}

/**
 * Readability finds elements by tag name through `_getAllNodesWithTag`, which asks querySelectorAll for a list of
 * type selectors ("img,picture,figure") about a hundred times a page. jsdom 29 answers each through a general CSS
 * selector engine; a walk over element children gives the same elements in the same (tree) order, and took a fifth
 * off Readability's time over the corpus with identical output on every page.
 */
function answerTagQueriesDirectly(reader: Readability): void {
  const internals = reader as unknown as ReadabilityInternals;
  if (typeof internals._getAllNodesWithTag === 'function') internals._getAllNodesWithTag = elementsByTagNames;
}

class FirstPassFailed extends Error {}

/**
 * Makes Readability stop when its first pass fails, instead of retrying with laxer rules: Readability calls
 * `_removeFlag` only to start a retry. On a stripped page a retry is wasted work, since readArticle then
 * runs Readability on the whole page anyway.
 */
function stopAfterFirstPass(reader: Readability): void {
  const internals = reader as unknown as { _removeFlag?: (flag: number) => void };
  if (typeof internals._removeFlag !== 'function') return;
  internals._removeFlag = () => {
    throw new FirstPassFailed('first pass found too little');
  };
}

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/**
 * The descendants of `root` matching any of the type selectors `tagNames`, in tree order: what
 * `root.querySelectorAll(tagNames.join(','))` returns (ASCII case-insensitive for HTML elements, exact otherwise).
 */
export function elementsByTagNames(root: Document | Element, tagNames: readonly string[]): Element[] {
  const exact = new Set(tagNames);
  const lower = new Set(tagNames.map((name) => name.toLowerCase()));
  const found: Element[] = [];
  const visit = (parent: Document | Element): void => {
    for (let child = parent.firstElementChild; child !== null; child = child.nextElementSibling) {
      if ((child.namespaceURI === HTML_NAMESPACE ? lower : exact).has(child.localName)) found.push(child);
      if (child.firstElementChild !== null) visit(child);
    }
  };
  visit(root);
  return found;
}

/** Readability on a parsed document (it changes the document), and whether its first pass held. */
export function read(document: Document, options: { firstPassOnly?: boolean } = {}): ReadOutcome {
  // No JSON-LD is left to read: scripts are removed before jsdom (the metadata rules read JSON-LD first).
  const reader = new Readability(document, { charThreshold: 500, disableJSONLD: true });
  answerTagQueriesDirectly(reader);
  if (options.firstPassOnly === true) stopAfterFirstPass(reader);
  let parsed: ReturnType<Readability['parse']>;
  try {
    parsed = reader.parse();
  } catch (error) {
    if (error instanceof FirstPassFailed) return { result: null, firstPassSucceeded: false };
    throw error;
  }
  const attempts = (reader as unknown as ReadabilityInternals)._attempts;
  const firstPassSucceeded = parsed !== null && Array.isArray(attempts) && attempts.length === 0;
  if (!parsed || !parsed.content) return { result: null, firstPassSucceeded };
  return {
    firstPassSucceeded,
    result: {
      title: parsed.title ?? null,
      byline: parsed.byline ?? null,
      content: parsed.content,
      excerpt: parsed.excerpt ?? null,
      siteName: parsed.siteName ?? null,
      lang: parsed.lang ?? null,
      publishedTime: parsed.publishedTime ?? null,
    },
  };
}
