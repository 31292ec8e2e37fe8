/**
 * Is an embed outside the article (footer, navigation, sidebar, widget, related links, comments)?
 * A container only counts as "outside" when it is named or tagged like one AND holds less than half of the
 * page's paragraph text — so a page-wide wrapper that happens to be called "content-with-sidebar" never hides
 * the article itself.
 */
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { classTokens, isElement } from '../dom.js';

const OUTSIDE_TAGS = new Set(['footer', 'nav', 'aside']);
const OUTSIDE_ROLES = new Set(['navigation', 'contentinfo', 'complementary', 'banner']);

/** Whole class/id tokens that name a container outside the article. */
const OUTSIDE_TOKEN =
  /^(widget|widgets|widget[-_]area|.+[-_]widget[-_]area|disqus_thread|nav|navbar|navigation|site[-_]nav|.+[-_]nav|nav[-_].+|menu|.+[-_]menu|most[-_]popular|popular[-_]posts|more[-_]stories|read[-_]more[-_].+)$/i;

/** Words that name an outside container wherever they stand as a segment of a token (BEM: c-related-list__video). */
const OUTSIDE_SEGMENT = /(^|[-_])(sidebar|side-bar|related|comments?|footer|recirc|recirculation|outbrain|taboola|trending|newsletter|promos?)([-_]|$)/i;

/** Ad slots and ad players (cnx-ad-slot, AdEngine-module__adPlayer, ad-container): what plays there is an ad. */
const AD_SEGMENT = /(^|[-_])ad(s|vert|verts|vertisement|slot|unit|container|player|engine|wrapper)?([-_]|$)/i;

/** Aside elements that are embed wrappers themselves, not sidebars. */
const EMBED_ASIDE = /embed|tweet|video|media|social/i;

function looksOutside(element: Element): boolean {
  const tag = element.name.toLowerCase();
  const tokens = [...classTokens(element), ...(element.attribs['id'] ?? '').split(/\s+/).filter((t) => t !== '')];
  if (tag === 'aside' && tokens.some((token) => EMBED_ASIDE.test(token))) return false;
  if (OUTSIDE_TAGS.has(tag)) return true;
  const role = (element.attribs['role'] ?? '').toLowerCase();
  if (OUTSIDE_ROLES.has(role)) return true;
  // A player the page itself places in the sidebar (data-position="sidebar": a "watch more" video module).
  const placement = element.attribs['data-position'] ?? element.attribs['data-placement'] ?? '';
  if (placement !== '' && OUTSIDE_SEGMENT.test(placement)) return true;
  return tokens.some((token) => OUTSIDE_TOKEN.test(token) || OUTSIDE_SEGMENT.test(token) || AD_SEGMENT.test(token));
}

/** Caches paragraph-text sizes per element for one document. */
export class PlacementJudge {
  private readonly $: CheerioAPI;
  private readonly textSize = new Map<Element, number>();
  private pageText: number | null = null;

  constructor($: CheerioAPI) {
    this.$ = $;
  }

  private paragraphText(element: Element): number {
    const cached = this.textSize.get(element);
    if (cached !== undefined) return cached;
    let size = 0;
    this.$(element)
      .find('p')
      .each((_, p) => {
        size += this.$(p).text().trim().length;
      });
    this.textSize.set(element, size);
    return size;
  }

  private totalText(): number {
    if (this.pageText === null) {
      const body = this.$('body').get(0);
      this.pageText = body !== undefined ? this.paragraphText(body) : 0;
    }
    return this.pageText;
  }

  /**
   * The container that puts `element` outside the article, or null when it is (or may be) inside. The element
   * itself counts: wrapper climbing may have reached a related-links box that held nothing but the embed.
   */
  outsideContainer(element: Element): Element | null {
    let current: Element['parent'] = element;
    while (isElement(current)) {
      const tag = current.name.toLowerCase();
      if (tag === 'body' || tag === 'html') return null;
      if (looksOutside(current)) {
        const total = this.totalText();
        if (total === 0 || this.paragraphText(current) * 2 < total) return current;
      }
      current = current.parent;
    }
    return null;
  }

  isOutsideArticle(element: Element): boolean {
    return this.outsideContainer(element) !== null;
  }
}
