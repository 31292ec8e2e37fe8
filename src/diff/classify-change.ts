/**
 * Whether the outlet said so: a change between two versions is acknowledged when the newer version adds
 * a correction/update note (or changes one); otherwise it is a stealth edit. A headline change is reported
 * as its own kind, since A/B tests and rewrites of the headline alone are common and worth telling apart.
 * See docs/corrections.md.
 */
import { noteForm } from '../extract/corrections/index.js';
import type { Correction, Snapshot } from '../types.js';
import type { Change } from './types.js';

export type ChangeKind = 'headline' | 'content';

export interface ChangeClass {
  /** True when the newer version adds or changes a correction/update note. */
  acknowledged: boolean;
  /** The notes added or changed in the newer version (what acknowledges the change). */
  notes: Correction[];
  /** The headline before and after, when it changed. */
  headline: { old: string | null; new: string | null } | null;
  /** 'headline' when the headline changed; 'content' when anything a reader sees besides it did. */
  kinds: ChangeKind[];
}

/** Fields whose change alone is not content a reader notices (dates and addresses are reported, not counted). */
const NOT_CONTENT = new Set(['title', 'modifiedAt', 'canonicalUrl']);

/** Notes of `after` that `before` did not have: not among its notes, and (for records filed before notes were read) not in its body. */
export function addedNotes(before: Snapshot, after: Snapshot): Correction[] {
  const known = new Set((before.corrections ?? []).map((note) => noteForm(note.text)));
  const oldBody = noteForm(before.body.text.replace(/\s+/g, ' '));
  return (after.corrections ?? []).filter((note) => {
    const form = noteForm(note.text);
    return !known.has(form) && !(before.corrections === undefined && oldBody.includes(form));
  });
}

export function classifyChange(before: Snapshot, after: Snapshot, changes: Change[]): ChangeClass {
  const notes = changes.length === 0 ? [] : addedNotes(before, after);
  const title = changes.find((change) => change.field === 'title');
  const kinds: ChangeKind[] = [];
  if (title !== undefined) kinds.push('headline');
  if (changes.some((change) => !NOT_CONTENT.has(change.field))) kinds.push('content');
  return {
    acknowledged: notes.length > 0,
    notes,
    headline: title === undefined ? null : { old: title.old as string | null, new: title.new as string | null },
    kinds,
  };
}
