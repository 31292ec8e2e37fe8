import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** An edit of the story: every `from` becomes `to`. */
type Edit = readonly [from: string, to: string];

const YOUTUBE_LINE = '<iframe width="560" height="315" src="https://www.youtube.com/embed/Xq3Z8mB2kLw?cb={{CACHEBUST}}" title="Footage from Dalmar" allowfullscreen></iframe>\n';
const GOVERNOR_LINE = '<p>The governor, Idris Boran, called on both governments to return to the table. “Every day without talks costs lives,” he told reporters in the provincial capital.</p>\n';
const HOSPITALS = '<p>Hospitals in the provincial capital said they had treated more than 60 wounded civilians, and appealed for blood donations.</p>';

/**
 * The story's later versions, written as what the newsroom changed in the one before: what the change tests
 * must detect is read here, not found by diffing two 60-line files by eye.
 */
const VERSIONS: Record<string, { from: string; edits: readonly Edit[] }> = {
  // A new headline and toll, a paragraph added, a correction appended.
  'v2.html': {
    from: 'v1.html',
    edits: [
      ['kill 25 fighters as ceasefire talks stall', 'kill 27 fighters, raising fears of a wider war'],
      ['At least 25 fighters', 'At least 27 fighters'],
      [YOUTUBE_LINE, `${YOUTUBE_LINE}  ${HOSPITALS}\n`],
      [
        GOVERNOR_LINE,
        `${GOVERNOR_LINE}  <p class="correction"><em>Correction: An earlier version of this article misstated the day the clashes began. It was Tuesday, not Monday.</em></p>\n`,
      ],
    ],
  },
  // A stealth edit: one figure, no correction.
  'v3.html': { from: 'v2.html', edits: [['more than 60 wounded', 'more than 80 wounded']] },
};

/** The HTML template of a story version: a file of story-pages/, or a version derived from one by its edits. */
export async function readStoryVersion(pagesDir: string, version: string): Promise<string> {
  const derived = VERSIONS[version];
  if (derived === undefined) return readFile(join(pagesDir, version), 'utf8');
  let html = await readStoryVersion(pagesDir, derived.from);
  for (const [from, to] of derived.edits) {
    if (!html.includes(from)) throw new Error(`story ${version}: the edit of ${JSON.stringify(from.slice(0, 40))} finds nothing in ${derived.from}`);
    html = html.replaceAll(from, to);
  }
  return html;
}
