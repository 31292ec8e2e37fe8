/**
 * Synthetic pages of a given size for the size-scaling benchmark and tests: the shapes that once made
 * extraction quadratic. Deterministic (same size, same bytes).
 */
export type PageShape = 'flat' | 'deep' | 'text';

export const PAGE_SHAPES: readonly PageShape[] = ['flat', 'deep', 'text'];

const WORDS = 'the council said on tuesday that its budget for roads and schools would rise next year after a long debate'.split(' ');

/** `count` words of plain prose, varied by `seed`. */
function prose(seed: number, count: number): string {
  const words: string[] = [];
  for (let index = 0; index < count; index++) words.push(WORDS[(seed * 7 + index * 3) % WORDS.length]!);
  return `${words.join(' ')}.`;
}

/** One repeated unit of each shape. */
const UNITS: Record<PageShape, (index: number) => string> = {
  // Sibling <div>s of one line each, as a log, a listing or a table rendered as divs is.
  flat: (index) => `<div>Line ${index}: ${prose(index, 6)}</div>\n`,
  // A paragraph under 24 nested wrappers, as component-built pages are.
  deep: (index) => `${'<div class="w"><section>'.repeat(12)}<p>${prose(index, 12)}</p>${'</section></div>'.repeat(12)}\n`,
  // Long paragraphs of prose in one <article>, as a long read or a transcript is.
  text: (index) => `<p>${prose(index, 90)}</p>\n`,
};

/** An HTML page of `shape` of about `bytes` bytes (UTF-8). */
export function sizedPage(shape: PageShape, bytes: number): string {
  const head = `<!doctype html><html><head><meta charset="utf-8"><title>A ${shape} page</title></head><body>`;
  const [open, close] = shape === 'text' ? ['<article><h1>A long read</h1>', '</article>'] : ['<main>', '</main>'];
  return repeatToSize(head + open, UNITS[shape], close + '</body></html>', bytes);
}

/** `head`, then `unit(0)`, `unit(1)`, … until the page has about `bytes` characters, then `tail`. */
export function repeatToSize(head: string, unit: (index: number) => string, tail: string, bytes: number): string {
  const parts = [head];
  let length = head.length;
  for (let index = 0; length < bytes; index++) {
    const piece = unit(index);
    parts.push(piece);
    length += piece.length;
  }
  parts.push(tail);
  return parts.join('');
}
