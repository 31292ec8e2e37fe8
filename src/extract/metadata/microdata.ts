import type { Cheerio } from 'cheerio';
import type { Element } from 'domhandler';
import type { MetaContext, MetaSource } from './types.js';
import { nonEmpty } from './text.js';
import { imageSource } from './image-source.js';

type ValueKind = 'text' | 'url' | 'date';

interface MicrodataIndex {
  /** The itemscope describing the article, else the document's top-level elements. */
  scope: Cheerio<Element>;
  /** Elements with an itemprop inside the scope, and in the whole document, in document order. */
  inScope: Element[];
  inDocument: Element[];
}

/** One index per metadata run (its context): every rule asks for the scope and its itemprops, and each is one walk of the page. */
const indexes = new WeakMap<object, MicrodataIndex>();

function indexOf(ctx: MetaContext): MicrodataIndex {
  const { $ } = ctx;
  let index = indexes.get(ctx);
  if (index === undefined) {
    const article = $('[itemscope][itemtype]')
      .filter((_, el) => /(?:Article|BlogPosting|Report)\b/i.test($(el).attr('itemtype') ?? ''))
      .first();
    const scope = article.length > 0 ? article : $.root().children().filter((_, el) => el.type === 'tag');
    index = { scope, inScope: scope.find('[itemprop]').toArray(), inDocument: $('[itemprop]').toArray() };
    indexes.set(ctx, index);
  }
  return index;
}

function scope(ctx: MetaContext): Cheerio<Element> {
  return indexOf(ctx).scope;
}

/** Whether an element's itemprop names `name` (the `~=` rule: one of its white-space separated words). */
function hasProp(el: Element, name: string): boolean {
  return (el.attribs.itemprop ?? '').split(/[\t\n\f\r ]+/).includes(name);
}

function valueOf(ctx: MetaContext, el: Element, kind: ValueKind): string | null {
  const $el = ctx.$(el);
  const content = nonEmpty($el.attr('content'));
  if (content !== null) return content;
  const tag = el.tagName.toLowerCase();
  if (kind === 'date') return nonEmpty($el.attr('datetime')) ?? nonEmpty($el.text());
  if (kind === 'url') {
    if (tag === 'img' || tag === 'source' || tag === 'amp-img') return imageSource($el);
    const href = nonEmpty($el.attr('href')) ?? nonEmpty($el.attr('src'));
    if (href !== null) return href;
    const inner = $el.find('[itemprop~="url"], img').first();
    if (inner.length > 0) return inner.is('img') ? imageSource(inner) : nonEmpty(inner.attr('content') ?? inner.attr('href'));
    return null;
  }
  return nonEmpty($el.text());
}

/**
 * Elements with itemprop=name that belong to the article item itself — not to a related-story item nested
 * inside it. When the article item has none, the whole document is searched.
 */
function props(ctx: MetaContext, name: string): Element[] {
  const index = indexOf(ctx);
  const root = index.scope.filter('[itemscope]')[0];
  const own = index.inScope
    .filter((el) => hasProp(el, name))
    .filter((el) => root === undefined || ctx.$(el).parent().closest('[itemscope]')[0] === root);
  if (own.length > 0 || root === undefined) return own;
  // Outside the article item, but not inside some other article item (a teaser of another story).
  return index.inDocument
    .filter((el) => hasProp(el, name))
    .filter((el) => ctx.$(el).parent().closest('[itemscope][itemtype*="Article"], [itemscope][itemtype*="BlogPosting"]').length === 0);
}

function first(ctx: MetaContext, name: string, kind: ValueKind): string | null {
  for (const el of props(ctx, name)) {
    const value = valueOf(ctx, el, kind);
    if (value !== null) return value;
  }
  return null;
}

/** A Person/Organization item: its nested itemprop=name, else its own text. */
function itemName(ctx: MetaContext, el: Element): string | null {
  const $el = ctx.$(el);
  const name = $el.find('[itemprop~="name"]').first();
  if (name.length > 0) return valueOf(ctx, name[0] as Element, 'text');
  return valueOf(ctx, el, 'text');
}

/** schema.org microdata (itemprop attributes), read inside the Article itemscope when there is one. */
export const microdataSource: MetaSource = {
  name: 'microdata',
  rules: {
    title: (ctx) => first(ctx, 'headline', 'text'),
    authors: (ctx) =>
      [...props(ctx, 'author'), ...props(ctx, 'creator')].map((el) => itemName(ctx, el)).filter((n): n is string => n !== null),
    siteName: (ctx) => {
      const publisher = props(ctx, 'publisher')[0];
      return publisher ? itemName(ctx, publisher) : null;
    },
    publishedAt: (ctx) => first(ctx, 'datePublished', 'date') ?? first(ctx, 'dateCreated', 'date'),
    modifiedAt: (ctx) => first(ctx, 'dateModified', 'date'),
    lang: (ctx) => first(ctx, 'inLanguage', 'text'),
    description: (ctx) => first(ctx, 'description', 'text'),
    image: (ctx) => first(ctx, 'image', 'url') ?? first(ctx, 'thumbnailUrl', 'url'),
    section: (ctx) => first(ctx, 'articleSection', 'text'),
    tags: (ctx) => {
      const raw = first(ctx, 'keywords', 'text');
      return raw === null ? null : raw.split(',');
    },
    canonicalUrl: (ctx) => {
      const el = scope(ctx).filter('[itemscope]').first();
      return nonEmpty(el.attr('itemid')) ?? first(ctx, 'mainEntityOfPage', 'url');
    },
  },
};
