import { describe, expect, it } from '@jest/globals';
import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { embedProvider, firstLinkedEmbed, withCompanion } from '../../../src/extract/embeds/provider.js';
import type { EmbedContext, EmbedData } from '../../../src/extract/embeds/types.js';

const PAGE = 'https://news.example/story';

function context(html: string): EmbedContext {
  return { $: cheerio.load(html), pageUrl: PAGE };
}

function parseExample(url: URL): EmbedData | null {
  const match = /^\/post\/(\d+)$/.exec(url.pathname);
  if (url.hostname !== 'example.social' || match === null) return null;
  return { provider: 'example', kind: 'post', url: url.toString(), id: match[1]!, title: null };
}

const HTML = `
  <iframe src="https://example.social/post/2" title="Two"></iframe>
  <blockquote class="example-embed"><a href="https://elsewhere.test/">x</a><a href="/post/9">no</a><a href="https://example.social/post/1">one</a></blockquote>
  <iframe data-src="https://example.social/post/3"></iframe>
  <p class="credit">via example</p>
  <blockquote class="example-embed"><a href="https://elsewhere.test/">nothing to parse</a></blockquote>`;

describe('embedProvider rules', () => {
  it('runs the rules in order: selector rules read elements, frame rules parse loaded URLs and fill a missing title', () => {
    const detector = embedProvider('example', [
      { selector: 'blockquote.example-embed', read: (ctx, element) => firstLinkedEmbed(ctx, element, parseExample) },
      { parse: parseExample },
    ]);
    const matches = detector.detect(context(HTML));
    expect(detector.provider).toBe('example');
    expect(matches.map((match) => [match.element.name, match.embed.id, match.embed.title])).toEqual([
      ['blockquote', '1', null],
      ['iframe', '2', 'Two'],
      ['iframe', '3', null],
    ]);
  });

  it('keeps the frame title out with titled: false, reads the attribute before the links, and folds in companions', () => {
    const detector = embedProvider('example', [
      { frames: 'iframe', titled: false, parse: parseExample, complete: (ctx, match) => {
        const next = ctx.$(match.element).nextAll('p.credit').get(0) as Element | undefined;
        return next === undefined ? match : withCompanion(match, next, { title: 'credited' });
      } },
      {
        selector: 'blockquote.example-embed',
        read: (ctx, element) => firstLinkedEmbed(ctx, element, parseExample, 'data-permalink'),
        companions: (ctx, element) => ctx.$(element).prev('iframe').toArray() as Element[],
      },
    ]);
    const html = HTML.replace('<blockquote class="example-embed"><a href="https://elsewhere', '<blockquote class="example-embed" data-permalink="https://example.social/post/7"><a href="https://elsewhere');
    const matches = detector.detect(context(html));
    expect(matches.map((match) => [match.embed.id, match.embed.title, match.companions?.map((c) => c.name) ?? []])).toEqual([
      ['2', 'credited', ['p']],
      ['3', 'credited', ['p']],
      ['7', null, ['iframe']],
    ]);
  });
});
