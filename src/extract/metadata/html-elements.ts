import type { Cheerio } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { MetaContext, MetaSource } from './types.js';
import { nonEmpty } from './text.js';
import { imageSource } from './image-source.js';

const ARTICLE_AREAS = ['article', 'main', '[role="main"]', 'header', '[class*="byline"]', '[class*="meta"]'];

function linkHref(ctx: MetaContext, rel: string): string | null {
  const { $ } = ctx;
  for (const el of $('link[rel][href]').toArray()) {
    const rels = ($(el).attr('rel') ?? '').toLowerCase().split(/\s+/);
    if (rels.includes(rel)) {
      const href = nonEmpty($(el).attr('href'));
      if (href !== null) return href;
    }
  }
  return null;
}

function timeValue(el: Element): string | null {
  return nonEmpty(el.attribs.datetime) ?? nonEmpty(el.attribs.content);
}

/**
 * The page's <time> elements, in document order: the date rules test their selectors on these alone instead of
 * walking the whole page once per selector (eleven walks for a page without a <time>).
 */
function timeElements(ctx: MetaContext): Cheerio<Element> {
  return ctx.$('time');
}

function firstTime(times: Cheerio<Element>, selectors: string[]): string | null {
  for (const selector of selectors) {
    for (const el of times.filter(selector).toArray()) {
      const value = timeValue(el);
      if (value !== null) return value;
    }
  }
  return null;
}

/** A <time> whose own class or the text just before it says "updated" / "modified". */
function isModifiedTime(ctx: MetaContext, el: AnyNode): boolean {
  const $el = ctx.$(el);
  const marker = `${$el.attr('class') ?? ''} ${$el.parent().attr('class') ?? ''}`;
  if (/updat|modif/i.test(marker)) return true;
  const before = $el.parent().text().split($el.text())[0] ?? '';
  return /\b(?:updated|modified)\b[\s:]*$/i.test(before.slice(-40));
}

/** Plain HTML elements: <title>, <html lang>, <link rel=canonical|image_src>, <time>, rel=tag, the first article image. */
export const htmlElementsSource: MetaSource = {
  name: 'html',
  rules: {
    title: (ctx) => nonEmpty(ctx.$('head title').first().text()) ?? nonEmpty(ctx.$('title').first().text()),
    lang: (ctx) => {
      const html = ctx.$('html').first();
      return nonEmpty(html.attr('lang')) ?? nonEmpty(html.attr('xml:lang'));
    },
    canonicalUrl: (ctx) => linkHref(ctx, 'canonical'),
    image: (ctx) => {
      const linked = linkHref(ctx, 'image_src');
      if (linked !== null) return linked;
      const { $ } = ctx;
      for (const el of $('article img, [itemprop~="articleBody"] img, main img').toArray()) {
        const $img = $(el);
        const width = Number($img.attr('width'));
        const height = Number($img.attr('height'));
        if ((width > 0 && width < 100) || (height > 0 && height < 100)) continue;
        const src = imageSource($img);
        if (src !== null && !/\.svg(?:$|\?)/i.test(src)) return src;
      }
      return null;
    },
    publishedAt: (ctx) => {
      const times = timeElements(ctx);
      if (times.length === 0) return null;
      const explicit = firstTime(times, [
        'time[pubdate]',
        'time.published',
        'time.entry-date',
        'time[class*="publish"]',
        'time[class*="posted"]',
      ]);
      if (explicit !== null) return explicit;
      for (const area of ARTICLE_AREAS) {
        for (const el of times.filter(`${area} time`).toArray()) {
          if (isModifiedTime(ctx, el)) continue;
          const value = timeValue(el);
          if (value !== null) return value;
        }
      }
      return null;
    },
    modifiedAt: (ctx) => {
      for (const el of timeElements(ctx).toArray()) {
        if (!isModifiedTime(ctx, el)) continue;
        const value = timeValue(el);
        if (value !== null) return value;
      }
      return null;
    },
    tags: (ctx) =>
      ctx
        .$('a[rel~="tag"]')
        .toArray()
        .map((el) => nonEmpty(ctx.$(el).text()))
        .filter((t): t is string => t !== null),
  },
};
