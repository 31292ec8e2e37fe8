/**
 * The people an article names, where it names them, and what a reader knows of their gender: what "he",
 * "she", "the actress" and a bare surname refer back to. Built once per article from its own paragraphs
 * (quotations masked out: a name inside someone's words is not a mention by the writer).
 */
import { genderOfGivenName, isGivenName, type Gender } from './given-names.js';
import { ORG_WORDS, isCue, isTitle } from './speaker.js';

export interface Person {
  /** The name as the article first gives it in full ("Joshua Apte"). */
  name: string;
  surname: string;
  first: string;
  gender: Gender | null;
  votes: { m: number; f: number };
  /** Someone the writer introduces without a name ("One student at Duke University said he …"). */
  unnamed?: boolean;
}

export interface Mention {
  at: number;
  end: number;
  person: Person;
  /** Index of the sentence the mention stands in (for "the subject of the last sentence"). */
  sentence: number;
}

const NAME_RUN =
  /(?:\b(Mr|Mrs|Ms|Miss|Mx|Dr|Sen|Rep|Gov|Gen|Prof|Rev|Sir|Dame)\.?\s+)?((?:\p{Lu}[\p{L}'’-]*|\p{Lu}\.)(?:\s+(?:\p{Lu}[\p{L}'’-]*|\p{Lu}\.|van|von|de|der|den|da|del|della|di|du|la|le|bin|ibn|al|el)){0,5})/gu;

/** Capitalized words that start sentences or name things, never a person. */
const NOT_NAME = new Set(
  `the a an but and or in on at for to of it he she they we i you this that these those there here when while after
  before as if so yet still now then later earlier what who why how where since because though although with without by from about
  his her their our my its one some many most all no not yes also just even perhaps maybe meanwhile however instead
  like last next every each both either neither another other such only once during until unless despite according
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september
  october november december today tonight yesterday tomorrow update editor note photo watch read related`.split(/\s+/),
);

