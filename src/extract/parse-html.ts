import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

/**
 * Pages are parsed by cheerio on htmlparser2 rather than its default parse5: three times faster on news pages (the
 * first parse is on every page's critical path), and over the 300-page corpus the articles came out the same but for two pages of
 * mis-decoded text (numeric references to C1 controls). jsdom still parses what Readability reads with parse5, so
 * the article is cut from a tree built by the HTML standard's rules. Differences from parse5 that matter here:
 * no implied <tbody>, and <noscript> content is parsed as elements, not kept as text.
 */
const OPTIONS = { xml: { xmlMode: false, decodeEntities: true } } as const;

/** A whole page. */
export function loadPage(html: string): CheerioAPI {
  return cheerio.load(html, OPTIONS);
}

/**
 * A fragment (article HTML): no <html>, <head> or <body> added. Parsed with parse5, by the standard's rules:
 * jsdom's serialization of Readability's tree may hold markup a browser would re-parse differently (a <div>
 * inside a <p>), and htmlparser2 keeps what parse5 and browsers would move (28 of 300 corpus articles differed).
 */
export function loadFragment(html: string): CheerioAPI {
  return cheerio.load(html, null, false);
}

/** Whether a node of those trees is an element (domhandler gives <script> and <style> types of their own). */
export function isElement(node: AnyNode | null | undefined): node is Element {
  return node !== null && node !== undefined && (node.type === 'tag' || node.type === 'script' || node.type === 'style');
}
