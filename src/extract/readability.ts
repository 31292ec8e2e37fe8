import { createRequire } from 'node:module';
import type { JSDOM } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { lazyInlineStyleFor } from './speed/lazy-inline-style.js';
import { rangeFreeMutationsFor } from './speed/range-free-mutations.js';
import { installFastPaths, type SubtreeVersion } from './speed/readability-fast-paths.js';

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

/**
 * jsdom is required when the first window is made, not imported: importing it takes about a second of CPU,
 * which commands that extract nothing (`--version`, `list`, `diff`, …) should not pay.
 */
const requireModule = createRequire(import.meta.url);

/**
 * One jsdom window per thread, made on first use and kept. Each page is parsed by that window's DOMParser
 * into a fresh Document that has no window of its own: building a window per page (all the Web IDL
 * interfaces, plus one more window per <iframe>) was a large share of jsdom's cost, and closed windows are
 * freed only when the event loop turns. A DOMParser document is scripting-disabled, loads nothing, runs
 * nothing, and is garbage like any other object once Readability is done with it.
 */
let sharedWindow: SharedWindow | null = null;

interface SharedWindow {
  dom: JSDOM;
  /** The window's event listeners as jsdom made them (see releaseDocument). */
  listeners: Map<string, unknown[]>;
  /** jsdom's listener table of the window (EventTargetImpl._eventListeners), by event type. */
  table: Record<string, unknown[]>;
}

/** jsdom's Web IDL glue: the implementation object behind a wrapper such as a Window or a Node. */
interface IdlUtils {
  implForWrapper(wrapper: unknown): { _eventListeners?: Record<string, unknown[]>; _version?: unknown; _globalObject?: object } | null;
}

let idlUtils: IdlUtils | null = null;

/** jsdom's Web IDL glue, required on first use (with jsdom itself). */
function jsdomIdl(): IdlUtils {
  return (idlUtils ??= requireModule('jsdom/lib/generated/idl/utils.js') as IdlUtils);
}

/** jsdom's count of the changes under a node (see SubtreeVersion): its implementation's `_version`. */
export const subtreeVersion: SubtreeVersion = (node) => {
  const version = jsdomIdl().implForWrapper(node)?._version;
  return typeof version === 'number' ? version : undefined;
};

function makeSharedWindow(): SharedWindow {
  const { JSDOM: Window, VirtualConsole: Console } = requireModule('jsdom') as typeof import('jsdom');
  // A console that swallows everything: jsdom's CSS and parse complaints are not ours to print.
  const dom = new Window('', { url: 'about:blank', virtualConsole: new Console() });
  const table = jsdomIdl().implForWrapper(dom.window)?._eventListeners ?? {};
  // This window's elements get their inline-style object when it is first read (see lazy-inline-style.ts).
  const globalObject = jsdomIdl().implForWrapper(dom.window.document)?._globalObject;
  if (globalObject !== undefined) lazyInlineStyleFor(requireModule, globalObject);
  // Its documents have no Range: tree changes skip the index lookups kept for them (see range-free-mutations.ts).
  if (globalObject !== undefined) rangeFreeMutationsFor(requireModule, globalObject);
  return { dom, table, listeners: new Map(Object.entries(table).map(([type, list]) => [type, [...list]])) };
}

/** Parses `html` into a fresh, windowless, scripting-disabled jsdom Document whose URL is `pageUrl`. */
export function parseDocument(html: string, pageUrl: string): Document {
  sharedWindow ??= makeSharedWindow();
  // The parsed document takes its URL (hence baseURI, for Readability's absolute links) from the window's.
  sharedWindow.dom.reconfigure({ url: pageUrl });
  return new sharedWindow.dom.window.DOMParser().parseFromString(html, 'text/html');
}

/**
 * Runs Mozilla Readability on a jsdom document built from `html`. Scripts never run and no resources are
 * loaded. Returns null when Readability finds no article. `after`: start at Readability's second pass, from what
 * its failed first pass on the stripped copy of this page left (see readArticle).
 */
export function runReadability(html: string, pageUrl: string, after?: FailedFirstPass): ReadabilityResult | null {
  const document = parseDocument(html, pageUrl);
  try {
    return read(document, after === undefined ? {} : { after }).result;
  } finally {
    releaseDocument(document);
  }
}

/**
 * Documents parsed by one window before it is replaced: a safety net only, for whatever else jsdom might keep
 * on a window (the one known leak is closed by releaseDocument).
 */
const DOCUMENTS_PER_WINDOW = 1000;
let documentsParsed = 0;

/**
 * Empties a parsed document and drops the event listeners added to the shared window while it was in use.
 * jsdom's CSS selector engine (@asamuzakjp/dom-selector) is made once per document, on its first selector
 * query (jsdom asks one as soon as a URL attribute such as img.src is read, for <base href>), and adds ten
 * listeners to the document's window that are never removed: each one keeps that document, with its whole
 * tree, reachable from the shared window (measured: about 2.4 MB a page, so a long batch grew without bound).
 * Nothing else listens on this window, so its listener table goes back to what jsdom made.
 */
export function releaseDocument(document: Document): void {
  document.replaceChildren();
  if (sharedWindow === null) return;
  const { table, listeners } = sharedWindow;
  for (const type of Object.keys(table)) {
    const kept = listeners.get(type);
    if (kept === undefined) delete table[type];
    else table[type] = [...kept];
  }
  if (++documentsParsed % DOCUMENTS_PER_WINDOW === 0) {
    sharedWindow.dom.window.close();
    sharedWindow = null;
  }
}

