import type { CheerioAPI } from 'cheerio';
import { blockText } from '../body/block-text.js';
import { topLevelBlocks } from '../body/blocks.js';

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
  const normalized = text.replace(/\s+/g, ' ').trim();
  if (normalized === '') return false;
  if (normalized.split(' ').length > MAX_WORDS) return false;
  return CHROME_PATTERNS.some((pattern) => pattern.test(normalized));
}

/** Datelines Readability leaves in: "First published on Fri 19 Jul 2024", "Updated March 3, 2024 at 5 p.m.". */
const DATELINE = /^(first |originally )?(published|posted|updated|last updated|last modified|modified)( on| at)?:?\s.*\b\d{1,4}\b/i;
const BYLINE_LABEL = /^(by|written by|words by|par|von|por)\s+\p{Lu}/u;
/** How many blocks at the top of the body are searched for a left-over byline or dateline. */
const BYLINE_ZONE = 4;
const BYLINE_MAX_WORDS = 14;

/**
 * A left-over byline or dateline near the top of the body: "By A and B", "Rhiannon Pryce Health
 * correspondent" (an author's name plus a short role), "First published on …". The metadata has them.
 */
export function isBylineText(text: string, authors: string[]): boolean {
  const normalized = text.replace(/\s+/g, ' ').trim();
  if (normalized === '' || normalized.split(' ').length > BYLINE_MAX_WORDS) return false;
  if (DATELINE.test(normalized) || BYLINE_LABEL.test(normalized)) return true;
  const lower = normalized.toLowerCase();
  return authors.some((author) => author.trim() !== '' && lower.startsWith(author.trim().toLowerCase()));
}

const DATE_TOKENS = /(?<![a-z\d])(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|\d{1,4}(?:[.:]\d{2})?(?:st|nd|rd|th)?|[ap]\.?m\.?|utc|gmt|[a-z]{0,3}[sd]?t|on)(?![a-z\d])|[,./–-]/gi;

/** A line that is nothing but a date and time: "Fri 19 Jul 2024 12.42 BST", "March 3, 2024, 5:10 p.m. ET". */
export function isDateOnly(text: string): boolean {
  const line = text.replace(/\s+/g, ' ').trim();
  return /\d/.test(line) && line.split(' ').length <= 10 && line.replace(DATE_TOKENS, '').trim() === '';
}

export interface CleanChromeOptions {
  /** The article's authors (from the metadata), to recognise a left-over byline. */
  authors?: string[];
}

/** Removes chrome blocks from a flattened body. Embeds and quoted excerpts are never touched. */
export function cleanChrome($: CheerioAPI, options: CleanChromeOptions = {}): number {
  let removed = 0;
  topLevelBlocks($).forEach((block, index) => {
    const node = $(block);
    if (node.is('blockquote, figure, [data-chronicle-embed]')) return;
    const text = node.text();
    if (/^h[1-6]$/.test(block.name) && PROMO_HEADING.test(text.trim())) {
      const next = node.next();
      if (next.is('ul, ol')) {
        next.remove();
        removed += 1;
      }
      node.remove();
      removed += 1;
      return;
    }
    const nearTop = index < BYLINE_ZONE && !/^h[1-6]$/.test(block.name);
    const lines = nearTop ? blockText([block]).split(/\n+/) : [];
    const byline = nearTop && lines.every((line) => isDateOnly(line) || isBylineText(line, options.authors ?? []));
    if (isChromeText(text) || byline) {
      node.remove();
      removed += 1;
    }
  });
  return removed;
}
