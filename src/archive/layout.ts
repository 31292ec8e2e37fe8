import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { ChronicleError } from '../errors.js';
import { normalizeUrl } from '../normalize/url.js';
import { BLOBS_DIR, SITES_DIR } from './format.js';

/** Where one page (one normalized URL) lives: sites/<site>/<page>/. */
export interface PageLocation {
  /** The URL key: normalizeUrl(url). */
  key: string;
  /** Folder name of the site: the host, with ":port" written "_port". */
  site: string;
  /** Folder name of the page: a readable slug of path and query plus a short hash of the key. */
  page: string;
  /** Path relative to the archive root, with "/" separators. */
  relDir: string;
}

const SLUG_MAX = 60;

/** The site folder name of a URL: lower-case host, ":" before a port replaced by "_". */
export function siteName(url: URL): string {
  return url.port === '' ? url.hostname : `${url.hostname}_${url.port}`;
}

/** A readable, file-system-safe slug of a URL's path and query ("index" for "/"). */
export function pageSlug(url: URL): string {
  const source = decodeSafe(`${url.pathname}${url.search}`);
  const slug = source
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\.(s?html?|php|aspx?)$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const trimmed = slug.length > SLUG_MAX ? slug.slice(slug.length - SLUG_MAX).replace(/^-+/, '') : slug;
  return trimmed === '' ? 'index' : trimmed;
}

export function shortHash(text: string, length = 10): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** The folder a URL's snapshots are filed under. Throws E_INVALID_URL for a non-http(s) URL. */
export function locatePage(url: string): PageLocation {
  const key = normalizeUrl(url);
  const parsed = new URL(key);
  const site = siteName(parsed);
  const page = `${pageSlug(parsed)}-${shortHash(key)}`;
  return { key, site, page, relDir: `${SITES_DIR}/${site}/${page}` };
}

/** A snapshot id is used as a folder name: it must be a plain, non-hidden name. */
const SNAPSHOT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function isValidSnapshotId(id: string): boolean {
  return SNAPSHOT_ID.test(id) && !id.includes('..');
}

export function assertSnapshotId(id: string): void {
  if (!isValidSnapshotId(id)) {
    throw new ChronicleError('E_ARCHIVE', `snapshot id ${JSON.stringify(id)} cannot be used as a folder name`);
  }
}

/** Content-addressed place of a raw body: blobs/sha256/<2 hex>/<64 hex>. */
export function blobRelPath(sha256Hex: string): string {
  return `${BLOBS_DIR}/sha256/${sha256Hex.slice(0, 2)}/${sha256Hex}`;
}

export function toAbsolute(root: string, relPath: string): string {
  return join(root, ...relPath.split('/'));
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
