import { COMPARED_FIELDS, diffSnapshots } from '../../src/diff/compare-snapshots.js';
import { DIGESTED_FIELDS, INFORMATIONAL_FIELDS } from '../../src/normalize/digest.js';
import { renderHtml } from '../../src/diff/render-html.js';
import { renderTerminal } from '../../src/diff/render-terminal.js';
import { summaryLine } from '../../src/diff/summary-line.js';
import { alignLists, diffWordParts, splitSentences } from '../../src/diff/text-diff.js';
import type { BodyChange } from '../../src/diff/types.js';
import { makeSnapshot } from '../helpers/snapshot-factory.js';

const V1_BODY = [
  'By Jane Doe · Updated 5 minutes ago',
  'Some 25 fighters were killed in the clashes, Mr. Smith said on Monday. The army did not comment.',
  'Residents fled the area overnight.',
  '1,204 comments',
].join('\n\n');

const V2_BODY = [
  'By Jane Doe · Updated 52 minutes ago',
  'Some 27 fighters were killed in the clashes, Mr. Smith said on Monday. The army did not comment.',
  'Residents fled the area overnight.',
  'Aid groups said food supplies were running low.',
  'Correction: An earlier version of this story misstated the day of the clashes.',
  '1,377 comments',
].join('\n\n');

const v1 = makeSnapshot({ id: 'v1', meta: { title: 'Clashes leave 25 dead' }, bodyText: V1_BODY });
const v2 = makeSnapshot({ id: 'v2', meta: { title: 'Clashes leave 27 dead in border town' }, bodyText: V2_BODY });

describe('splitSentences', () => {
  test('does not break after common abbreviations and initials', () => {
    expect(splitSentences('Mr. Smith met Dr. J. Jones in the U.S. on Monday. They talked.')).toEqual([
      'Mr. Smith met Dr. J. Jones in the U.S. on Monday.',
      'They talked.',
    ]);
  });

  test('a paragraph many segmenter windows long gives the sentences of one pass, wherever a window ends', () => {
    // Sentences of varied length, abbreviations, quotes and a 9,000-character sentence: window ends fall everywhere.
    const pieces = ['Mr. Smith met Dr. J. Jones on Monday.', '“We left,” she said.', 'Was it over?', 'Yes!', 'Prices rose 3.5 per cent in the U.S. last year.'];
    const sentences = Array.from({ length: 3000 }, (_, index) => `${pieces[index % pieces.length]!.replace('Monday', `day ${index}`)}`);
    sentences.splice(1500, 0, `A long one ${'and more words '.repeat(650)}ends here.`);
    const paragraph = sentences.join(' ');
    expect(paragraph.length).toBeGreaterThan(80_000);
    expect(splitSentences(paragraph)).toEqual(sentences);
  });
});

describe('diffWordParts', () => {
  test('marks the changed figure only', () => {
    expect(diffWordParts('Some 25 fighters were killed.', 'Some 27 fighters were killed.')).toEqual([
      { type: 'equal', text: 'Some ' },
      { type: 'removed', text: '25' },
      { type: 'added', text: '27' },
      { type: 'equal', text: ' fighters were killed.' },
    ]);
  });
  test('keeps each side whole: old text = equal + removed, new text = equal + added', () => {
    const pairs = [
      ['Border clashes kill 25 fighters as ceasefire talks stall', 'Border clashes kill 27 fighters, raising fears of a wider war'],
      ['a b c d', 'a X b Y d'],
      ['One two. Three', 'One, two three.'],
      ['', 'All new'],
    ];
    for (const [before, after] of pairs) {
      const parts = diffWordParts(before!, after!);
      expect(parts.filter((p) => p.type !== 'added').map((p) => p.text).join('')).toBe(before);
      expect(parts.filter((p) => p.type !== 'removed').map((p) => p.text).join('')).toBe(after);
      expect(parts.some((p) => p.type !== 'equal' && /^\s+$/.test(p.text))).toBe(false);
    }
    expect(diffWordParts(pairs[0]![0]!, pairs[0]![1]!)).toEqual([
      { type: 'equal', text: 'Border clashes kill ' },
      { type: 'removed', text: '25' },
      { type: 'added', text: '27' },
      { type: 'equal', text: ' fighters' },
      { type: 'removed', text: ' as ceasefire talks stall' },
      { type: 'added', text: ', raising fears of a wider war' },
    ]);
  });

  test('treats typographic quote variants as equal', () => {
    expect(diffWordParts('He said “no”.', 'He said "no".').every((part) => part.type === 'equal')).toBe(true);
  });
});

