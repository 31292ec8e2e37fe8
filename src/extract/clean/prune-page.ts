import type { CheerioAPI } from 'cheerio';
import type { AnyNode, ChildNode, Element, ParentNode } from 'domhandler';
import { isElement } from '../parse-html.js';
import { relink } from './child-list.js';
import { countTokens } from '../../text/words.js';

/**
 * Site chrome that is never article content, recognised by class or id before Readability strips classes:
 * share bars, related-post blocks, comment areas, newsletter and "we moved" pop-ups, ads.
 */
const CHROME_CLASSES = new Set([
  'sharedaddy', 'sd-sharing-enabled', 'jp-relatedposts', 'addtoany_share_save_container', 'a2a_kit',
  'share-buttons', 'social-share', 'social-sharing', 'share-bar', 'sharing', 'post-share', 'entry-share',
  'related-posts', 'yarpp-related', 'crp_related', 'rp4wp-related-posts', 'related-articles',
  'comments-area', 'comment-respond', 'comments-section', 'disqus',
  'newsletter', 'newsletter-signup', 'subscribe-box', 'mc4wp-form',
  'popup', 'modal', 'pum', 'pum-overlay', 'optin-monster',
  'adsbygoogle', 'advertisement', 'ad-container', 'ad-slot', 'ads',
  'affiliate-disclosure', 'disclosure',
]);
const CHROME_IDS = new Set(['comments', 'respond', 'disqus_thread']);
const CHROME_ID_PREFIXES = ['om-', 'div-gpt-ad'];
const CHROME_CLASS_ATTRIBUTE_PREFIXES = ['ad-'];

/**
 * Words that mark chrome when they stand as a whole part of a class name (`donate-box`, `kg-cta-card`,
 * `contributions-epic`, `css-1uhbfob ad`, `paywall-inscription`): split on '-' and '_' (BEM too).
 */
const CHROME_CLASS_PARTS = new Set([
  'ad', 'ads', 'advert', 'advertisement', 'sponsor', 'sponsored', 'dfp', 'outbrain', 'taboola',
  'donate', 'donation', 'contributions', 'epic', 'paywall', 'newsletter', 'subscribe', 'subscription', 'signup',
  'optin', 'cta', 'promo', 'reprints', 'share', 'sharing', 'social', 'related', 'recirc', 'trending',
  'comments', 'disqus', 'popup', 'modal', 'breadcrumb', 'breadcrumbs',
]);
/**
 * Class names whose compound form marks chrome (reading-time labels, script warnings, share-button wrappers).
 * "Read also" labels are left to the text rules: removing only the label would leave its promo link behind.
 */
const CHROME_CLASS_COMPOUNDS = /(?:^|[-_])(?:reading-time|read-time|readtime|js-warning|noscript-warning|liveblog-controls|bottom-of-article|button-wrapper|most-read|most-popular)(?:$|[-_])/i;

function isChromeClassName(name: string): boolean {
  if (CHROME_CLASS_COMPOUNDS.test(name)) return true;
  return name.toLowerCase().split(/[-_]+/).some((part) => CHROME_CLASS_PARTS.has(part));
}

/** Elements with more words than this are never pruned by class alone (a mis-named article wrapper). */
const MAX_CHROME_WORDS = 120;

/** Elements dropped with everything in them: never content, and costly or unsafe for jsdom to build. */
const DROPPED = new Set([
  'script', 'style', 'link', 'template', 'object', 'embed', 'applet', 'iframe', 'frame', 'frameset',
]);
/** Whose text is not reader-visible text (for the chrome word count). */
const NOT_TEXT = new Set(['script', 'style', 'template', 'noscript', 'textarea']);
/** Never removed, whatever their attributes say. */
const STRUCTURAL = new Set(['html', 'head', 'body']);
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;
/**
 * MathJax 3's wrappers around an equation: the MathML inside them (`<math>`) is the equation. They are replaced
 * by what they hold: their class (`MathJax CtxtMenu_Attached_0`) matches Readability 0.6.0's unlikely-candidate
 * rule ("menu"), which dropped every equation of a MathJax page (the rendered copy, `mjx-math`, is aria-hidden).
 */
const UNWRAPPED = new Set(['mjx-container', 'mjx-assistive-mml']);

