/** Sentence splitting and word-level diffs (jsdiff's diffArrays with a folding comparator). */
import { diffArrays } from 'diff';
import { foldText } from '../normalize/noise.js';
import type { WordPart } from './types.js';

/** Abbreviations after which ICU's sentence segmenter wrongly breaks ("Mr. Smith"). */
const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'sgt', 'capt',
    'cmdr', 'adm', 'maj', 'pres', 'rev', 'hon', 'no', 'vs', 'etc', 'inc', 'corp', 'co', 'ltd', 'jan', 'feb',
    'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft', 'approx', 'dept', 'univ',
  ],
);

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

function endsWithAbbreviation(sentence: string): boolean {
  const match = /(?:^|[\s(“"'‘])([\p{L}.]+)\.$/u.exec(sentence.trimEnd());
  if (!match) return false;
  const word = match[1]!.toLowerCase();
  // Initials and dotted abbreviations: "J.", "U.S.", "a.m."
  if (/^\p{L}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word);
}

/** Text goes to the sentence segmenter in windows of about this many characters: ICU's is quadratic in length. */
const SEGMENT_WINDOW = 4096;

/**
 * The segmenter's sentences of `text`, the same as in one pass: each window's last sentence may be cut by the
 * window, so it is segmented again as the start of the next window (a window that holds no complete sentence
 * is widened). ICU decides a sentence break from a few characters around it, never from the whole text.
 */
function* sentenceSegments(text: string): Generator<string> {
  let start = 0;
  let width = SEGMENT_WINDOW;
  while (start < text.length) {
    const end = start + width;
    if (end >= text.length) {
      for (const { segment } of segmenter.segment(text.slice(start))) yield segment;
      return;
    }
    const segments = [...segmenter.segment(text.slice(start, end))];
    if (segments.length < 2) {
      width *= 2;
      continue;
    }
    for (const { segment } of segments.slice(0, -1)) yield segment;
    start += segments.at(-1)!.index;
    width = SEGMENT_WINDOW;
  }
}

/** The sentences of one paragraph, trimmed, never empty; a segment after an abbreviation joins its sentence. */
export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  let pieces: string[] = [];
  for (const segment of sentenceSegments(paragraph)) {
    const piece = segment.trim();
    // The sentence ends as its last piece does: only that is tested (the whole, rebuilt each time, was quadratic).
    if (pieces.length > 0 && endsWithAbbreviation(pieces.at(-1)!)) {
      if (piece !== '') pieces.push(piece);
    } else if (piece !== '') {
      if (pieces.length > 0) sentences.push(pieces.join(' '));
      pieces = [piece];
    }
  }
  if (pieces.length > 0) sentences.push(pieces.join(' '));
  return sentences;
}

/** Words, numbers ("1,234", "3.5"), single punctuation marks and whitespace runs. */
const TOKEN = /\s+|[\p{L}\p{N}\p{M}]+(?:[.,'’\-‐‑][\p{L}\p{N}\p{M}]+)*|[^\s\p{L}\p{N}\p{M}]/gu;

export function tokenizeWords(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Past this many inserted plus deleted words, two texts are not aligned word by word (see MAX_ALIGN_EDITS). */
const MAX_WORD_EDITS = 1000;

interface TokenRun {
  text: string;
  added: boolean;
  removed: boolean;
}

/**
 * jsdiff's runs over the two texts' words compared folded (any whitespace equals any other), each run's text
 * as it reads (an equal run in the new text's words); past MAX_WORD_EDITS, all removed then all added.
 */
function tokenRuns(oldTokens: readonly string[], newTokens: readonly string[]): TokenRun[] {
  const key = (token: string): string => (/^\s+$/.test(token) ? ' ' : foldText(token));
  const changes = diffArrays(oldTokens.map(key), newTokens.map(key), { maxEditLength: MAX_WORD_EDITS });
  if (changes === undefined) {
    return [{ text: oldTokens.join(''), removed: true, added: false }, { text: newTokens.join(''), removed: false, added: true }];
  }
  let oldCursor = 0;
  let newCursor = 0;
  return changes.map((change) => {
    const count = change.value.length;
    if (change.removed) {
      oldCursor += count;
      return { text: oldTokens.slice(oldCursor - count, oldCursor).join(''), removed: true, added: false };
    }
    newCursor += count;
    if (!change.added) oldCursor += count;
    return { text: newTokens.slice(newCursor - count, newCursor).join(''), removed: false, added: change.added };
  });
}

/**
 * Word-level diff of two texts: runs of equal, removed and added text. Whitespace between two changed
 * words joins the change, so "25 fighters" → "27 soldiers" reads as one removal and one insertion.
 */
export function diffWordParts(oldText: string, newText: string): WordPart[] {
  const changes = tokenRuns(tokenizeWords(oldText), tokenizeWords(newText));
  const parts: WordPart[] = [];
  let removed = '';
  let added = '';
  const pushEqual = (text: string): void => {
    if (text === '') return;
    const previous = parts.at(-1);
    if (previous?.type === 'equal') previous.text += text;
    else parts.push({ type: 'equal', text });
  };
  const flush = (): void => {
    // Whitespace both sides share at either end is not part of the change.
    let prefix = 0;
    while (prefix < removed.length && prefix < added.length && removed[prefix] === added[prefix] && /\s/.test(removed[prefix]!)) prefix += 1;
    pushEqual(removed.slice(0, prefix));
    removed = removed.slice(prefix);
    added = added.slice(prefix);
    let suffix = 0;
    while (
      suffix < removed.length &&
      suffix < added.length &&
      removed[removed.length - 1 - suffix] === added[added.length - 1 - suffix] &&
      /\s/.test(removed[removed.length - 1 - suffix]!)
    ) {
      suffix += 1;
    }
    const tail = suffix === 0 ? '' : removed.slice(removed.length - suffix);
    removed = removed.slice(0, removed.length - suffix);
    added = added.slice(0, added.length - suffix);
    if (removed !== '') parts.push({ type: 'removed', text: removed });
    if (added !== '') parts.push({ type: 'added', text: added });
    pushEqual(tail);
    removed = '';
    added = '';
  };
  changes.forEach((change, index) => {
    const { text } = change;
    if (change.removed) {
      removed += text;
    } else if (change.added) {
      added += text;
    } else {
      const next = changes[index + 1];
      const pending = removed !== '' || added !== '';
      if (pending && /^\s+$/.test(text) && next !== undefined && (next.added || next.removed)) {
        // Equal whitespace between two changes joins them, on both sides (each side's text stays whole).
        removed += text;
        added += text;
        return;
      }
      flush();
      pushEqual(text);
    }
  });
  flush();
  return parts;
}

/** Share of words two texts have in common (0…1), on folded, lower-cased words. */
export function similarity(a: string, b: string): number {
  const left = wordSet(a);
  const right = wordSet(b);
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return shared / Math.max(left.size, right.size);
}

function wordSet(text: string): ReadonlySet<string> {
  return new Set(tokenizeWords(foldText(text).toLowerCase()).filter((token) => /[\p{L}\p{N}]/u.test(token)));
}

/** One step of an aligned comparison of two lists. */
export type Aligned<T> =
  | { type: 'equal'; old: T; new: T; oldIndex: number; newIndex: number }
  | { type: 'removed'; old: T; oldIndex: number }
  | { type: 'added'; new: T; newIndex: number }
  | { type: 'changed'; old: T; new: T; oldIndex: number; newIndex: number };

/**
 * Past this many inserted plus deleted items, two lists are not aligned item by item: jsdiff's diffArrays costs
 * about edits², hours for two unrelated 20,000-sentence paragraphs. The whole stretch is then one run
 * of removed and added items, paired below.
 */
const MAX_ALIGN_EDITS = 2000;

/** A removed item is paired with a similar added item at most this many places further in the run. */
const PAIR_WINDOW = 64;

/**
 * Aligns two lists with jsdiff's diffArrays (items equal when their keys are equal), then pairs removed
 * and added items that sit together and are similar enough into 'changed' steps, in order. Bounded work:
 * keys are made once per item, the alignment gives up past MAX_ALIGN_EDITS, and a removed item looks for its
 * partner among the next PAIR_WINDOW added ones.
 */
export function alignLists<T>(
  oldItems: readonly T[],
  newItems: readonly T[],
  key: (item: T) => string,
  similar: (a: T, b: T) => boolean,
): Aligned<T>[] {
  const oldKeys = oldItems.map(key);
  const newKeys = newItems.map(key);
  const changes = diffArrays(oldKeys, newKeys, { maxEditLength: MAX_ALIGN_EDITS }) ?? [
    { value: oldKeys, removed: true, added: false, count: oldKeys.length },
    { value: newKeys, removed: false, added: true, count: newKeys.length },
  ];
  const steps: Aligned<T>[] = [];
  let oldCursor = 0;
  let newCursor = 0;
  let removedRun: number[] = [];
  let addedRun: number[] = [];
  const flush = (): void => {
    pairRun({ removedRun, addedRun, oldItems, newItems, oldKeys, newKeys, similar }, steps);
    removedRun = [];
    addedRun = [];
  };
  for (const change of changes) {
    const count = change.value.length;
    if (change.removed) {
      for (let i = 0; i < count; i += 1) removedRun.push(oldCursor + i);
      oldCursor += count;
    } else if (change.added) {
      for (let i = 0; i < count; i += 1) addedRun.push(newCursor + i);
      newCursor += count;
    } else {
      flush();
      for (let i = 0; i < count; i += 1) {
        steps.push({ type: 'equal', old: oldItems[oldCursor + i]!, new: newItems[newCursor + i]!, oldIndex: oldCursor + i, newIndex: newCursor + i });
      }
      oldCursor += count;
      newCursor += count;
    }
  }
  flush();
  return steps;
}

interface Run<T> {
  removedRun: readonly number[];
  addedRun: readonly number[];
  oldItems: readonly T[];
  newItems: readonly T[];
  oldKeys: readonly string[];
  newKeys: readonly string[];
  similar: (a: T, b: T) => boolean;
}

/**
 * One run of removed and added items between two equal stretches, as steps: each removed item paired, in
 * order, with the first similar added item within PAIR_WINDOW places of the last pairing ('changed', or
 * 'equal' for the same key: a run past MAX_ALIGN_EDITS holds unchanged items too); added items come before
 * the step that follows them.
 */
function pairRun<T>(run: Run<T>, steps: Aligned<T>[]): void {
  const { removedRun, addedRun, oldItems, newItems, oldKeys, newKeys, similar } = run;
  // oldIndex → position in addedRun of its partner.
  const pairs = new Map<number, number>();
  let searchFrom = 0;
  for (const oldIndex of removedRun) {
    const end = Math.min(addedRun.length, searchFrom + PAIR_WINDOW);
    for (let k = searchFrom; k < end; k += 1) {
      if (oldKeys[oldIndex] === newKeys[addedRun[k]!] || similar(oldItems[oldIndex]!, newItems[addedRun[k]!]!)) {
        pairs.set(oldIndex, k);
        searchFrom = k + 1;
        break;
      }
    }
  }
  let addedPos = 0;
  const emitAddedBefore = (limit: number): void => {
    for (; addedPos < limit; addedPos += 1) {
      const newIndex = addedRun[addedPos]!;
      steps.push({ type: 'added', new: newItems[newIndex]!, newIndex });
    }
  };
  for (const oldIndex of removedRun) {
    const position = pairs.get(oldIndex);
    if (position === undefined) {
      steps.push({ type: 'removed', old: oldItems[oldIndex]!, oldIndex });
      continue;
    }
    emitAddedBefore(position);
    const newIndex = addedRun[position]!;
    const type = oldKeys[oldIndex] === newKeys[newIndex] ? 'equal' : 'changed';
    steps.push({ type, old: oldItems[oldIndex]!, new: newItems[newIndex]!, oldIndex, newIndex });
    addedPos = position + 1;
  }
  emitAddedBefore(addedRun.length);
}
