import { getHeapStatistics } from 'node:v8';
import { Tokenizer } from 'htmlparser2';

/** What a page is made of, counted by a streaming pass that builds no tree. */
export interface PageCounts {
  elements: number;
  attributes: number;
  /** Text nodes and comments. */
  otherNodes: number;
  /** Characters of text, comments and attribute values. */
  characters: number;
}

/**
 * Counts a page's nodes with htmlparser2's tokenizer alone: positions only, no strings and no tree, so it costs
 * less than a parse. Text split by entities or tags the tree would drop is counted as more nodes, never fewer.
 */
export function countPage(html: string): PageCounts {
  const counts: PageCounts = { elements: 0, attributes: 0, otherNodes: 0, characters: 0 };
  let inText = false;
  const endText = (): void => {
    inText = false;
  };
  const text = (start: number, end: number): void => {
    if (!inText) counts.otherNodes++;
    inText = true;
    counts.characters += end - start;
  };
  const tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: false }, {
    onopentagname() {
      counts.elements++;
      inText = false;
    },
    onattribname() {
      counts.attributes++;
    },
    onattribdata(start, end) {
      counts.characters += end - start;
    },
    ontext: text,
    ontextentity() {
      text(0, 1);
    },
    oncdata(start, end, offset) {
      text(start, end - offset);
    },
    oncomment(start, end, offset) {
      inText = false;
      text(start, end - offset);
      inText = false;
    },
    onclosetag: endText,
    onopentagend: endText,
    onselfclosingtag: endText,
    onattribentity() {},
    onattribend() {},
    ondeclaration: endText,
    onprocessinginstruction: endText,
    onend() {},
  });
  tokenizer.write(html);
  tokenizer.end();
  return counts;
}

/**
 * Heap bytes one extraction may need per unit, at the worst shape measured (docs/performance.md, "Memory
 * of one page"): jsdom's nodes and attributes, Readability's working copies, the serialized strings between
 * the stages. Empty inline elements, elements with many attributes and runs of `text<br>` are the costliest.
 */
const BYTES_PER = { element: 9_500, attribute: 6_000, otherNode: 3_000, character: 40 } as const;
/** The heap an extraction needs before any page: the modules, Readability, the detectors. */
const BASE_MB = 40;

/** The heap (MB) extracting a page of these counts may need at most. */
export function estimateHeapMb(counts: PageCounts): number {
  const bytes = counts.elements * BYTES_PER.element + counts.attributes * BYTES_PER.attribute
    + counts.otherNodes * BYTES_PER.otherNode + counts.characters * BYTES_PER.character;
  return Math.ceil(BASE_MB + bytes / 1_000_000);
}

/** Share of this thread's heap limit a page may plan to use; the rest is for what the thread holds already. */
const HEAP_SHARE = 0.85;

/** The heap (MB) this thread can give one extraction: a worker's resource limit, or the main thread's. */
export function heapAvailableMb(): number {
  return Math.floor((getHeapStatistics().heap_size_limit / 1_048_576) * HEAP_SHARE);
}

/** The heap limit (MB) a thread needs so that `heapAvailableMb()` there covers `needMb`. */
export function heapLimitFor(needMb: number): number {
  return Math.ceil(needMb / HEAP_SHARE) + 16;
}
