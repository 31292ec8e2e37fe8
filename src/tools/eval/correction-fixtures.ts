import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Correction } from '../../types.js';
import { REPO_ROOT } from './corpus-pages.js';

export interface NoteFixture {
  id: string;
  lang: string;
  kind: Correction['kind'];
  where: Correction['where'];
  date?: string;
  html?: string;
  boxAbove?: string;
  boxBelow?: string;
  jsonLd?: unknown;
}

export interface NotNoteFixture {
  id: string;
  html: string;
}

const DIR = join(REPO_ROOT, 'fixtures', 'corrections');

export function loadNoteFixtures(): { notes: NoteFixture[]; notNotes: NotNoteFixture[] } {
  return JSON.parse(readFileSync(join(DIR, 'notes.json'), 'utf8')) as { notes: NoteFixture[]; notNotes: NotNoteFixture[] };
}

/** fixtures/corrections/template.html with one note (or one text that is not a note) in its place. */
export function renderNotePage(fixture: Partial<NoteFixture> & { notNote?: string }): string {
  const template = readFileSync(join(DIR, 'template.html'), 'utf8');
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: 'Council approves the river bridge repairs',
    ...(fixture.jsonLd === undefined ? {} : { correction: fixture.jsonLd }),
  };
  return template
    .replace('{{LANG}}', fixture.lang ?? 'en')
    .replace('{{JSONLD}}', JSON.stringify(jsonLd))
    .replace('{{BOX_ABOVE}}', fixture.boxAbove ?? '')
    .replace('{{BOX_BELOW}}', fixture.boxBelow ?? '')
    .replace('{{NOTE}}', fixture.html ?? '')
    .replace('{{NOT_NOTE}}', fixture.notNote ?? '');
}