/**
 * Strips what can never be article content, before the page goes to jsdom, in one walk over the tree:
 * - scripts (JSON-LD included: the metadata rules read it first), styles and stylesheet links (jsdom's CSS
 *   parser is slow and chokes on raw SCSS), templates, objects, embeds and frames (jsdom builds a whole
 *   window per frame; embeds worth keeping were found by the embed detectors before this runs);
 * - comments, svg internals, noscript blocks that hold no image, meta refresh;
 * - hidden elements, by the rules Readability uses to drop them itself (`hidden`, `aria-hidden="true"`,
 *   inline `display:none` / `visibility:hidden`); then every `style` attribute, so jsdom parses no CSS;
 * - known chrome by class or id (share bars, related posts, comments, newsletter boxes, ads) of at most
 *   120 words that holds no <article> or <main>;
 * - MathJax's wrappers around MathML equations, replaced by what they hold (see UNWRAPPED).
 * Returns the number of elements removed.
 */
export function prunePage($: CheerioAPI): number {
  const root = $.root()[0];
  return root ? pruneChildren(root) : 0;
}

function pruneChildren(parent: ParentNode): number {
  let removed = 0;
  let unwrapped = false;
  const kept: ChildNode[] = [];
  for (const child of parent.children) {
    if (child.type === 'comment') continue;
    if (isElement(child)) {
      if (shouldDrop(child)) {
        removed++;
        child.parent = null;
        continue;
      }
      if (child.attribs.style !== undefined) delete child.attribs.style;
      removed += child.name === 'svg' ? emptyElement(child) : pruneChildren(child);
      if (UNWRAPPED.has(child.name)) {
        for (const inner of child.children) {
          inner.parent = parent;
          kept.push(inner);
        }
        unwrapped = true;
        continue;
      }
    }
    kept.push(child);
  }
  if (unwrapped || kept.length !== parent.children.length) relink(parent, kept);
  return removed;
}

function shouldDrop(element: Element): boolean {
  const name = element.name;
  if (DROPPED.has(name)) return true;
  if (STRUCTURAL.has(name)) return false;
  if (name === 'meta') return (element.attribs['http-equiv'] ?? '').toLowerCase() === 'refresh';
  if (name === 'noscript') return !holdsImage(element);
  return isHidden(element) || isChrome(element);
}

/** Readability's own `_isProbablyVisible`, read from attributes instead of computed style. */
function isHidden(element: Element): boolean {
  const attribs = element.attribs;
  if (attribs.hidden !== undefined) return true;
  if (attribs['aria-hidden'] === 'true' && !(attribs.class ?? '').includes('fallback-image')) return true;
  const style = attribs.style;
  return style !== undefined && HIDDEN_STYLE.test(style);
}

function isChrome(element: Element): boolean {
  if (element.name === 'article' || element.name === 'main') return false;
  const { class: classAttribute, id } = element.attribs;
  let matched = false;
  if (id !== undefined && (CHROME_IDS.has(id) || CHROME_ID_PREFIXES.some((prefix) => id.startsWith(prefix)))) {
    matched = true;
  } else if (classAttribute !== undefined && classAttribute !== '') {
    matched =
      CHROME_CLASS_ATTRIBUTE_PREFIXES.some((prefix) => classAttribute.startsWith(prefix)) ||
      classAttribute.split(/\s+/).some((name) => CHROME_CLASSES.has(name) || isChromeClassName(name));
  }
  if (!matched) return false;
  const words = { count: 0 };
  return !holdsArticle(element, words) && words.count <= MAX_CHROME_WORDS;
}

/** Whether an <article> or <main> is inside; counts the words of visible text on the way (stops early). */
function holdsArticle(parent: ParentNode, words: { count: number }): boolean {
  for (let child = parent.firstChild; child !== null; child = child.next) {
    if (child.type === 'text') {
      words.count += countTokens(child.data);
    } else if (isElement(child)) {
      if (child.name === 'article' || child.name === 'main' || child.attribs['data-chronicle-embed'] !== undefined) return true;
      if (!NOT_TEXT.has(child.name) && holdsArticle(child, words)) return true;
    }
  }
  return false;
}

function holdsImage(parent: ParentNode): boolean {
  for (let child = parent.firstChild; child !== null; child = child.next) {
    // parse5 (cheerio's default) keeps noscript content as raw text; htmlparser2 parses it as elements.
    if (child.type === 'text' && /<img\b/i.test(child.data)) return true;
    if (isElement(child) && (child.name === 'img' || holdsImage(child))) return true;
  }
  return false;
}

function emptyElement(element: Element): number {
  const removed = element.children.filter(isElement).length;
  for (const child of element.children) child.parent = null;
  relink(element, []);
  return removed;
}

