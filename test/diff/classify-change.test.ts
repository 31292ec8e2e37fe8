/** Acknowledged or stealth (issue 24): a change is acknowledged only when the newer version adds or changes a note. */
import { diffSnapshots } from '../../src/diff/compare-snapshots.js';
import type { Correction, Snapshot } from '../../src/types.js';
import { makeSnapshot } from '../helpers/snapshot-factory.js';

const NOTE = 'Correction: An earlier version of this article misstated the number of fighters killed.';
const note = (text: string): Correction => ({ kind: 'correction', text, date: null, position: 2, where: 'body' });
const withNotes = (snapshot: Snapshot, notes: Correction[] | undefined): Snapshot => {
  const copy = { ...snapshot };
  if (notes === undefined) delete copy.corrections;
  else copy.corrections = notes;
  return copy;
};

test('a figure changed with a correction appended is acknowledged; every change carries it', () => {
  const a = withNotes(makeSnapshot({ bodyText: 'First paragraph.\n\nSome 25 fighters were killed.' }), []);
  const b = withNotes(makeSnapshot({ bodyText: `First paragraph.\n\nSome 27 fighters were killed.\n\n${NOTE}` }), [note(NOTE)]);
  const diff = diffSnapshots(a, b);
  expect(diff).toMatchObject({ acknowledged: true, notes: [note(NOTE)], kinds: ['content'], headline: null });
  expect(diff.changes.every((change) => change.acknowledged === true)).toBe(true);
});

test('a later silent edit under the same old note is stealth', () => {
  const a = withNotes(makeSnapshot({ bodyText: `Some 27 fighters were killed.\n\n${NOTE}` }), [note(NOTE)]);
  const b = withNotes(makeSnapshot({ bodyText: `Some 29 fighters were killed.\n\n${NOTE}` }), [note(NOTE)]);
  expect(diffSnapshots(a, b)).toMatchObject({ acknowledged: false, notes: [] });
});

test('a version filed before notes were read: a note already in its body is not new', () => {
  const a = withNotes(makeSnapshot({ bodyText: `Some 27 fighters were killed.\n\n${NOTE}` }), undefined);
  const b = withNotes(makeSnapshot({ bodyText: `Some 29 fighters were killed.\n\n${NOTE}` }), [note(NOTE)]);
  expect(diffSnapshots(a, b).acknowledged).toBe(false);
  const c = withNotes(makeSnapshot({ bodyText: 'Some 27 fighters were killed.' }), undefined);
  expect(diffSnapshots(c, b).acknowledged).toBe(true);
});

test('a headline rewritten alone is its own kind; no change is no kind', () => {
  const a = makeSnapshot({ meta: { title: 'Clashes leave 25 dead' } });
  const b = makeSnapshot({ meta: { title: 'Border fighting kills 25' } });
  expect(diffSnapshots(a, b)).toMatchObject({ kinds: ['headline'], headline: { old: 'Clashes leave 25 dead', new: 'Border fighting kills 25' }, acknowledged: false });
  expect(diffSnapshots(a, a)).toMatchObject({ changed: false, kinds: [], acknowledged: false, notes: [] });
});
