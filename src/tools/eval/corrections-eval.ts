/**
 * `npm run eval:corrections`: correction/update notes recognised in fixtures/corrections (real phrasing in
 * English, French, German and Spanish), and how many of the 300 development corpus pages report a note
 * (../shared/corpus or $CHRONICLE_CORPUS). Every corpus note is printed; one is counted false unless
 * fixtures/corrections/corpus-reviewed.json (notes a person read on those pages) lists it.
 * Prints figures; exits 0 whatever they are.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { noteForm } from '../../extract/corrections/index.js';
import { extractArticle } from '../../extract/extract-article.js';
import { corpusRoot, developmentPages, REPO_ROOT } from './corpus-pages.js';
import { loadNoteFixtures, renderNotePage } from './correction-fixtures.js';

const FIXTURE_URL = 'https://courier.example/news/bridge-repairs';

async function fixtureFigures(): Promise<string[]> {
  const { notes, notNotes } = loadNoteFixtures();
  const lines: string[] = [];
  let found = 0;
  const langs = new Map<string, { found: number; total: number }>();
  for (const fixture of notes) {
    const article = await extractArticle(renderNotePage(fixture), { url: FIXTURE_URL });
    const ok = (article.corrections ?? []).some((note) => note.kind === fixture.kind);
    if (ok) found += 1;
    else lines.push(`  missed ${fixture.id}`);
    const lang = langs.get(fixture.lang) ?? { found: 0, total: 0 };
    lang.total += 1;
    if (ok) lang.found += 1;
    langs.set(fixture.lang, lang);
  }
  let falseFixtures = 0;
  for (const fixture of notNotes) {
    const article = await extractArticle(renderNotePage({ notNote: fixture.html }), { url: FIXTURE_URL });
    if ((article.corrections ?? []).length > 0) {
      falseFixtures += 1;
      lines.push(`  false note in ${fixture.id}`);
    }
  }
  const perLang = [...langs].map(([lang, figures]) => `${lang} ${figures.found}/${figures.total}`).join(', ');
  return [
    `fixture notes recognised with their kind: ${found}/${notes.length} in ${langs.size} languages (${perLang})`,
    `fixture texts that are not notes reported as notes: ${falseFixtures}/${notNotes.length}`,
    ...lines,
  ];
}

async function corpusFigures(): Promise<string[]> {
  const root = corpusRoot();
  const pages = await developmentPages(root);
  if (pages.length === 0) return [`corpus: no pages under ${root} (set CHRONICLE_CORPUS)`];
  const reviewed = (JSON.parse(readFileSync(join(REPO_ROOT, 'fixtures', 'corrections', 'corpus-reviewed.json'), 'utf8')) as {
    notes: Array<{ page: string; kind: string; startsWith: string }>;
  }).notes;
  let extracted = 0;
  const reports: string[] = [];
  let withNotes = 0;
  let withFalse = 0;
  for (const page of pages) {
    let notes;
    try {
      notes = (await extractArticle(new Uint8Array(await readFile(page.file)), { url: page.url })).corrections ?? [];
    } catch {
      continue;
    }
    extracted += 1;
    if (notes.length === 0) continue;
    withNotes += 1;
    let falseHere = false;
    for (const note of notes) {
      const real = reviewed.some((known) => known.page === page.name && known.kind === note.kind && noteForm(note.text).startsWith(noteForm(known.startsWith)));
      if (!real) falseHere = true;
      reports.push(`  ${real ? 'real ' : 'FALSE'} ${page.name}: ${note.kind} (${note.where}) ${JSON.stringify(note.text.slice(0, 120))}`);
    }
    if (falseHere) withFalse += 1;
  }
  const percent = (count: number): string => (extracted === 0 ? '0.00' : ((100 * count) / extracted).toFixed(2));
  return [
    `corpus: ${root}`,
    `corpus pages extracted: ${extracted}/${pages.length}; pages reporting a note: ${withNotes} (${percent(withNotes)}%)`,
    `corpus pages with a falsely reported correction: ${withFalse}/${extracted} (${percent(withFalse)}%)`,
    ...reports,
  ];
}

const lines = [...(await fixtureFigures()), ...(await corpusFigures())];
process.stdout.write(`${lines.join('\n')}\n`);
