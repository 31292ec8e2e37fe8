import { extractArticle } from '../../../src/extract/extract-article.js';
import { loadPage } from '../../../src/extract/parse-html.js';
import { findSiteRule, readSiteBody, SITE_RULES, type SiteRule } from '../../../src/extract/sites/index.js';

const exampleRule: SiteRule = {
  name: 'example',
  hosts: ['example.com'],
  detect: 'meta[name="generator"][content="ExamplePress"]',
  body: ['.story', '.story h1'],
  remove: ['.share'],
  authors: '.story .author',
};
const otherRule: SiteRule = { name: 'other', hosts: ['other.org'], body: ['main'] };
const rules = [exampleRule, otherRule];

const page = (head: string, body: string) => loadPage(`<html><head>${head}</head><body>${body}</body></html>`);

describe('findSiteRule', () => {
  const $ = page('', '<p>text</p>');

  it('finds a rule by the page host, subdomains included', () => {
    expect(findSiteRule({ $, pageUrl: 'https://example.com/a', canonicalUrl: null }, rules)?.name).toBe('example');
    expect(findSiteRule({ $, pageUrl: 'https://news.example.com/a', canonicalUrl: null }, rules)?.name).toBe('example');
    expect(findSiteRule({ $, pageUrl: 'https://www.other.org/a', canonicalUrl: null }, rules)?.name).toBe('other');
  });

  it('does not take a host that only ends with the domain for the domain', () => {
    expect(findSiteRule({ $, pageUrl: 'https://notexample.com/a', canonicalUrl: null }, rules)).toBeNull();
  });

  it('finds a rule by the canonical URL of a page read from elsewhere', () => {
    expect(findSiteRule({ $, pageUrl: 'http://127.0.0.1:8080/page/1', canonicalUrl: 'https://other.org/a' }, rules)?.name).toBe('other');
  });

  it('finds a rule by what the page head says of itself, and only in the head', () => {
    const saved = page('<meta name="generator" content="ExamplePress">', '<p>text</p>');
    expect(findSiteRule({ $: saved, pageUrl: 'file:///tmp/saved.html', canonicalUrl: null }, rules)?.name).toBe('example');
    const inBody = page('', '<meta name="generator" content="ExamplePress"><p>text</p>');
    expect(findSiteRule({ $: inBody, pageUrl: 'file:///tmp/saved.html', canonicalUrl: null }, rules)).toBeNull();
  });

  it('finds none for any other page, and survives a canonical URL that is not one', () => {
    expect(findSiteRule({ $, pageUrl: 'https://elsewhere.net/a', canonicalUrl: 'not a url' }, rules)).toBeNull();
  });

  it('has reddit in the registry, found on reddit.com and by og:site_name', () => {
    expect(findSiteRule({ $, pageUrl: 'https://www.reddit.com/r/a/comments/b/c/', canonicalUrl: null })?.name).toBe('reddit');
    const saved = page('<meta property="og:site_name" content="reddit">', '');
    expect(findSiteRule({ $: saved, pageUrl: 'http://127.0.0.1/1', canonicalUrl: null })?.name).toBe('reddit');
    expect(SITE_RULES.map((rule) => rule.name)).toContain('reddit');
  });
});

describe('readSiteBody', () => {
  it('reads the first body selector that holds content, without the chrome the rule removes', () => {
    const $ = page('', '<div class="story"><h1>T</h1><p>Body text.</p><div class="share">Share this</div></div><p>Elsewhere</p>');
    const reading = readSiteBody($, exampleRule);
    expect(reading?.content).toBe('<div class="story"><h1>T</h1><p>Body text.</p></div>');
    expect($('.share')).toHaveLength(1); // the page itself is left as it was
  });

  it('takes all matches in page order, each part of the page once', () => {
    const rule: SiteRule = { name: 'parts', hosts: [], body: ['.part'] };
    const $ = page('', '<div class="part"><p>one</p><div class="part"><p>inner</p></div></div><p>x</p><div class="part"><p>two</p></div>');
    expect(readSiteBody($, rule)?.content).toBe('<div class="part"><p>one</p><div class="part"><p>inner</p></div></div>\n<div class="part"><p>two</p></div>');
  });

  it('goes on to the next selector when the first holds nothing once its chrome is removed', () => {
    const $ = page('', '<div class="story"><h1>Only a title</h1><div class="share">Share</div></div>');
    const onlyChrome: SiteRule = { ...exampleRule, remove: ['.share', 'h1'] };
    expect(readSiteBody($, onlyChrome)?.content).toBe('<h1>Only a title</h1>');
  });

  it('counts an image as content', () => {
    const $ = page('', '<div class="story"><a href="/big.jpg"><img src="/i.jpg"></a></div>');
    expect(readSiteBody($, exampleRule)?.content).toContain('<img src="/i.jpg">');
  });

  it('reads nothing when no selector finds content (the site changed its markup)', () => {
    expect(readSiteBody(page('', '<article><p>New layout</p></article>'), exampleRule)).toBeNull();
    expect(readSiteBody(page('', '<div class="story"> <div class="share">Share</div> </div>'), { ...exampleRule, body: ['.story'] })).toBeNull();
  });

  it('reads the authors the rule names, each once', () => {
    const $ = page('', '<div class="story"><a class="author">Ann</a><p>Text</p><a class="author"> Ann </a><a class="author">Bo</a></div>');
    expect(readSiteBody($, exampleRule)?.byline).toBe('Ann, Bo');
    expect(readSiteBody($, { ...exampleRule, authors: undefined })?.byline).toBeNull();
  });
});

