// PLACEHOLDER owned by the change-detection work (issue 6): replaced by the noise-normalizing digest.
import { createHash } from 'node:crypto';
import type { Snapshot } from '../types.js';

export type DigestInput = Pick<Snapshot, 'meta' | 'body' | 'quotes' | 'embeds' | 'canonicalUrl'>;

/** sha256 over the reader-visible content, as "sha256:<hex>". */
export function contentDigest(input: DigestInput): string {
  const fields = [input.meta.title, input.meta.description, input.meta.authors.join(','), input.body.text];
  return `sha256:${createHash('sha256').update(JSON.stringify(fields)).digest('hex')}`;
}
