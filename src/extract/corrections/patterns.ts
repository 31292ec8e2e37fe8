/**
 * How correction, update, clarification and editor's notes begin, per language, written as data.
 * Each pattern is matched at the start of a note's text (after typographic apostrophes are straightened);
 * a labelled pattern ("Correction:", "Update, 5:40 p.m.:") must be followed by prose (see MIN_NOTE_WORDS),
 * so a byline's bare "Updated 20 November 2026" is never a note. See docs/corrections.md.
 */

export type CorrectionKind = 'correction' | 'update' | 'clarification' | 'editors-note';

export interface NotePattern {
  kind: CorrectionKind;
  lang: 'en' | 'fr' | 'de' | 'es';
  /**
   * Anchored at the start of the note. A `label` pattern's optional group 1 is the date or time written
   * between the label and its colon ("Update, 5:40 p.m.:" → "5:40 p.m.").
   */
  pattern: RegExp;
  /** A label ("Correction:") rather than a sentence ("An earlier version of this article…"). */
  label: boolean;
}

/** Punctuation that ends a label: colon, dash, full stop, or a closing bracket. */
const END = String.raw`\s*(?::(?!\d)|[\u2013\u2014|]|-\s|\.\s|\]|\))`;
/** An optional date or time between a label and its colon: "Update, 5:40 p.m.:", "Correction (Nov. 20):". */
const WHEN = String.raw`(?:[\s,(\[]+((?=[^:]{0,40}\d)(?:[^:\n]|(?<=\d):(?=\d)){1,40}?)[)\]]?)?`;

const label = (kind: CorrectionKind, lang: NotePattern['lang'], words: string): NotePattern => ({
  kind,
  lang,
  label: true,
  pattern: new RegExp(`^(?:${words})${WHEN}${END}`, 'iu'),
});

const sentence = (kind: CorrectionKind, lang: NotePattern['lang'], words: string): NotePattern => ({
  kind,
  lang,
  label: false,
  pattern: new RegExp(`^(?:${words})`, 'iu'),
});

/** A story, in the words each language uses for one. */
const PIECE_EN = String.raw`(?:article|story|report|post|piece|column|item|headline|photo caption|caption|graphic|video)`;

export const NOTE_PATTERNS: readonly NotePattern[] = [
  // English
  label('correction', 'en', String.raw`corrections?|corrected|correction appended|erratum`),
  label('clarification', 'en', String.raw`clarifications?|clarified`),
  label('update', 'en', String.raw`updates?|updated|story updated|this story has been updated|latest update`),
  label('editors-note', 'en', String.raw`editor'?s'? note|editors' note|note from the editors?|publisher'?s note`),
  sentence('correction', 'en', String.raw`(?:an?|the) (?:earlier|previous|prior|original) version of this ${PIECE_EN}\b`),
  sentence('correction', 'en', String.raw`this ${PIECE_EN} (?:has been|was) (?:corrected|amended)\b`),
  sentence('correction', 'en', String.raw`this ${PIECE_EN} (?:has been|was) (?:updated|edited|changed|revised) to (?:correct|remove an error|fix)\b`),
  sentence('clarification', 'en', String.raw`this ${PIECE_EN} (?:has been|was) (?:updated |edited |revised )?(?:to clarify|clarified)\b`),
  sentence('update', 'en', String.raw`this ${PIECE_EN} (?:has been|was) updated\b`),
  sentence('update', 'en', String.raw`this is a developing story\b.{0,60}\bupdated?\b`),
  // French
  label('correction', 'fr', String.raw`correction|rectificatif|rectification|erratum`),
  label('clarification', 'fr', String.raw`précision|clarification`),
  label('update', 'fr', String.raw`mise à jour|mis à jour|màj|actualisation|actualisé`),
  label('editors-note', 'fr', String.raw`note de la rédaction|n\.?\s?d\.?\s?l\.?\s?r\.?|avertissement de la rédaction`),
  sentence('correction', 'fr', String.raw`une (?:précédente|première|ancienne) version de cet (?:article|texte)\b`),
  sentence('correction', 'fr', String.raw`(?:cet article|cet texte|ce texte|l'article) a été (?:corrigé|rectifié|modifié pour corriger)\b`),
  sentence('update', 'fr', String.raw`(?:cet article|ce texte|l'article) a été (?:mis à jour|actualisé|complété)\b`),
  // German
  label('correction', 'de', String.raw`korrektur|korrekturhinweis|berichtigung|richtigstellung|korrigiert`),
  label('clarification', 'de', String.raw`klarstellung|präzisierung`),
  label('update', 'de', String.raw`update|aktualisierung|aktualisiert|nachtrag`),
  label('editors-note', 'de', String.raw`anmerkung der redaktion|hinweis der redaktion|anm\. d\. red\.|in eigener sache`),
  sentence('correction', 'de', String.raw`in einer (?:früheren|ersten|vorherigen|älteren) (?:version|fassung) (?:dieses|des) (?:artikels|textes|beitrags)\b`),
  sentence('correction', 'de', String.raw`(?:dieser artikel|dieser text|dieser beitrag|der artikel|der text) wurde (?:nachträglich )?(?:korrigiert|berichtigt)\b`),
  sentence('update', 'de', String.raw`(?:dieser artikel|dieser text|dieser beitrag|der artikel|der text) wurde (?:nachträglich )?(?:aktualisiert|ergänzt)\b`),
  // Spanish
  label('correction', 'es', String.raw`corrección|fe de erratas|fe de errores|rectificación|erratum`),
  label('clarification', 'es', String.raw`aclaración|precisión`),
  label('update', 'es', String.raw`actualización|actualizado|actualizada`),
  label('editors-note', 'es', String.raw`nota de (?:la )?redacción|nota del editor|nota de los editores|nota de la editora`),
  sentence('correction', 'es', String.raw`una versión anterior de (?:este|esta) (?:artículo|nota|noticia|información|texto)\b`),
  sentence('correction', 'es', String.raw`(?:este artículo|esta nota|esta noticia|esta información|este texto) (?:ha sido|fue) (?:corregid[oa]|rectificad[oa])\b`),
  sentence('update', 'es', String.raw`(?:este artículo|esta nota|esta noticia|esta información|este texto) (?:ha sido|fue|se ha) actualizad[oa]\b`),
];

/** A note needs at least this many words of letters after its label: a byline's "Updated 20 nov 2026 - 18:40 CET" has two. */
export const MIN_NOTE_WORDS = 5;

/** A longer block is an article paragraph that happens to begin like a note, not a note. */
export const MAX_NOTE_CHARS = 1200;

/** Elements whose text is never a note: navigation, links, headings of lists, forms. */
export const NEVER_NOTE_ANCESTORS = 'a, nav, form, button, select, script, style, noscript, template, h1, h2, h3, title, label, option';
