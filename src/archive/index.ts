/** The archive stage: files under sites/ are the truth, index.sqlite is derived (docs/archive-format.md). */
export { openArchive, type OpenArchiveOptions } from './open-archive.js';
export { FileArchive, type RankedSearchHit } from './file-archive.js';
export { locatePage, type PageLocation } from './layout.js';
export type * from './types.js';
export { storageFullCode } from './durable-fs.js';
