/**
 * Speakers of direct quotes: cue verbs, speaker phrases, titles stripped from names, pronouns recognised.
 */

export const CUE_VERBS = [
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'asked', 'asks', 'explained', 'explains', 'noted', 'notes',
  'wrote', 'writes', 'stated', 'states', 'declared', 'declares', 'announced', 'announces', 'continued', 'continues',
  'recalled', 'recalls', 'insisted', 'insists', 'argued', 'argues', 'claimed', 'claims', 'warned', 'warns',
  'promised', 'promises', 'replied', 'replies', 'responded', 'responds', 'remarked', 'acknowledged', 'acknowledges',
  'admitted', 'admits', 'conceded', 'concedes', 'observed', 'observes', 'tweeted', 'tweets', 'posted', 'emailed',
  'texted', 'quipped', 'joked', 'jokes', 'shouted', 'yelled', 'whispered', 'cautioned', 'cautions', 'suggested',
  'suggests', 'predicted', 'predicts', 'vowed', 'vows', 'pledged', 'urged', 'urges', 'reiterated', 'emphasized',
  'emphasised', 'stressed', 'stresses', 'concluded', 'confirmed', 'confirms', 'countered', 'counters', 'boasted',
  'lamented', 'complained', 'answered', 'commented', 'recounted', 'testified', 'mused', 'wondered', 'wonders',
  'exclaimed', 'agreed', 'agrees', 'disagreed', 'maintained', 'maintains', 'contended', 'contends', 'assured',
  'cried', 'sighed', 'laughed', 'pleaded', 'begged', 'demanded', 'demands', 'charged', 'alleged', 'alleges',
  'reported', 'reports', 'estimated', 'thundered', 'snapped', 'offered', 'advised', 'added', 'went on',
  // A few cue verbs of French, Spanish, Italian and Czech. Not German: its nouns are capitalized ("sagte ein
  // Sprecher"), so a capitalized word after the verb is no name there.
  'déclare', 'explique', 'ajoute',
  'affirme', 'estime', 'dijo', 'asegura', 'ha detto', 'spiega', 'píše', 'uvedl', 'uvedla', 'dodal', 'dodala', 'napsal',
  'napsala', 'prohlásil', 'prohlásila', 'upozornil', 'upozornila',
  // Participles: the speaker is the subject of the clause they hang on ("Emery retweeted it, saying, …").
  // A text quoted: "The tweet from Vulture magazine reads, “…”" (only right before the quote, see direct-quotes.ts).
  'reads', 'read',
  'saying', 'adding', 'asking', 'writing', 'noting', 'explaining', 'insisting', 'arguing', 'warning', 'claiming',
  'asserted', 'asserts', 'assert', 'answer', 'answers', 'reply', 'explain', 'add', 'tell', 'write', 'recall', 'insist', 'issued a statement', 'said in a statement', 'simpered', 'fumed', 'chimed in',
] as const;

const CUE_SET = new Set<string>(CUE_VERBS);
export const CUE_PATTERN = [...CUE_SET].sort((a, b) => b.length - a.length).map((v) => v.replace(/ /g, '\\s+')).join('|');

export function isCue(word: string): boolean {
  return CUE_SET.has(word.toLowerCase());
}

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'i', 'we', 'you']);
/** Pronouns a named person may stand behind (any gender; "they" / "it" are too often groups or bodies). */
const PERSON_PRONOUNS = new Set(['he', 'she']);

/** Capitalized words that are titles or offices, not parts of a name. */
const TITLE_WORDS = new Set(
  `president vice prime minister secretary deputy assistant undersecretary under senator sen sen. rep rep. representative
  congressman congresswoman gov gov. governor lt lt. lieutenant mayor councilman councilwoman councilmember
  assemblyman assemblywoman delegate director chief officer executive ceo cfo coo cto vp svp evp chairman chairwoman chair
  chairperson spokesman spokeswoman spokesperson judge justice attorney general gen gen. col col. colonel maj maj.
  major capt capt. captain sgt sgt. sergeant adm adm. admiral commander commissioner superintendent sheriff
  detective inspector constable ambassador envoy dr dr. doctor prof prof. professor rev rev. reverend father
  pastor rabbi imam bishop cardinal pope king queen prince princess sheikh emir ayatollah chancellor premier
  speaker leader whip coach manager founder co-founder cofounder partner analyst economist editor correspondent
  reporter chef owner head dean provost principal mr mr. mrs mrs. ms ms. mx sir dame lord lady senior junior
  defense defence state foreign home interior treasury finance health education labor labour commerce energy
  justice homeland security agriculture transportation housing veterans trade army navy air force marine police
  fire white house majority minority democratic republican gop house senate federal national u.s. us uk eu un
  nato former acting interim then then-president incoming outgoing`.split(/\s+/),
);

/** Words that mark an organization rather than a person. */
export const ORG_WORDS =
  /\b(?:Department|Ministry|Command|Office|Agency|Police|Council|Committee|Company|Inc|Corp|Corporation|University|College|Association|Group|News|Times|Post|Party|Government|Administration|Army|Forces?|Service|Board|Commission|Institute|Court|Bank|Fund|Center|Centre|Foundation|Organization|Organisation|Union|Network|Press|Reuters|AFP|Embassy|Hospital|School|Club|League|Authority|Bureau|Coalition|Campaign|Senate|House|Congress|Parliament|Pentagon|Kremlin|Hashed)\b/;

