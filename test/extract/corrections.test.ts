/** Correction and update notes (issue 24): real phrasing in four languages, and texts that only look like notes. */
import { extractArticle } from '../../src/extract/extract-article.js';
import { readNote } from '../../src/extract/corrections/index.js';
import { loadNoteFixtures, renderNotePage } from '../../src/tools/eval/correction-fixtures.js';

const URL = 'https://courier.example/news/bridge-repairs';
const { notes, notNotes } = loadNoteFixtures();

test('the fixtures hold at least 12 notes in English, French, German and Spanish', () => {
  expect(notes.length).toBeGreaterThanOrEqual(12);
  expect(new Set(notes.map((note) => note.lang))).toEqual(new Set(['en', 'fr', 'de', 'es']));
});

test.each(notes.map((note) => [note.id, note]))('%s is recognised with its kind', async (_, fixture) => {
  const article = await extractArticle(renderNotePage(fixture), { url: URL });
  const found = (article.corrections ?? []).filter((note) => note.kind === fixture.kind);
  expect(found).toHaveLength(1);
  const note = found[0]!;
  if (fixture.date !== undefined) expect(note.date).toBe(fixture.date);
  if (note.where === 'body') {
    // The note stays in body.text where it stands, and position names its paragraph.
    expect(article.body.text.split('\n\n')[note.position!]).toContain(note.text.slice(0, 40));
  } else {
    expect(note.position).toBeNull();
  }
  if (fixture.where === 'json-ld') expect(note.where).toBe('json-ld');
});

test.each(notNotes.map((fixture) => [fixture.id, fixture]))('%s is not a note', async (_, fixture) => {
  const article = await extractArticle(renderNotePage({ notNote: fixture.html }), { url: URL });
  expect(article.corrections).toEqual([]);
});

test('a page without a note has corrections: []', async () => {
  const article = await extractArticle(renderNotePage({}), { url: URL });
  expect(article.corrections).toEqual([]);
});

test('a labelled note needs prose after its label; the time in the label is its date', () => {
  expect(readNote('Updated 20 November 2026, 5:40 p.m.')).toBeNull();
  expect(readNote('Correction:')).toBeNull();
  expect(readNote('Update, 5:40 p.m.: The governor signed the order on Friday evening.')).toEqual({
    kind: 'update',
    text: 'Update, 5:40 p.m.: The governor signed the order on Friday evening.',
    date: '5:40 p.m.',
  });
  expect(readNote('Corrections are an important part of what we do, and this paragraph says so at length.')).toBeNull();
});

test('a box outside the body and the same note in JSON-LD are one note', async () => {
  const html = renderNotePage({
    boxAbove: '<aside class="editors-note"><p>Correction: An earlier version of this article gave the wrong date for the vote.</p></aside>',
    jsonLd: { '@type': 'CorrectionComment', text: 'An earlier version of this article gave the wrong date for the vote.' },
  });
  const article = await extractArticle(html, { url: URL });
  expect(article.corrections).toHaveLength(1);
});
