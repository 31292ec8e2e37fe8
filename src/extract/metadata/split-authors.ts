import { collapseWhitespaceNfc } from '../../text/whitespace.js';
import { looseKey, stripMarkup, uniqueCaseless } from './text.js';

export interface AuthorContext {
  siteName: string | null;
  pageUrl: string;
}

const BY_PREFIX = /^(?:(?:written|words|story|text|reporting|posted|published|photos?|compiled|edited)\s+)?(?:by|par|von|por|door)\s*:?\s+|^authors?\s*:\s*/i;
const SUFFIXES = /^(?:jr|sr|ii|iii|iv|phd|ph\.d|md|esq|ma|ms|mph|rn|mba|dphil|msc|bsc)\.?$/i;
/** "Ben Silverman Games Editor": a capitalized role at the end of a longer name. */
const TRAILING_ROLE = /\s+(?:\p{Lu}\p{Ll}+\s+)?(?:Editor|Reporter|Writer|Correspondent|Columnist|Contributor|Producer|Photographer|Analyst)$/u;
/** Role words that follow a name in bylines ("Jane Doe, Staff Writer") and are not names themselves. */
const ROLE =
  /^(?:(?:senior|chief|deputy|associate|managing|contributing|special|staff|political|foreign|national|white house|investigative|data|guest|freelance|executive|news|sports|business|tech(?:nology)?|science|health|features?)\s+)*(?:staff|writer|reporter|correspondent|editor|contributor|columnist|journalist|producer|photographer|analyst|author|critic|desk|team|staff writer|staff reporter|editors)s?$/i;
const DATE_TAIL =
  /\s*(?:[|•·]|\b(?:updated|published|posted|on)\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b).*$/i;

