/** Names and versions of the on-disk archive format (docs/archive-format.md). */

export const FORMAT_FILE = 'FORMAT';
export const FORMAT_NAME = 'chronicle-archive';
export const FORMAT_VERSION = 1;
export const FORMAT_LINE = `${FORMAT_NAME} ${FORMAT_VERSION}`;

export const SITES_DIR = 'sites';
export const BLOBS_DIR = 'blobs';
export const TMP_DIR = 'tmp';
export const INDEX_FILE = 'index.sqlite';

export const SNAPSHOT_FILE = 'snapshot.json';
export const ARTICLE_FILE = 'article.html';
export const RAW_FILE = 'raw.html';
export const MANIFEST_FILE = 'manifest.json';
export const CHECKS_FILE = 'checks.ndjson';
export const LOCK_NAME = '.lock';

/** Every file a complete snapshot folder holds; anything else in it is foreign. */
export const SNAPSHOT_FILES = [SNAPSHOT_FILE, ARTICLE_FILE, RAW_FILE, MANIFEST_FILE] as const;

/** The browser's DOM and a full-page PNG, present only when the page was rendered (--render, --screenshot). */
export const RENDERED_FILE = 'rendered.html';
export const SCREENSHOT_FILE = 'screenshot.png';
/** Files a snapshot folder may hold besides SNAPSHOT_FILES; each one present is listed in manifest.json. */
export const OPTIONAL_SNAPSHOT_FILES = [RENDERED_FILE, SCREENSHOT_FILE] as const;

export const MANIFEST_SCHEMA = 'chronicle.manifest/1' as const;
