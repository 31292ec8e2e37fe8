/** Embeds through the whole extraction (extractArticle): kept in place, companions gone, sidebars dropped. */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractArticle } from '../../../src/extract/extract-article.js';
import { fixtureHtml } from '../../helpers/embed-fixtures.js';

const PARAGRAPHS = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of the story about the harbour festival, which drew record crowds to the waterfront this weekend despite the rain and the strike.</p>`).join('\n');

describe('embeds in extractArticle', () => {
  test('the seed page: tweet then YouTube, in place in body.html, with no script', async () => {
    const dir = path.resolve(process.cwd(), 'fixtures/pages/embassy-withdrawal');
    const meta = JSON.parse(readFileSync(path.join(dir, 'meta.json'), 'utf8')) as { url: string; contentType?: string };
    const article = await extractArticle(readFileSync(path.join(dir, 'source.html')), { url: meta.url, contentType: meta.contentType });
    expect(article.embeds.map((embed) => [embed.provider, embed.id])).toEqual([
      ['twitter', '1212407763215224832'],
      ['youtube', 'Qm3v7XeLk2A'],
    ]);
    expect(article.embeds[0]).toMatchObject({ url: 'https://twitter.com/ConflictDeskNow/status/1212407763215224832', handle: 'ConflictDeskNow' });
    expect(article.embeds[0]!.text).toContain('All pro-Iran protesters have now withdrawn');
    expect(article.body.html).not.toMatch(/<script|<iframe/i);
    const tweetAt = article.body.html.indexOf('data-provider="twitter"');
    const videoAt = article.body.html.indexOf('data-provider="youtube"');
    expect(tweetAt).toBeGreaterThan(article.body.html.indexOf('Take a look at the breaking news on Twitter'));
    expect(videoAt).toBeGreaterThan(tweetAt);
    expect(article.embeds[1]!.position).toBeGreaterThan(article.embeds[0]!.position!);
  });

  test('attribution lines (companions) do not survive as body text; sidebar embeds are not reported', async () => {
    const html = `<html><body><article><h1>Festival</h1>${PARAGRAPHS}
<p style="margin: 12px auto 6px auto;"><a title="View Court Ruling on Scribd" href="https://www.scribd.com/document/412345678/Court-Ruling#from_embed">Court Ruling on the Harbour Festival Permit Appeal</a> by <a href="https://www.scribd.com/user/12345/The-County-Herald#from_embed">The County Herald</a> on Scribd</p><iframe class="scribd_iframe_embed" title="Court Ruling" src="https://www.scribd.com/embeds/412345678/content?start_page=1&amp;view_mode=scroll&amp;access_key=key-abc123" scrolling="no" width="100%" height="600" frameborder="0"></iframe>
${PARAGRAPHS}</article><aside class="sidebar"><iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe></aside></body></html>`;
    const article = await extractArticle(html, { url: 'https://news.example.com/festival' });
    expect(article.embeds.map((embed) => embed.provider)).toEqual(['scribd']);
    expect(article.embeds[0]).toMatchObject({ author: 'The County Herald', title: 'Court Ruling' });
    expect(article.body.text).not.toContain('Permit Appeal');
  });

  test('a fixture with several providers keeps every in-article embed', async () => {
    const article = await extractArticle(fixtureHtml('wordpress.html').replace('<div class="entry-content">', `<div class="entry-content">${PARAGRAPHS}`), {
      url: 'https://news.example.com/2024/story',
    });
    expect(article.embeds.map((embed) => embed.provider)).toEqual(expect.arrayContaining(['twitter', 'youtube', 'spotify', 'vimeo']));
    expect(article.body.html).not.toMatch(/<script|<iframe|<oembed/i);
  });
});