const DAY_WORDS =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Tonight|Yesterday|Tomorrow|January|February|March|April|May|June|July|August|September|October|November|December|Earlier|Later|Last|This|Next|In|On|At|During|After|Before|When|While|Then)$/;

export type Speaker =
  | { kind: 'named'; name: string }
  | { kind: 'description'; text: string }
  /** "he" / "she" / "it" …; also a bare description that refers back as a pronoun does ("mladá anglická superstar"). */
  | { kind: 'pronoun'; pronoun: string; person: boolean };

function isCapitalized(word: string): boolean {
  return /^[\p{Lu}]/u.test(word) || /^(?:de|da|del|della|di|du|van|von|der|den|bin|ibn|al|el|la|le|st\.?)$/.test(word);
}

export function isTitle(word: string): boolean {
  return TITLE_WORDS.has(word.toLowerCase().replace(/[,]$/, ''));
}

/**
 * Reads a speaker phrase ("Harriet Okafor", "Defense Secretary Mark Esper", "spokesman Mohammad Mohyeddin",
 * "a State Department spokesperson", "she"). Titles before a name are dropped; a phrase that is only a
 * description is kept as written. Null when the phrase does not look like a speaker.
 */
export function parseSpeaker(raw: string): Speaker | null {
  let phrase = raw
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s,;:—–-]+|[\s,;:—–-]+$/g, '')
    .trim();
  if (phrase === '') return null;
  // "Zsa Zsa Gabor famously" → "Zsa Zsa Gabor".
  phrase = phrase.replace(/(?:\s+\p{Ll}+ly)+$/u, '');
  // "Replied Stephen", "Rosetta's": a cue verb or a possessive is no speaker.
  if (CUE_SET.has((phrase.split(' ')[0] ?? '').toLowerCase()) || /(?:'s|’s|s'|s’)$/.test(phrase)) return null;
  // "Okafor, who leads the agency" / "Harriet Okafor, the director of …": the name is the first piece.
  const firstPiece = phrase.split(/,\s*/)[0] ?? phrase;
  if (firstPiece !== phrase && /\p{Lu}/u.test(firstPiece)) phrase = firstPiece;
  const words = phrase.split(' ');
  if (words.length > 10) return null;
  const lower = phrase.toLowerCase();
  if (words.length === 1 && PRONOUNS.has(lower)) return { kind: 'pronoun', pronoun: lower, person: PERSON_PRONOUNS.has(lower) };
  if (/^(?:that|which|who|and|but|or|if|because|when|while|as|so)\b/i.test(phrase)) return null;
  // "Someone", "Everybody", "People": nobody named.
  if (words.length === 1 && /^(?:someone|somebody|anyone|anybody|everyone|everybody|nobody|people|others|many|some|one)$/i.test(phrase)) {
    return { kind: 'description', text: phrase };
  }
  if (words.some((word) => /^[.!?]|[!?]$/.test(word))) return null;

  // A trailing run of capitalized words is a name candidate; titles at its start are dropped.
  let start = words.length;
  while (start > 0 && isCapitalized(words[start - 1] as string)) start -= 1;
  const leading = words.slice(0, start);
  let nameWords = words.slice(start);
  while (nameWords.length > 1 && isTitle(nameWords[0] as string)) nameWords = nameWords.slice(1);
  // "T-Mobile CEO John Legere", "AT&T Entertainment CEO John Stankey": the name follows the last title word.
  const lastTitle = nameWords.slice(0, -1).reduce((found, word, i) => (isTitle(word) ? i : found), -1);
  if (lastTitle >= 0) nameWords = nameWords.slice(lastTitle + 1);
  // "NPR's Debbie Elliot": the outlet's possessive before the name is not part of it.
  if (nameWords.length > 1 && /(?:'s|’s)$/.test(nameWords[0] as string)) nameWords = nameWords.slice(1);
  const name = nameWords.join(' ');
  const leadingIsDescriptive = leading.every((word) => !/^(?:a|an|the|one|another|his|her|their|its|our)$/i.test(word));
  if (
    nameWords.length > 0 &&
    !isTitle(nameWords[0] as string) &&
    leadingIsDescriptive &&
    !ORG_WORDS.test(name) &&
    !DAY_WORDS.test(nameWords[0] as string) &&
    nameWords.length <= 4
  ) {
    return { kind: 'named', name };
  }
  // Otherwise a description: "a State Department spokesperson", "the Joint Operation Command", "officials".
  if (!/[\p{L}]/u.test(phrase) || DAY_WORDS.test(words[0] as string)) return null;
  const determined = /^(?:a|an|the|one|another|his|her|their|its|our|some|many|several|two|three|both|other)$/i.test(words[0] as string);
  const shortNoun =
    words.length <= 3 &&
    /^\p{Ll}/u.test(words[0] as string) &&
    !/^(?:after|before|of|for|from|in|on|at|to|with|by|about|as|than|like|while|when|if|so|then|also|just|even|only|not)$/i.test(words[0] as string) &&
    !words.some((word) => /(?:ing|ed)$/.test(word));
  if (!determined && !shortNoun) return null;
  if (/\b(?:who|which|that|there|and|but)\b/i.test(phrase)) return null;
  return { kind: 'description', text: phrase };
}

/** True for a capitalized word that may begin a name (not a day, month or title word). */
export function canStartName(word: string): boolean {
  return /^\p{Lu}/u.test(word) && !DAY_WORDS.test(word.replace(/[,.]$/, ''));
}
