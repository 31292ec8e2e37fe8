/**
 * Turns the date strings pages carry into UTC ISO-8601 (`2020-01-01T12:00:00.000Z`).
 * Accepted: ISO-8601 with or without an offset (a missing offset is read as UTC, so the result never
 * depends on the machine's time zone), date-only (midnight UTC), RFC 2822 / "January 2, 2020 10:00 AM EST"
 * style strings, and Unix timestamps in seconds or milliseconds. Anything else gives null.
 */

const ISO_PATTERN =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const NAMED_ZONE = /\b(?:Z|UTC|GMT|[ECMP][SD]T|BST|CET|CEST)\b|[+-]\d{2}:?\d{2}\b/i;
const LEADING_WORDS = /^(?:(?:first\s+)?published|posted|updated|last\s+updated|modified|date|on)\b[\s:,-]*/i;
const MIN_YEAR = 1800;
const MAX_YEAR = 2200;

function plausible(ms: number): boolean {
  if (!Number.isFinite(ms)) return false;
  const year = new Date(ms).getUTCFullYear();
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

function fromIso(match: RegExpMatchArray): number | null {
  const [, y, mo, d, h, mi, s, frac, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const hours = h === undefined ? 0 : Number(h);
  const minutes = mi === undefined ? 0 : Number(mi);
  const seconds = s === undefined ? 0 : Number(s);
  if (hours > 24 || minutes > 59 || seconds > 60) return null;
  const millis = frac === undefined ? 0 : Math.round(Number(`0.${frac}`) * 1000);
  let ms = Date.UTC(year, month - 1, day, hours, minutes, seconds, millis);
  // Date.UTC rolls 31 February over into March; refuse instead.
  if (new Date(ms).getUTCDate() !== day && hours < 24) return null;
  if (zone !== undefined && !/^(?:Z|UTC|GMT)$/i.test(zone)) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMinutes = Number(digits.slice(0, 2)) * 60 + (digits.length > 2 ? Number(digits.slice(2, 4)) : 0);
    ms -= sign * offsetMinutes * 60_000;
  }
  return ms;
}

/** Parses one date string; null when it is not a plausible date. */
export function parseDate(input: string | number | null | undefined): string | null {
  if (input === null || input === undefined) return null;
  if (typeof input === 'number') return fromTimestamp(input);
  let text = input.replace(/[\s\u00a0]+/g, ' ').trim();
  for (let i = 0; i < 3 && LEADING_WORDS.test(text); i += 1) text = text.replace(LEADING_WORDS, '').trim();
  if (text === '') return null;

  if (/^\d{10}$|^\d{13}$/.test(text)) return fromTimestamp(Number(text));

  const compact = COMPACT_DATE.exec(text);
  if (compact) text = `${compact[1]}-${compact[2]}-${compact[3]}`;

  const iso = ISO_PATTERN.exec(text);
  if (iso) {
    const ms = fromIso(iso);
    return ms !== null && plausible(ms) ? new Date(ms).toISOString() : null;
  }

  // Free-form dates need at least a four-digit year; "3 hours ago" and "Tuesday" are not dates.
  if (!/\b\d{4}\b/.test(text)) return null;
  const cleaned = text.replace(/\bat\b/gi, ' ').replace(/(\d)(st|nd|rd|th)\b/gi, '$1').replace(/\s+/g, ' ');
  const candidates = NAMED_ZONE.test(cleaned) ? [cleaned] : [`${cleaned} UTC`, cleaned];
  for (const candidate of candidates) {
    const ms = Date.parse(candidate);
    if (plausible(ms)) return new Date(ms).toISOString();
  }
  return null;
}

function fromTimestamp(value: number): string | null {
  if (!Number.isFinite(value) || value <= 0) return null;
  const ms = value < 1e11 ? value * 1000 : value;
  return plausible(ms) ? new Date(ms).toISOString() : null;
}
