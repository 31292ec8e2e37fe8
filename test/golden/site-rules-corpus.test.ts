/**
 * The site rules on the saved pages of the development corpus (../shared/corpus/postlight): what Postlight
 * Parser's own tests expect of the same pages. Skipped when the corpus is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { extractArticle } from '../../src/extract/extract-article.js';
import { corpusDir } from '../../src/tools/eval/run-eval.js';

const postlight = join(corpusDir(process.env), 'postlight');
const found = existsSync(join(postlight, 'www.reddit.com.html'));
const suite = found ? describe : describe.skip;
if (!found) process.stderr.write(`site rules corpus test: ${postlight} not found; skipping (set CHRONICLE_CORPUS)\n`);

async function read(file: string, url: string) {
  const article = await extractArticle(readFileSync(join(postlight, file)), { url });
  return { article, $: cheerio.load(article.body.html, null, false) };
}

suite('reddit rule on the saved reddit.com pages', () => {
  it('text post: the post text, not a comment, and its author', async () => {
    const { article } = await read('www.reddit.com.html', 'https://www.reddit.com/r/Showerthoughts/comments/awx46q/vanilla_becoming_the_default_flavour_of_ice_cream/');
    expect(article.body.text).toMatch(/^Edit: thank you for educating me about the ubiquity of vanilla\. Still, none/);
    expect(article.body.wordCount).toBeLessThan(60);
    expect(article.meta.authors).toEqual(['u/benyacobi']);
  });

  it('title-only post: the title', async () => {
    const { article } = await read('www.reddit.com--title-only.html', 'https://www.reddit.com/r/AskReddit/comments/axtih6/what_is_the_most_worth_it_item_you_have_ever/');
    expect(article.body.text).toBe('What is the most "worth it" item you have ever purchased?');
  });

  it('image post: the picture, linked to the full image', async () => {
    const { article, $ } = await read('www.reddit.com--image.html', 'https://www.reddit.com/r/aww/comments/aybw1m/nothing_to_see_here_human/');
    expect($('img[src="https://preview.redd.it/jsc4t74psok21.jpg?width=960&crop=smart&auto=webp&s=54349b21ff628e8c22c053509e86ba84ff9751d3"]')).toHaveLength(1);
    expect(article.body.text).toBe('');
  });

  it('video post: the video as an embed, without the player controls', async () => {
    const { article } = await read('www.reddit.com--video.html', 'https://www.reddit.com/r/HumansBeingBros/comments/aybtf7/thanks_human/');
    expect(article.embeds).toMatchObject([{ kind: 'video', url: expect.stringMatching(/^https:\/\/v\.redd\.it\/kwhzxoz5rok21\//) }]);
    expect(article.body.text).not.toMatch(/Play|Settings|Fullscreen|0:00/);
  });

  it('link post: the shared link', async () => {
    const { $ } = await read('www.reddit.com--external-link.html', 'https://www.reddit.com/r/todayilearned/comments/aycizd/til_that_when_jrr_tolkiens_son_michael_signed_up/');
    expect($('a[href="https://www.1843magazine.com/culture/look-closer/tolkiens-drawings-reveal-a-wizard-at-work"]').length).toBeGreaterThan(0);
    expect($.root().text()).not.toMatch(/Posted by|Upvoted|comments/);
  });

  it('external image post: the link and the video', async () => {
    const { article, $ } = await read('www.reddit.com--external-image.html', 'https://www.reddit.com/r/gifs/comments/4vv0sa/leonardo_dicaprio_scaring_jonah_hill_on_the/');
    expect($('a[href="http://i.imgur.com/Qcx1DSD.gifv"]')).toHaveLength(1);
    expect(article.embeds).toMatchObject([{ kind: 'video' }]);
    expect(article.body.text).not.toMatch(/level 1|level 2/);
  });

  it('embedded media post: the link and the embedded player', async () => {
    const { article, $ } = await read('www.reddit.com--embedded.html', 'https://www.reddit.com/r/videos/comments/5gafop/rick_astley_never_gonna_give_you_up_sped_up_every/');
    expect($('a[href="https://youtu.be/dQw4w9WgXcQ"]')).toHaveLength(1);
    expect(article.embeds).toMatchObject([{ url: expect.stringMatching(/^https:\/\/www\.redditmedia\.com\/mediaembed\/5gafop/) }]);
  });
});
