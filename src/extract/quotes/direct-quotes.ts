import type { Element } from 'domhandler';
import type { DirectQuote } from '../../types.js';
import { CUE_PATTERN, ORG_WORDS, canStartName, parseSpeaker, type Speaker } from './speaker.js';
import { wordCount } from './quote-text.js';
import { PeopleIndex, type Person } from './mentions.js';
import { isGivenName, type Gender } from './given-names.js';
import { invertedAttribution, invertedDescription } from './inverted.js';

/** One paragraph of the article's own text. */
export interface QuoteParagraph {
  element: Element;
  text: string;
  /** A heading stands just before: a new section, which continues no speaker of the one before. */
  afterHeading?: boolean;
  /** The heading just before, when it is wholly one link: the round-up item the paragraph is about. */
  heading?: string;
}

export interface FoundDirect {
  quote: DirectQuote;
  element: Element;
}

interface Span {
  paragraph: number;
  /** Index of the opening mark. */
  start: number;
  /** Index just after the closing mark (text length when unclosed). */
  end: number;
  inner: string;
  closed: boolean;
}

interface Candidate {
  pieces: Span[];
  speaker: Speaker | null;
  cue: string | null;
  /** Paragraph index where the attribution stands. */
  attributedIn: number;
  /** Character offset of the attribution in that paragraph (for "intervening text" checks). */
  attributionEnd: number;
  /** Character offset where the attribution starts in that paragraph. */
  attributionAt: number;
  /** The attribution is the reported speech a partial quote stands in. */
  reported?: boolean;
  /** A quote with no cue of its own that continues an earlier quote's speaker (same paragraph). */
  inherits: Candidate | null;
  /** The quotation left open at the end of the paragraph before, which this paragraph goes on with. */
  continues?: Candidate;
  /** Words cited as an example, a hypothetical or a title, not words someone said (see `citedNotSaid`). */
  cited?: boolean;
  /** The resolved speaker, set when speakers are resolved. */
  resolved?: ResolvedSpeaker;
}

interface ResolvedSpeaker {
  name: string | null;
  attribution: DirectQuote['attribution'];
  description: string | null;
  person: Person | null;
}

/** Opening marks and the marks that may close them (a curly opening closed by a straight mark is a common slip). */
const OPENERS: Record<string, string> = { '"': '"', '“': '”"', '„': '“”', '«': '»', '‟': '”' };

/** Quoted spans of a paragraph, in order. A span left open at the end of the paragraph is marked unclosed. */
export function findSpans(text: string, paragraph: number): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    const closers = OPENERS[ch];
    // An opening mark stands at the start or after a space / bracket / dash, and is followed by text;
    // a curly mark right after a word or a comma ('him,“ Jerry says') closes something, it opens nothing.
    if (closers === undefined || !(i === 0 || /[\s(\[—–\-/]/.test(text[i - 1] as string)) || /\s/.test(text[i + 1] ?? ' ')) {
      i += 1;
      continue;
    }
    let j = i + 1;
    while (j < text.length && !(closers.includes(text[j] as string) && !/\s/.test(text[j - 1] as string))) j += 1;
    if (j < text.length) {
      spans.push({ paragraph, start: i, end: j + 1, inner: text.slice(i + 1, j), closed: true });
      i = j + 1;
    } else {
      spans.push({ paragraph, start: i, end: text.length, inner: text.slice(i + 1), closed: false });
      break;
    }
  }
  return spans;
}

