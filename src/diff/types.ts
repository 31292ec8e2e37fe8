/** What diff produces: a list of changes between two snapshots, each with old and new values. */
import type { ComparableField } from '../normalize/digest.js';
import type { Correction } from '../types.js';

/** A run of words in a word-level diff; `text` keeps its surrounding whitespace. */
export interface WordPart {
  type: 'equal' | 'added' | 'removed';
  text: string;
}

export type ChangeType = 'added' | 'removed' | 'changed';

export type ScalarField = 'title' | 'description' | 'publishedAt' | 'modifiedAt' | 'canonicalUrl';

export interface ScalarChange {
  field: ScalarField;
  type: ChangeType;
  old: string | null;
  new: string | null;
  /** Word-level diff for text fields (title, description). */
  words?: WordPart[];
}

export interface AuthorsChange {
  field: 'authors';
  type: ChangeType;
  old: string[];
  new: string[];
  added: string[];
  removed: string[];
}

export interface BodyChange {
  field: 'body';
  type: ChangeType;
  /** 'paragraph' for a whole paragraph added or removed, 'sentence' inside a paragraph that changed. */
  unit: 'paragraph' | 'sentence';
  /** 0-based paragraph index in the old (removed) or new (added, changed) text. */
  paragraph: number;
  old: string | null;
  new: string | null;
  /** Number of sentences the change covers on each side. */
  sentences: { removed: number; added: number };
  /** Word-level diff when a sentence changed. */
  words?: WordPart[];
}

export interface QuoteValue {
  kind: string;
  text: string;
  /** Speaker (direct quotes) or source (excerpts), when known. */
  by: string | null;
}

export interface QuoteChange {
  field: 'quotes';
  type: ChangeType;
  old: QuoteValue | null;
  new: QuoteValue | null;
  words?: WordPart[];
}

export interface EmbedValue {
  provider: string;
  kind: string;
  id: string | null;
  url: string | null;
  text: string | null;
}

export interface EmbedChange {
  field: 'embeds';
  type: ChangeType;
  old: EmbedValue | null;
  new: EmbedValue | null;
}

/** Every change carries whether the newer version acknowledged it with a correction/update note. */
export type Change = (ScalarChange | AuthorsChange | BodyChange | QuoteChange | EmbedChange) & { acknowledged?: boolean };

export interface DiffSide {
  id: string;
  url: string;
  fetchedAt: string;
  title: string | null;
  digest: string;
}

export interface DiffSummary {
  /** The fields that changed, in report order (diff/compare-snapshots.ts COMPARED_FIELDS). */
  fields: ComparableField[];
  body: { sentencesAdded: number; sentencesRemoved: number; paragraphsAdded: number; paragraphsRemoved: number };
  quotes: { added: number; removed: number; changed: number };
  embeds: { added: number; removed: number; changed: number };
}

export interface SnapshotDiff {
  schema: 'chronicle.diff/1';
  from: DiffSide;
  to: DiffSide;
  /** False when the two snapshots are of different pages (URLs): a comparison, not a page's history. */
  samePage: boolean;
  /** True when at least one change was found. */
  changed: boolean;
  changes: Change[];
  summary: DiffSummary;
  /** True when the newer version adds or changes a correction/update note (docs/corrections.md); false: a stealth edit. */
  acknowledged: boolean;
  /** The notes added or changed in the newer version. */
  notes: Correction[];
  /** Old and new headline when it changed, else null. */
  headline: { old: string | null; new: string | null } | null;
  /** 'headline' and/or 'content': what kind of change this is ([] when nothing changed). */
  kinds: Array<'headline' | 'content'>;
}
