/** The embed-recall evaluation: independent raw counts, matching by id, outside-article accounting, table. */
import { describe, expect, test } from '@jest/globals';
import { addRecall, compareEmbeds, countRawEmbeds, evaluateEmbedRecall, formatRecallTable } from '../../../src/tools/eval/evaluate-recall.js';
import { fixtureHtml, PAGE_URL } from '../../helpers/embed-fixtures.js';

const LONG_TEXT = '<p>' + 'Body text of the article, long enough to be the article. '.repeat(30) + '</p>';
const tweet = (id: string) =>
  `<blockquote class="twitter-tweet" data-lang="en"><p lang="en">t${id.slice(-2)}</p>&mdash; A (@a) <a href="https://twitter.com/a/status/${id}?ref_src=twsrc%5Etfw">May 1, 2024</a></blockquote>`;

const PAGE = `<html><body>
<script>var s = '<blockquote class="twitter-tweet"><a href="https://twitter.com/x/status/1999999999999999999"></a></blockquote>';</script>
<!-- <iframe src="https://www.youtube.com/embed/commentedOut"></iframe> -->
<article>${LONG_TEXT}
${tweet('1700000000000000011')}
<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/AbCdEfGhIjK/"><a href="https://www.instagram.com/p/AbCdEfGhIjK/">View</a></blockquote>
<iframe class="lazy" data-src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe><noscript><iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe></noscript>
<video src="blob:https://example.com/abc"></video>
<video><source src="https://gcdn.2mdn.net/videoplayback/id/abc/file.mp4"></video>
${LONG_TEXT}</article>
<aside class="sidebar">${tweet('1700000000000000012')}</aside>
</body></html>`;

describe('countRawEmbeds', () => {
  test('counts embed markup with ids; skips scripts, comments, noscript copies, blob: and ad-server videos', () => {
    expect(countRawEmbeds(PAGE)).toEqual({
      twitter: ['1700000000000000011', '1700000000000000012'],
      instagram: ['AbCdEfGhIjK'],
      youtube: ['dQw4w9WgXcQ'],
    });
  });

  test('counts the provider fixtures independently of the detectors', () => {
    // Nine players in markup (the Short is a bare URL in an unrendered WordPress block: not markup the counter sees).
    expect(countRawEmbeds(fixtureHtml('youtube.html'))['youtube']).toContain('PLUXSZMIiUfFQUnjV3iqRpaoMzsRjZZfs7');
    expect(countRawEmbeds(fixtureHtml('youtube.html'))['youtube']).toHaveLength(9);
    // Four blockquotes (one in the sidebar), one rendered iframe, one amp-twitter.
    expect(countRawEmbeds(fixtureHtml('twitter.html'))['twitter']).toHaveLength(6);
    expect(evaluateEmbedRecall(fixtureHtml('twitter.html'), PAGE_URL)['twitter']).toEqual({ expected: 6, found: 5, detected: 5, outside: 1 });
  });
});

describe('evaluateEmbedRecall', () => {
  test('found counts the expected embeds detectEmbeds reported, by id; the sidebar tweet is counted as outside', () => {
    expect(evaluateEmbedRecall(PAGE, PAGE_URL)).toEqual({
      twitter: { expected: 2, found: 1, detected: 1, outside: 1 },
      instagram: { expected: 1, found: 1, detected: 1, outside: 0 },
      youtube: { expected: 1, found: 1, detected: 1, outside: 0 },
    });
  });

  test('a detected embed with the wrong id is not a find', () => {
    const result = compareEmbeds(PAGE, [
      { provider: 'twitter', kind: 'post', url: 'https://twitter.com/a/status/1', id: '1' },
      { provider: 'youtube', kind: 'video', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', id: 'dQw4w9WgXcQ' },
    ]);
    expect(result['twitter']).toEqual({ expected: 2, found: 0, detected: 1, outside: 0 });
    expect(result['youtube']!.found).toBe(1);
    expect(result['instagram']).toEqual({ expected: 1, found: 0, detected: 0, outside: 0 });
  });

  test('totals add up and the table prints recall and in-body recall', () => {
    const total = addRecall(addRecall({}, evaluateEmbedRecall(PAGE, PAGE_URL)), evaluateEmbedRecall(PAGE, PAGE_URL));
    expect(total['twitter']).toEqual({ expected: 4, found: 2, detected: 2, outside: 2 });
    const table = formatRecallTable(total);
    expect(table.split('\n')[0]).toMatch(/^provider\s+expected\s+found\s+recall\s+outside\s+in-body recall\s+detected$/);
    expect(table).toMatch(/twitter\s+4\s+2\s+50\.0%\s+2\s+100\.0%\s+2/);
  });
});
