import type { Element } from 'domhandler';
import type { DirectQuote } from '../../types.js';
import { CUE_PATTERN, canStartName, parseSpeaker, type Speaker } from './speaker.js';
import { wordCount } from './quote-text.js';

/** One paragraph of the article's own text. */
export interface QuoteParagraph {
  element: Element;
  text: string;
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
}

const OPENERS: Record<string, string> = { '"': '"', '“': '”', '„': '“”', '«': '»', '‟': '”' };

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
const ADVERB = String.raw`(?:(?:also|later|then|once|further|again|previously|earlier|recently|simply|only|reportedly|had|has|have|would|will|later\s+on)\s+)*`;
/** `," Okafor said` / `," a State Department spokesperson said Wednesday` / `," she added.` */
const SPEAKER_THEN_CUE = new RegExp(String.raw`${LEAD}([^.!?"“”;:]{1,90}?)\s+${ADVERB}(${CUE_PATTERN})\b`, 'iu');
/** `," said Harriet Okafor, who …` */
const CUE_THEN_SPEAKER = new RegExp(String.raw`${LEAD}(${CUE_PATTERN})\s+([^!?"“”;:]{1,90})`, 'iu'); // periods allowed: "Dr." / "K."; speakerAfterCue stops at a sentence end
const ACCORDING_AFTER = new RegExp(String.raw`${LEAD}according\s+to\s+([^.!?"“”;:]{1,90})`, 'iu');
/** `Bezio said: "` / `Smith told reporters on Monday: "` / `President Trump had previously promised "` */
const CUE_BEFORE = new RegExp(String.raw`\b(${CUE_PATTERN})(\s+[^"“”:.!?]{0,60})?\s*([:,]?)\s*$`, 'iu');
const TRAILING_ADVERB = /\s+(?:also|later|then|once|further|again|previously|earlier|recently|simply|only|reportedly|had|has|have|would|will)$/i;
const APPOSITIVE = /,\s*(?:who|which|whose|the|a|an|his|her|their|its)\b[^,]*,?$/i;
const ACCORDING_BEFORE = /according\s+to\s+([^,.!?"“”]{1,80}?)\s*,?\s*$/iu;

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
    return name.length > 0 ? name.join(' ') : null;
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
}

/** The attribution after a quote, in the text from its closing mark to the next quote or sentence end. */
function attributionAfter(inner: string, after: string, offset: number): Attribution | null {
  // A quote that ended its own sentence ("….") is not continued by an attribution.
  if (/\.\s*$/.test(inner) && !/^\s*[,—–-]/.test(after)) return null;
  const a = SPEAKER_THEN_CUE.exec(after);
  if (a && a[1] !== undefined && a[2] !== undefined) {
    const speaker = parseSpeaker(a[1]);
    if (speaker !== null) return { speaker, cue: a[2].toLowerCase(), end: offset + a.index + a[0].length };
  }
  const b = CUE_THEN_SPEAKER.exec(after);
  if (b && b[1] !== undefined && b[2] !== undefined) {
    const phrase = speakerAfterCue(b[2]);
    const speaker = phrase === null ? null : parseSpeaker(phrase);
    if (speaker !== null) return { speaker, cue: b[1].toLowerCase(), end: offset + b.index + b[0].length };
  }
  const c = ACCORDING_AFTER.exec(after);
  if (c && c[1] !== undefined) {
    const speaker = parseSpeaker(c[1]);
    if (speaker !== null) return { speaker, cue: 'according to', end: offset + c.index + c[0].length };
  }
  return null;
}

/** The attribution before a quote: "Bezio said: ", "Smith told reporters, ", "According to Smith, ". */
function attributionBefore(before: string, offset: number): Attribution | null {
  const clause = before.split(/(?<=[.!?])\s+/).pop() ?? before;
  const d = CUE_BEFORE.exec(clause);
  if (d && d[1] !== undefined) {
    const complement = (d[2] ?? '').trim();
    const punctuated = d[3] !== undefined && d[3] !== '';
    // "Smith said the plan would "never work"": a partial quote inside reported speech has no cue of its own.
    if (complement === '' || punctuated) {
      let subject = clause.slice(0, d.index).trim().replace(/,$/, '');
      for (let i = 0; i < 3 && TRAILING_ADVERB.test(subject); i += 1) subject = subject.replace(TRAILING_ADVERB, '');
      const lastPiece = (text: string): Speaker | null => {
        const piece = (text.split(/[,;]\s*/).pop() ?? text).trim();
        return piece === '' ? null : parseSpeaker(piece);
      };
      // "Okafor, who chairs the board, said:" → Okafor; but "In a statement, the company said:" → the company.
      const withoutAppositive = APPOSITIVE.test(subject) ? lastPiece(subject.replace(APPOSITIVE, '').trim()) : null;
      const speaker = withoutAppositive?.kind === 'named' ? withoutAppositive : lastPiece(subject);
      if (speaker !== null) return { speaker, cue: d[1].toLowerCase(), end: offset + before.length };
    }
  }
  const e = ACCORDING_BEFORE.exec(clause);
  if (e && e[1] !== undefined) {
    const speaker = parseSpeaker(e[1]);
    if (speaker !== null) return { speaker, cue: 'according to', end: offset + before.length };
  }
  return null;
}

/** The article text from one position (paragraph, offset) up to the start of a span. */
function textBetween(paragraphs: readonly QuoteParagraph[], from: { paragraph: number; offset: number }, to: Span): string {
  const parts: string[] = [];
  for (let i = from.paragraph; i <= to.paragraph; i += 1) {
    const text = paragraphs[i]?.text ?? '';
    const start = i === from.paragraph ? from.offset : 0;
    const end = i === to.paragraph ? to.start : text.length;
    if (end > start) parts.push(text.slice(start, end));
  }
  return parts.join(' ');
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

const NAME_MENTION = /\b(\p{Lu}[\p{Ll}'’-]+)\s+(\p{Lu}[\p{Ll}'’-]+)\b/gu;
const MENTION_STOPWORDS = /^(?:The|A|An|On|In|At|But|And|Or|If|As|It|He|She|They|We|I|This|That|These|Those|When|While|After|Before|Watch|Read|See|Take|Look|Meet|Listen|Click|Follow|Join|Ask|Tell|Let|Thank|Thanks|Dear|Why|How|What|Who|Where|Did|Does|Can|Will|Should|Would|Could|Is|Was|Are|Were|Has|Have|Had|Not|Only|Even|Also|Both|Like|Unlike|Said|Says|Then|Now|So|For|From|To|With|By|Of|Our|Your|His|Her|Their|My|Its|President|Secretary|Senator|Sen|Rep|Gov|Governor|Mayor|Judge|General|Minister|Chief|Director|Spokesman|Spokeswoman|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Mr|Mrs|Ms|Dr)$/;

/** True when the text names some person other than `name` (two capitalized words in a row). */
function mentionsOtherName(text: string, name: string): boolean {
  const known = new Set(name.split(/\s+/));
  for (const match of text.matchAll(NAME_MENTION)) {
    const [, first = '', second = ''] = match;
    if (MENTION_STOPWORDS.test(first) || MENTION_STOPWORDS.test(second)) continue;
    if (known.has(first) || known.has(second)) continue;
    return true;
  }
  return false;
}

/** The known speaker (full name, or its surname) mentioned last in the text, or null. */
function lastMentionedSpeaker(text: string, fullNames: readonly string[]): string | null {
  let best: { name: string; at: number } | null = null;
  for (const name of fullNames) {
    const surname = name.split(' ').pop() ?? name;
    const pattern = new RegExp(String.raw`\b${surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\b`, 'g');
    for (const match of text.matchAll(pattern)) {
      if (best === null || match.index > best.at) best = { name, at: match.index };
    }
  }
  return best?.name ?? null;
}

/** "Okafor" → "Harriet Okafor" when the article names her in full (in an earlier speaker or in its text). */
function expandSurname(name: string, fullNames: string[], allText: string): string {
  if (name.includes(' ')) return name;
  const known = fullNames.find((full) => full.endsWith(` ${name}`));
  if (known !== undefined) return known;
  const pattern = new RegExp(String.raw`\b(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}\.)?)\s+${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\b`, 'gu');
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

/**
 * In-text direct quotations of the article's own paragraphs, each with its speaker and cue verb.
 * Handles `"…," said Name` / `"…," Name said` / `Name said: "…"` / `"…," a spokesperson said` / `"…," she added`
 * (he/she resolved to the most recent named speaker when that speaker stands in the same or the previous
 * paragraph and no other name is mentioned in between), quotes running over several paragraphs, straight
 * and curly marks. Scare quotes and titles (short, no cue) are skipped.
 */
export function detectDirectQuotes(paragraphs: readonly QuoteParagraph[]): FoundDirect[] {
  const allText = paragraphs.map((p) => p.text).join('\n');
  const candidates: Candidate[] = [];
  let open: Candidate | null = null; // a quote running on into the next paragraph

  paragraphs.forEach((paragraph, index) => {
    const { text } = paragraph;
    const spans = findSpans(text, index);
    let previousEnd = 0;
    let previous: Candidate | null = null;
    spans.forEach((span, spanIndex) => {
      const nextStart = spans[spanIndex + 1]?.start ?? text.length;
      const before = text.slice(previousEnd, span.start);
      const after = text.slice(span.end, nextStart);
      let candidate: Candidate;
      if (open !== null && spanIndex === 0 && span.start === 0) {
        // Continuation of a quote left open at the end of the previous paragraph.
        candidate = open;
        candidate.pieces.push(span);
      } else if (
        previous !== null &&
        /^\s*\p{Ll}/u.test(span.inner) &&
        before.length <= 80 &&
        !/[.!?]/.test(before)
      ) {
        // `"We will win," she said, "and soon."`: the second part continues the first.
        candidate = previous;
        candidate.pieces.push(span);
      } else {
        candidate = { pieces: [span], speaker: null, cue: null, attributedIn: index, attributionEnd: span.end };
        candidates.push(candidate);
      }
      if (candidate.speaker === null) {
        const found =
          (span.closed ? attributionAfter(span.inner, after, span.end) : null) ??
          (candidate.pieces.length === 1 ? attributionBefore(before, previousEnd) : null);
        if (found !== null) {
          candidate.speaker = found.speaker;
          candidate.cue = found.cue;
          candidate.attributedIn = index;
          candidate.attributionEnd = found.end;
        } else if (previous !== null && previous !== candidate && previous.speaker !== null && !/[^\s]/.test(before.replace(/^[^.!?]*[.!?]/, ''))) {
          // `"…," a spokesperson said. "We appreciate …"`: a quote right after an attributed one, same speaker.
          candidate.speaker = previous.speaker;
          candidate.cue = previous.cue;
          candidate.attributedIn = index;
          candidate.attributionEnd = span.end;
        }
      }
      open = span.closed ? null : candidate;
      previous = candidate;
      previousEnd = span.end;
    });
    if (spans.length === 0) open = null;
  });

  // Speakers: pronouns resolved, surnames expanded, and the quotes that count kept.
  const found: FoundDirect[] = [];
  const fullNames: string[] = [];
  let lastSpeaker: { name: string | null; paragraph: number; offset: number } | null = null;
  for (const candidate of candidates) {
    const text = cleanInner(
      candidate.pieces
        .map((piece) => piece.inner)
        .join(' ')
        .replace(/\s+/g, ' '),
    );
    let speakerName: string | null = null;
    const { speaker } = candidate;
    if (speaker?.kind === 'named') {
      speakerName = expandSurname(speaker.name, fullNames, allText);
      if (speakerName.includes(' ') && !fullNames.includes(speakerName)) fullNames.push(speakerName);
    } else if (speaker?.kind === 'description') {
      speakerName = speaker.text;
    } else if (speaker?.kind === 'pronoun' && speaker.person && lastSpeaker !== null && lastSpeaker.name !== null) {
      const first = candidate.pieces[0] as Span;
      const near: boolean = first.paragraph - lastSpeaker.paragraph <= 1 && first.paragraph >= lastSpeaker.paragraph;
      const between: string = near ? textBetween(paragraphs, lastSpeaker, first) : '';
      // "Okafor rejected that. “…,” she said.": a known speaker named in between is the nearer person.
      const mentioned: string | null = near ? lastMentionedSpeaker(between, fullNames) : null;
      const resolved: string = mentioned ?? lastSpeaker.name;
      if (near && !mentionsOtherName(between, resolved)) {
        speakerName = resolved;
        lastSpeaker = { name: speakerName, paragraph: candidate.attributedIn, offset: candidate.attributionEnd };
      }
    }
    const rawEnd = (candidate.pieces[candidate.pieces.length - 1] as Span).inner.trim();
    if (speaker === null && !speechLike(text) && !speechLike(rawEnd)) continue; // scare quotes, titles, nicknames
    if (text === '' || wordCount(text) === 0) continue;
    if (speaker !== null && speaker.kind !== 'pronoun') {
      lastSpeaker = {
        name: speaker.kind === 'named' ? speakerName : null,
        paragraph: candidate.attributedIn,
        offset: candidate.attributionEnd,
      };
    }
    const first = candidate.pieces[0] as Span;
    found.push({
      quote: { kind: 'direct', text, speaker: speakerName, cue: speaker === null ? null : candidate.cue },
      element: (paragraphs[first.paragraph] as QuoteParagraph).element,
    });
  }
  return found;
}
