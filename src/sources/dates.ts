/**
 * A feed or sitemap date as ISO-8601 UTC, or null when it is missing or unreadable. Accepts RFC 822 (RSS
 * pubDate) and W3C/ISO-8601 (Atom, sitemaps, JSON Feed); a bare date is midnight UTC.
 */
export function parseSourceDate(value: string | null): string | null {
  if (value === null) return null;
  const text = value.trim();
  if (text === '') return null;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return null;
  return new Date(time).toISOString();
}
