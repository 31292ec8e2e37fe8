import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { collapseWhitespace } from '../../text/whitespace.js';

/**
 * The lead paragraph (standfirst, dek, "Vorspann", "chapô", "entradilla") that sits in the article's header,
 * between the title and the text: Readability keeps the container of the text and leaves it out. A careful
 * reader reads it as the article's first paragraph.
 */

/** Class and id words that name a lead paragraph, in the languages of the pages Chronicle reads. */
const LEAD_NAME =
  /(?:^|[\s_-])(?:lead|leadin|lede|intro|introduction|standfirst|abstract|dek|deck|subtitle|sub-title|chapo|chapeau|entradilla|bajada|copete|sumario|sommario|vorspann|anriss|einleitung|header-text|teaser-text)(?:$|[\s_-])/i;
/** A lead is one paragraph: at least this many characters (white space not counted), at most LEAD_MAX_CHARS. */
const LEAD_MIN_CHARS = 50;
const LEAD_MAX_CHARS = 1500;
/** At most this share of its text is link text. */
const LEAD_LINK_SHARE = 0.3;
/** It ends at most this many characters (white space not counted) before the body's first paragraph. */
const LEAD_GAP = 1500;
/** The body's first paragraph, to find where the body starts in the page, has at least this many characters. */
const FIRST_PARAGRAPH_CHARS = 40;

const squash = (text: string): string => text.replace(/\s+/g, '');

/**
 * The text of the page's lead paragraph, when the body lacks it: an element named as a lead that comes after
 * the title (the first <h1>) and shortly before the body's first paragraph, in the page `$` (as pruned).
 */
export function findLeadParagraph($: CheerioAPI, bodyBlocks: string[]): string | null {
  const first = bodyBlocks.map(squash).find((block) => block.length >= FIRST_PARAGRAPH_CHARS);
  if (first === undefined) return null;
  const root = $('body').length > 0 ? $('body') : $('html');
  if (root.length === 0) return null;
  const page = squash(root.text());
  const start = page.indexOf(first.slice(0, 200));
  if (start < 0) return null;
  const title = squash($('h1').first().text());
  const afterTitle = title === '' ? 0 : page.indexOf(title);
  if (afterTitle < 0 || afterTitle > start) return null;
  const body = bodyBlocks.map(squash).join('');
  let lead: string | null = null;
  root.find('[class], [id]').each((_, element) => {
    if (!LEAD_NAME.test(`${element.attribs.class ?? ''} ${element.attribs.id ?? ''}`) || !isOneParagraph($, element)) return true;
    const text = $(element).text();
    const squashed = squash(text);
    if (squashed.length < LEAD_MIN_CHARS || squashed.length > LEAD_MAX_CHARS || body.includes(squashed)) return true;
    const at = page.indexOf(squashed, afterTitle);
    if (at < 0 || at + squashed.length > start || start - (at + squashed.length) > LEAD_GAP) return true;
    if (linkShare($, element, squashed.length) > LEAD_LINK_SHARE) return true;
    lead = collapseWhitespace(text);
    return false;
  });
  return lead;
}

/** No headings, no more than one paragraph, no list, no media: one paragraph of text. */
function isOneParagraph($: CheerioAPI, element: Element): boolean {
  if (/^(?:h[1-6]|ul|ol|table|figure|img|a|button|form|nav|aside|footer)$/.test(element.name)) return false;
  const inside = $(element);
  return inside.find('h1, h2, h3, h4, h5, h6, ul, ol, table, figure, img, form, nav').length === 0 && inside.find('p').length <= 1;
}

function linkShare($: CheerioAPI, element: Element, chars: number): number {
  let linked = 0;
  $(element).find('a').each((_, link) => {
    linked += squash($(link).text()).length;
  });
  return linked / chars;
}