/**
 * Runs Readability on `strippedHtml`, a page from which the unlikely candidates of Readability's first pass
 * were already removed (clean/strip-unlikely.ts). When that first pass finds too little text, Readability
 * would retry on the whole page with laxer rules: then it goes on with those retries on `fullHtml()`, the page
 * as it was before the stripping, carrying over what its first pass left behind, so the result is always what
 * Readability gives for the whole page.
 */
export function readArticle(strippedHtml: string, fullHtml: () => string, pageUrl: string): ReadabilityResult | null {
  const stripped = parseDocument(strippedHtml, pageUrl);
  try {
    const first = read(stripped, { firstPassOnly: true });
    if (first.firstPassSucceeded) return first.result;
    // Free the stripped page before the whole one is built (a big page's two trees would double the peak);
    // the failed attempt's content is a tree of its own, outside the page, and stays for the run below.
    stripped.replaceChildren();
    return runReadability(fullHtml(), pageUrl, first.failedFirstPass);
  } finally {
    releaseDocument(stripped);
  }
}

export interface ReadOutcome {
  result: ReadabilityResult | null;
  /** False when Readability's first pass (unlikely candidates stripped) found too little and it retried. */
  firstPassSucceeded: boolean;
  /** With `firstPassOnly`, when that pass failed: what it left, for a run on the whole page to go on from. */
  failedFirstPass?: FailedFirstPass;
}

/**
 * What Readability 0.6.0's first pass (`_grabArticle` with FLAG_STRIP_UNLIKELYS) leaves behind when it finds
 * too little text, and its retries read: its attempt (kept, and chosen if every pass falls short), the byline it
 * found (the retries look for none once one is found), and whether it scored <body> (the page's children are
 * rebuilt for each retry, <body> is not: a body scored once is not a candidate again).
 */
export interface FailedFirstPass {
  attempt: { articleContent: Element; textLength: number };
  byline: string | null;
  bodyScore: { contentScore: number } | undefined;
}

/**
 * Readability 0.6.0 internals read or set here. `_attempts` records each failed pass of `_grabArticle` before it
 * retries; nothing public says whether the first pass held. (test/extract/clean/strip-unlikely.test.ts fails if this
 * stops working.)
 */
interface ReaderState {
  FLAG_STRIP_UNLIKELYS?: number;
  _flags?: number;
  _attempts?: FailedFirstPass['attempt'][];
  _articleByline?: string | null;
  _removeFlag?: (flag: number) => void;
}

type ScoredBody = HTMLElement & { readability?: { contentScore: number } };

class FirstPassFailed extends Error {}

/**
 * Makes Readability stop when its first pass fails, instead of retrying with laxer rules: Readability calls
 * `_removeFlag` only to start a retry. On a stripped page a retry is wasted work: readArticle goes on with the
 * whole page. (Readability's copy of the page for a retry, `body.innerHTML`, is still taken: making it read as
 * empty saved about 1% but raised the peak heap of a 1.9 MB page by some 20 MB, for reasons not found.)
 */
function stopAfterFirstPass(reader: Readability): void {
  const state = reader as unknown as ReaderState;
  if (typeof state._removeFlag !== 'function') return;
  state._removeFlag = () => {
    throw new FirstPassFailed('first pass found too little');
  };
}

/**
 * Starts Readability at its second pass (unlikely candidates kept), from the state its first pass on the same
 * page left: see FailedFirstPass. Its first pass here would repeat the one that failed on the stripped page.
 */
function resumeAfterFirstPass(reader: Readability, document: Document, first: FailedFirstPass): void {
  const state = reader as unknown as ReaderState;
  if (typeof state.FLAG_STRIP_UNLIKELYS !== 'number' || typeof state._flags !== 'number' || !Array.isArray(state._attempts)) {
    return;
  }
  state._flags &= ~state.FLAG_STRIP_UNLIKELYS;
  state._attempts.push(first.attempt);
  state._articleByline = first.byline;
  const body = document.body as ScoredBody | null;
  if (body !== null && first.bodyScore !== undefined) body.readability = { ...first.bodyScore };
}

/** What a failed first pass left (see FailedFirstPass), or undefined if it recorded no attempt. */
function failedFirstPass(reader: Readability, document: Document): FailedFirstPass | undefined {
  const state = reader as unknown as ReaderState;
  const attempt = state._attempts?.[0];
  if (attempt === undefined) return undefined;
  const body = document.body as ScoredBody | null;
  return { attempt, byline: state._articleByline ?? null, bodyScore: body?.readability };
}

/**
 * Readability on a parsed document (it changes the document), and whether its first pass held. `firstPassOnly`
 * stops after a failed first pass; `after` starts at the second pass, from what a failed first pass on the
 * same page (stripped) left.
 */
export function read(document: Document, options: { firstPassOnly?: boolean; after?: FailedFirstPass } = {}): ReadOutcome {
  // No JSON-LD is left to read: scripts are removed before jsdom (the metadata rules read JSON-LD first).
  const reader = new Readability(document, { charThreshold: 500, disableJSONLD: true });
  installFastPaths(reader, subtreeVersion);
  if (options.firstPassOnly === true) stopAfterFirstPass(reader);
  if (options.after !== undefined) resumeAfterFirstPass(reader, document, options.after);
  let parsed: ReturnType<Readability['parse']>;
  try {
    parsed = reader.parse();
  } catch (error) {
    if (error instanceof FirstPassFailed) {
      return { result: null, firstPassSucceeded: false, failedFirstPass: failedFirstPass(reader, document) };
    }
    throw error;
  }
  const attempts = (reader as unknown as ReaderState)._attempts;
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
