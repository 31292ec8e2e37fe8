import { SNAPSHOT_SCHEMA, type Snapshot } from '../types.js';
import { ARTICLE_FILE, MANIFEST_SCHEMA, RAW_FILE, RENDERED_FILE, SCREENSHOT_FILE, SNAPSHOT_FILE } from './format.js';

/** One file's record in a snapshot folder's manifest.json. */
export interface ManifestEntry {
  sha256: string;
  bytes: number;
}

/** manifest.json: sha256 and size of every file in a snapshot folder, written last into the temp folder. */
export interface Manifest {
  schema: typeof MANIFEST_SCHEMA;
  id: string;
  /** The page's URL key (normalizeUrl of snapshot.url). */
  key: string;
  files: Record<typeof SNAPSHOT_FILE | typeof ARTICLE_FILE | typeof RAW_FILE, ManifestEntry> &
    Partial<Record<typeof RENDERED_FILE | typeof SCREENSHOT_FILE, ManifestEntry>>;
  /** Page assets (--assets): stored under blobs/sha256/ by their sha256, linked from article.html. */
  assets?: ManifestAsset[];
}

export interface ManifestAsset extends ManifestEntry {
  url: string;
  contentType: string | null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON.parse that says which file was not JSON instead of throwing. */
function parseJson(text: string, name: string): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: `${name} is not JSON (${(error as Error).message})` };
  }
}

const isStringOrNull = (value: unknown): boolean => value === null || typeof value === 'string';

/** Parses snapshot.json text and checks the fields the archive relies on. Never throws. */
export function parseSnapshot(text: string): Parsed<Snapshot> {
  const json = parseJson(text, 'snapshot.json');
  if (!json.ok) return json;
  const value = json.value;
  if (!isObject(value)) return { ok: false, reason: 'snapshot.json is not an object' };
  if (value.schema !== SNAPSHOT_SCHEMA) return { ok: false, reason: `snapshot.json has schema ${JSON.stringify(value.schema)}, expected ${SNAPSHOT_SCHEMA}` };
  const problems: string[] = [];
  if (typeof value.id !== 'string') problems.push('id');
  if (typeof value.url !== 'string') problems.push('url');
  const fetch = value.fetch;
  if (!isObject(fetch) || typeof fetch.fetchedAt !== 'string' || Number.isNaN(Date.parse(fetch.fetchedAt)) || typeof fetch.sha256 !== 'string') {
    problems.push('fetch');
  }
  const meta = value.meta;
  if (!isObject(meta) || !isStringOrNull(meta.title) || !Array.isArray(meta.authors)) problems.push('meta');
  const body = value.body;
  if (!isObject(body) || typeof body.text !== 'string') problems.push('body');
  if (!Array.isArray(value.quotes)) problems.push('quotes');
  if (!Array.isArray(value.embeds)) problems.push('embeds');
  const digest = value.digest;
  if (!isObject(digest) || typeof digest.content !== 'string') problems.push('digest');
  if (problems.length > 0) return { ok: false, reason: `snapshot.json lacks valid ${problems.join(', ')}` };
  return { ok: true, value: value as unknown as Snapshot };
}

function isEntry(value: unknown): value is ManifestEntry {
  return isObject(value) && typeof value.sha256 === 'string' && typeof value.bytes === 'number';
}

export function parseManifest(text: string): Parsed<Manifest> {
  const json = parseJson(text, 'manifest.json');
  if (!json.ok) return json;
  const value = json.value;
  if (!isObject(value) || value.schema !== MANIFEST_SCHEMA || typeof value.id !== 'string' || typeof value.key !== 'string') {
    return { ok: false, reason: 'manifest.json is not a chronicle manifest' };
  }
  const files = value.files;
  const optionalOk = [RENDERED_FILE, SCREENSHOT_FILE].every((name) => !isObject(files) || files[name] === undefined || isEntry(files[name]));
  if (!isObject(files) || !isEntry(files[SNAPSHOT_FILE]) || !isEntry(files[ARTICLE_FILE]) || !isEntry(files[RAW_FILE]) || !optionalOk) {
    return { ok: false, reason: 'manifest.json lacks file entries' };
  }
  return { ok: true, value: value as unknown as Manifest };
}

/** The raw sha256 a record claims, as bare hex (accepts "sha256:<hex>" too). */
export function recordedRawSha256(snapshot: Snapshot): string {
  return bareHex(snapshot.fetch.sha256);
}

export function bareHex(value: string): string {
  return value.startsWith('sha256:') ? value.slice('sha256:'.length) : value;
}

/** Stable JSON text of a snapshot as stored: two-space indent, trailing newline. */
export function snapshotText(snapshot: Snapshot): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}

/** The text the full-text index holds for one snapshot, per column. */
export interface SearchText {
  title: string;
  authors: string;
  body: string;
  quotes: string;
  embeds: string;
}

export function searchTextOf(snapshot: Snapshot): SearchText {
  const quotes = snapshot.quotes
    .map((quote) => {
      const extra = quote.kind === 'direct' ? quote.speaker : quote.kind === 'excerpt' ? quote.source : null;
      return [quote.text, extra].filter((part): part is string => typeof part === 'string' && part !== '').join(' — ');
    })
    .join('\n');
  // The provider's name too, so that `embeds:youtube` finds the pages that embed a YouTube video.
  const embeds = snapshot.embeds
    .map((embed) => [embed.provider, embed.title, embed.author, embed.handle, embed.text].filter((part): part is string => typeof part === 'string' && part !== '').join(' '))
    .filter((line) => line !== '')
    .join('\n');
  return {
    title: snapshot.meta.title ?? '',
    authors: snapshot.meta.authors.join(', '),
    body: snapshot.body.text,
    quotes,
    embeds,
  };
}
