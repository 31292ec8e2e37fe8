import * as cheerio from 'cheerio';
import type { Cheerio, CheerioAPI } from 'cheerio';
import { select } from 'cheerio-select';
import type { AnyNode, Element, ParentNode } from 'domhandler';
import { Parser } from 'parse5';
import { adapter as domhandlerAdapter } from 'parse5-htmlparser2-tree-adapter';

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
  return withLinearFind(cheerio.load(html, OPTIONS));
}

/**
 * A fragment (article HTML): no <html>, <head> or <body> added. Parsed with parse5, by the standard's rules:
 * jsdom's serialization of Readability's tree may hold markup a browser would re-parse differently (a <div>
 * inside a <p>), and htmlparser2 keeps what parse5 and browsers would move (28 of 300 corpus articles differed).
 */
export function loadFragment(html: string): CheerioAPI {
  return withLinearFind(cheerio.load(parseFragmentNodes(html), null, false));
}

/**
 * The top-level nodes of `html` parsed as cheerio's parse5 fragment parsing does (a <template> context, scripting
 * on), taken straight from the parser's root element. parse5's own getFragment moves them one at a time into the
 * fragment, each move a splice at the front of the root's child array: n top-level nodes cost n² (a 0.5 MB page
 * of 9,000 sibling <div>s spent 2.5 s there). They are handed over detached so that cheerio only links them.
 */
function parseFragmentNodes(html: string): AnyNode[] {
  const parser = Parser.getFragmentParser(null, { treeAdapter: domhandlerAdapter, scriptingEnabled: true });
  parser.tokenizer.write(html, true);
  const root = domhandlerAdapter.getFirstChild(parser.document) as ParentNode;
  const nodes = root.children;
  root.children = [];
  for (const node of nodes) node.parent = null;
  return nodes;
}

type FindBySelector = (this: Cheerio<AnyNode>, selector: string, limit: number) => Cheerio<Element>;

/** The part of cheerio's Cheerio objects that withLinearFind reads (cheerio 1.2, src/api/traversing.ts). */
interface CheerioInternals {
  _findBySelector: FindBySelector;
  _root?: ArrayLike<AnyNode> | null;
  _make(nodes: AnyNode[]): Cheerio<Element>;
  options: Record<string, unknown>;
}

const CONTEXT_SELECTOR = /^\s*(?:[+~]|:scope\b)/;

/**
 * cheerio searches under one node by handing css-select the node's children as an array, which css-select first
 * rids of nested and repeated members (domutils' removeSubsets, a lastIndexOf and an includes per member): every
 * `$(selector)` of a document or fragment with n top-level nodes, and every `.find` under an element with n
 * children, cost n². For a single node the same search is asked with the node itself, whose children css-select
 * then takes as they are (they are neither nested nor repeated): the same elements in the same order. Several
 * nodes, and selectors that start from the context itself (`+`, `~`, `:scope`), go cheerio's way.
 */
function withLinearFind($: CheerioAPI): CheerioAPI {
  const prototype = $.fn as unknown as CheerioInternals;
  const original = prototype._findBySelector;
  if (typeof original !== 'function') return $;
  prototype._findBySelector = function findBySelector(this: Cheerio<AnyNode>, selector: string, limit: number) {
    const self = this as unknown as CheerioInternals;
    if (this.length !== 1 || CONTEXT_SELECTOR.test(selector)) return original.call(this, selector, limit);
    const options = {
      context: this.toArray(),
      root: self._root?.[0],
      xmlMode: self.options.xmlMode,
      lowerCaseTags: self.options.lowerCaseTags,
      lowerCaseAttributeNames: self.options.lowerCaseAttributeNames,
      pseudos: self.options.pseudos,
      quirksMode: self.options.quirksMode,
    } as Parameters<typeof select>[2];
    return self._make(select(selector, this[0]!, options, limit));
  };
  return $;
}

/** Whether a node of those trees is an element (domhandler gives <script> and <style> types of their own). */
export function isElement(node: AnyNode | null | undefined): node is Element {
  return node !== null && node !== undefined && (node.type === 'tag' || node.type === 'script' || node.type === 'style');
}
