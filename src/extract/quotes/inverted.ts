/**
 * Inverted attribution in any language: a quotation that ends in a comma (`"…," přidává se Emile Heskey, …`,
 * `„…“, sagte Olaf Scholz.`) is followed by the clause that says who spoke, and in that clause a few lower-case
 * words (the verb of saying and what goes with it) come before the speaker's name. A reader needs no list of
 * verbs for that grammar: the comma promises an attribution, and the name that closes the clause is the speaker.
 */

/** Words that open a clause that is not an attribution: prepositions, articles, conjunctions, relatives. */
const NOT_A_VERB =
  /^(?:the|and|but|for|with|from|after|before|when|while|which|who|whom|whose|that|then|than|this|these|those|its|his|her|their|our|your|into|onto|upon|about|over|under|since|until|because|though|although|where|what|how|why|also|just|only|even|still|some|many|most|more|such|according|including|says?|said)$/i;

/** Articles of the languages whose nouns are capitalized or that put an article before a description. */
const ARTICLE = /^(?:a|an|the|ein|eine|einer|eines|einem|einen|der|die|das|den|dem|des|un|une|le|la|les|el|los|las|il|lo|gli|uno|una|de|het|een)$/i;

/** Lower-case words of a name ("Claret and Hugh", "Joost van Hoof"). */
const NAME_JOINER = /^(?:and|&|of|van|von|de|der|den|da|del|della|di|du|la|le|bin|ibn|al|el)$/;

const LOWER_WORD = /^\p{Ll}[\p{Ll}\p{M}'’-]*$/u;
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*)$/u;

export interface InvertedAttribution {
  /** The name that closes the clause. */
  name: string;
  /** Offset in `after` where the clause starts and ends. */
  start: number;
  end: number;
}

/**
 * The speaker of `"…," <verb words> Name` in the text after a quotation's closing mark. `quoteEndsInComma` says the
 * quotation's own last character was a comma (`,"`); otherwise the comma must stand right after the mark (`“, sagte`).
 * Null when the clause does not have that shape: no name closing it, more than six words before the name, a clause
 * led by a preposition or conjunction, or a name led by an article (`sagte ein Sprecher`: a description).
 */
export function invertedAttribution(after: string, quoteEndsInComma: boolean): InvertedAttribution | null {
  const lead = /^\s*,?\s*/.exec(after)?.[0] ?? '';
  if (!quoteEndsInComma && !lead.includes(',')) return null;
  const clauseEnd = after.slice(lead.length).search(/[,;:!?()—–]|\.(?=\s|$)|\s[-–]\s|$/);
  const clause = after.slice(lead.length, lead.length + clauseEnd);
  const words = clause.trim().split(/\s+/).filter(Boolean);
  let verbs = 0;
  while (verbs < words.length && LOWER_WORD.test(words[verbs] as string)) verbs += 1;
  if (verbs === 0 || verbs > 6 || verbs === words.length) return null;
  const firstWord = words[0] as string;
  if (firstWord.length <= 2 || NOT_A_VERB.test(firstWord)) return null;
  if (ARTICLE.test(words[verbs - 1] as string)) return null;
  const nameWords = words.slice(verbs);
  if (!nameWords.every((word) => NAME_WORD.test(word) || NAME_JOINER.test(word))) return null;
  if (nameWords.length > 5 || NAME_JOINER.test(nameWords[nameWords.length - 1] as string)) return null;
  return { name: nameWords.join(' ').replace(/\.$/, ''), start: lead.length, end: lead.length + clauseEnd };
}

/** English words that show a clause is English, where a bare noun phrase is no description of someone known. */
const ENGLISH = /^(?:the|a|an|he|she|it|they|we|i|you|his|her|their|its|our|my|your|and|but|or|of|to|in|on|at|by|with|for|from|who|which|that|this|is|was|are|were|has|had|have|be|been|not|no|so|as|if|then|than)$/i;

/**
 * `"…," tvrdí mladá anglická superstar.` ("claims the young English superstar"): in a language without articles the
 * clause after the comma may close with a description instead of a name, and it means someone the reader knows, as
 * "the young superstar" would. The clause is lower-case words only — a verb and two to four words of description —
 * with a letter outside ASCII (so not English, where a bare "recalls longtime friend" is somebody new), and no
 * English function word. Returns the description (without the verb).
 */
export function invertedDescription(after: string, quoteEndsInComma: boolean): InvertedAttribution | null {
  const lead = /^\s*,?\s*/.exec(after)?.[0] ?? '';
  if (!quoteEndsInComma && !lead.includes(',')) return null;
  const rest = after.slice(lead.length);
  const clauseEnd = rest.search(/[,;:!?()—–]|\.(?=\s|$)|\s[-–]\s|$/);
  if (!/^\.(?:\s|$)/.test(rest.slice(clauseEnd))) return null; // the clause ends the sentence
  const words = rest.slice(0, clauseEnd).trim().split(/\s+/).filter(Boolean);
  if (words.length < 3 || words.length > 5) return null;
  if (!words.every((word) => LOWER_WORD.test(word) && !ENGLISH.test(word) && !ARTICLE.test(word))) return null;
  if (NOT_A_VERB.test(words[0] as string) || !/[^\x00-\x7f]/.test(words.join(' '))) return null;
  return { name: words.slice(1).join(' '), start: lead.length, end: lead.length + clauseEnd };
}
