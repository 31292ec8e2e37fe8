/** The library entry: `import { extractArticle } from 'chronicle'`. */
export { extractArticle, type ExtractOptions } from './extract/extract-article.js';
export { decodeHtml, type DecodedHtml } from './decode/decode-html.js';
export { buildSnapshot, snapshotFromArticle, type BuiltSnapshot } from './pipeline/build-snapshot.js';
export { normalizeUrl } from './normalize/url.js';
export { ChronicleError, type ErrorCode } from './errors.js';
export type * from './types.js';
export { SNAPSHOT_SCHEMA } from './types.js';
