import type { CheerioAPI } from 'cheerio';
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

/** Removes chrome blocks from a flattened body. Embeds and quoted excerpts are never touched. */
export function cleanChrome($: CheerioAPI): number {
  let removed = 0;
  for (const block of topLevelBlocks($)) {
    const node = $(block);
    if (node.is('blockquote, figure.chronicle-embed, [data-chronicle-embed]')) continue;
    const text = node.text();
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
    if (isChromeText(text)) {
      node.remove();
      removed += 1;
    }
  }
  return removed;
}
