import type { CheerioAPI } from 'cheerio';
import type { ChildNode, Element, ParentNode } from 'domhandler';
import { isElement } from '../parse-html.js';
import { relink } from './child-list.js';

/*
 * Readability's first pass (flag FLAG_STRIP_UNLIKELYS, @mozilla/readability 0.6.0 `_grabArticle`) removes
 * "unlikely candidates" — navigation, headers, footers, sidebars, comment threads, menus — before it scores
 * anything. Removing them from the cheerio tree instead, before jsdom builds the document, spares jsdom and
 * Readability the cost of building, walking and serializing them (Readability serializes the whole body
 * once per pass). The rules below are Readability's own, copied from 0.6.0; where ours cannot see what
 * Readability would see, they keep the element and leave the decision to Readability. So everything removed
 * here is something Readability's first pass removes anyway, and when that first pass succeeds the article
 * is the same. When it fails, Readability would retry on the whole page without the flag: the caller must then
 * run Readability on the page as it was before this step (see readArticle in ../readability.ts).
 */
const UNLIKELY_CANDIDATES =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const OK_MAYBE_ITS_A_CANDIDATE = /and|article|body|column|content|main|shadow/i;
const UNLIKELY_ROLES = new Set(['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog']);
/** Readability's byline test: such an element may become the byline (its whole text) rather than be removed. */
const BYLINE = /byline|author|dateline|writtenby|p-author/i;
/**
 * How far up we look for a <table> or <code> that protects an element. Readability looks 4 levels up
 * (`_hasAncestorTag`, depth 3) in a tree its own walk has already changed (a <div> holding a single <p> is
 * replaced by it), so we look further: an element we keep is one Readability may still remove itself.
 */
const ANCESTOR_DEPTH = 8;

export interface Stripped {
  /** Elements removed (with all they held). */
  removed: number;
  /** Puts every removed element back where it was. */
  restore(): void;
}

/**
 * Removes from the page's <body> the elements Readability's first pass would remove as unlikely candidates.
 * Kept, to leave Readability's own reading of the page unchanged: possible bylines (with all they hold), and
 * elements holding an <h1> or <h2> (Readability reads those for the title before its first pass).
 */
export function stripUnlikelyCandidates($: CheerioAPI): Stripped {
  const body = $('body')[0];
  const changed: { parent: ParentNode; children: ChildNode[] }[] = [];
  const removed = body ? stripChildren(body, ['body'], changed) : 0;
  return {
    removed,
    restore() {
      for (const { parent, children } of changed.reverse()) {
        for (const child of children) child.parent = parent;
        relink(parent, children);
      }
      changed.length = 0;
    },
  };
}

function stripChildren(parent: ParentNode, ancestors: string[], changed: { parent: ParentNode; children: ChildNode[] }[]): number {
  let removed = 0;
  const kept: ChildNode[] = [];
  for (const child of parent.children) {
    if (isElement(child)) {
      const verdict = judge(child, ancestors);
      if (verdict === 'remove') {
        removed++;
        child.parent = null;
        continue;
      }
      if (verdict === 'descend') {
        ancestors.push(child.name);
        removed += stripChildren(child, ancestors, changed);
        ancestors.pop();
      }
    }
    kept.push(child);
  }
  if (kept.length !== parent.children.length) {
    changed.push({ parent, children: parent.children });
    relink(parent, kept);
  }
  return removed;
}

type Verdict = 'remove' | 'descend' | 'keep whole';

function judge(element: Element, ancestors: string[]): Verdict {
  const attribs = element.attribs;
  // Readability drops a modal dialog on every pass, before it looks for a byline.
  if (attribs['aria-modal'] === 'true' && attribs.role === 'dialog') return 'remove';
  const matchString = `${attribs.class ?? ''} ${attribs.id ?? ''}`;
  const itemprop = attribs.itemprop;
  if (attribs.rel === 'author' || (itemprop !== undefined && itemprop.includes('author')) || BYLINE.test(matchString)) {
    return 'keep whole';
  }
  const unlikely =
    (UNLIKELY_CANDIDATES.test(matchString) &&
      !OK_MAYBE_ITS_A_CANDIDATE.test(matchString) &&
      element.name !== 'a' &&
      !nearAncestor(ancestors, 'table') &&
      !nearAncestor(ancestors, 'code')) ||
    UNLIKELY_ROLES.has(attribs.role ?? '');
  return unlikely && !holdsTitleHeading(element) ? 'remove' : 'descend';
}

function nearAncestor(ancestors: string[], name: string): boolean {
  for (let index = ancestors.length - 1; index >= 0 && index >= ancestors.length - ANCESTOR_DEPTH; index--) {
    if (ancestors[index] === name) return true;
  }
  return false;
}

function holdsTitleHeading(parent: ParentNode): boolean {
  for (const child of parent.children) {
    if (isElement(child) && (child.name === 'h1' || child.name === 'h2' || holdsTitleHeading(child))) return true;
  }
  return false;
}