const LEAD = String.raw`^[\s,;—–-]*`;
/** "authoritatively", "quickly": an -ly adverb before a cue verb (not a noun such as "family" or "ally"). */
const LY_ADVERB = String.raw`(?!(?:family|ally|assembly|rally|supply|bully|belly|reply|anomaly|monopoly)\b)\p{Ll}{3,}ly`;
const ADVERB = String.raw`(?:(?:also|later|then|once|further|again|previously|earlier|recently|simply|only|reportedly|had|has|have|would|will|later\s+on|${LY_ADVERB})\s+)*`;
/** `," Okafor said` / `," a State Department spokesperson said Wednesday` / `," she added.` */
const SPEAKER_THEN_CUE = new RegExp(String.raw`${LEAD}([^.!?"“”;:]{1,120}?)\s+${ADVERB}(${CUE_PATTERN})\b`, 'iu');
/** `," said Harriet Okafor, who …` */
const CUE_THEN_SPEAKER = new RegExp(String.raw`${LEAD}(${CUE_PATTERN})\s+([^!?"“”;:]{1,90})`, 'iu'); // periods allowed: "Dr." / "K."; speakerAfterCue stops at a sentence end
const ACCORDING_AFTER = new RegExp(String.raw`${LEAD}\(?according\s+to\s+([^!?"“”;:]{1,90})`, 'iu');
/** `Bezio said: "` / `Smith told reporters on Monday: "` / `President Trump had previously promised "` */
const CUE_BEFORE = new RegExp(String.raw`\b(${CUE_PATTERN})(\s+[^"“”:.!?]{0,60})?\s*([:,]?)\s*$`, 'iu');
const TRAILING_ADVERB = new RegExp(String.raw`\s+(?:also|later|then|once|further|again|previously|earlier|recently|simply|only|reportedly|had|has|have|would|will|${LY_ADVERB})$`, 'iu');
const APPOSITIVE = /,\s*(?:who|which|whose|the|a|an|his|her|their|its)\b[^,]*,?$/i;
const ACCORDING_BEFORE = /according\s+to\s+([^,!?"“”]{1,80}?)\s*,?\s*$/iu;
/** "According to psychologist Jo Reyes in an interview with Bustle, “…" */
const ACCORDING_INSIDE = /^\s*according\s+to\s+([^!?"“”]{1,120}?),?\s*$/iu;

/** A speaker phrase after the cue verb: a name ("said Harriet Okafor, …") or a description ("said a spokesperson in …"). */
function speakerAfterCue(text: string): string | null {
  let words = text.trim().split(/\s+/);
  // "said festival director Siobhán Keary": lower-case role words before a name.
  const roleRun = words.findIndex((word) => !/^\p{Ll}[\p{Ll}-]*$/u.test(word) || /^(?:a|an|the|one|another|his|her|their|its|he|she|in|on|at|to|after|before|while|when|during)$/i.test(word));
  if (roleRun > 0 && roleRun <= 3 && canStartName(words[roleRun] ?? '')) words = words.slice(roleRun);
  const first = words[0] ?? '';
  if (canStartName(first)) {
    const name: string[] = [];
    for (const word of words) {
      const clean = word.replace(/[,.;:]+$/, '');
      if (!/^\p{Lu}/u.test(clean) && !/^(?:de|da|del|van|von|bin|al|el|la|le)$/.test(clean)) break;
      // "Dr." / "Sen." / "K." (titles and initials) keep their period and do not end the name.
      if (/^(?:\p{Lu}|Dr|Mr|Mrs|Ms|Mx|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Rev|St|Jr|Sr)\.$/u.test(word)) {
        name.push(word);
        continue;
      }
      name.push(clean);
      if (clean !== word) break; // punctuation ends the name
    }
    // "on Twitter Gary Lineker", "server Claret": a given name further on starts the name.
    const given = name.findIndex((word, i) => i > 0 && isGivenName(word));
    const kept = given > 0 && name.length - given >= 2 ? name.slice(given) : name;
    return kept.length > 0 ? kept.join(' ') : null;
  }
  if (/^(?:a|an|the|one|another|his|her|their|its)$/i.test(first) || /^(?:he|she)$/i.test(first.replace(/[,.]$/, ''))) {
    const phrase: string[] = [];
    for (const word of words) {
      if (phrase.length > 0 && /^(?:in|on|at|during|after|before|while|when|to|from|with|last|this|yesterday|today|who|which|that|and|adding|citing|according)$/i.test(word)) break;
      phrase.push(word.replace(/[,.;:]+$/, ''));
      if (/[,.;:]$/.test(word) || phrase.length >= 8) break;
    }
    return phrase.join(' ');
  }
  return null;
}

interface Attribution {
  speaker: Speaker;
  cue: string;
  end: number;
  /** Where the attribution starts (offset in the paragraph). */
  start: number;
  /** Reported speech around a partial quote (`Smith said the plan would "never work"`). */
  reported?: boolean;
}

/** The attribution after a quote, in the text from its closing mark to the next quote or sentence end. */
function attributionAfter(inner: string, after: string, offset: number): Attribution | null {
  // A quote that ended its own sentence ("….") is not continued by an attribution.
  if (/\.\s*$/.test(inner) && !/^\s*[,—–-]/.test(after)) return null;
  // `"…?" She continued, "…"`: a new sentence that introduces the next quote is not this one's attribution.
  // (A name there may be this quote's speaker: `"…!" Qianye Ying'er said, "…"`.)
  if (/[?!]\s*$/.test(inner) && /^\s*(?:He|She|They|We|I|The)\b/.test(after) && /[,:]\s*$/.test(after) && after.length < 120) return null;
  const a = SPEAKER_THEN_CUE.exec(after);
  if (a && a[1] !== undefined && a[2] !== undefined) {
    // `," as NPR's Debbie Elliot reported`: "as" introduces the attribution.
    const speaker = parseSpeaker(a[1].replace(/^\s*as\s+/i, '')) ?? lastPieceSpeaker(a[1]);
    if (speaker !== null) return { speaker, cue: a[2].toLowerCase(), end: offset + a.index + a[0].length, start: offset + a.index };
  }
  const b = CUE_THEN_SPEAKER.exec(after);
  if (b && b[1] !== undefined && b[2] !== undefined) {
    const phrase = speakerAfterCue(b[2]);
    const speaker = phrase === null ? null : parseSpeaker(phrase);
    if (speaker !== null) return { speaker, cue: b[1].toLowerCase(), end: offset + b.index + b[0].length, start: offset + b.index };
  }
  const c = ACCORDING_AFTER.exec(after);
  if (c && c[1] !== undefined) {
    const phrase = speakerAfterCue(c[1]);
    const speaker = phrase === null ? null : parseSpeaker(phrase);
    if (speaker !== null) return { speaker, cue: 'according to', end: offset + c.index + c[0].length, start: offset + c.index };
  }
  // `"…," přidává se Emile Heskey` / `„…“, sagte Olaf Scholz`: the clause after a comma names the speaker last.
  const inverted = wordCount(inner) >= 4 ? invertedAttribution(after, /,\s*$/.test(inner)) : null;
  if (inverted !== null) {
    const parsed = parseSpeaker(inverted.name);
    const speaker: Speaker | null = / and | & /.test(inverted.name) ? { kind: 'named', name: inverted.name } : parsed;
    if (speaker !== null && speaker.kind !== 'pronoun') {
      const cue = after.slice(inverted.start, inverted.end).trim().split(/\s+/)[0]?.toLowerCase() ?? null;
      return { speaker, cue: cue ?? 'said', end: offset + inverted.end, start: offset + inverted.start };
    }
  }
  // `"…," tvrdí mladá anglická superstar.`: a bare description in a language without articles refers back, as "he" does.
  const described = wordCount(inner) >= 4 ? invertedDescription(after, /,\s*$/.test(inner)) : null;
  if (described !== null) {
    const cue = after.slice(described.start, described.end).trim().split(/\s+/)[0]?.toLowerCase() ?? 'said';
    return { speaker: { kind: 'pronoun', pronoun: described.name, person: true }, cue, end: offset + described.end, start: offset + described.start };
  }
  return null;
}

/**
 * `“…” for revising standards, Joost van Hoof of Fontys University writes`: the subject is the last piece of the
 * words before the cue, a name, without the "of …" / "at …" that places it.
 */
function lastPieceSpeaker(text: string): Speaker | null {
  const piece = (text.split(/,\s*/).pop() ?? '').trim().replace(/\s+(?:of|from|at|with)\s+.*$/, '');
  if (!/^\p{Lu}/u.test(piece)) return null;
  const speaker = parseSpeaker(piece);
  return speaker?.kind === 'named' ? speaker : null;
}

/** The speaker phrase that is the subject of a cue verb: the last piece of the clause before it. */
function subjectBefore(subjectText: string): Speaker | null {
  let subject = subjectText.trim().replace(/,$/, '');
  for (let i = 0; i < 3 && TRAILING_ADVERB.test(subject); i += 1) subject = subject.replace(TRAILING_ADVERB, '');
  subject = subject.replace(AUXILIARY_TAIL, '').trim();
  const lastPiece = (text: string): Speaker | null => {
    const pieces = text.split(/[,;]\s*|\s[—–]\s/);
    // "At which point the late night host insisted": the opening phrase is not part of the subject.
    const piece = (pieces.pop() ?? text).trim().replace(/^(?:and|but|so|then|yet)\s+/i, '').replace(/^(?:at|by)\s+(?:which|that|this)\s+(?:point|time|moment|stage)\s+/i, '');
    // "a reply from Julia Blystone, who confirmed that …": the relative pronoun stands for the name before it.
    if (/^(?:who|whom)$/i.test(piece)) return trailingName(pieces.pop() ?? '');
    return piece === '' ? null : parseSpeaker(piece);
  };
  // "Okafor, who chairs the board, said:" → Okafor; but "In a statement, the company said:" → the company.
  const withoutAppositive = APPOSITIVE.test(subject) ? lastPiece(subject.replace(APPOSITIVE, '').trim()) : null;
  return withoutAppositive?.kind === 'named' ? withoutAppositive : lastPiece(subject);
}

/** The run of capitalized words that ends a phrase ("I got a reply from Julia Blystone" → Julia Blystone). */
function trailingName(text: string): Speaker | null {
  const run = /((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’-]*)\s*$/u.exec(text.trim());
  const speaker = run?.[1] === undefined ? null : parseSpeaker(run[1]);
  return speaker?.kind === 'named' ? speaker : null;
}

/** Lower-case words that end a clause's subject: a finite verb (-ed, -s) or an auxiliary. */
const FINITE_VERB = /^(?:\p{Ll}+(?:ed|[^su]s)|is|was|are|were|has|had|have|will|would|could|can|did|does|went|took|made|gave|got|sent|wrote|spoke|told|said)$/u;

/**
 * The subject of the clause a participle hangs on ("Emery retweeted the story, saying, …",
 * "Snopes writer David Emery posted to Twitter asking …"): the words before its finite verb, after an opening
 * phrase ("On Twitter, …").
 */
function clauseSubject(text: string): Speaker | null {
  const pieces = text.split(/,\s*/);
  const main = pieces.find((piece) => !/^(?:on|in|at|after|before|during|when|while|since|as|for|with|by|from|yet|but|and|so|then|still|later|earlier|meanwhile)\b/i.test(piece.trim())) ?? '';
  const words = main.trim().split(/\s+/);
  const verb = words.findIndex((word, i) => i > 0 && FINITE_VERB.test(word));
  if (verb <= 0) return null;
  return parseSpeaker(words.slice(0, verb).join(' '));
}

/** The speaker of a cue verb: its subject, or for a participle ("…, saying") the subject of the main clause. */
function subjectOfCue(before: string, cue: string): Speaker | null {
  if (!/ing$/i.test(cue)) return subjectBefore(before);
  return clauseSubject(before);
}

/** "Trump went on to assert", "Reardon did note", "Smith has since said": the verb phrase before a cue. */
const AUXILIARY_TAIL = /\s+(?:went\s+on\s+to|did|does|do|can\s+be\s+heard|could\s+be\s+heard|has\s+since|have\s+since|was\s+quick\s+to|were\s+quick\s+to|had\s+once|once|also|later|however)$/i;
const CUE_ANYWHERE = new RegExp(String.raw`\b(${CUE_PATTERN})\b`, 'giu');
const WHAT_X_CALLED = /\b(?:which|what)\s+(he|she|they|\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?)\s+(?:has\s+|had\s+|once\s+)?(?:called|termed|dubbed|described\s+as)\s*$/u;
const IN_VIEW = /\bin\s+(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3})(?:'s|’s)\s+(?:view|opinion|words|telling|estimation)\b[^.!?]*$/u;

/** `…, which has spoken about “…”` / `…, who warned that it would “…”`: a relative clause whose verb is a saying. */
const RELATIVE_CUE = new RegExp(
  String.raw`,\s*(?:which|who)\s+${ADVERB}(${CUE_PATTERN}|spoken|spoke|talked|written)\b[^,.;:!?"“”]{0,40}?[:,]?\s*$`,
  'iu',
);
/** "the Obama administration", "the city's police department": a definite noun phrase closing the words before. */
const DEFINITE_TAIL = /\bthe\s+((?:(?!(?:the|a|an|and|or|but|with|of|to|for|in|on|at|by)\b)[\p{L}'’.&-]+\s+){0,3}[\p{L}'’.&-]+)\s*$/iu;

/**
 * The speaker a relative clause of saying hangs on (`the Obama administration, which has spoken about “…”` → the
 * Obama administration; `a reply from Julia Blystone, who warned “…”` → Julia Blystone): "which" / "who" stands
 * for the noun phrase before the comma.
 */
function relativeClauseSpeaker(clause: string): { speaker: Speaker; cue: string; at: number } | null {
  const relative = RELATIVE_CUE.exec(clause);
  if (relative === null) return null;
  const antecedent = clause.slice(0, relative.index).trimEnd();
  const cue = (relative[1] ?? 'said').toLowerCase().replace(/\s+/g, ' ');
  const named = trailingName(antecedent);
  if (named !== null) return { speaker: named, cue, at: relative.index };
  const definite = DEFINITE_TAIL.exec(antecedent);
  const speaker = definite === null ? null : parseSpeaker(definite[0]);
  return speaker === null || speaker.kind === 'pronoun' ? null : { speaker, cue, at: relative.index };
}

/** Nouns of something said or written, whose owner said it ("the transition team's request to “…”"). */
const SPEECH_NOUN =
  'request|demand|statement|announcement|call|plea|appeal|promise|pledge|vow|warning|message|reply|response|answer|recommendation|advice|instruction|order|claim|assurance|remark|comment|words|explanation|verdict|tweet|post|letter|memo|email|motto|tagline';
const POSSESSIVE_SPEECH = new RegExp(String.raw`(?:'s|’s|s'|s’)\s+(?:\p{Ll}+\s+)?(${SPEECH_NOUN})(?:\s+(?:to|that|was|is|read|reads|said|says))?\s*[:,]?\s*$`, 'iu');

/**
 * `the transition team's request to “…”`, `Smith's reply: “…”`: words given as someone's request, statement, reply, …
 * are the owner's; the owner is the name, or the definite noun phrase, before the possessive.
 */
function possessiveSpeech(clause: string): { speaker: Speaker; cue: string; at: number } | null {
  const owned = POSSESSIVE_SPEECH.exec(clause);
  if (owned === null) return null;
  const owner = clause.slice(0, owned.index);
  const named = trailingName(owner);
  const definite = named === null ? DEFINITE_TAIL.exec(owner) : null;
  const speaker = named ?? (definite === null ? null : parseSpeaker(definite[0]));
  if (speaker === null || speaker.kind === 'pronoun') return null;
  // Where the owner starts: a body described "again" must be described before this mention.
  const at = definite?.index ?? Math.max(0, owned.index - (named?.kind === 'named' ? named.name.length : 0));
  return { speaker, cue: (owned[1] as string).toLowerCase(), at };
}

/** The attribution before a quote: "Bezio said: ", "Smith told reporters, ", "According to Smith, ", and the
 * reported speech a partial quote stands in ("Smith said the plan would “never work”"). */
function attributionBefore(before: string, offset: number): Attribution | null {
  const clause = before.split(/(?<=[.!?])\s+/).pop() ?? before;
  const clauseAt = offset + before.length - clause.length;
  // The relative clause right before the quote is nearer than any cue further back in the sentence.
  const relative = relativeClauseSpeaker(clause);
  if (relative !== null) return { speaker: relative.speaker, cue: relative.cue, end: offset + before.length, start: clauseAt + relative.at };
  const d = CUE_BEFORE.exec(clause);
  if (d && d[1] !== undefined) {
    const speaker = subjectOfCue(clause.slice(0, d.index), d[1]);
    // "Smith said the plan would “never work”": words between the cue and the quote make it reported speech.
    const reported = (d[2] ?? '').trim() !== '' && (d[3] ?? '') === '';
    // "The tweet reads, “…”" is a text quoted; "she read the report", "she has read “War and Peace”" are no saying.
    const readNotQuoting = /^reads?$/i.test(d[1]) && ((d[2] ?? '').trim() !== '' || (d[3] ?? '') === '');
    if (speaker !== null && !readNotQuoting) return { speaker, cue: d[1].toLowerCase(), end: offset + before.length, start: clauseAt, reported };
  }
  const e = ACCORDING_BEFORE.exec(clause) ?? ACCORDING_INSIDE.exec(clause);
  if (e && e[1] !== undefined) {
    const phrase = speakerAfterCue(e[1]);
    const speaker = phrase === null ? null : parseSpeaker(phrase);
    if (speaker !== null) return { speaker, cue: 'according to', end: offset + before.length, start: clauseAt + e.index };
  }
  // "…, which he called “the most difficult failure”": the phrase is the words of the subject of "called".
  const w = WHAT_X_CALLED.exec(clause);
  if (w && w[1] !== undefined) {
    const speaker = parseSpeaker(w[1]);
    if (speaker !== null && speaker.kind !== 'description') return { speaker, cue: 'called', end: offset + before.length, start: clauseAt + w.index };
  }
  const v = IN_VIEW.exec(clause);
  if (v && v[1] !== undefined) {
    const speaker = parseSpeaker(v[1]);
    if (speaker?.kind === 'named') return { speaker, cue: 'said', end: offset + before.length, start: clauseAt + v.index };
  }
  const owned = possessiveSpeech(clause);
  if (owned !== null) return { speaker: owned.speaker, cue: owned.cue, end: offset + before.length, start: clauseAt + owned.at };
  // Reported speech: the last cue verb of the sentence with its subject.
  const cues = [...clause.matchAll(CUE_ANYWHERE)];
  for (let i = cues.length - 1; i >= 0; i -= 1) {
    const cue = cues[i] as RegExpMatchArray;
    if (/^reads?$/i.test(cue[1] as string)) continue;
    const speaker = subjectOfCue(clause.slice(0, cue.index), cue[1] as string);
    // "When asked what she took, the actress stated, “…”": the cue right before the quote introduces it, whoever
    // its subject is; a cue further back makes reported speech, which a description does not carry.
    const introduces = /^\s*[,:]?\s*$/.test(clause.slice((cue.index ?? 0) + (cue[0] as string).length));
    // An unnamed spokesperson of a named body ("An Air Mobility spokesperson told Mashable they … but, “…”") is no
    // vague description: the body speaks, in reported speech too.
    const spokesperson = speaker?.kind === 'description' && organisationOf(speaker.text.split(/\s+/)) !== null;
    if (speaker !== null && (speaker.kind !== 'description' || introduces || spokesperson)) {
      return { speaker, cue: (cue[1] as string).toLowerCase(), end: offset + before.length, start: clauseAt + (cue.index ?? 0), reported: !introduces };
    }
  }
  return null;
}

/**
 * True when the words between two quoted pieces are only their attribution (`, she said, ` / ` said Smith on
 * Tuesday, `) or a bare comma or dash: one quotation split by who said it. Other words between them ("the
 * “City of Stars” was “one of those …”", "calling the department out for what he said was a") make two.
 */
function splitByAttribution(firstInner: string, between: string): boolean {
  if (/^[\s,;:—–-]*$/.test(between)) return true;
  const found = attributionAfter(firstInner, between, 0);
  return found !== null && between.slice(found.end).replace(/[\s,;—–-]+/g, ' ').trim().split(' ').filter(Boolean).length <= 4;
}

/**
 * `“… to our lyricists Benj Pasek and Justin Paul” – the duo behind Dear Evan Hansen – “and then I’d make …”`: the
 * writer's aside set off by dashes inside one quoted sentence (the next piece goes on in lower case).
 */
function dashAside(between: string): boolean {
  return between.length <= 240 && /^\s*[—–-]\s[^"“”()]*\s[—–-]\s*$/.test(between) && !/^\s*[—–-]\s*$/.test(between);
}

/** "For example: “…”", "Example: “…”": an example sentence follows. */
const EXAMPLE_BEFORE = /(?:^|[:;—–]\s*)(?:for\s+(?:example|instance)|example|e\.g\.?)\s*[:,]?\s*$|\b(?:for\s+(?:example|instance)|example|e\.g\.?|such\s+as)\s*:\s*$/iu;
/** "Don't say “…”", "You don't need to say “…”", "An abuser would have said: “…”": words nobody said. */
const UNSAID_BEFORE =
  /\b(?:don['’]t|do\s+not|doesn['’]t|does\s+not|didn['’]t|did\s+not|never|need\s+to|have\s+to|has\s+to|should(?:n['’]t)?|would\s+have|could\s+have|might|can['’]t|cannot|must\s+not|mustn['’]t)\s+(?:\p{Ll}+\s+)?(?:say|said|write|written|use)\s*[:,]?\s*$/iu;
/** "the headline “…”", "an op-ed titled “…”": the title of a work. */
const TITLE_BEFORE = /\b(?:headlined?|titled|entitled|dubbed|slogan|motto|hashtag|(?:the|a)\s+(?:phrase|term|expression|saying))\s*[:,]?\s*$/iu;
/** "“I'm so hungry I could eat a horse,” means you're hungry": the quoted words are the subject of a sentence about them. */
const MEANING_AFTER = /^\s*,?\s*(?:means|meant|implies|illustrates|shows|is\s+(?:a|an|the)\s+(?:phrase|saying|expression|sentence|cliché|cliche|example))\b/iu;

/**
 * Words in quotation marks that the writer cites rather than reports: an example sentence, a hypothetical or
 * negated saying, the title of a work, a phrase talked about. `before` is the paragraph's text before the quote,
 * `after` the text up to the next quote.
 */
function citedNotSaid(before: string, after: string): boolean {
  const clause = (before.split(/(?<=[.!?]["”’]?)\s+/).pop() ?? before).trimStart();
  if (EXAMPLE_BEFORE.test(clause) || UNSAID_BEFORE.test(clause) || TITLE_BEFORE.test(clause)) return true;
  return clause.trim() === '' && MEANING_AFTER.test(after);
}

function cleanInner(text: string): string {
  return text
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .replace(/[,;:]$/, '')
    .trim();
}

/** Quotes long enough to be speech even without a cue: six words or more ending in punctuation, or ten or more. */
function speechLike(text: string): boolean {
  const words = wordCount(text);
  return (words >= 6 && /[.!?,…]$/.test(text.trim())) || words >= 10;
}

const MENTION_STOPWORDS = /^(?:The|A|An|On|In|At|But|And|Or|If|As|It|He|She|They|We|I|This|That|These|Those|When|While|After|Before|Later|Earlier|Meanwhile|Still|Yet|Instead|Today|Yesterday|Tomorrow|Here|There|Watch|Read|See|Why|How|What|Who|Where|Not|Only|Even|Also|Like|Then|Now|So|For|From|To|With|By|Of|Our|Your|His|Her|Their|My|Its|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;

/** "Okafor" → "Harriet Okafor" when the article names her in full (in an earlier speaker or in its text); a name
 * never runs across a paragraph break ("…/Getty Images" above "Emery retweeted"). */
function expandSurname(name: string, allText: string): string {
  if (name.includes(' ')) return name;
  const pattern = new RegExp(String.raw`\b(\p{Lu}[\p{Ll}'’-]+(?:[ \u00a0]\p{Lu}\.)?)[ \u00a0]+${escapeRegExp(name)}\b`, 'gu');
  for (const match of allText.matchAll(pattern)) {
    const first = match[1] ?? '';
    if (!parseSpeakerIsTitle(first) && !MENTION_STOPWORDS.test(first)) return `${first} ${name}`;
  }
  return name;
}

function parseSpeakerIsTitle(word: string): boolean {
  const parsed = parseSpeaker(`${word} X`);
  return parsed === null || parsed.kind !== 'named' || parsed.name === 'X';
}

/** Nouns a description of a person ends with ("the actress", "a senior administration official"). */
const PERSON_NOUN =
  /^(?:spokes(?:wo)?m[ae]n|spokes(?:person|people)|officials?|officers?|advis[eo]rs?|aides?|associates?|insiders?|sources?|friends?|actress(?:es)?|actors?|singers?|songstress|stars?|rappers?|directors?|executives?|heads?|chiefs?|president(?:-elect)?|analysts?|experts?|economists?|professors?|researchers?|scientists?|lawyers?|attorneys?|candidates?|governors?|senators?|mayors?|ministers?|leaders?|members?|employees?|workers?|residents?|students?|wom[ae]n|m[ae]n|mothers?|fathers?|wife|wives|husbands?|daughters?|sons?|comedians?|hosts?|authors?|writers?|founders?|ceos?|coach(?:es)?|players?|managers?|owners?|doctors?|physicians?|nurses?|teachers?|witness(?:es)?|victims?|agents?|representatives?|staffers?|strategists?|operatives?|veterans?|producers?|musicians?|performers?|filmmakers?|directors?|legislators?|lawmakers?|congressman|congresswoman|judges?|prosecutors?|investigators?|detectives?|sheriffs?|neighbou?rs?|fans?|users?|chairman|chairwoman|secretary|envoy|ambassador|\d+-year-old)$/i;
const FEMALE_NOUN = /^(?:actress|songstress|woman|mother|wife|daughter|chairwoman|congresswoman|spokeswoman|queen|princess|girl|sister|grandmother)$/i;
const MALE_NOUN = /^(?:actor|man|father|husband|son|chairman|congressman|spokesman|king|prince|boy|brother|grandfather)$/i;
const INDEFINITE = /^(?:a|an|one|another|some|two|three|several|many|other|some)$/i;
const DEFINITE = /^(?:the|his|her|their|its|this|that)$/i;
const SPOKES = /^(?:spokes(?:wo)?m[ae]n|spokes(?:person|people)|representatives?|officials?)$/i;

/** How far back (characters) "he" / "she" / "the actress" may look for the person meant. */
const MAX_BACK = 6000;

interface SpeakerState {
  paragraphStart: readonly number[];
  /** The paragraphs joined by "\n" (same offsets as `masked`). */
  allText: string;
  people: PeopleIndex;
  masked: string;
  /** Short organisation names and the full names the article gives them (each looked up once). */
  fullOrganisations: Map<string, string>;
  /** The people quoted, in order, with the paragraph of each attribution (the turns of a dialogue). */
  turns: Array<{ paragraph: number; person: Person | null; name: string; at: number }>;
  /** The speaker of the last quotation resolved, and where. */
  last: { person: Person | null; name: string | null; paragraph: number; unnamed: boolean; at: number } | null;
}

function pronounGender(pronoun: string): Gender | null {
  if (pronoun === 'he') return 'm';
  if (pronoun === 'she') return 'f';
  return null;
}

/** An organisation a description speaks for: "a State Department spokesperson", "a spokesperson for Twitter". */
function organisationOf(words: string[]): string | null {
  const forAt = words.findIndex((word) => /^(?:for|of|at)$/i.test(word));
  if (forAt > 0 && SPOKES.test(words[forAt - 1] as string)) {
    const org = words.slice(forAt + 1).filter((word, i) => i > 0 || !/^the$/i.test(word));
    if (org.length > 0 && /^\p{Lu}/u.test(org[0] as string)) return org.join(' ');
  }
  if (SPOKES.test(words[words.length - 1] as string)) {
    const capitalized = words.slice(1, -1).filter((word) => /^\p{Lu}/u.test(word));
    if (capitalized.length > 0 && capitalized.length === words.length - 2) return capitalized.join(' ');
  }
  return null;
}

/** `text` as a literal inside a RegExp. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * "Air Mobility" → "Air Mobility Command" when the article gives the body its full name elsewhere: the name the
 * article uses, followed by a word that marks an organisation (Command, Department, Agency, …).
 */
function fullOrganisationName(org: string, allText: string): string {
  const escaped = escapeRegExp(org).replace(/ /g, '[ \u00a0]+');
  const longer = new RegExp(String.raw`\b${escaped}[ \u00a0]+(\p{Lu}[\p{L}&'’-]*)`, 'gu');
  for (const match of allText.matchAll(longer)) {
    const word = match[1] ?? '';
    if (ORG_WORDS.test(word) && !ORG_WORDS.test(org)) return `${org} ${word}`;
  }
  return org;
}

/** Head nouns of a body (not a person) that speaks: "the transition team", "the campaign". */
const BODY_NOUN = /^(?:team|administration|campaign|committee|company|firm|agency|government|department|council|board|group|organi[sz]ation|ministry|office|union|party|network|commission|panel|coalition|club|league)$/i;

/**
 * "the transition team" after "the president-elect's transition team": a body the article has described in the
 * same words (a modifier and the head noun) speaks under that description, as a reader takes it.
 */
function bodyDescribedBefore(words: string[], head: string, at: number, state: SpeakerState): ResolvedSpeaker | null {
  if (!DEFINITE.test(words[0] ?? '') || !BODY_NOUN.test(head) || words.length < 3) return null;
  const phrase = words.slice(1).join(' ').replace(/[,.]$/, '');
  if (/\p{Lu}/u.test(phrase)) return null;
  const escaped = escapeRegExp(phrase).replace(/ /g, '\\s+');
  if (!new RegExp(String.raw`\b${escaped}\b`, 'i').test(state.masked.slice(Math.max(0, at - MAX_BACK), at))) return null;
  return { name: phrase, attribution: 'named', description: null, person: null };
}

/** Who a description stands for: an organisation, a named person it refers back to, or nobody named. */
function resolveDescription(text: string, at: number, paragraph: number, state: SpeakerState): ResolvedSpeaker {
  const words = text.split(/\s+/);
  const determiner = (words[0] ?? '').toLowerCase();
  const ofPos = words.findIndex((word) => /^(?:of|for|at|from|in|with)$/i.test(word));
  const headWords = ofPos > 0 ? words.slice(0, ofPos) : words;
  const head = (headWords[headWords.length - 1] ?? '').replace(/[,.]$/, '');
  const org = organisationOf(words);
  if (org !== null) {
    let full = state.fullOrganisations.get(org);
    if (full === undefined) state.fullOrganisations.set(org, (full = fullOrganisationName(org, state.allText)));
    return { name: full, attribution: 'named', description: text, person: null };
  }
  const unnamed: ResolvedSpeaker = { name: null, attribution: null, description: text, person: null };
  if (!PERSON_NOUN.test(head)) {
    // "the Dallas police department", "the Obama administration": an organisation named by its description.
    const proper = words.slice(1).some((word) => /^\p{Lu}/u.test(word));
    if (proper && (DEFINITE.test(determiner) || /^\p{Lu}/u.test(words[0] ?? ''))) {
      return { name: words.filter((word, i) => i > 0 || !DEFINITE.test(word)).join(' '), attribution: 'named', description: null, person: null };
    }
    return bodyDescribedBefore(words, head, at, state) ?? unnamed;
  }
  if (INDEFINITE.test(determiner) || !DEFINITE.test(determiner)) return unnamed;
  // A plural ("the physicians") is a group; "the associate" after "one close associate" is that unnamed person.
  if (/s$/i.test(head) && !/(?:ss|us)$/i.test(head) && !/^(?:boss|actress|songstress)$/i.test(head)) return unnamed;
  const introduced = new RegExp(String.raw`\b(?:a|an|one|another)\s+(?:[\p{L}-]+\s+){0,4}${escapeRegExp(head)}\b`, 'iu');
  if (introduced.test(state.masked.slice(Math.max(0, at - MAX_BACK), at))) return unnamed;
  const last = state.last;
  // "the security head" right after "one bank chief information security officer" was quoted: the same unnamed person.
  if (last !== null && last.unnamed && paragraph - last.paragraph <= 2 && !state.people.otherNamedBetween(last.at, at, null)) return unnamed;
  const gender: Gender | null = FEMALE_NOUN.test(head) ? 'f' : MALE_NOUN.test(head) ? 'm' : null;
  const partner = DIALOGUE_ROLE.test(head) ? dialoguePartner(paragraph, at, gender, state) : null;
  if (partner !== null) return { ...partner, description: text };
  const person = state.people.resolve(at, gender, MAX_BACK, last?.person ?? null);
  return person === null || person.unnamed === true ? unnamed : { name: person.name, attribution: 'pronoun', description: text, person };
}

/** The turns of the dialogue in a paragraph: the people quoted there, when there are two or more. */
function dialogueTurns(paragraph: number, at: number, state: SpeakerState): SpeakerState['turns'] {
  // The turns are in order: those of this paragraph are at the end (a walk back, not a scan of all quotes).
  let from = state.turns.length;
  while (from > 0 && (state.turns[from - 1] as SpeakerState['turns'][number]).paragraph === paragraph) from -= 1;
  const turns = state.turns.slice(from);
  const lastTurn = turns[turns.length - 1];
  if (lastTurn === undefined || !turns.some((turn) => turn.name !== lastTurn.name)) return [];
  // Someone else named since the last turn may be who the writer means now.
  const named = state.people.peopleBetween(lastTurn.at, at);
  return named.every((person) => turns.some((turn) => turn.person === person || turn.name === person.name)) ? turns : [];
}

function genderOfTurn(turn: SpeakerState['turns'][number], state: SpeakerState): Gender | null {
  return turn.person === null ? null : state.people.genderOf(turn.person);
}

/** Roles in a conversation: "the host" in a host's talk with a guest is the one of the two who holds that role. */
const DIALOGUE_ROLE = /^(?:host|co-?host|interviewer|interviewee|guest|moderator|anchor|presenter|questioner|caller|panelist)$/i;

/**
 * "Kimmel asked, “…” Aniston replied, “…” The host quipped, “…”": in a paragraph where people take turns, a
 * conversational role ("the host", "the interviewer") is the other one than who spoke last: the
 * writer would have gone on with "she" for the same person. Only people the role's gender allows. Other
 * descriptions keep the usual resolution ("explains Stephen. … says the son": the same man).
 */
function dialoguePartner(paragraph: number, at: number, gender: Gender | null, state: SpeakerState): ResolvedSpeaker | null {
  const turns = dialogueTurns(paragraph, at, state);
  const lastTurn = turns[turns.length - 1];
  if (lastTurn === undefined) return null;
  const fits = (turn: SpeakerState['turns'][number]): boolean => gender === null || genderOfTurn(turn, state) === null || genderOfTurn(turn, state) === gender;
  if (!fits(lastTurn)) return null; // the description cannot be the last speaker anyway: the usual resolution
  for (let i = turns.length - 1; i >= 0; i -= 1) {
    const turn = turns[i] as SpeakerState['turns'][number];
    if (turn.name !== lastTurn.name) return fits(turn) ? { name: turn.name, attribution: 'pronoun', description: null, person: turn.person } : null;
  }
  return null;
}

/** The speaker a quotation's own attribution names, resolved as a reader does. */
function resolveSpeaker(candidate: Candidate, state: SpeakerState, allText: string): ResolvedSpeaker {
  const { speaker } = candidate;
  const first = candidate.pieces[0] as Span;
  const quoteAt = (state.paragraphStart[first.paragraph] as number) + first.start;
  const attributionAt = (state.paragraphStart[candidate.attributedIn] as number) + candidate.attributionAt;
  const at = Math.min(quoteAt, attributionAt);
  if (speaker === null) return { name: null, attribution: null, description: null, person: null };
  if (speaker.kind === 'named') {
    // Reported speech is read loosely ("…, Middletown, Connecticut, wrote that …"): a one-word subject must be a
    // person the article names or a name it comes back to, not whatever capitalized word stands before the verb.
    if (candidate.reported === true && !speaker.name.includes(' ') && !isPersonName(speaker.name, state.people) && !namedAgain(speaker.name, allText)) {
      return { name: null, attribution: null, description: null, person: null };
    }
    let name = state.people.fullName(speaker.name);
    if (name === speaker.name) name = expandSurname(speaker.name, allText);
    const person = state.people.known(name.split(' ').pop() ?? name);
    return { name, attribution: 'named', description: null, person };
  }
  if (speaker.kind === 'pronoun') {
    // "This is another image Elizabeth Snyder posted to Facebook on Sunday. It says, “…”": the text's author.
    if (speaker.pronoun === 'it' && TEXT_CUE.test(candidate.cue ?? '')) {
      const author = textAuthor(at, null, state);
      if (author !== null) return { ...author, description: speaker.pronoun };
    }
    if (!speaker.person) return { name: null, attribution: null, description: speaker.pronoun, person: null };
    const person = state.people.resolve(at, pronounGender(speaker.pronoun), MAX_BACK, state.last?.person ?? null);
    // "he" may be someone the writer brought in without a name: then nobody named spoke.
    if (person?.unnamed === true) return { name: null, attribution: null, description: person.name, person };
    const described = /^(?:he|she)$/.test(speaker.pronoun) ? null : speaker.pronoun; // "mladá anglická superstar"
    return { name: person?.name ?? null, attribution: person === null ? null : 'pronoun', description: described, person };
  }
  // "… he re-uploaded the drawing with a caption that said …" / "The caption read: “…”": the caption's author.
  const textNoun = /^(?:the|this|that|his|her|their)\s+([\p{L}-]+)$/iu.exec(speaker.text)?.[1];
  if (textNoun !== undefined && TEXT_NOUN.test(textNoun) && TEXT_CUE.test(candidate.cue ?? '')) {
    const author = textAuthor(at, textNoun, state);
    if (author !== null) return { ...author, description: speaker.text };
  }
  return resolveDescription(speaker.text, at, candidate.attributedIn, state);
}

/** Verbs of a text speaking for its author ("It says", "The caption read"). */
const TEXT_CUE = /^(?:says|said|reads|read|states|stated)$/i;
/** Texts a person posts or writes, whose words are the author's. */
const TEXT_NOUN = /^(?:caption|post|posting|tweet|message|note|letter|e-?mail|text|status|update|comment|reply|inscription)$/i;
/** The verbs by which a person puts a text out. */
const PUT_OUT = /\b(?:posted|shared|wrote|tweeted|uploaded|re-uploaded|reuploaded|published|captioned|sent|left)\b/giu;

/**
 * The author of the text that "it" / "the caption" stands for: the subject of the nearest sentence before that
 * puts a text out ("… image Elizabeth Snyder posted to Facebook", "… and he re-uploaded the drawing with a caption")
 * — the sentence just before for "it", one of the three before that names the text for a noun. A name in the clause
 * before the verb, or a he / she there resolved as usual; else nobody.
 */
function textAuthor(at: number, noun: string | null, state: SpeakerState): ResolvedSpeaker | null {
  const from = Math.max(0, at - 600);
  const window = state.masked.slice(from, at);
  const ends = [...window.matchAll(/[.!?]["”’]?\s+|\n+/g)].map((m) => (m.index ?? 0) + m[0].length);
  const starts = [0, ...ends].filter((start) => start < window.trimEnd().length);
  const sentences = starts.slice(-(noun === null ? 1 : 3)).reverse();
  for (const start of sentences) {
    const endAt = ends.find((end) => end > start) ?? window.length;
    const sentence = window.slice(start, endAt);
    if (noun !== null && !new RegExp(String.raw`\b${noun}s?\b`, 'i').test(sentence)) continue;
    const verbs = [...sentence.matchAll(PUT_OUT)];
    const verb = verbs[verbs.length - 1];
    if (verb === undefined) return null;
    const clause = sentence.slice(0, verb.index);
    const clauseStart = Math.max(clause.lastIndexOf(','), clause.lastIndexOf(';'), clause.search(/\s+and\s+(?!.*\s+and\s)/)) + 1;
    const subjectFrom = from + start + clauseStart;
    const verbAt = from + start + (verb.index ?? 0);
    const named = state.people.peopleBetween(subjectFrom, verbAt).filter((person) => person.unnamed !== true);
    const person = named[named.length - 1] ?? pronounSubject(clause.slice(clauseStart), verbAt, state);
    return person === null ? null : { name: person.name, attribution: 'pronoun', description: null, person };
  }
  return null;
}

/** "he" / "she" right before the verb of a clause, resolved to the person it stands for. */
function pronounSubject(clause: string, at: number, state: SpeakerState): Person | null {
  const pronoun = /\b(he|she)\s+(?:\p{Ll}+\s+)?$/iu.exec(clause)?.[1]?.toLowerCase();
  if (pronoun === undefined) return null;
  const person = state.people.resolve(at - clause.length + clause.lastIndexOf(pronoun), pronounGender(pronoun), MAX_BACK, null);
  return person?.unnamed === true ? null : person;
}

/**
 * A partial quotation with no verb of saying, in a sentence about one person only ("So, after his school “started
 * feathering me into special-education classes,” Gosling turned to acting", "Musk appealed for help with the
 * anomaly, which he called “the most difficult failure we've had”"): that person's words. The sentence is read in
 * the masked text (quotations blanked), so a name inside the quote does not count; two people, or none, leave it open.
 */
function soleSpeakerOfSentence(candidate: Candidate, state: SpeakerState): ResolvedSpeaker | null {
  const first = candidate.pieces[0] as Span;
  const last = candidate.pieces[candidate.pieces.length - 1] as Span;
  const quoteAt = (state.paragraphStart[first.paragraph] as number) + first.start;
  const quoteEnd = (state.paragraphStart[last.paragraph] as number) + last.end;
  // Sentence bounds from the text itself: a quotation that ends in a full stop ends its sentence too.
  const { allText } = state;
  const windowStart = Math.max(0, quoteAt - 400);
  const ends = [...allText.slice(windowStart, quoteAt).matchAll(/[.!?]["”’]?\s+|\n/g)];
  const lastEnd = ends[ends.length - 1];
  const sentenceStart = lastEnd === undefined ? windowStart : windowStart + lastEnd.index + lastEnd[0].length;
  const rest = allText.slice(quoteEnd, quoteEnd + 400);
  const stop = rest.search(/[.!?](?:["”’]?\s|$)|\n/);
  const sentenceEnd = quoteEnd + (stop < 0 ? rest.length : stop);
  // "the Obama administration, which has spoken about “…”": the words belong to what "which" stands for.
  if (/,\s*which\b[^,]*$/i.test(state.masked.slice(sentenceStart, quoteAt))) return null;
  const people = state.people.peopleBetween(sentenceStart, sentenceEnd);
  if (people.length !== 1) return null;
  const person = people[0] as Person;
  // "official AMBER alerts": an acronym is no person.
  if (person.unnamed === true || !/\p{Ll}/u.test(person.name)) return null;
  return { name: person.name, attribution: 'named', description: null, person };
}

/**
 * A quotation with no cue that closes a paragraph of narration about one person ("With his musical charming
 * audiences, Gosling has a lot on his plate. But what the actor is most excited about is life at home. “Your whole
 * life, you hear …”"): the words of the person the paragraph is about, its first person named when the writer goes
 * on about them with he / she / his / her. Context, as a reader takes it.
 */
function subjectOfParagraph(candidate: Candidate, state: SpeakerState): ResolvedSpeaker | null {
  const last = candidate.pieces[candidate.pieces.length - 1] as Span;
  const first = candidate.pieces[0] as Span;
  if (first.paragraph !== last.paragraph) return null;
  const start = state.paragraphStart[first.paragraph] as number;
  const paragraphEnd = state.allText.indexOf('\n', start);
  const end = paragraphEnd < 0 ? state.allText.length : paragraphEnd;
  if (state.allText.slice(start + last.end, end).trim() !== '') return null; // the quote must close the paragraph
  const people = state.people.peopleBetween(start, start + first.start);
  const subject = people[0];
  if (subject === undefined || subject.unnamed === true || people.length > 3) return null;
  const narration = state.masked.slice(start, start + first.start);
  const gender = state.people.genderOf(subject);
  const pronouns = gender === 'f' ? /\b(?:she|her)\b/i : gender === 'm' ? /\b(?:he|his|him)\b/i : null;
  if (pronouns === null || !pronouns.test(narration)) return null;
  return { name: subject.name, attribution: 'context', description: null, person: subject };
}

/** A name the article uses for a person: one it names (by surname or given name), or one led by a given name. */
function isPersonName(name: string, people: PeopleIndex): boolean {
  const words = name.split(/\s+/);
  return people.known(words[words.length - 1] as string) !== null || isGivenName(words[0] as string);
}

/** A name the writer comes back to (two mentions or more): a person or body the story is about, not a place in passing. */
function namedAgain(name: string, text: string): boolean {
  const last = name.split(/\s+/).pop() ?? name;
  const pattern = new RegExp(String.raw`\b${escapeRegExp(last)}\b`, 'g');
  let count = 0;
  for (const _ of text.matchAll(pattern)) if (++count >= 2) return true;
  return false;
}

/** Each paragraph's text with its quotations blanked out: what the writer says in their own words. */
function maskQuotations(paragraphs: readonly QuoteParagraph[], spans: readonly Span[][]): string {
  return paragraphs
    .map((paragraph, i) => {
      let text = paragraph.text;
      for (const span of spans[i] ?? []) text = text.slice(0, span.start) + ' '.repeat(span.end - span.start) + text.slice(span.end);
      return text;
    })
    .join('\n');
}

/**
 * The person a sentence reports as speaking or writing ("Here's how T-Mobile CEO John Legere responded:",
 * "One commenter, Bruce Van Horn, noted that …:", "Zuckerberg said at the trial."): the named subject of its
 * last cue verb, or null.
 */
export function namedSpeakerOf(sentence: string): string | null {
  const plain = sentence
    .replace(/^(?:and|but|so|now|meanwhile)\s*,?\s+/i, '')
    .replace(/^(?:here[’']?s|here\s+is|this\s+is)\s+(?:what|how)\s+/i, '')
    .replace(/[:.]\s*$/, ': ');
  const found = attributionBefore(plain, 0);
  return found?.speaker.kind === 'named' ? found.speaker.name : null;
}

/** True when the writer names someone other than the earlier quote's speaker between the two quotes. */
function namedInBetween(earlier: Candidate, later: Candidate, state: SpeakerState): boolean {
  const end = earlier.pieces[earlier.pieces.length - 1] as Span;
  const start = later.pieces[0] as Span;
  const from = (state.paragraphStart[end.paragraph] as number) + end.end;
  const to = (state.paragraphStart[start.paragraph] as number) + start.start;
  return state.people.otherNamedBetween(from, to, earlier.resolved?.person ?? null);
}

/**
 * A passage quoted with its own attribution inside (“‘Donald Trump, who’s that again?’ asked Millie Tracer of
 * Skokie. ‘I came to see the game.’”): the person it names spoke the inner words.
 */
function nestedAttribution(span: Span): Attribution | null {
  const nested = /^\s*[‘']([\s\S]+?[?!.,])[’']\s+([\s\S]*)$/u.exec(span.inner);
  if (nested === null || nested[1] === undefined || nested[2] === undefined) return null;
  const found = attributionAfter(nested[1], ` ${nested[2]}`, span.start);
  return found?.speaker.kind === 'named' ? { ...found, start: span.start, end: span.end } : null;
}

/**
 * A quotation that opens by naming its own source (`"According to Fern Weis, a parent coach, when you praise …"`):
 * the writer set the marks around a passage that says whose it is, so the person it names is the speaker.
 */
function selfAttribution(span: Span): Attribution | null {
  const opening = /^\s*according\s+to\s+([^,;:!?"“”]{1,120}),/iu.exec(span.inner);
  if (opening === null || opening[1] === undefined) return null;
  const phrase = speakerAfterCue(opening[1]);
  const speaker = phrase === null ? null : parseSpeaker(phrase);
  return speaker?.kind === 'named' ? { speaker, cue: 'according to', start: span.start, end: span.end } : null;
}

/** "X said:" closing the paragraph before a paragraph that opens with a quotation. */
function introducedBy(previousText: string | undefined): Attribution | null {
  if (previousText === undefined || !/:\s*$/.test(previousText)) return null;
  const sentence = previousText.split(/(?<=[.!?]["”]?)\s+(?=\p{Lu})/u).pop() ?? previousText;
  const found = attributionBefore(sentence.replace(/:\s*$/, ': '), 0);
  if (found === null) return null;
  // "…, Twitter issued a statement to Slate that it would …:" — the subject of the introducing sentence.
  return found;
}

/**
 * In-text direct quotations of the article's own paragraphs, each with its speaker and cue verb.
 * Handles `"…," said Name` / `"…," Name said` / `Name said: "…"` / `"…," a spokesperson said` / `"…," she added`,
 * reported speech around a partial quote (`Smith said the plan would "never work"`), an introducing sentence
 * closing the paragraph before, and a quotation paragraph with no cue that continues the speaker before.
 * Pronouns and descriptions are resolved to the most recent compatible person the article names (see
 * mentions.ts); a surname to the full name the article first gives. Scare quotes and titles are skipped.
 */
export function detectDirectQuotes(paragraphs: readonly QuoteParagraph[]): FoundDirect[] {
  const allText = paragraphs.map((p) => p.text).join('\n');
  const { candidates, spansOf } = gatherCandidates(paragraphs);
  const paragraphStart: number[] = [];
  let position = 0;
  for (const paragraph of paragraphs) {
    paragraphStart.push(position);
    position += paragraph.text.length + 1;
  }
  const masked = maskQuotations(paragraphs, spansOf);
  const speakerNames = new Set(
    candidates.flatMap((c) => (c.speaker?.kind === 'named' && c.reported !== true && !c.speaker.name.includes(' ') ? [c.speaker.name] : [])),
  );
  const state: SpeakerState = { paragraphStart, allText, people: new PeopleIndex(masked, speakerNames), masked, last: null, turns: [], fullOrganisations: new Map() };
  const context: Resolution = { paragraphs, spansOf, state, lastInParagraph: new Map<number, ResolvedSpeaker>() };

  const found: FoundDirect[] = [];
  for (const candidate of candidates) {
    const text = cleanInner(candidate.pieces.map((piece) => piece.inner).join(' ').replace(/\s+/g, ' '));
    const resolved = resolveCandidate(candidate, text, context);
    // Resolved even when the quote is too short to report: a later piece of the same sentence inherits its speaker
    // (`he felt he "had to" act because "no one else was brave enough"`).
    candidate.resolved = resolved;
    if (!reportable(candidate, text, resolved)) continue;
    if (candidate.speaker !== null || resolved.name !== null) {
      const at = (paragraphStart[candidate.attributedIn] as number) + candidate.attributionEnd;
      state.last = { person: resolved.person, name: resolved.name, paragraph: candidate.attributedIn, unnamed: resolved.name === null, at };
      if (resolved.name !== null && resolved.person?.unnamed !== true) {
        state.turns.push({ paragraph: candidate.attributedIn, person: resolved.person, name: resolved.name, at });
      }
    }
    const lastPiece = candidate.pieces[candidate.pieces.length - 1] as Span;
    context.lastInParagraph.set(lastPiece.paragraph, resolved);
    const first = candidate.pieces[0] as Span;
    found.push({
      quote: {
        kind: 'direct',
        text,
        speaker: resolved.name,
        cue: candidate.cue,
        attribution: resolved.name === null ? null : resolved.attribution,
        description: resolved.description,
      },
      element: (paragraphs[first.paragraph] as QuoteParagraph).element,
    });
  }
  return found;
}

/** What resolving the candidates in order shares: the paragraphs, their spans, the people, the last speaker of each paragraph. */
interface Resolution {
  paragraphs: readonly QuoteParagraph[];
  spansOf: Span[][];
  state: SpeakerState;
  lastInParagraph: Map<number, ResolvedSpeaker>;
}

/** Words cited rather than said, scare quotes, titles and emphasis are not reported. */
function reportable(candidate: Candidate, text: string, resolved: ResolvedSpeaker): boolean {
  if (candidate.cited === true) return false;
  const rawEnd = (candidate.pieces[candidate.pieces.length - 1] as Span).inner.trim();
  // A cue-less phrase of a word or three ("City of Stars") is a title or a term, whoever spoke last; a short
  // sentence ("I'm fine.", "Who cares?") is still said.
  const attributed = candidate.speaker !== null || (resolved.attribution === 'context' && (wordCount(text) >= 4 || /[.!?…]$/.test(text)));
  if (!attributed && !speechLike(text) && !speechLike(rawEnd)) return false; // scare quotes, titles, nicknames
  if (text === '' || wordCount(text) === 0) return false;
  // "a claim the harbour master described as “imaginative”": a word or two inside reported speech is emphasis.
  return !(candidate.reported === true && wordCount(text) < 3);
}

/** The speaker of one candidate: its own attribution, the quotation it continues, or the context around it. */
function resolveCandidate(candidate: Candidate, text: string, context: Resolution): ResolvedSpeaker {
  const { state } = context;
  if (candidate.speaker !== null) return resolveSpeaker(candidate, state, state.allText);
  if (candidate.inherits?.resolved !== undefined && !namedInBetween(candidate.inherits, candidate, state)) {
    candidate.cue = candidate.inherits.cue;
    return { ...candidate.inherits.resolved, attribution: candidate.inherits.resolved.name === null ? null : 'context' };
  }
  return contextSpeaker(candidate, text, context);
}

/**
 * A quotation with no cue of its own. A paragraph that opens with a quotation continues the speaker of the
 * paragraph before, or the one before that when what stands between is narration naming nobody else ("The
 * president also admitted …" between two of his quotations); else the one person its sentence or paragraph is about.
 */
function contextSpeaker(candidate: Candidate, text: string, context: Resolution): ResolvedSpeaker {
  const { paragraphs, spansOf, state, lastInParagraph } = context;
  const { paragraphStart, masked } = state;
  const first = candidate.pieces[0] as Span;
  // Only a paragraph that is all quotation: one with words of its own around the quote has its own subject.
  const opens = !/\p{L}/u.test(masked.slice(paragraphStart[first.paragraph], (paragraphStart[first.paragraph] as number) + (paragraphs[first.paragraph]?.text.length ?? 0)));
  // A mark left open that no next paragraph continues is a misread quotation, not a quotation paragraph.
  const wellFormed = candidate.pieces.length > 1 || first.closed;
  // Under a linked heading of a round-up ("regex2fat"), a paragraph that is all quotation is the item's own words.
  const heading = paragraphs[first.paragraph]?.heading;
  if (opens && wellFormed && heading !== undefined && candidate.continues === undefined) {
    return { name: heading, attribution: 'context', description: null, person: null };
  }
  const newSection = paragraphs[first.paragraph]?.afterHeading === true;
  let before = newSection ? undefined : lastInParagraph.get(first.paragraph - 1);
  if (before === undefined && !newSection && first.paragraph >= 2 && (spansOf[first.paragraph - 1] ?? []).length === 0) {
    const further = lastInParagraph.get(first.paragraph - 2);
    const from = paragraphStart[first.paragraph - 1] as number;
    if (further !== undefined && !state.people.otherNamedBetween(from, paragraphStart[first.paragraph] as number, further.person)) before = further;
  }
  let resolved: ResolvedSpeaker =
    opens && wellFormed && before !== undefined && before.name !== null
      ? { ...before, attribution: 'context', description: null }
      : { name: null, attribution: null, description: null, person: null };
  if (resolved.name === null && !opens && (/^\s*\p{Ll}/u.test(text) || speechLike(text))) {
    resolved = soleSpeakerOfSentence(candidate, state) ?? resolved;
  }
  if (resolved.name === null && !opens && wellFormed && speechLike(text)) resolved = subjectOfParagraph(candidate, state) ?? resolved;
  return resolved;
}

/** The quoted spans of every paragraph, as candidates: pieces joined into one quotation, each with its attribution if any. */
function gatherCandidates(paragraphs: readonly QuoteParagraph[]): { candidates: Candidate[]; spansOf: Span[][] } {
  const candidates: Candidate[] = [];
  const spansOf: Span[][] = [];
  let open: Candidate | null = null; // a quote running on into the next paragraph
  paragraphs.forEach((paragraph, index) => {
    const { text } = paragraph;
    const spans = findSpans(text, index);
    spansOf.push(spans);
    let previousEnd = 0;
    let previous: Candidate | null = null;
    spans.forEach((span, spanIndex) => {
      const nextStart = spans[spanIndex + 1]?.start ?? text.length;
      const before = text.slice(previousEnd, span.start);
      const after = text.slice(span.end, nextStart);
      const candidate = candidateOf({ span, spanIndex, index, text, before, after, open, previous }, candidates);
      if (candidate.speaker === null) attribute(candidate, { span, spanIndex, index, before, after, previous, previousEnd, paragraphs });
      open = span.closed ? null : candidate;
      previous = candidate;
      previousEnd = span.end;
    });
    if (spans.length === 0) open = null;
  });
  return { candidates, spansOf };
}

interface SpanPlace {
  span: Span;
  spanIndex: number;
  /** The paragraph's index. */
  index: number;
  before: string;
  after: string;
  previous: Candidate | null;
}

/** The candidate `span` belongs to: a new one, the quotation left open in the paragraph before, or the piece before it. */
function candidateOf(place: SpanPlace & { text: string; open: Candidate | null }, candidates: Candidate[]): Candidate {
  const { span, spanIndex, index, text, before, after, open, previous } = place;
  if (open !== null && spanIndex === 0 && span.start === 0) {
    // A quotation left open at the end of a paragraph goes on in this one: a quotation paragraph of its own,
    // spoken by the same person (reported as such, as a reader counts them).
    const candidate: Candidate = { pieces: [span], speaker: null, cue: null, attributedIn: index, attributionEnd: span.end, attributionAt: span.start, inherits: open, continues: open };
    candidates.push(candidate);
    return candidate;
  }
  if (
    previous !== null &&
    /^\s*\p{Ll}/u.test(span.inner) &&
    !/[.!?]/.test(before) &&
    !/[.!?]\s*$/.test((previous.pieces[previous.pieces.length - 1] as Span).inner) &&
    ((before.length <= 80 && splitByAttribution((previous.pieces[previous.pieces.length - 1] as Span).inner, before)) || dashAside(before))
  ) {
    // `"We will win," she said, "and soon."`: the second part continues the first.
    previous.pieces.push(span);
    return previous;
  }
  const candidate: Candidate = { pieces: [span], speaker: null, cue: null, attributedIn: index, attributionEnd: span.end, attributionAt: span.start, inherits: null };
  candidate.cited = citedNotSaid(text.slice(Math.max(0, span.start - 240), span.start), after);
  candidates.push(candidate);
  return candidate;
}

/** Finds the attribution of a candidate without a speaker yet: after it, before it, inside it, or closing the paragraph before. */
function attribute(candidate: Candidate, place: SpanPlace & { previousEnd: number; paragraphs: readonly QuoteParagraph[] }): void {
  const { span, spanIndex, index, before, after, previous, previousEnd, paragraphs } = place;
  let found =
    (span.closed ? attributionAfter(span.inner, after, span.end) : null) ??
    (candidate.pieces.length === 1 ? attributionBefore(before, previousEnd) : null);
  let foundIn = index;
  if (found === null && candidate.pieces.length === 1) found = nestedAttribution(span);
  if (found === null && candidate.pieces.length === 1) found = selfAttribution(span);
  if (found === null && candidate.pieces.length === 1 && spanIndex === 0 && before.trim() === '') {
    found = introducedBy(paragraphs[index - 1]?.text);
    foundIn = index - 1;
  }
  if (found !== null) {
    candidate.speaker = found.speaker;
    candidate.cue = found.cue;
    candidate.attributedIn = foundIn;
    candidate.attributionEnd = found.end;
    candidate.attributionAt = found.start;
    candidate.reported = found.reported === true;
    // “…(paragraph) / “… ,” said Maria Lopez: the attribution at the end names the speaker of the paragraphs before.
    for (let earlier = candidate.continues; earlier !== undefined && earlier.speaker === null; earlier = earlier.continues) {
      Object.assign(earlier, { speaker: found.speaker, cue: found.cue, attributedIn: foundIn, attributionEnd: found.end, attributionAt: found.start, reported: false });
    }
  } else if (previous !== null && previous !== candidate && (previous.speaker !== null || previous.inherits !== null)) {
    // `"…," a spokesperson said. "We appreciate …"` / `"…," said Eagan. He is …. "I have …"`: same speaker.
    candidate.inherits = previous;
  }
}
