import type { CheerioAPI } from 'cheerio';

/**
 * Site chrome that is never article content, recognised by class or id before Readability strips classes:
 * share bars, related-post blocks, comment areas, newsletter and "we moved" pop-ups, ads.
 */
const CHROME_SELECTORS = [
  '.sharedaddy', '.sd-sharing-enabled', '.jp-relatedposts', '.addtoany_share_save_container', '.a2a_kit',
  '.share-buttons', '.social-share', '.social-sharing', '.share-bar', '.sharing', '.post-share', '.entry-share',
  '.related-posts', '.yarpp-related', '.crp_related', '.rp4wp-related-posts', '.related-articles',
  '#comments', '.comments-area', '.comment-respond', '#respond', '.comments-section', '.disqus', '#disqus_thread',
  '.newsletter', '.newsletter-signup', '.subscribe-box', '.mc4wp-form',
  '.popup', '.modal', '.pum', '.pum-overlay', '.optin-monster', '[id^="om-"]',
  '.adsbygoogle', '.advertisement', '.ad-container', '.ad-slot', '[id^="div-gpt-ad"]', '[class^="ad-"]', '.ads',
  '.affiliate-disclosure', '.disclosure',
].join(',');

/** Elements with more words than this are never pruned by class alone (a mis-named article wrapper). */
const MAX_CHROME_WORDS = 120;

/**
 * Strips what can never be article content, before the page goes to jsdom: scripts (JSON-LD has already been
 * read by the metadata rules), styles (jsdom's CSS parser is slow and chokes on raw SCSS), comments, svg
 * internals, templates, and noscript blocks that hold no image; then known chrome by class.
 */
export function prunePage($: CheerioAPI): void {
  $('script, style, link[rel="stylesheet"], template, object, embed, applet, meta[http-equiv="refresh"]').remove();
  $('svg').each((_, element) => {
    $(element).empty();
  });
  $('noscript').each((_, element) => {
    const node = $(element);
    if (!/<img\b/i.test(node.html() ?? '')) node.remove();
  });
  $('*')
    .contents()
    .filter((_, node) => node.type === 'comment')
    .remove();
  $('[style]').removeAttr('style');
  $(CHROME_SELECTORS).each((_, element) => {
    const node = $(element);
    if (node.is('html, body, article, main') || node.find('article, main').length > 0) return;
    if (wordCount(node.text()) <= MAX_CHROME_WORDS) node.remove();
  });
}

function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}
