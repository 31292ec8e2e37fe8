/** renderEmbedFigure: static, script-free, well-escaped markup with what the embed carried and a link. */
import { describe, expect, test } from '@jest/globals';
import * as cheerio from 'cheerio';
import type { Embed } from '../../../src/types.js';
import { renderEmbedFigure } from '../../../src/extract/embeds/render.js';
import { detectFixture } from '../../helpers/embed-fixtures.js';

const tweet: Omit<Embed, 'position'> = {
  provider: 'twitter',
  kind: 'post',
  url: 'https://twitter.com/BreakingDesk/status/1212092628029698048',
  id: '1212092628029698048',
  author: 'Breaking News Desk',
  handle: 'BreakingDesk',
  text: 'First paragraph\nsecond line\n\nSecond paragraph',
  date: '2020-01-01',
};

describe('renderEmbedFigure', () => {
  test('a figure with index, provider and kind attributes, byline, text as paragraphs, date and link', () => {
    const html = renderEmbedFigure(tweet, 3);
    const $ = cheerio.load(html, null, false);
    const figure = $('figure.chronicle-embed');
    expect(figure).toHaveLength(1);
    expect(figure.attr('data-chronicle-embed')).toBe('3');
    expect(figure.attr('data-provider')).toBe('twitter');
    expect(figure.attr('data-kind')).toBe('post');
    expect($('.chronicle-embed-author').text()).toBe('Breaking News Desk');
    expect($('.chronicle-embed-handle').text()).toBe('@BreakingDesk');
    expect($('blockquote.chronicle-embed-text p').map((_, p) => $(p).html()).get()).toEqual(['First paragraph<br>second line', 'Second paragraph']);
    expect($('time').attr('datetime')).toBe('2020-01-01');
    expect($('a.chronicle-embed-link').attr('href')).toBe(tweet.url);
  });

  test('hostile field values are escaped: no script, no event handler, no attribute break-out', () => {
    const hostile: Omit<Embed, 'position'> = {
      provider: 'x" onload="alert(1)',
      kind: 'post',
      url: 'https://example.com/?q="><script>alert(1)</script>',
      id: '"><img src=x onerror=alert(1)>',
      author: '<script>alert("author")</script>',
      handle: "h'andle",
      text: '<img src=x onerror=alert(1)> & <b>bold</b>',
      title: '</figure><script>alert(2)</script>',
      date: 'not a date <i>',
      thumbnail: 'https://img.example.com/a.jpg" onerror="alert(3)',
      caption: '<iframe src="https://evil.example"></iframe>',
    };
    const html = renderEmbedFigure(hostile, 0);
    const $ = cheerio.load(html, null, false);
    expect($('script, iframe, style, object, embed')).toHaveLength(0);
    const attributes = $('*')
      .toArray()
      .flatMap((element) => Object.keys((element as unknown as { attribs: Record<string, string> }).attribs));
    expect(attributes.filter((name) => name.startsWith('on') || name === 'style')).toEqual([]);
    expect($('figure').children('figure')).toHaveLength(0);
    expect($('.chronicle-embed-author').text()).toBe('<script>alert("author")</script>');
    expect($('blockquote.chronicle-embed-text').text()).toBe('<img src=x onerror=alert(1)> & <b>bold</b>');
    expect($('img')).toHaveLength(1);
    expect($('img').attr('src')).toBe('https://img.example.com/a.jpg%22%20onerror=%22alert(3)');
    expect($('figure').attr('data-provider')).toBe('x" onload="alert(1)');
  });

  test('javascript: and data: URLs never become links or images; http thumbnails are not rendered', () => {
    const html = renderEmbedFigure({ provider: 'iframe', kind: 'page', url: 'javascript:alert(1)', id: null, thumbnail: 'http://insecure.example/a.jpg' }, 1);
    const $ = cheerio.load(html, null, false);
    expect($('a')).toHaveLength(0);
    expect($('img')).toHaveLength(0);
    expect(html).not.toContain('javascript:');
    const data = renderEmbedFigure({ provider: 'video', kind: 'video', url: 'data:text/html,<script>alert(1)</script>', id: null }, 2);
    expect(data).not.toContain('data:text');
  });

  test('every provider fixture renders without scripts, iframes or styles and links the canonical URL', () => {
    for (const name of ['twitter', 'instagram', 'tiktok', 'facebook', 'youtube', 'vimeo', 'bluesky', 'threads', 'mastodon', 'reddit', 'spotify', 'soundcloud', 'giphy', 'getty', 'documentcloud', 'datawrapper', 'flourish', 'infogram', 'scribd', 'googlemaps', 'video', 'audio', 'wordpress', 'iframe']) {
      const { matches } = detectFixture(`${name}.html`);
      expect(matches.length).toBeGreaterThan(0);
      matches.forEach((match, index) => {
        const html = renderEmbedFigure(match.embed, index);
        const $ = cheerio.load(html, null, false);
        expect($('script, iframe, style, video, audio, object, embed, noscript')).toHaveLength(0);
        expect($('[style]')).toHaveLength(0);
        if (match.embed.url !== null && /^https?:/.test(match.embed.url)) expect($('a.chronicle-embed-link').attr('href')).toBe(match.embed.url);
      });
    }
  });

  test('a caption, a title and an https thumbnail are rendered when present', () => {
    const html = renderEmbedFigure(
      { provider: 'youtube', kind: 'video', url: 'https://www.youtube.com/watch?v=scTrDkwcXUU', id: 'scTrDkwcXUU', title: 'For All Mankind', thumbnail: 'https://i.ytimg.com/vi/scTrDkwcXUU/hqdefault.jpg', caption: 'The trailer.' },
      5,
    );
    const $ = cheerio.load(html, null, false);
    expect($('.chronicle-embed-title').text()).toBe('For All Mankind');
    expect($('img.chronicle-embed-thumbnail').attr('src')).toBe('https://i.ytimg.com/vi/scTrDkwcXUU/hqdefault.jpg');
    expect($('.chronicle-embed-caption').text()).toBe('The trailer.');
    expect($('a').text()).toBe('Watch on YouTube');
  });
});