/** A reddit thread as new reddit serves it, cut down: the post, then comments far longer than the post. */
function redditThread(head: string, post: string): string {
  const comments = Array.from({ length: 12 }, (_, i) =>
    `<div class="comment"><p>Comment ${i}: ${'a long reply that goes on about vanilla and maple and other flavours, '.repeat(6)}</p></div>`,
  ).join('');
  return `<!doctype html><html><head><title>r/icecream - Vanilla wins</title><meta property="og:title" content="Vanilla wins">${head}</head><body>
    <header><p>Press J to jump to the feed.</p></header>
    <div data-test-id="post-content">
      <div id="vote-arrows-t3_x"><button aria-label="upvote"></button><div>83.1k</div></div>
      <div><div data-adclicklocation="top_bar"><span>Posted by</span><a data-testid="post_author_link" href="/user/ben/">u/ben</a><span>4 years ago</span></div>
        <div><i class="icon icon-archived"><span>Archived</span></i></div></div>
      <div data-adclicklocation="title"><h1>Vanilla wins</h1></div>
      ${post}
      <div class="bar"><div><a data-test-id="comments-page-link-num-comments"><span>2.8k comments</span></a><button>share</button></div><div>84% Upvoted</div></div>
    </div>
    <div class="comments">${comments}</div>
  </body></html>`;
}

describe('extractArticle with the reddit rule', () => {
  it('takes the post, not the comments, and the author from the post', async () => {
    const html = redditThread('', '<div data-click-id="text"><p>Edit: thank you for educating me about vanilla.</p></div>');
    const article = await extractArticle(html, { url: 'https://www.reddit.com/r/icecream/comments/x/vanilla/' });
    expect(article.body.text).toBe('Edit: thank you for educating me about vanilla.');
    expect(article.meta.authors).toEqual(['u/ben']);
  });

  it('applies to a thread read from another address by what its head says', async () => {
    const html = redditThread('<meta property="og:site_name" content="reddit">', '<div data-click-id="text"><p>The post.</p></div>');
    const article = await extractArticle(html, { url: 'http://127.0.0.1:9/page/1' });
    expect(article.body.text).toBe('The post.');
    // Without the rule (no reddit host, no og:site_name) Readability takes the comments.
    const generic = await extractArticle(redditThread('', '<div data-click-id="text"><p>The post.</p></div>'), { url: 'http://127.0.0.1:9/page/1' });
    expect(generic.body.text).toContain('Comment 3');
  });

  it('keeps a photo post: its picture is the article', async () => {
    const html = redditThread('', '<div><a href="https://i.redd.it/a.jpg"><img alt="a cat" src="https://preview.redd.it/a.jpg"></a></div>');
    const article = await extractArticle(html, { url: 'https://www.reddit.com/r/aww/comments/y/cat/' });
    expect(article.body.html).toBe('<p><a href="https://i.redd.it/a.jpg"><img alt="a cat" src="https://preview.redd.it/a.jpg" /></a></p>');
    expect(article.body.text).toBe('');
  });

  it('reports a post\'s video as an embed in place', async () => {
    const html = redditThread('', '<div data-click-id="media"><div data-isvideoplayer="1"><video src="https://v.redd.it/abc/DASH_720.mp4"></video><div>Play 0:00 Settings</div></div></div>');
    const article = await extractArticle(html, { url: 'https://www.reddit.com/r/aww/comments/y/cat/' });
    expect(article.embeds).toMatchObject([{ provider: 'video', url: 'https://v.redd.it/abc/DASH_720.mp4', position: 0 }]);
    expect(article.body.text).not.toMatch(/Play|Settings/);
  });

  it('gives a post that is only a title its title as the body', async () => {
    const article = await extractArticle(redditThread('', ''), { url: 'https://www.reddit.com/r/icecream/comments/x/vanilla/' });
    expect(article.body.text).toBe('Vanilla wins');
  });

  it('reads the page as if there were no rule when the post is not found', async () => {
    const html = redditThread('', '<p>x</p>').replace('data-test-id="post-content"', 'data-testid="post-container"');
    const article = await extractArticle(html, { url: 'https://www.reddit.com/r/icecream/comments/x/vanilla/' });
    expect(article.body.text).toContain('Comment 3');
  });
});