/** "One student", "a student at …", "This student", "another resident": a person brought in without a name. */
const UNNAMED_PERSON =
  /\b(?:[Oo]ne|[Aa]n?|[Aa]nother|[Tt]his|[Tt]hat)\s+(?:[\p{L}-]+\s+){0,2}?(?:student|senior|junior|freshman|sophomore|man|woman|resident|voter|worker|employee|supporter|witness|neighbou?r|teacher|parent|protester|activist|participant|customer|reader|viewer|attendee|passenger|patient)\b(?!['’-])/gu;
/** Words that make the description that follows an object or a predicate, not someone who goes on to speak. */
const OBJECT_OF = /\b(?:is|was|are|were|as|be|been|being|became|become|to|with|for|from|by|of|about|at|on|in|into|told|asked|called|like|than|every|any)\s+$/i;

/** "asked her about", "told him that", "thanked her.": a pronoun that is the object of the verb after a name. */
const OBJECT_PRONOUN_AFTER_VERB =
  /^\s+\p{Ll}+\s+(?:him|her)(?:\s+(?:about|to|for|if|whether|what|why|how|that|on|in|at|with|from|a|an|the|not|again)\b|\s*[,.;:!?])/u;

const MALE_TITLES = new Set(['mr', 'sir']);
const FEMALE_TITLES = new Set(['mrs', 'ms', 'miss', 'dame']);
const PARTICLE = /^(?:van|von|de|der|den|da|del|della|di|du|la|le|bin|ibn|al|el)$/;

const cleanWord = (word: string): string => word.replace(/(?:'s|’s|'|’)$/, '');

/** Where the article names people, in order, with each person's gender as far as the text tells. */
export class PeopleIndex {
  readonly mentions: Mention[] = [];
  private readonly people: Person[] = [];
  private readonly sentenceStarts: number[] = [];
  /** Full names not yet known to be people, by surname ("Elon Musk" until "Musk and his team"). */
  private readonly unconfirmed = new Map<string, string[]>();

  /**
   * @param text the article's own paragraphs joined by "\n", quotations blanked out (same length)
   * @param speakerNames single words used as a named speaker somewhere ("Jared said"): they are people too
   */
  constructor(
    private readonly text: string,
    speakerNames: ReadonlySet<string>,
  ) {
    for (const match of text.matchAll(/(?:^|[.!?]["”’)]?\s+|\n)(?=\S)/g)) this.sentenceStarts.push(match.index + match[0].length);
    for (const match of text.matchAll(NAME_RUN)) {
      const title = match[1]?.toLowerCase() ?? null;
      const run = match[2] ?? '';
      const at = match.index + match[0].length - run.length;
      this.readRun(run.split(/\s+/), at, title, speakerNames);
    }
    this.addUnnamedPeople();
    this.countPronounVotes();
  }

  /**
   * People the writer brings in without a name, as the subject of what follows ("One student at Duke University
   * said he …", "This student canceled …", "a student at Wesleyan University … wrote that he …"): a later "he"
   * may mean them, not the last person named. Not an appositive of a name ("Daniel, a New York University
   * senior"), not one named right after ("Another Duke student, Brittany, said"), not an object ("told a reporter").
   */
  private addUnnamedPeople(): void {
    let added = false;
    for (const match of this.text.matchAll(UNNAMED_PERSON)) {
      const before = this.text.slice(Math.max(0, match.index - 40), match.index);
      const after = this.text.slice(match.index + match[0].length, match.index + match[0].length + 30);
      if (/\p{Lu}[\p{L}'’.-]*,\s*$/u.test(before) || /^\s*,\s*\p{Lu}|^\s+(?:named|called)\b/u.test(after)) continue;
      if (OBJECT_OF.test(before)) continue;
      const person: Person = { name: match[0], surname: '', first: '', gender: null, votes: { m: 0, f: 0 }, unnamed: true };
      this.people.push(person);
      this.mentions.push({ at: match.index, end: match.index + match[0].length, person, sentence: this.sentenceAt(match.index) });
      added = true;
    }
    if (added) this.mentions.sort((a, b) => a.at - b.at);
  }

  /** One capitalized run: the person it names (after titles and sentence openers), if any. */
  private readRun(rawWords: string[], at: number, title: string | null, speakerNames: ReadonlySet<string>): void {
    let words = rawWords.map(cleanWord);
    let offset = at;
    const drop = (n: number): void => {
      for (let i = 0; i < n; i += 1) offset += (rawWords[i] as string).length + 1;
      rawWords = rawWords.slice(n);
      words = words.slice(n);
    };
    while (words.length > 0 && (NOT_NAME.has((words[0] as string).toLowerCase()) || isCue(words[0] as string))) drop(1);
    if (words.length === 0) return;
    if (words.some((word) => ORG_WORDS.test(word))) return;
    // "UD President Dennis Assanis", "Defense Secretary Mark Esper": the name follows the last title word.
    let lastTitle = -1;
    words.forEach((word, i) => {
      if (isTitle(word) && i < words.length - 1) lastTitle = i;
    });
    const given = words.findIndex((word) => isGivenName(word));
    const titled = title !== null || lastTitle >= 0;
    if (given >= 0 && given < words.length - 1 && (lastTitle < 0 || given > lastTitle)) drop(given);
    else if (lastTitle >= 0) drop(lastTitle + 1);
    while (words.length > 1 && PARTICLE.test(words[words.length - 1] as string)) words = words.slice(0, -1);
    if (words.length === 0 || words.length > 4) return;
    const end = offset + rawWords.slice(0, words.length).join(' ').length;
    const last = words[words.length - 1] as string;
    let person: Person | null = null;
    if (words.length === 1) {
      person = this.known(last);
      // "Another Duke student, Brittany, said …": a given name alone names a person too.
      if (person === null && (titled || speakerNames.has(last) || (isGivenName(last) && !this.followedByModifier(end)))) {
        person = this.add([last]);
      }
      // "billionaire Elon Musk" … "Musk and his team": the surname of an earlier full name, taken up with "his".
      const earlier = this.unconfirmed.get(last);
      if (person === null && earlier !== undefined && !this.afterPlacePreposition(offset) && this.followedByPersonalPronoun(end)) {
        person = this.add(earlier);
      }
    } else if ((isGivenName(words[0] as string) && !this.followedByModifier(end)) || titled || speakerNames.has(last)) {
      person = this.find(words.join(' ')) ?? this.add(words);
    } else {
      // An unfamiliar given name: a person when the writer goes on with "he" / "she" / "his" / "her".
      person = this.known(last);
      if (person === null && words.length <= 3 && !this.afterPlacePreposition(offset) && this.followedByPersonalPronoun(end)) {
        person = this.add(words);
      }
      if (person === null && words.length <= 3) this.unconfirmed.set(last, words);
    }
    if (person === null) return;
    // "few Trump supporters", "the Obama administration": the name qualifies a group; its bearer does nothing here.
    if (/^\s+(?:supporters?|voters?|administration|campaign|era|presidency|rall(?:y|ies)|loyalists?|allies|critics|camp|aides|officials|polic(?:y|ies)|tower|organization)\b/i.test(this.text.slice(end, end + 30))) return;
    if (title !== null && person.gender === null) {
      if (MALE_TITLES.has(title)) person.gender = 'm';
      if (FEMALE_TITLES.has(title)) person.gender = 'f';
    }
    this.mentions.push({ at: offset, end, person, sentence: this.sentenceAt(offset) });
  }

  /**
   * "the Chicago Fire actor", "Blade Runner 2049", "(Win McNamee/Getty Images)": a run that modifies a noun, is
   * followed by a number or stands in a credit is a title or a credit line, not a person.
   */
  private followedByModifier(end: number): boolean {
    const after = this.text.slice(end, end + 40);
    return /^(?:\s+\d|\/|\s*\)|\s+(?:actor|actress|star|singer|player|series|show|movie|film|album|song|franchise|team|fans?|sequel|cast|episode|season)\b)/i.test(after);
  }

  /** "in Durham, North Carolina, said he …": a place after "in" / "at" / "from" (or after "in Town,"), not a person. */
  private afterPlacePreposition(at: number): boolean {
    const before = this.text.slice(Math.max(0, at - 40), at);
    return /\b(?:in|at|from|near|outside)\s+(?:\p{Lu}[\p{L}'’.-]*\s+){0,2}(?:\p{Lu}[\p{L}'’.-]*,\s+)?$/u.test(before);
  }

  /** "Lovato has spoken out about her body image": a name the writer goes on with he / she / his / her. */
  private followedByPersonalPronoun(end: number): boolean {
    if (this.followedByModifier(end)) return false;
    return /^\s*(?:,[^,.]{0,80},\s*)?[^.\p{Lu}]{0,60}\b(?:he|she|his|her)\b/u.test(this.text.slice(end, end + 100));
  }

  private add(words: string[]): Person {
    const person: Person = {
      name: words.join(' '),
      surname: words[words.length - 1] as string,
      first: words[0] as string,
      gender: words.length > 1 ? genderOfGivenName(words[0] as string) : genderOfGivenName(words[0] as string),
      votes: { m: 0, f: 0 },
    };
    this.people.push(person);
    return person;
  }

  private find(name: string): Person | null {
    return this.people.find((person) => person.name === name) ?? null;
  }

  /** The person a single word stands for: the latest named in full with that surname, else that given name. */
  known(word: string): Person | null {
    for (let i = this.people.length - 1; i >= 0; i -= 1) {
      const person = this.people[i] as Person;
      if (person.surname === word && person.name !== word) return person;
    }
    for (let i = this.people.length - 1; i >= 0; i -= 1) {
      const person = this.people[i] as Person;
      if (person.first === word && person.name !== word) return person;
    }
    return this.find(word);
  }

  /** A named speaker's full name as the article gives it ("Okafor" → "Harriet Okafor"). */
  fullName(name: string): string {
    const words = name.split(/\s+/);
    if (words.length > 1) {
      const exact = this.find(name);
      if (exact !== null) return exact.name;
      // "Ambassador Sondland" was stripped of its title already; "Ryan Gosling" stays as it is.
      return name;
    }
    return this.known(name)?.name ?? name;
  }

  private sentenceAt(at: number): number {
    let lo = 0;
    let hi = this.sentenceStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.sentenceStarts[mid] as number) <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Each mention votes for the gender of the first he/she (his/her …) after it, before the next name. */
  private countPronounVotes(): void {
    this.mentions.forEach((mention, i) => {
      const next = this.mentions[i + 1]?.at ?? this.text.length;
      const window = this.text.slice(mention.end, Math.min(next, mention.end + 240));
      const found = /\b(he|him|his|himself|she|her|hers|herself)\b/i.exec(window);
      if (found === null) return;
      // "Kimmel asked her about …": the object of the name's own verb is someone else ("joined her team": her own).
      if (OBJECT_PRONOUN_AFTER_VERB.test(window) && found.index === window.search(/\b(?:him|her)\b/)) return;
      if (/^(?:he|him|his|himself)$/i.test(found[1] as string)) mention.person.votes.m += 1;
      else mention.person.votes.f += 1;
    });
  }

  genderOf(person: Person): Gender | null {
    if (person.gender !== null) return person.gender;
    if (person.votes.m > person.votes.f) return 'm';
    if (person.votes.f > person.votes.m) return 'f';
    return null;
  }

  /** The index of the last mention before `at`, or -1. */
  private lastBefore(at: number): number {
    let lo = 0;
    let hi = this.mentions.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.mentions[mid] as Mention).at < at) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /**
   * The person "he" / "she" / "the actress" at `at` refers back to: the sentence nearest before it that names a
   * compatible person, and in it the first such person (the subject, usually); `prefer` wins when it is there.
   */
  resolve(at: number, gender: Gender | null, maxBack: number, prefer: Person | null = null): Person | null {
    const known = this.nearest(at, gender, maxBack, prefer, true);
    if (gender === null) return this.nearest(at, gender, maxBack, prefer, false)?.person ?? null;
    const any = this.nearest(at, gender, maxBack, prefer, false);
    // A person whose gender the text told wins over a nearer one it never did ("Blade Runner", a place), when close.
    if (known !== null && (any === null || any.sentence - known.sentence <= 3)) return known.person;
    return any?.person ?? null;
  }

  private nearest(at: number, gender: Gender | null, maxBack: number, prefer: Person | null, knownOnly: boolean): { person: Person; sentence: number } | null {
    let sentence = -1;
    let pick: Person | null = null;
    let preferred = false;
    for (let i = this.lastBefore(at); i >= 0; i -= 1) {
      const mention = this.mentions[i] as Mention;
      if (at - mention.at > maxBack) break;
      if (sentence >= 0 && mention.sentence !== sentence) break;
      const g = this.genderOf(mention.person);
      if (gender !== null && g !== null && g !== gender) continue;
      if (knownOnly && g === null) continue;
      if (this.afterSubjectPronoun(mention, gender)) continue;
      sentence = mention.sentence;
      if (!preferred) pick = mention.person;
      if (mention.person === prefer) preferred = true;
    }
    return pick === null ? null : { person: pick, sentence };
  }

  /** The distinct people named between two positions, in order. */
  peopleBetween(from: number, to: number): Person[] {
    const found: Person[] = [];
    for (let i = this.lastBefore(to); i >= 0; i -= 1) {
      const mention = this.mentions[i] as Mention;
      if (mention.at < from) break;
      if (!found.includes(mention.person)) found.unshift(mention.person);
    }
    return found;
  }

  /**
   * "(He acknowledged …, and looked forward to Yiannopoulos's speech)": a sentence whose subject is already "he" /
   * "she" goes on about someone else, and a later "he" continues that subject, not the name mentioned in passing.
   */
  private afterSubjectPronoun(mention: Mention, gender: Gender | null): boolean {
    const start = this.sentenceStarts[mention.sentence] ?? 0;
    const opener = /^[\s("“]*(?:(?:and|but|then|so|still|yet|later)\s+)?(he|she)\b/i.exec(this.text.slice(start, mention.at));
    if (opener === null) return false;
    return gender === null || (opener[1] as string).toLowerCase() === (gender === 'm' ? 'he' : 'she');
  }

  /** True when someone other than `person` is named between two positions. */
  otherNamedBetween(from: number, to: number, person: Person | null): boolean {
    for (let i = this.lastBefore(to); i >= 0; i -= 1) {
      const mention = this.mentions[i] as Mention;
      if (mention.at < from) break;
      if (mention.person !== person) return true;
    }
    return false;
  }
}