describe('diffSnapshots', () => {
  const diff = diffSnapshots(v1, v2);

  test('finds the headline, the figure, the added paragraph and the correction, and no noise', () => {
    expect(diff.changed).toBe(true);
    const title = diff.changes.find((change) => change.field === 'title');
    expect(title).toMatchObject({ type: 'changed', old: 'Clashes leave 25 dead', new: 'Clashes leave 27 dead in border town' });
    const body = diff.changes.filter((change): change is BodyChange => change.field === 'body');
    expect(body).toHaveLength(3);
    expect(body[0]).toMatchObject({ type: 'changed', unit: 'sentence' });
    expect(body[0]!.words).toEqual(expect.arrayContaining([{ type: 'removed', text: '25' }, { type: 'added', text: '27' }]));
    expect(body[1]).toMatchObject({ type: 'added', unit: 'paragraph', new: 'Aid groups said food supplies were running low.' });
    expect(body[2]).toMatchObject({ type: 'added', unit: 'paragraph', new: expect.stringMatching(/^Correction:/) });
    const json = JSON.stringify(diff);
    expect(json).not.toMatch(/minutes ago|comments/);
  });

  test('summarizes like "title; body +3 −1 sentences"', () => {
    expect(summaryLine(diff.summary)).toBe('title; body +3 \u22121 sentences');
    expect(diff.summary.body).toEqual({ sentencesAdded: 3, sentencesRemoved: 1, paragraphsAdded: 2, paragraphsRemoved: 0 });
  });

  test('finds nothing between a snapshot and a noisy refetch of it', () => {
    const refetch = makeSnapshot({
      id: 'v1b',
      meta: { title: 'Clashes leave 25 dead', modifiedAt: null },
      bodyText: V1_BODY.replace('5 minutes ago', '9 minutes ago').replace('1,204 comments', '1,250 comments\n\nAdvertisement'),
    });
    const same = diffSnapshots(v1, refetch);
    expect(same.changed).toBe(false);
    expect(same.changes).toEqual([]);
    expect(summaryLine(same.summary)).toBe('no changes');
  });

  test('reports authors, dates, canonical URL, description', () => {
    const a = makeSnapshot({ meta: { authors: ['Jane Doe'], publishedAt: '2026-01-01T00:00:00Z', description: 'Old dek.' } });
    const b = makeSnapshot({
      meta: { authors: ['Jane Doe', 'Ali Khan'], publishedAt: '2026-01-01T00:00:00.000Z', modifiedAt: '2026-01-02T00:00:00Z', description: 'New dek.' },
      canonicalUrl: 'https://news.example/story-new',
    });
    const d = diffSnapshots(a, b);
    expect(d.summary.fields).toEqual(['description', 'authors', 'modifiedAt', 'canonicalUrl']);
    expect(d.changes.find((c) => c.field === 'authors')).toMatchObject({ added: ['Ali Khan'], removed: [] });
    expect(d.changes.find((c) => c.field === 'modifiedAt')).toMatchObject({ type: 'added', old: null, new: '2026-01-02T00:00:00Z' });
  });

  test('reports a removed paragraph and a removed sentence', () => {
    const a = makeSnapshot({ bodyText: 'Alpha beta gamma. Delta epsilon zeta.\n\nA paragraph that goes away entirely.' });
    const b = makeSnapshot({ bodyText: 'Alpha beta gamma.' });
    const d = diffSnapshots(a, b);
    expect(d.changes).toEqual([
      expect.objectContaining({ field: 'body', type: 'removed', unit: 'sentence', old: 'Delta epsilon zeta.' }),
      expect.objectContaining({ field: 'body', type: 'removed', unit: 'paragraph', old: 'A paragraph that goes away entirely.' }),
    ]);
    expect(summaryLine(d.summary)).toBe('body \u22122 sentences');
  });

  test('quotes added, removed and changed', () => {
    const a = makeSnapshot({
      quotes: [
        { kind: 'direct', text: 'We will not leave our homes', speaker: 'Amal Haddad', cue: 'said' },
        { kind: 'direct', text: 'The border is closed', speaker: 'Official', cue: 'said' },
      ],
    });
    const b = makeSnapshot({
      quotes: [
        { kind: 'direct', text: 'We will never leave our homes', speaker: 'Amal Haddad', cue: 'said' },
        { kind: 'direct', text: 'Help is on the way', speaker: 'Minister', cue: 'said' },
      ],
    });
    const d = diffSnapshots(a, b);
    const quotes = d.changes.filter((c) => c.field === 'quotes');
    expect(quotes.map((c) => c.type).sort()).toEqual(['added', 'changed', 'removed']);
    expect(summaryLine(d.summary)).toBe('quotes +1 \u22121 ~1');
  });

  test('embeds matched by identity; cache-busting URL changes are not changes', () => {
    const a = makeSnapshot({
      embeds: [
        { provider: 'twitter', kind: 'post', url: 'https://twitter.com/a/status/1', id: '1', text: 'Old tweet text', position: 0 },
        { provider: 'iframe', kind: 'page', url: 'https://maps.example/m?cb=1', id: null, position: 1 },
        { provider: 'youtube', kind: 'video', url: 'https://youtu.be/x', id: 'x', position: 2 },
      ],
    });
    const b = makeSnapshot({
      embeds: [
        { provider: 'twitter', kind: 'post', url: 'https://twitter.com/a/status/1', id: '1', text: 'New tweet text', position: 0 },
        { provider: 'iframe', kind: 'page', url: 'https://maps.example/m?cb=2', id: null, position: 3 },
        { provider: 'instagram', kind: 'post', url: 'https://instagram.com/p/y', id: 'y', position: 2 },
      ],
    });
    const d = diffSnapshots(a, b);
    expect(d.changes.map((c) => `${c.field}:${c.type}`)).toEqual(['embeds:changed', 'embeds:added', 'embeds:removed']);
  });
});

