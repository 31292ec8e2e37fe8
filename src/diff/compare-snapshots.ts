/** Compares two snapshots field by field, the body by paragraph, sentence and word. */
import type { Embed, Quote, Snapshot } from '../types.js';
import { cleanAuthor, embedIdentity, embedKey, quoteKey, type ComparableField } from '../normalize/digest.js';
import { cleanParagraphs, cleanText, comparableDate, comparableUrl, foldText } from '../normalize/noise.js';
import { classifyChange } from './classify-change.js';
import { alignLists, diffWordParts, similarity, splitSentences } from './text-diff.js';
import type {
  AuthorsChange,
  BodyChange,
  Change,
  ChangeType,
  DiffSide,
  DiffSummary,
  EmbedChange,
  EmbedValue,
  QuoteChange,
  QuoteValue,
  ScalarChange,
  ScalarField,
  SnapshotDiff,
} from './types.js';

/** Paragraphs this similar (share of words) are shown as one changed paragraph, not a removal and an addition. */
const PARAGRAPH_SIMILARITY = 0.5;
const SENTENCE_SIMILARITY = 0.4;
const QUOTE_SIMILARITY = 0.5;

function changeType(oldValue: unknown, newValue: unknown): ChangeType {
  if (oldValue === null) return 'added';
  if (newValue === null) return 'removed';
  return 'changed';
}

function nullIfEmpty(text: string): string | null {
  return text === '' ? null : text;
}

function compareTextField(field: ScalarField, oldRaw: string | null, newRaw: string | null): ScalarChange | null {
  const oldText = nullIfEmpty(cleanText(oldRaw));
  const newText = nullIfEmpty(cleanText(newRaw));
  if ((oldText === null ? null : foldText(oldText)) === (newText === null ? null : foldText(newText))) return null;
  const change: ScalarChange = { field, type: changeType(oldText, newText), old: oldText, new: newText };
  if (oldText !== null && newText !== null) change.words = diffWordParts(oldText, newText);
  return change;
}

function compareKeyedField(
  field: ScalarField,
  oldRaw: string | null,
  newRaw: string | null,
  comparable: (value: string | null) => string | null,
): ScalarChange | null {
  if (comparable(oldRaw) === comparable(newRaw)) return null;
  return { field, type: changeType(oldRaw, newRaw), old: oldRaw, new: newRaw };
}

function compareAuthors(oldAuthors: string[], newAuthors: string[]): AuthorsChange | null {
  const clean = (names: string[]): string[] => names.map(cleanAuthor).filter((name) => name !== '');
  const before = clean(oldAuthors);
  const after = clean(newAuthors);
  const beforeKeys = new Set(before.map(foldText));
  const afterKeys = new Set(after.map(foldText));
  const added = after.filter((name) => !beforeKeys.has(foldText(name)));
  const removed = before.filter((name) => !afterKeys.has(foldText(name)));
  if (added.length === 0 && removed.length === 0) return null;
  const type: ChangeType = before.length === 0 ? 'added' : after.length === 0 ? 'removed' : 'changed';
  return { field: 'authors', type, old: before, new: after, added, removed };
}

function compareBody(oldText: string, newText: string): BodyChange[] {
  const oldParagraphs = cleanParagraphs(oldText);
  const newParagraphs = cleanParagraphs(newText);
  const steps = alignLists(oldParagraphs, newParagraphs, foldText, (a, b) => similarity(a, b) >= PARAGRAPH_SIMILARITY);
  const changes: BodyChange[] = [];
  for (const step of steps) {
    if (step.type === 'added') {
      changes.push({
        field: 'body', type: 'added', unit: 'paragraph', paragraph: step.newIndex, old: null, new: step.new,
        sentences: { removed: 0, added: splitSentences(step.new).length },
      });
    } else if (step.type === 'removed') {
      changes.push({
        field: 'body', type: 'removed', unit: 'paragraph', paragraph: step.oldIndex, old: step.old, new: null,
        sentences: { removed: splitSentences(step.old).length, added: 0 },
      });
    } else if (step.type === 'changed') {
      for (const change of compareSentences(step.old, step.new, step.newIndex)) changes.push(change); // not push(...): 100,000s of sentences
    }
  }
  return changes;
}

function compareSentences(oldParagraph: string, newParagraph: string, paragraph: number): BodyChange[] {
  const steps = alignLists(splitSentences(oldParagraph), splitSentences(newParagraph), foldText, (a, b) => similarity(a, b) >= SENTENCE_SIMILARITY);
  const changes: BodyChange[] = [];
  for (const step of steps) {
    if (step.type === 'added') {
      changes.push({ field: 'body', type: 'added', unit: 'sentence', paragraph, old: null, new: step.new, sentences: { removed: 0, added: 1 } });
    } else if (step.type === 'removed') {
      changes.push({ field: 'body', type: 'removed', unit: 'sentence', paragraph, old: step.old, new: null, sentences: { removed: 1, added: 0 } });
    } else if (step.type === 'changed') {
      changes.push({
        field: 'body', type: 'changed', unit: 'sentence', paragraph, old: step.old, new: step.new,
        sentences: { removed: 1, added: 1 }, words: diffWordParts(step.old, step.new),
      });
    }
  }
  return changes;
}

function quoteValue(quote: Quote): QuoteValue {
  const by = quote.kind === 'direct' ? quote.speaker : quote.kind === 'excerpt' ? quote.source : null;
  return { kind: quote.kind, text: cleanText(quote.text), by: by === null ? null : nullIfEmpty(cleanText(by)) };
}