/** Author-archive link texts around a name: "Zeige alle Beiträge von Jo Reyes", "View all posts by Jo Reyes". */
const ARCHIVE_LINK_PREFIX =
  /^(?:(?:zeige\s+)?alle\s+(?:beiträge|artikel)\s+von|(?:view|see|show|read)\s+(?:all\s+)?(?:posts|articles|stories)\s+(?:by|from)|(?:all|more)\s+(?:posts|articles|stories)\s+(?:by|from)|posts\s+by|articles\s+by|more\s+from|(?:voir\s+)?tous\s+les\s+articles\s+(?:de|d’|d')|(?:ver\s+)?todas\s+las\s+entradas\s+de|(?:ver\s+)?todos\s+los\s+artículos\s+de|mostra\s+tutti\s+gli\s+articoli\s+di|alle\s+berichten\s+van)\s*/i;
/** "Jo Reyes For The Mail", "For MailOnline": the outlet a name writes for, not a name. */
const FOR_OUTLET = /(?:^|\s+)[Ff]or\s+(?:[Tt]he\s+)?\p{Lu}.*$/u;
/** Relative dates of bylines ("2 hours ago", "yesterday"). */
const RELATIVE_DATE = /\b(?:ago|yesterday|today|tonight|just now|gestern|heute|vor\s+\d|hier|aujourd'hui|ayer|hoy)\b/i;

function looksLikeUrl(text: string): boolean {
  return /^(?:https?:)?\/\//i.test(text) || /^www\./i.test(text) || /\.(?:com|org|net|co\.uk|io)(?:\/|$)/i.test(text);
}

function titleCaseIfShouting(name: string): string {
  if (!/[a-z]/.test(name) && /[A-Z]{3}/.test(name)) {
    return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
  }
  return name;
}

/** "Haki Benita" (a personal blog named after its author) is a person; "CNN", "The Verge", "BBC News" are not. */
function looksLikePerson(name: string): boolean {
  const words = name.split(/\s+/);
  return (
    words.length >= 2 &&
    words.length <= 4 &&
    words.every((word) => /^\p{Lu}[\p{Ll}'’.-]+$/u.test(word) || /^\p{Lu}\.$/u.test(word)) &&
    !/^(?:The|A|An)$/.test(words[0] ?? '') &&
    !/\b(?:News|Times|Post|Magazine|Media|Daily|Journal|Press|Network|Group|Blog|Review|Weekly|Online|Today|Tribune|Herald|Gazette|Telegraph|Guardian|Report|Wire|Radio|Channel|Staff|Desk)\b/.test(name)
  );
}

function isSiteName(part: string, ctx: AuthorContext): boolean {
  if (looksLikePerson(part)) return false;
  const key = looseKey(part);
  if (key === '') return true;
  if (ctx.siteName !== null && looseKey(ctx.siteName) === key) return true;
  try {
    const host = new URL(ctx.pageUrl).hostname.replace(/^www\./, '');
    const hostKey = looseKey(host);
    const base = looseKey(host.split('.').slice(-2, -1)[0] ?? '');
    return key === hostKey || (base.length > 3 && key === base);
  } catch {
    return false;
  }
}

function cleanPart(raw: string): string {
  return raw
    .replace(BY_PREFIX, '')
    .replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, '')
    .replace(/\s*\((?:[^)]*)\)\s*$/, '')
    .trim();
}

/**
 * Turns raw author strings into a clean list of names: "By " stripped, "A and B" / "A, B & C" split,
 * URLs, handles-only, role words and the site's own name dropped, duplicates removed.
 */
export function splitAuthors(raws: readonly string[], ctx: AuthorContext): string[] {
  const names: string[] = [];
  for (const raw of raws) {
    let text = stripMarkup(collapseWhitespaceNfc(raw)).replace(ARCHIVE_LINK_PREFIX, '');
    if (text === '' || /^(?:https?:)?\/\//i.test(text)) continue;
    text = text.replace(BY_PREFIX, '');
    // "Jane Doe | March 3, 2020" / "Jane Doe Updated 5 min ago": keep what stands before the date part.
    text = text.replace(DATE_TAIL, '').trim();
    const parts = text.split(/\s*(?:,|;|\s&\s|&amp;|\band\b|\s\+\s|\sund\s|\set\s|\sy\s)\s*/i);
    const kept: string[] = [];
    for (const rawPart of parts) {
      // A handle beside a name ("Jo Reyes @joreyes") and the outlet it writes for go; a part of only those is none.
      const part = cleanPart(rawPart.replace(/(?:^|\s+)@[\w.]+/g, '').replace(FOR_OUTLET, ''));
      if (part === '' || /^(?:by|par|von|por|door|and|with|from)$/i.test(part)) continue;
      if (SUFFIXES.test(part) && kept.length > 0) {
        // Generational suffixes stay with the name; degrees and credentials are dropped.
        if (/^(?:jr|sr|ii|iii|iv)\.?$/i.test(part)) kept[kept.length - 1] = `${kept[kept.length - 1]}, ${part}`;
        continue;
      }
      const withoutRole = part.replace(TRAILING_ROLE, '');
      if (withoutRole !== part && withoutRole.split(/\s+/).length >= 2) {
        kept.push(titleCaseIfShouting(withoutRole));
        continue;
      }
      if (/^@[\w.]+$/.test(part) || looksLikeUrl(part) || ROLE.test(part)) continue;
      if (/[a-z]/i.test(part) && !/\p{Lu}/u.test(part)) continue; // latin text with no capital: not a name
      // Digits are never in a name: what has them is a date or time ("March 3", "12:30 PM", "03.03.2021").
      if (part.length > 60 || part.split(' ').length > 6 || /\d/.test(part) || RELATIVE_DATE.test(part)) continue;
      if (isSiteName(part, ctx)) continue;
      kept.push(titleCaseIfShouting(part));
    }
    names.push(...kept);
  }
  const byKey = new Map<string, string>();
  for (const name of uniqueCaseless(names)) {
    const key = looseKey(name);
    if (!byKey.has(key)) byKey.set(key, name);
  }
  return [...byKey.values()];
}
