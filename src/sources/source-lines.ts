import type { InputLine } from '../batch/types.js';
import type { DiscoveredItem } from './types.js';

/** What a result line says about where its URL was found: `discovered` in the NDJSON. */
export interface DiscoveredJson {
  from: string;
  title: string | null;
  publishedAt: string | null;
  author: string | null;
}

/**
 * The batch's input lines: the URL arguments and `-i` lines first, then each discovered item as one more
 * line, numbered on from the last. What each item's source said is kept by line number until its result
 * is reported (`take`), so only items in flight are held.
 */
export class DiscoveredLines {
  private readonly byLine = new Map<number, DiscoveredJson>();

  lines(base: AsyncIterable<InputLine>, items: AsyncIterable<DiscoveredItem>): AsyncIterable<InputLine> {
    const byLine = this.byLine;
    return (async function* () {
      let last = 0;
      for await (const line of base) {
        last = Math.max(last, line.line);
        yield line;
      }
      for await (const item of items) {
        last++;
        byLine.set(last, { from: item.from, title: item.title, publishedAt: item.publishedAt, author: item.author });
        yield { line: last, text: item.url };
      }
    })();
  }

  /** The discovery of a line's URL (and forgets it), or undefined for a URL given directly. */
  take(line: number): DiscoveredJson | undefined {
    const found = this.byLine.get(line);
    this.byLine.delete(line);
    return found;
  }
}
