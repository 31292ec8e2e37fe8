import { createHash } from 'node:crypto';

/**
 * A stable, sortable snapshot id: the fetch time in compact UTC (sorts by time as text) and 8 hex digits of a
 * hash over the URL and the raw body, e.g. `20261125T101500123Z-1a2b3c4d`.
 */
export function makeSnapshotId(fetchedAt: Date, url: string, rawSha256: string): string {
  const stamp = fetchedAt.toISOString().replace(/[-:]/g, '').replace('.', '');
  const suffix = createHash('sha256').update(`${url}\n${rawSha256}`).digest('hex').slice(0, 8);
  return `${stamp}-${suffix}`;
}