describe('a very large rewrite', () => {
  test('past the alignment bound, items that did not change are still equal, changed ones still paired', () => {
    // 3,000 items, every other one rewritten: 3,000 edits, past the bound, so the lists are paired by place.
    const old = Array.from({ length: 3000 }, (_, index) => `item ${index} as it was`);
    const next = old.map((item, index) => (index % 2 === 0 ? `item ${index} as it is now` : item));
    const steps = alignLists(old, next, (item) => item, (a, b) => a.split(' ')[1] === b.split(' ')[1]);
    expect(steps).toHaveLength(3000);
    expect(steps.filter((step) => step.type === 'equal')).toHaveLength(1500);
    expect(steps.filter((step) => step.type === 'changed').map((step) => step.type === 'changed' && step.oldIndex % 2)).toEqual(Array(1500).fill(0));
  });

  test('a paragraph of 130,000 sentences, each reworded, gives one change a sentence (no stack overflow, bounded work)', () => {
    const paragraph = (verb: string): string => Array.from({ length: 130_000 }, (_, index) => `Item ${index} ${verb} ${index % 97} units.`).join(' ');
    const diff = diffSnapshots(makeSnapshot({ id: 'a', bodyText: paragraph('holds') }), makeSnapshot({ id: 'b', bodyText: paragraph('keeps') }));
    const body = diff.changes.filter((change): change is BodyChange => change.field === 'body');
    expect(body).toHaveLength(130_000);
    expect(body.every((change) => change.type === 'changed' && change.unit === 'sentence')).toBe(true);
  }, 120_000); // a hang guard on a loaded machine, not a timing
});

describe('renderTerminal', () => {
  const diff = diffSnapshots(v1, v2);
  test('git-style word diff without colour', () => {
    const text = renderTerminal(diff, { colour: false });
    expect(text).toContain('title: Clashes leave [-25-]{+27+} dead{+ in border town+}');
    expect(text).toContain('body ¶2: Some [-25-]{+27+} fighters');
    expect(text).toContain('{+Aid groups said food supplies were running low.+}');
    expect(text).not.toContain('\u001b[');
  });
  test('red and green with colour, no brackets', () => {
    const text = renderTerminal(diff, { colour: true });
    expect(text).toContain('\u001b[31m25\u001b[0m\u001b[32m27\u001b[0m');
    expect(text).not.toContain('[-');
  });
});

describe('renderHtml', () => {
  const html = renderHtml(diffSnapshots(v1, makeSnapshot({ id: 'v3', meta: { title: 'Clashes <script>alert(1)</script> leave 27 dead' }, bodyText: V2_BODY })));
  test('is self-contained: no scripts, no external resources, CSP forbids loading', () => {
    expect(html).not.toMatch(/<script|<link|src=|url\(|@import|@font-face/i);
    expect(html).toContain("default-src 'none'");
  });
  test('escapes values and marks insertions and deletions', () => {
    expect(html).toContain('&lt;script&gt;');
    expect(html).toMatch(/<del>25<\/del>/);
    expect(html).toMatch(/<ins>27<\/ins>/);
    expect(html).toContain('<ins>Aid groups said food supplies were running low.</ins>');
  });
});

describe('one list of compared fields', () => {
  it('diff compares exactly the digest\'s fields (digested and informational), in its report order', () => {
    expect([...COMPARED_FIELDS].sort()).toEqual([...DIGESTED_FIELDS, ...INFORMATIONAL_FIELDS].sort());
    expect(COMPARED_FIELDS).toEqual(['title', 'description', 'authors', 'publishedAt', 'modifiedAt', 'canonicalUrl', 'body', 'quotes', 'embeds']);
  });
});
