import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { blockText } from '../body/block-text.js';
import { topLevelBlocks } from '../body/blocks.js';
import { AGENCY_CREDIT_END, CAPTION_CREDIT_END, EMPTY_CREDIT_END, LABEL_ONLY, PAGE_NOTICES, PAYWALL, PHOTO_CREDIT, PROMO_PREFIX, SLASH_CREDIT } from './chrome-vocabulary.js';
import { collapseWhitespace } from '../../text/whitespace.js';
import { countTokens } from '../../text/words.js';

/**
 * Text of short blocks that are site chrome Readability keeps: disclosure notices, comment prompts, newsletter
 * and "we moved" pop-ups, share prompts, inline promos. Matched only on short blocks (see MAX_WORDS) so an article
 * paragraph that merely mentions "newsletter" is never removed.
 */
const CHROME_PATTERNS: RegExp[] = [
  // affiliate and disclosure notices
  /\bwe (may )?(receive|earn|get) (a )?(compensation|commission|commissions)\b/i,
  /\baffiliate (links?|partners?|commission)\b/i,
  /\bread our (full )?disclosure\b/i,
  /\b(this|the) (post|article|page|story) (may )?contains? (affiliate|sponsored) links?\b/i,
  /^skip to (main )?content$/i,
  // comment prompts
  /^join the (conversation|discussion)!?$/i,
  /\bplease share your thoughts\b/i,
  /\bwe value your opinions?\b/i,
  /^(leave|post|add) a (comment|reply)\b/i,
  /^comments? (are|is) closed\.?$/i,
  /^\d+\s+comments?$/i,
  /^(view|show|load|read) (all )?(\d+ )?comments?$/i,
  // newsletter, subscription and "we moved" pop-ups
  /\b(sign up|subscribe) (for|to) (our|the) (free )?(daily |weekly )?newsletters?\b/i,
  /\bget (the latest|our best) .{0,40}\bin your inbox\b/i,
  /^hey,? [\w.'-]+ here!?$/i,
  /\bwondering where we went\b/i,
  /\bbookmark (our|the) new (site|home|address)\b/i,
  /^see you (over )?there!?$/i,
  /\bwe('ve| have) moved\b/i,
  /^read this and bookmark\b/i,
  // share prompts
  /^thanks for sharing!?$/i,
  /^(click to )?share (this|on|via)\b/i,
  /^(share|tweet|email|print|pin)( this)?( (article|story|post))?:?$/i,
  /^(facebook|twitter|x|email|print|linkedin|reddit|whatsapp|pinterest|telegram|copy link|share)(\s*[|·•,]?\s*(facebook|twitter|x|email|print|linkedin|reddit|whatsapp|pinterest|telegram|copy link|share))+$/i,
  /\bget (the |our )?[\w' ]{0,30}\bin your inbox\b/i,
  /^sign up (here|now|today)\.?$/i,
  /\bforward this( email| newsletter)? to a friend\b/i,
  // donation and membership appeals
  /^(donate|give|support us|become a (member|supporter))( now| today)?[.!]?$/i,
  /\b(please )?make a (gift|donation)\b/i,
  /\bsupport (our|independent|local) (journalism|reporting|newsroom)\b/i,
  /^cet article vous est offert\b/i,
  // page furniture: reading time, counters, script warnings, print and reprint notes
  /^\d+\s*(min|mins|minute|minutes)\.?\s+(read|de lecture|lesezeit)/i,
  /^(temps de lecture|lesezeit|reading time)\s*:?/i,
  /^[\d.,]+\s*[KkM]?$/,
  /^(please )?(turn on|enable|activate) javascript\b/i,
  /^skip (the )?advertisement$/i,
  /^(advertisement|publicité|anzeige|publicidad|pubblicità|werbung)$/i,
  /^a version of this (article|story) appears in print\b/i,
  /^order reprints\b/i,
  /^this (entry|post) was posted\b/i,
  // interface text: navigation back, "load more", enlarge, show or hide, permalink, download, external content
  /^(zurück zur (übersicht|listenansicht|startseite|liste)|back to (the )?(overview|list|top|homepage)|retour à la liste|volver al listado)\s*[.!»›>]*$/i,
  /^(lade|mehr|weitere|load|show|view) (weitere |mehr |more )?(inhalte|artikel|beiträge|content|stories|posts|articles)( laden| anzeigen)?\s*(\.\.\.|…)?$/i,
  /^(zum vergrößern\b.{0,30}\b(klicken|tippen)|(click|tap) (here |on the image )?to enlarge|klicken sie (hier |auf das bild )?zum vergrößern)[.!]?$/i,
  /^(quellen|quelle|sources?|kommentare|comments) (ausblenden|einblenden|anzeigen|show|hide)$/i,
  /^(permalink|permalien|permalänk)\b/i,
  /^externer inhalt$/i,
  /\bals pdf herunterladen$|^download (as )?pdf$|^(pdf )?herunterladen$/i,
  // the page's own licence line: "Dieser Text wurde veröffentlicht unter der Lizenz CC BY-NC-ND", "Sofern nicht anders …"
  /^(dieser|diese|dieses|this|ce|cet|cette|este|esta|questo|questa|sofern nicht|unless otherwise|except where)\b.{0,100}\b(creative ?commons|cc[ -]by)/i,
  /^(réutiliser ce contenu|contribuer|partager|teilen|compartir)$/i,
  // inline promos
  /^(read more|related|see also|also read|recommended|more from [\w ]+|don't miss|must read|trending)\s*[:»›>|-]/i,
  /^(lire aussi|à lire aussi|voir aussi|lesen sie auch|mehr zum thema|lee también|leer más|leggi anche)\b/i,
  /^(related (posts|stories|articles|content)|you (may|might) also like|more stories|recommended for you|popular (posts|now)|trending now|advertisement|sponsored( content)?)$/i,
];

const MAX_WORDS = 45;

/** Headings that introduce a promo list ("Related Posts" + ul): both go. */
const PROMO_HEADING = /^(related( posts| stories| articles| content)?|you (may|might) also like|more (stories|from [\w ]+)|recommended( for you)?|trending( now)?|popular( posts)?|share this( article| story| post)?:?|most read)$/i;

export function isChromeText(text: string): boolean {
  const normalized = collapseWhitespace(text);
  if (normalized === '') return false;
  if (normalized.split(' ').length > MAX_WORDS) return false;
  return CHROME_PATTERNS.some((pattern) => pattern.test(normalized));
}

/** Datelines Readability leaves in: "First published on Fri 19 Jul 2024", "Updated March 3, 2024 at 5 p.m.". */
const DATELINE =
  /^(?:first |originally )?(?:published|posted|updated|last updated|last modified|modified|veröffentlicht|aktualisiert|zuletzt aktualisiert|erschienen|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|opublikowano|zaktualizowano|gepubliceerd|bijgewerkt|publisert|oppdatert|publicerad|uppdaterad)(?: on| at| am| le| el| il| op| den)?:?\s.*\b\d{1,4}\b/iu;
/** "By", "Von", "VON", "Par" … and a capitalised name (the label in any case; the name must start with a capital). */
const BYLINE_LABEL = /^(?:[Bb]y|BY|[Ww]ritten [Bb]y|[Ww]ords [Bb]y|[Pp]ar|PAR|[Vv]on|VON|[Pp]or|POR|[Dd]oor|[Pp]rzez)\s+\p{Lu}/u;
/** How many blocks at the top of the body are searched for a left-over byline or dateline. */
const BYLINE_ZONE = 4;
const BYLINE_MAX_WORDS = 14;

/**
 * A left-over byline or dateline near the top of the body: "By A and B", "Rhiannon Pryce Health
 * correspondent" (an author's name plus a short role), "First published on …". The metadata has them.
 */
export function isBylineText(text: string, authors: string[]): boolean {
  const normalized = collapseWhitespace(text);
  if (normalized === '' || normalized.split(' ').length > BYLINE_MAX_WORDS) return false;
  if (DATELINE.test(normalized) || BYLINE_LABEL.test(normalized)) return true;
  const lower = normalized.toLowerCase();
  return authors.some((author) => author.trim() !== '' && lower.startsWith(author.trim().toLowerCase()));
}

const DATE_TOKENS = /(?<![a-z\d])(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|\d{1,4}(?:[.:]\d{2})?(?:st|nd|rd|th)?|[ap]\.?m\.?|utc|gmt|[a-z]{0,3}[sd]?t|on)(?![a-z\d])|[,./–-]/gi;

/** A line that is nothing but a date and time: "Fri 19 Jul 2024 12.42 BST", "March 3, 2024, 5:10 p.m. ET". */
export function isDateOnly(text: string): boolean {
  const line = collapseWhitespace(text);
  return /\d/.test(line) && line.split(' ').length <= 10 && line.replace(DATE_TOKENS, '').trim() === '';
}

export interface CleanChromeOptions {
  /** The article's authors (from the metadata), to recognise a left-over byline. */
  authors?: string[];
}

/** Promo lines ("Lire aussi : …") and paywall notes are at most this long; photo credits at most CREDIT_WORDS. */
const PROMO_WORDS = 30;
const PAYWALL_WORDS = 60;
const CREDIT_WORDS = 12;
/** A caption left as a paragraph, ending with its photo credit, is at most this long. */
const CAPTION_WORDS = 30;
/** A label ("Auch interessant", "Über den Autor") is a whole block of at most this many words. */
const LABEL_WORDS = 10;
/** Blocks whose link text is at least this share of their text are link lists (teasers, "more" links). */
const LINK_DENSE = 0.5;

/**
 * The text and link density of each top-level block, read once per cleanChrome call: the rules below ask for them
 * many times, and blocks are only ever removed whole while the clean-up runs.
 */
let blockTexts = new WeakMap<Element, string>();
let blockDensities = new WeakMap<Element, number>();

function textOf($: CheerioAPI, block: Element): string {
  let text = blockTexts.get(block);
  if (text === undefined) blockTexts.set(block, (text = $(block).text()));
  return text;
}

/** The share of a block's text that is link text. */
function linkDensity($: CheerioAPI, block: Element): number {
  let density = blockDensities.get(block);
  if (density === undefined) blockDensities.set(block, (density = measureLinkDensity($, block)));
  return density;
}

function measureLinkDensity($: CheerioAPI, block: Element): number {
  const text = textOf($, block).replace(/\s+/g, '');
  if (text === '') return 0;
  let linked = 0;
  $(block).find('a').each((_, link) => {
    linked += $(link).text().replace(/\s+/g, '').length;
  });
  return Math.min(1, linked / text.length);
}

/**
 * Short blocks that are chrome in any of the languages of chrome-vocabulary.ts: a promo line that starts with
 * a "read also" label, a photo credit standing alone, a paywall or log-in note, a comment counter, a notice every
 * article of the site carries (app or newsletter promo, rights line, disclaimer, consent placeholder, shop notice).
 */
export function isVocabularyChrome(text: string): boolean {
  const normalized = collapseWhitespace(text);
  if (normalized === '') return false;
  const words = countTokens(normalized);
  if (words <= PROMO_WORDS && PROMO_PREFIX.test(normalized)) return true;
  if (words <= CREDIT_WORDS && (PHOTO_CREDIT.test(normalized) || SLASH_CREDIT.test(normalized))) return true;
  if (words <= CAPTION_WORDS && CAPTION_CREDIT_END.some((pattern) => pattern.test(normalized))) return true;
  return words <= PAYWALL_WORDS && (PAYWALL.some((pattern) => pattern.test(normalized)) || PAGE_NOTICES.some((pattern) => pattern.test(normalized)));
}

/** A figure caption is a photo credit (or ends with one) when it is at most this long. */
const FIGCAPTION_WORDS = 60;

/**
 * A figure's caption that is a photo credit or ends with one ("praca / ShutterStock", ". Imagen: Télam", "… ©
 * Pferderevue", "(Quelle: Fleischmann/Unsplash/DJV)"): the credit line of a picture, not the article's text.
 */
export function isCreditCaption(text: string): boolean {
  const normalized = collapseWhitespace(text);
  if (normalized === '' || countTokens(normalized) > FIGCAPTION_WORDS) return false;
  if (PHOTO_CREDIT.test(normalized) || SLASH_CREDIT.test(normalized)) return true;
  return [...CAPTION_CREDIT_END, AGENCY_CREDIT_END, EMPTY_CREDIT_END].some((pattern) => pattern.test(normalized));
}

/** A block that is only a label of a promo or end-of-article section ("Auch interessant", "Zum Weiterlesen"). */
export function isSectionLabel(text: string): boolean {
  const normalized = collapseWhitespace(text);
  return normalized !== '' && countTokens(normalized) <= LABEL_WORDS && LABEL_ONLY.test(normalized);
}

/** Removes chrome blocks from a flattened body. Embeds and quoted excerpts are never touched. */
export function cleanChrome($: CheerioAPI, options: CleanChromeOptions = {}): number {
  blockTexts = new WeakMap();
  blockDensities = new WeakMap();
  let removed = 0;
  const blocks = topLevelBlocks($);
  // A date alone in <time> near the top is the article's date; a live blog's entries each have one and keep it.
  const timeBlocks = blocks.filter((block) => isTimeOnly($, block));
  const soleTimeBlock = timeBlocks.length === 1 ? timeBlocks[0] : undefined;
  const teasers = new Set(blocks.filter((block) => isReadMoreTeaser($, block, textOf($, block))));
  const teaserList = teasers.size >= 2;
  // A teaser follows the article's text: a body that is one excerpt ending "Continue reading" keeps it.
  const firstProse = blocks.findIndex((block) => countTokens(textOf($, block)) >= PROSE_WORDS);
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    const node = $(block);
    if ((node.is('blockquote') && isPromoQuote($, block)) || (node.is('ul, ol') && isLabelledLinkList($, block))) {
      node.remove();
      removed += 1;
      continue;
    }
    if (node.is('blockquote, figure, [data-chronicle-embed]')) continue;
    const text = textOf($, block);
    if (/^h[1-6]$/.test(block.name) && PROMO_HEADING.test(text.trim())) {
      const next = node.next();
      if (next.is('ul, ol')) {
        next.remove();
        removed += 1;
      }
      node.remove();
      removed += 1;
      continue;
    }
    if (isSectionLabel(text)) {
      // The label and the link list it introduces (teasers, "more" links) go; text after the links stays.
      node.remove();
      removed += 1;
      // A second label ("Top-15" over "meist-diskutiert") belongs to the same box.
      while (index + 1 < blocks.length && (isLinkBlock($, blocks[index + 1]!) || isSectionLabel(textOf($, blocks[index + 1]!)))) {
        $(blocks[++index]!).remove();
        removed += 1;
      }
      continue;
    }
    const nearTop = index < BYLINE_ZONE && !/^h[1-6]$/.test(block.name);
    const lines = nearTop ? blockText([block]).split(/\n+/) : [];
    const byline = nearTop && lines.every((line) => isDateOnly(line) || isBylineText(line, options.authors ?? []));
    const nearEnd = index >= blocks.length - TAIL_ZONE && !/^h[1-6]$/.test(block.name);
    const tailLine = nearEnd && DATELINE.test(collapseWhitespace(text));
    const dateAlone = nearTop && soleTimeBlock === block;
    if (teaserList && index > 0 && teasers.has(block) && countTokens(collapseWhitespace(text)) <= READ_MORE_ALONE_WORDS) {
      // "weiter lesen" alone closes the teaser just above it (in a list of them: one alone may end an excerpt).
      const above = blocks[index - 1]!;
      if (!$(above).is('blockquote, figure, [data-chronicle-embed]')) {
        $(above).remove();
        removed += 1;
      }
    }
    if (isChromeText(text) || byline || tailLine || dateAlone || isVocabularyChrome(text) || isPipeRow($, block, text) || (firstProse !== -1 && index > firstProse && teasers.has(block))) {
      node.remove();
      removed += 1;
    }
  }
  return removed + removeAuthorLabel($) + removeAuthorBox($) + removeTrailingLinks($) + removeTrailingLabels($);
}

/** Where the run of blocks that each pass `test` at the end of `blocks` starts (blocks.length for none; never below `floor`). */
function trailingRunStart<T>(blocks: readonly T[], test: (block: T) => boolean, floor = 0): number {
  let start = blocks.length;
  while (start > floor && test(blocks[start - 1]!)) start -= 1;
  return start;
}

/** A heading, or a short line ending in a colon, is at most this many words when it ends the body. */
const TRAILING_LABEL_WORDS = 10;
/** A paragraph of prose (the article's text the label would follow) has at least this many words. */
const PROSE_WORDS = 25;

/**
 * The body never ends with a heading or a label that introduces something ("Die Karte zum Abspeichern:", "Auch auf
 * example.de", "Weitere Informationen zum Thema:"): what it introduced was a map, a teaser box or links that are gone.
 */
function removeTrailingLabels($: CheerioAPI): number {
  const blocks = topLevelBlocks($);
  const end = trailingRunStart(blocks, (block) => isTrailingLabel($, block), 1);
  // Only after an article's text: a page of headings over pictures ("Test Case 1", "Test Case 2") keeps them.
  if (end === blocks.length || !blocks.slice(0, end).some((block) => countTokens(textOf($, block)) >= PROSE_WORDS)) return 0;
  for (const block of blocks.slice(end)) $(block).remove();
  return blocks.length - end;
}

function isTrailingLabel($: CheerioAPI, block: Element): boolean {
  if ($(block).is('blockquote, figure, [data-chronicle-embed], table, ul, ol') || $(block).find('img, iframe').length > 0) return false;
  const text = collapseWhitespace(textOf($, block));
  if (text === '' || countTokens(text) > TRAILING_LABEL_WORDS) return false;
  return /^h[1-6]$/.test(block.name) || /:$/.test(text);
}

/** A row of short items between bars is at most this many words in all, and each item at most ITEM_WORDS. */
const PIPE_ROW_WORDS = 40;
/** A "read more" link standing alone is at most this many words. */
const READ_MORE_ALONE_WORDS = 3;
const PIPE_ITEM_WORDS = 8;
const PIPE_ITEMS = 3;

/**
 * A row of short items between bars is page furniture, not a sentence: a meta line ("Freitag | 14. Juni 2019 |
 * VON Sina Giebel | 0 COMMENTS", "Aufrufe: 1120 | Hinzugefügt von: Posh"), a footer ("IMPRESSUM | DATENSCHUTZ"),
 * a file link ("…PDF | 38 KB | Datei ist nicht barrierefrei"). Never code (a directory tree drawn with bars).
 */
function isPipeRow($: CheerioAPI, block: Element, text: string): boolean {
  if (!text.includes('|') || $(block).is('pre, table') || $(block).find('pre, code').length > 0) return false;
  const normalized = collapseWhitespace(text);
  if (countTokens(normalized) > PIPE_ROW_WORDS) return false;
  const items = normalized.split('|').map((item) => item.trim()).filter((item) => item !== '');
  return items.length >= PIPE_ITEMS && items.every((item) => countTokens(item) <= PIPE_ITEM_WORDS);
}

/** "Weiterlesen", "Read more", "Lire la suite" … ending a block, as a link: the block is a teaser of another page. */
const READ_MORE_END = /(?:^|\s)(?:weiterlesen|weiter lesen|mehr lesen|read more|continue reading|lire la suite|leer más|seguir leyendo|continua a leggere|leggi tutto|czytaj dalej|lees verder|les mer|läs mer|læs mere)\s*[.…»›>→]*$/iu;

/**
 * A teaser: a block ending with a "read more" link to another page, or such a link standing alone (then the
 * teaser it closes is the block just above, which goes too: see cleanChrome).
 */
function isReadMoreTeaser($: CheerioAPI, block: Element, text: string): boolean {
  const normalized = collapseWhitespace(text);
  if (!READ_MORE_END.test(normalized)) return false;
  const link = $(block).find('a').last();
  return link.length > 0 && READ_MORE_END.test(` ${collapseWhitespace(link.text())}`);
}

/** How many blocks at the end of the body are searched for a dateline ("Aktualisiert am 17.01.2021"). */
const TAIL_ZONE = 3;

/** A block that is only a date in a <time datetime> element: the metadata has the date. */
function isTimeOnly($: CheerioAPI, block: Element): boolean {
  const time = $(block).find('time');
  if (time.length !== 1 || $(block).is('blockquote, figure, [data-chronicle-embed]')) return false;
  // A date ("2020-10-07T20:44"), not a duration ("PT15M": a recipe's cooking time).
  if (!/^\d{4}-\d{2}/.test(time.attr('datetime') ?? '')) return false;
  const squash = (value: string): string => value.replace(/\s+/g, '');
  const own = squash(textOf($, block));
  return own !== '' && own === squash(time.text());
}

/** An author label standing alone: "Von:", "Autoren:", "Autor:innen", "Author:", "Text:". */
const AUTHOR_LABEL = /^(?:von|by|autor(?:in|en|innen|:innen|\*innen)?|author(?:s)?|text|texto|par|auteurs?|autore|autori|door|przez|tekst)\s*:?$/iu;
const AUTHOR_NAME_WORDS = 6;

/** Near the end of the body, an author label and the name under it ("Von:" / "Götz Warnke"). */
function removeAuthorLabel($: CheerioAPI): number {
  const blocks = topLevelBlocks($);
  for (let index = Math.max(0, blocks.length - TAIL_ZONE - 1); index < blocks.length - 1; index++) {
    const label = collapseWhitespace(textOf($, blocks[index]!));
    if (!AUTHOR_LABEL.test(label)) continue;
    const name = collapseWhitespace(textOf($, blocks[index + 1]!));
    if (name === '' || countTokens(name) > AUTHOR_NAME_WORDS) continue;
    $(blocks[index]!).remove();
    $(blocks[index + 1]!).remove();
    return 2;
  }
  return 0;
}

/** "Über Kathrin", "About Jane Doe", "À propos de …": the label of an author box, a heading near the end. */
const ABOUT_NAME = /^(?:[Üü]ber|ÜBER|[Aa]bout|ABOUT|[ÀàAa] propos de|[Ss]obre|[Ss]u|[Oo]ver|[Oo])\s+(?:\p{Lu}[\p{L}.'-]*\s*){1,4}$/u;
/** A link to an author's page: the name over an author box. */
const AUTHOR_PAGE = /\/(?:author|authors|autor|autoren|autorin|auteur|auteurs|autore|autori|autores|redakteur|writer|writers|contributors?|profil|profile)\//i;
/** An author box is at most this many blocks from the end of the body, each at most this many words. */
const AUTHOR_BOX_BLOCKS = 4;
const AUTHOR_BOX_WORDS = 200;

/**
 * The author box that ends many blog posts: a heading "Über Kathrin" / "About Jane Doe", or a short block that
 * is only a link to the author's page, or an avatar, followed by a short bio (and an avatar before it). It goes from that
 * heading to the end of the body, when that is at most AUTHOR_BOX_BLOCKS short blocks.
 */
function removeAuthorBox($: CheerioAPI): number {
  const blocks = topLevelBlocks($);
  const from = Math.max(1, blocks.length - AUTHOR_BOX_BLOCKS);
  for (let index = from; index < blocks.length; index++) {
    if (!isAuthorBoxHead($, blocks[index]!)) continue;
    const box = blocks.slice(index);
    if (box.some((block) => $(block).is('blockquote, figure, [data-chronicle-embed], table') || countTokens(textOf($, block)) > AUTHOR_BOX_WORDS)) return 0;
    // An avatar standing alone just above the name goes with it.
    const above = blocks[index - 1]!;
    if (textOf($, above).trim() === '' && $(above).find('img').length > 0) box.unshift(above);
    for (const block of box) $(block).remove();
    return box.length;
  }
  return 0;
}

function isAuthorBoxHead($: CheerioAPI, block: Element): boolean {
  const node = $(block);
  const text = collapseWhitespace(textOf($, block));
  // An avatar standing alone ("…/avatar/…", Gravatar) opens the box.
  if (text === '' && node.find('img').length === 1 && /avatar/i.test(node.find('img').attr('src') ?? '')) return true;
  if (text === '' || countTokens(text) > 5) return false;
  if (/^h[2-6]$/.test(block.name) && ABOUT_NAME.test(text)) return true;
  const links = node.find('a[href]');
  return links.length === 1 && AUTHOR_PAGE.test(links.attr('href') ?? '') && linkDensity($, block) >= TEASER_LINK_SHARE;
}

/** Blocks at the end of the body that are only a link each (at most this many words) are teasers… */
const TEASER_WORDS = 30;
const TEASER_LINK_SHARE = 0.8;
/** …when at least this many of them end the body; a short heading or label just above them goes too. */
const TEASER_RUN = 2;
const TEASER_LABEL_WORDS = 8;

/**
 * The article's end: a run of blocks that are each only a link ("Mehr lesen:" and two headlines, a list of other
 * stories) is a list of other articles, not the article's last paragraphs.
 */
function removeTrailingLinks($: CheerioAPI): number {
  const blocks = topLevelBlocks($);
  let start = trailingRunStart(blocks, (block) => isTeaserBlock($, block));
  if (blocks.length - start < TEASER_RUN || start === 0) return 0;
  const above = blocks[start - 1]!;
  const label = collapseWhitespace(textOf($, above));
  if (start > 1 && countTokens(label) <= TEASER_LABEL_WORDS && (/^h[2-6]$/.test(above.name) || label.endsWith(':'))) start -= 1;
  for (const block of blocks.slice(start)) $(block).remove();
  return blocks.length - start;
}

/** A short block that is all link text, or a list whose items are (never an embed, a figure or a quote). */
function isTeaserBlock($: CheerioAPI, block: Element): boolean {
  if ($(block).is('blockquote, figure, [data-chronicle-embed], table') || $(block).find('img, iframe').length > 0) return false;
  const text = collapseWhitespace(textOf($, block));
  if (text === '') return false;
  if ($(block).is('ul, ol')) return linkDensity($, block) >= TEASER_LINK_SHARE;
  return countTokens(text) <= TEASER_WORDS && linkDensity($, block) >= TEASER_LINK_SHARE;
}

/** A list of links under a promo label of its own ("<ul><span>Artikel zum Thema</span><li><a>…"). */
function isLabelledLinkList($: CheerioAPI, block: Element): boolean {
  const label = $(block).contents().filter((_, child) => !(child.type === 'tag' && child.name === 'li')).text();
  return isSectionLabel(label) && linkDensity($, block) >= LINK_DENSE;
}

/** A blockquote that is a "read also" promo: a promo label and a link ("PUEDES VER: <a>…</a>"). */
function isPromoQuote($: CheerioAPI, block: Element): boolean {
  const text = collapseWhitespace(textOf($, block));
  return countTokens(text) <= PROMO_WORDS && PROMO_PREFIX.test(text) && linkDensity($, block) >= LINK_DENSE;
}

/** A block of links: most of its text is link text (never an embed or a quoted excerpt). */
function isLinkBlock($: CheerioAPI, block: Element): boolean {
  if ($(block).is('blockquote, figure, [data-chronicle-embed]')) return false;
  return linkDensity($, block) >= LINK_DENSE;
}
