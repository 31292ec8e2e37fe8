/**
 * Reads the outlet name out of the sentence that introduces an excerpt:
 *   "NBC News has more details:"          → NBC News
 *   "Reuters via Yahoo News also said:"   → Reuters, via Yahoo News
 *   "According to The Guardian:"          → The Guardian
 *   "The Times reports:" / "CNN reported that" / "Here's what Axios wrote:"
 */

export interface LeadInSource {
  source: string;
  via: string | null;
}

const NAME_WORD = String.raw`(?:[\p{Lu}\p{N}][\p{L}\p{N}.&'’\-]*|of|the|and|for|de|del|la|le|du|di|da|on|at|in|&|via|van|von|al|el|y)`;
const NAME = String.raw`(?:[Tt]he\s+)?[\p{Lu}\p{N}][\p{L}\p{N}.&'’\-]*(?:\s+${NAME_WORD}){0,7}`;
const ADVERBS = String.raw`(?:(?:also|further|then|later|first|now|just|previously|earlier|separately|additionally|similarly|originally|initially|recently|has|had|have|was|were|is)\s+)*`;
const VERBS = String.raw`(?:reports?|reported|told|tells|reporting|said|says|wrote|writes|noted|notes|added|adds|explains?|explained|detailed|details|described|describes|published|publishes|continued|continues|stated|states|confirmed|confirms|tweeted|elaborated|shared|shares|points?\s+out|pointed\s+out|quoted|quotes|observed|observes|summarized|summarizes|covered|covers|broke|obtained|learned|first\s+reported|put\s+it|puts\s+it|puts\s+it\s+this\s+way|writes\s+that|reported\s+that|had\s+this\s+to\s+say|has\s+this\s+to\s+say)`;
const HAS_MORE = String.raw`(?:has|had|have|offers|offered|provides|provided|gives|gave)\s+(?:(?:more|further|additional|the\s+full|the\s+latest|some|all\s+the|a\s+few|this|the)\s+)+(?:details?|information|info|story|coverage|context|background|report|reporting|on\s+(?:this|that|the\s+story)|of\s+the\s+story)`;
/** Openers stripped (case-insensitively) before the outlet name is looked for. */
const PREFIX =
  /^(?:(?:and|but|meanwhile|so|now|also|here'?s\s+(?:what|how)|here\s+is\s+(?:what|how)|this\s+is\s+(?:what|how)|in\s+(?:an?|the|its)\s+(?:article|report|piece|story|statement)[^,]*,)\s*,?\s+)+/i;
const POSSESSIVE_WORK = String.raw`(?:'s|’s|'|’)\s+(?:(?:latest|full|own|original|earlier|new)\s+)?(?:report|article|story|piece|coverage|reporting|account|write-?up|dispatch)`;

/** "The Post and Courier newspaper reported": a word naming the kind of outlet after its name. */
const OUTLET_NOUN = String.raw`\s+(?:newspaper|magazine|website|site|outlet|paper|daily|weekly|tabloid|wire\s+service|news\s+agency|agency|network|channel|broadcaster|blog|podcast)`;

const PATTERNS: RegExp[] = [
  new RegExp(
    String.raw`^(?:according\s+to|as\s+(?:first\s+)?reported\s+(?:by|in)|as\s+(?:noted|explained|described)\s+by|per|from|via|courtesy\s+of|(?:in\s+)?(?:a|an|the)\s+(?:report|article|story|piece)\s+(?:by|from|in))\s+(${NAME})(?:${POSSESSIVE_WORK})?(?:\s+${VERBS})?\s*[,:]?\s*$`,
    'u',
  ),
  new RegExp(String.raw`^(${NAME})(?:${POSSESSIVE_WORK}|${OUTLET_NOUN})?\s+${ADVERBS}(?:${HAS_MORE}|${VERBS})\b.*$`, 'u'),
  // "A study from The American Enterprise Institute examined this:" / "A Times reporter … described them …:"
  new RegExp(String.raw`^(?:[Aa]n?|[Tt]he|[Oo]ne)\s+(?:new\s+|recent\s+|\d{4}\s+)?(?:study|report|analysis|survey|paper|memo|poll|review|statement|article|story|piece|editorial|op-ed)\s+(?:from|by|of|in|published\s+by)\s+(${NAME})\b.*$`, 'u'),
  new RegExp(String.raw`^(?:[Aa]n?|[Oo]ne)\s+(${NAME})\s+(?:reporter|correspondent|columnist|editor|writer|journalist|critic|reviewer)\b.*$`, 'u'),
  // "By 1963, as the New York Times explains:" / "…, as summarized by CNN, …"
  new RegExp(String.raw`(?:^|,\s*)as\s+(${NAME})\s+${VERBS}\b.*$`, 'u'),
  new RegExp(String.raw`(?:^|,\s*)as\s+(?:summarized|summarised|reported|noted|described|explained|quoted|first\s+reported)\s+(?:by|in)\s+(${NAME})\b.*$`, 'u'),
];

/** Words that start a sentence but are no outlet. */
const NOT_A_NAME = /^(?:he|she|they|it|we|i|you|this|that|these|those|here|there|the\s+(?:following|report|article|story|statement|group|agency|official|officials)|one|some|many|others?)$/i;
const CAPITAL_START = /^(?:[Tt]he\s+)?[\p{Lu}\p{N}]/u;

const TIME_TAIL =
  /\s+(?:on|in|at|earlier|late|this|last)\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|October|November|December|\d{4})\b.*$/;

function tidy(name: string): string {
  return name
    .replace(/^the\s+/, '')
    .replace(TIME_TAIL, '')
    .replace(/(?:'s|’s|'|’)$/, '')
    .replace(/[\s,:;]+$/, '')
    .trim();
}

/** The outlet named by a lead-in sentence, or null when the sentence names none. */
export function parseLeadIn(sentence: string): LeadInSource | null {
  const text = sentence
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .replace(/[\s:…,.-]+$/, '');
  const unprefixed = text.replace(PREFIX, '');
  const candidates = unprefixed === text ? [text] : [unprefixed, text];
  for (const candidate of candidates) {
    const found = matchLeadIn(candidate);
    if (found !== null) return found;
  }
  return null;
}

function matchLeadIn(text: string): LeadInSource | null {
  if (text === '' || text.length > 200) return null;
  // The opener of the first pattern ("According to") is matched in lower case; names keep their case.
  const lowered = text.charAt(0).toLowerCase() + text.slice(1);
  for (const pattern of PATTERNS) {
    const match = pattern.exec(pattern === PATTERNS[0] ? lowered : text);
    const raw = match?.[1];
    if (raw === undefined) continue;
    // The case-insensitive pattern lets lower-case words in; an outlet name starts with a capital.
    if (!CAPITAL_START.test(raw) || NOT_A_NAME.test(raw.trim())) continue;
    const [source = '', via = null] = raw.split(/\s+via\s+/i);
    const cleanSource = tidy(source);
    if (cleanSource === '' || NOT_A_NAME.test(cleanSource)) continue;
    return { source: cleanSource, via: via === null ? null : tidy(via) };
  }
  return null;
}

/** True for a sentence that introduces what follows: ends with a colon, or "… reported that". */
export function looksLikeLeadIn(sentence: string): boolean {
  return /[:：]\s*$/.test(sentence) || /\b(?:that|this|the\s+following|as\s+follows)[.]?\s*$/i.test(sentence) || parseLeadIn(sentence) !== null;
}

/** The last sentence of a paragraph's text. */
export function lastSentence(text: string): string {
  const parts = text.split(/(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[\p{Lu}\p{N}])/u);
  return (parts[parts.length - 1] ?? text).trim();
}
