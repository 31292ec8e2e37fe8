import type { CheerioAPI } from 'cheerio';
import { hasChildren, type AnyNode, type Text } from 'domhandler';
import type { Correction } from '../../types.js';
import { MAX_NOTE_CHARS, MIN_NOTE_WORDS, NEVER_NOTE_ANCESTORS, NOTE_PATTERNS, type NotePattern } from './patterns.js';
import { normalizeLine } from '../../normalize/text.js';

/** A note as found, before it is placed against the body. */
export interface FoundNote {
  kind: Correction['kind'];
  text: string;
  date: string | null;
}

/** Blocks a CMS writes a note in; the innermost matching one is the note. */
const NOTE_BLOCKS = 'p, div, aside, section, li, span, em, strong, i, b, small, footer, blockquote, dd, dt, td';

/** A note's text with straight apostrophes: the form patterns are matched and notes compared in. */
export function noteForm(text: string): string {
  return normalizeLine(text).replace(/[\u2018\u2019\u02bc]/g, "'");
}

/** Words of two or more letters: dates, times and time zones ("20 nov 2026 - 18:40 CET") barely count. */
const wordCount = (text: string): number => (text.match(/\p{L}{2,}/gu) ?? []).filter((word) => !/^(?:[A-Z]{2,4}|am|pm|h|uhr)$/u.test(word)).length;

/** Longer than any note pattern's match (a label with its date, or a sentence): enough of a block's start to judge it. */
const LEADING_CHARS = 300;

/** Whether a block's first words match a note pattern (a superset of readNote's verdict on its whole text). */
function beginsLikeNote(element: AnyNode): boolean {
  const form = noteForm(leadingText(element, LEADING_CHARS));
  return form !== '' && NOTE_PATTERNS.some((rule) => rule.pattern.test(form));
}

/** The start of a node's text, whitespace collapsed: text nodes in document order until `limit` characters. */
function leadingText(node: AnyNode, limit: number): string {
  let text = '';
  const visit = (current: AnyNode): void => {
    if (current.type === 'text') {
      text += (current as Text).data.replace(/\s+/g, ' ');
      return;
    }
    if (!hasChildren(current)) return;
    for (const child of current.children) {
      if (text.length > limit) return;
      visit(child);
    }
  };
  visit(node);
  return text;
}

/** The note a text is, or null: it begins with a known phrase, is note-sized and (for a label) has prose after it. */
export function readNote(raw: string): FoundNote | null {
  const text = normalizeLine(raw);
  const form = noteForm(text);
  if (text.length === 0 || text.length > MAX_NOTE_CHARS) return null;
  for (const rule of NOTE_PATTERNS) {
    const match = rule.pattern.exec(form);
    if (match === null) continue;
    if (!hasProseAfter(rule, form, match)) continue;
    const date = rule.label ? (match[1]?.trim() ?? null) : null;
    return { kind: rule.kind, text, date: date === '' ? null : date };
  }
  return null;
}

function hasProseAfter(rule: NotePattern, text: string, match: RegExpExecArray): boolean {
  const rest = rule.label ? text.slice(match[0].length) : text;
  return wordCount(rest) >= MIN_NOTE_WORDS;
}

/**
 * Notes anywhere in the untouched page: the innermost block whose whole text is a note (a CMS's box above or
 * below the article, or a paragraph of the article). Links, navigation and headings are never notes.
 */
export function findPageNotes($: CheerioAPI): FoundNote[] {
  const found: Array<{ note: FoundNote }> = [];
  $(NOTE_BLOCKS).each((_, element) => {
    // Most blocks do not begin like a note: judged from their first words, without reading (or walking up
    // from) every wrapper's whole subtree, which made this step cost as much as the rest of the extraction.
    if (!beginsLikeNote(element)) return;
    const $element = $(element);
    const text = $element.text();
    if (text.length > MAX_NOTE_CHARS * 2) return;
    const note = readNote(text);
    if (note === null) return;
    if ($element.closest(NEVER_NOTE_ANCESTORS).length > 0) return;
    // A link that reads like a note ("Corrections: our policy") is navigation.
    const linked = $element.find('a').text().replace(/\s+/g, '').length;
    if (linked * 2 > text.replace(/\s+/g, '').length) return;
    found.push({ note });
  });
  // Keep the innermost: drop a block whose text holds another note's (a box around one or two notes).
  const notes: FoundNote[] = [];
  const seen = new Set<string>();
  for (const { note } of found) {
    if (seen.has(note.text)) continue;
    seen.add(note.text);
    const holdsAnother = found.some((other) => other.note.text !== note.text && note.text.includes(other.note.text));
    if (!holdsAnother) notes.push(note);
  }
  return notes;
}

/** schema.org `correction` on any JSON-LD node: a text, or a CorrectionComment with text and datePublished. */
export function findJsonLdNotes($: CheerioAPI): FoundNote[] {
  const notes: FoundNote[] = [];
  $('script[type="application/ld+json"]').each((_, script) => {
    let data: unknown;
    try {
      data = JSON.parse($(script).text());
    } catch {
      return;
    }
    collectCorrections(data, notes, 0);
  });
  return notes;
}

function collectCorrections(value: unknown, out: FoundNote[], depth: number): void {
  if (depth > 12 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collectCorrections(item, out, depth + 1);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const [key, child] of Object.entries(record)) {
    if (key === 'correction') {
      for (const item of Array.isArray(child) ? child : [child]) {
        const note = correctionValue(item);
        if (note !== null) out.push(note);
      }
    } else {
      collectCorrections(child, out, depth + 1);
    }
  }
}

function correctionValue(item: unknown): FoundNote | null {
  if (typeof item === 'string') {
    const text = normalizeLine(item);
    return text === '' || /^https?:\/\//.test(text) ? null : { kind: 'correction', text, date: null };
  }
  if (item === null || typeof item !== 'object') return null;
  const record = item as Record<string, unknown>;
  const raw = [record.text, record.description, record.name].find((value): value is string => typeof value === 'string' && value.trim() !== '');
  if (raw === undefined) return null;
  const date = [record.datePublished, record.dateCreated].find((value): value is string => typeof value === 'string');
  return { kind: 'correction', text: normalizeLine(raw), date: date ?? null };
}

/**
 * The article's notes: those of the page that stand in the body (position = their paragraph's index in
 * body.text), then those elsewhere on the page (a CMS box; position null), then JSON-LD corrections that
 * repeat no note already found. Body order first.
 */
export function placeCorrections(bodyText: string, pageNotes: FoundNote[], jsonLdNotes: FoundNote[]): Correction[] {
  const paragraphs = bodyText.split(/\n{2,}/).map(noteForm);
  const inBody: Correction[] = [];
  const outside: Correction[] = [];
  const known = new Set<string>();
  for (const note of pageNotes) {
    const form = noteForm(note.text);
    const position = paragraphs.findIndex((paragraph) => paragraph.includes(form) || (paragraph.length > 40 && form.includes(paragraph)));
    const correction: Correction = { kind: note.kind, text: note.text, date: note.date, position: position < 0 ? null : position, where: position < 0 ? 'page' : 'body' };
    (position < 0 ? outside : inBody).push(correction);
    known.add(form);
  }
  inBody.sort((a, b) => a.position! - b.position!);
  const corrections = [...inBody, ...outside];
  for (const note of jsonLdNotes) {
    const form = noteForm(note.text);
    const repeated = [...known].some((text) => text.includes(form) || form.includes(text));
    if (repeated) continue;
    corrections.push({ kind: note.kind, text: note.text, date: note.date, position: null, where: 'json-ld' });
    known.add(form);
  }
  return corrections;
}