function compareQuotes(oldQuotes: Quote[], newQuotes: Quote[]): QuoteChange[] {
  const usable = (quotes: Quote[]): Quote[] => quotes.filter((quote) => cleanText(quote.text) !== '');
  const steps = alignLists(usable(oldQuotes), usable(newQuotes), quoteKey, (a, b) =>
    a.kind === b.kind && similarity(a.text, b.text) >= QUOTE_SIMILARITY,
  );
  const changes: QuoteChange[] = [];
  for (const step of steps) {
    if (step.type === 'added') changes.push({ field: 'quotes', type: 'added', old: null, new: quoteValue(step.new) });
    else if (step.type === 'removed') changes.push({ field: 'quotes', type: 'removed', old: quoteValue(step.old), new: null });
    else if (step.type === 'changed') {
      const oldValue = quoteValue(step.old);
      const newValue = quoteValue(step.new);
      changes.push({ field: 'quotes', type: 'changed', old: oldValue, new: newValue, words: diffWordParts(oldValue.text, newValue.text) });
    }
  }
  return changes;
}

function embedValue(embed: Embed): EmbedValue {
  const text = nullIfEmpty(cleanText(embed.text ?? ''));
  return { provider: embed.provider, kind: embed.kind, id: embed.id, url: embed.url, text };
}

/** Embeds are matched by identity (provider + id, or comparable URL); placement is not compared. */
function compareEmbeds(oldEmbeds: Embed[], newEmbeds: Embed[]): EmbedChange[] {
  const pool = new Map<string, Embed[]>();
  for (const embed of oldEmbeds) {
    const identity = embedIdentity(embed);
    pool.set(identity, [...(pool.get(identity) ?? []), embed]);
  }
  const changes: EmbedChange[] = [];
  for (const embed of newEmbeds) {
    const candidates = pool.get(embedIdentity(embed));
    const previous = candidates?.shift();
    if (previous === undefined) {
      changes.push({ field: 'embeds', type: 'added', old: null, new: embedValue(embed) });
    } else if (embedKey(previous) !== embedKey(embed)) {
      changes.push({ field: 'embeds', type: 'changed', old: embedValue(previous), new: embedValue(embed) });
    }
  }
  for (const left of pool.values()) {
    for (const embed of left) changes.push({ field: 'embeds', type: 'removed', old: embedValue(embed), new: null });
  }
  return changes;
}

function side(snapshot: Snapshot): DiffSide {
  return {
    id: snapshot.id,
    url: snapshot.url,
    fetchedAt: snapshot.fetch.fetchedAt,
    title: snapshot.meta.title,
    digest: snapshot.digest.content,
  };
}

export function summarize(changes: Change[]): DiffSummary {
  const summary: DiffSummary = {
    fields: [],
    body: { sentencesAdded: 0, sentencesRemoved: 0, paragraphsAdded: 0, paragraphsRemoved: 0 },
    quotes: { added: 0, removed: 0, changed: 0 },
    embeds: { added: 0, removed: 0, changed: 0 },
  };
  for (const change of changes) {
    if (!summary.fields.includes(change.field)) summary.fields.push(change.field);
    if (change.field === 'body') {
      summary.body.sentencesAdded += change.sentences.added;
      summary.body.sentencesRemoved += change.sentences.removed;
      if (change.unit === 'paragraph' && change.type === 'added') summary.body.paragraphsAdded += 1;
      if (change.unit === 'paragraph' && change.type === 'removed') summary.body.paragraphsRemoved += 1;
    } else if (change.field === 'quotes' || change.field === 'embeds') {
      summary[change.field][change.type] += 1;
    }
  }
  return summary;
}

/**
 * How each field of the digest's comparable view (normalize/digest.ts: DIGESTED_FIELDS, INFORMATIONAL_FIELDS) is
 * compared, in the order changes are reported. Typed by that one list: a field the digest gains must be compared here.
 */
const COMPARERS: { readonly [F in ComparableField]: (a: Snapshot, b: Snapshot) => Array<Change | null> } = {
  title: (a, b) => [compareTextField('title', a.meta.title, b.meta.title)],
  description: (a, b) => [compareTextField('description', a.meta.description, b.meta.description)],
  authors: (a, b) => [compareAuthors(a.meta.authors, b.meta.authors)],
  publishedAt: (a, b) => [compareKeyedField('publishedAt', a.meta.publishedAt, b.meta.publishedAt, comparableDate)],
  modifiedAt: (a, b) => [compareKeyedField('modifiedAt', a.meta.modifiedAt, b.meta.modifiedAt, comparableDate)],
  canonicalUrl: (a, b) => [compareKeyedField('canonicalUrl', a.canonicalUrl, b.canonicalUrl, comparableUrl)],
  body: (a, b) => compareBody(a.body.text, b.body.text),
  quotes: (a, b) => compareQuotes(a.quotes, b.quotes),
  embeds: (a, b) => compareEmbeds(a.embeds, b.embeds),
};

/** The fields diff compares and `check` reports, in report order: the digest's fields (digested and informational). */
export const COMPARED_FIELDS = Object.keys(COMPARERS) as ComparableField[];

/** Every difference a reader would notice between snapshot `a` (older) and `b` (newer), noise removed. */
export function diffSnapshots(a: Snapshot, b: Snapshot): SnapshotDiff {
  const changes: Change[] = [];
  for (const field of COMPARED_FIELDS) {
    for (const change of COMPARERS[field](a, b)) if (change !== null) changes.push(change);
  }
  const kind = classifyChange(a, b, changes);
  for (const change of changes) change.acknowledged = kind.acknowledged;
  return {
    schema: 'chronicle.diff/1',
    from: side(a),
    to: side(b),
    samePage: a.url === b.url,
    changed: changes.length > 0,
    changes,
    summary: summarize(changes),
    acknowledged: kind.acknowledged,
    notes: kind.notes,
    headline: kind.headline,
    kinds: kind.kinds,
  };
}
