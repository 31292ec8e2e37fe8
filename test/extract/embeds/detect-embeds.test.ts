/**
 * detectEmbeds as a whole: one match per embed, the outermost element, document order, <noscript> copies folded,
 * embeds outside the article left out, a throwing detector turned into a warning.
 */
import { describe, expect, test } from '@jest/globals';
import type { EmbedDetector } from '../../../src/extract/embeds/types.js';
import { EMBED_DETECTORS } from '../../../src/extract/embeds/index.js';
import { detectFixture, detectIn } from '../../helpers/embed-fixtures.js';

const TWEET = (id: string, handle = 'someone') =>
  `<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Tweet number ${id.slice(-3)}</p>&mdash; Some One (@${handle}) <a href="https://twitter.com/${handle}/status/${id}?ref_src=twsrc%5Etfw">May 1, 2024</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script>`;

const LONG_TEXT = '<p>' + 'The article text goes on for a while so the page has a body. '.repeat(20) + '</p>';

describe('one match per embed, outermost element', () => {
  test('a tweet wrapped figure > div > blockquote is one match whose element is the figure', () => {
    const { matches, $ } = detectIn(`<article>${LONG_TEXT}<figure class="wp-block-embed is-provider-twitter"><div class="wp-block-embed__wrapper">${TWEET('1700000000000000101')}</div></figure>${LONG_TEXT}</article>`);
    expect(matches).toHaveLength(1);
    expect($(matches[0]!.element).is('figure.wp-block-embed')).toBe(true);
    expect(matches[0]!.embed).toMatchObject({ provider: 'twitter', id: '1700000000000000101', text: 'Tweet number 101' });
  });

  test('climbing stops at a container that holds other content', () => {
    const { matches, $ } = detectIn(`<article><div class="entry">${LONG_TEXT}<div class="tweet-box">${TWEET('1700000000000000102')}</div><p>After.</p></div></article>`);
    expect($(matches[0]!.element).is('div.tweet-box')).toBe(true);
  });

  test('climbing never takes the article body, even when the embed is all it holds', () => {
    const { matches } = detectIn(`<article><div class="entry-content">${TWEET('1700000000000000103')}</div></article>`);
    expect(matches[0]!.element.name).toBe('blockquote');
  });

  test('the specific provider wins over the generic iframe on the same element', () => {
    const { matches } = detectIn(`<article>${LONG_TEXT}<iframe src="https://player.vimeo.com/video/123456" title="Clip"></iframe></article>`);
    expect(matches).toHaveLength(1);
    expect(matches[0]!.embed).toMatchObject({ provider: 'vimeo', id: '123456' });
  });

  test('two embeds in one wrapper stay two embeds', () => {
    const { matches } = detectIn(`<article>${LONG_TEXT}<figure class="wp-block-embed">${TWEET('1700000000000000104')}${TWEET('1700000000000000105')}</figure></article>`);
    expect(matches.map((match) => match.embed.id)).toEqual(['1700000000000000104', '1700000000000000105']);
  });

  test('matches come in document order across providers', () => {
    const { matches } = detectIn(
      `<article>${LONG_TEXT}<iframe src="https://www.youtube.com/embed/aaaaaaaaaaa"></iframe><p>x</p>${TWEET('1700000000000000106')}<p>y</p><video src="/v.mp4"></video><p>z</p><iframe src="https://datawrapper.dwcdn.net/AbCdE/1/"></iframe></article>`,
    );
    expect(matches.map((match) => match.embed.provider)).toEqual(['youtube', 'twitter', 'video', 'datawrapper']);
  });
});

describe('noscript duplicates', () => {
  test('a lazy iframe and its <noscript> copy side by side: one embed, the noscript a companion', () => {
    const { matches, $ } = detectIn(
      `<article>${LONG_TEXT}<iframe class="lazy" data-src="https://www.youtube.com/embed/bbbbbbbbbbb"></iframe><noscript><iframe src="https://www.youtube.com/embed/bbbbbbbbbbb"></iframe></noscript><p>More.</p></article>`,
    );
    expect(matches).toHaveLength(1);
    expect(matches[0]!.element.name).toBe('iframe');
    expect(matches[0]!.companions?.map((element) => element.name)).toEqual(['noscript']);
    expect($(matches[0]!.companions![0]!).text()).toContain('bbbbbbbbbbb');
  });

  test('an embed only present inside <noscript> is reported with the noscript element', () => {
    const { matches } = detectIn(`<article>${LONG_TEXT}<div class="lazy-embed"></div><noscript><iframe src="https://open.spotify.com/embed/track/4uLU6hMCjMI75M1A2tKUQC"></iframe></noscript><p>More.</p></article>`);
    expect(matches).toHaveLength(1);
    expect(matches[0]!.element.name).toBe('noscript');
    expect(matches[0]!.embed).toMatchObject({ provider: 'spotify', id: '4uLU6hMCjMI75M1A2tKUQC' });
  });

  test('a noscript tracking pixel is not an embed', () => {
    const { matches } = detectIn(`<body><noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-X" height="0" width="0" style="display:none"></iframe></noscript><article>${LONG_TEXT}</article></body>`);
    expect(matches).toEqual([]);
  });
});

describe('embeds outside the article', () => {
  test('sidebar, widget area, comments, related, nav and footer embeds are left out; the article tweet stays', () => {
    const inside = detectFixture('placement.html');
    expect(inside.matches.map((match) => match.embed.id)).toEqual(['1700000000000000001']);
    const all = detectFixture('placement.html', { includeOutside: true });
    expect(all.matches.map((match) => match.embed.provider).sort()).toEqual(['instagram', 'spotify', 'twitter', 'vimeo', 'youtube', 'youtube']);
  });

  test('a page-wide wrapper named like a sidebar does not hide the article (it holds most of the text)', () => {
    const { matches } = detectIn(`<div class="content-sidebar">${LONG_TEXT}${TWEET('1700000000000000107')}${LONG_TEXT}</div>`);
    expect(matches.map((match) => match.embed.id)).toEqual(['1700000000000000107']);
  });

  test('ad players are not embeds: IMA SDK frames, ad-server videos, videos inside ad slots', () => {
    const { matches } = detectIn(
      `<article>${LONG_TEXT}<div class="cnx-ad-slot"><video src="https://cdn.example-video.com/spot.mp4"></video></div>` +
        `<iframe src="https://imasdk.googleapis.com/js/core/bridge3.540.0_en.html"></iframe>` +
        `<video src="https://gcdn.2mdn.net/videoplayback/id/abc/itag/347/file.mp4"></video>` +
        `<div class="AdEngine-module__adPlayer"><video src="https://media.example.org/ad.mp4"></video></div>` +
        `<video src="https://media.example.org/interview.mp4"></video>${LONG_TEXT}</article>`,
    );
    expect(matches.map((match) => match.embed.url)).toEqual(['https://media.example.org/interview.mp4']);
  });

  test('BEM class names count by segment: a video in c-related-list__video is outside', () => {
    const { matches } = detectIn(
      `<article>${LONG_TEXT}<iframe src="https://www.youtube.com/embed/ddddddddddd"></iframe></article><div class="c-related-list"><div class="c-related-list__video"><iframe src="https://www.youtube.com/embed/eeeeeeeeeee"></iframe></div></div>`,
    );
    expect(matches.map((match) => match.embed.id)).toEqual(['ddddddddddd']);
  });

  test('an <aside> that is itself an embed holder is not a sidebar', () => {
    const { matches } = detectIn(`<article>${LONG_TEXT}<aside class="embed-tweet">${TWEET('1700000000000000108')}</aside>${LONG_TEXT}</article>`);
    expect(matches.map((match) => match.embed.id)).toEqual(['1700000000000000108']);
  });
});

describe('failures stay isolated', () => {
  test('a detector that throws adds a warning; the other detectors still report', () => {
    const broken: EmbedDetector = {
      provider: 'broken',
      detect() {
        throw new Error('selector exploded');
      },
    };
    const { matches, warnings } = detectIn(`<article>${LONG_TEXT}${TWEET('1700000000000000109')}</article>`, { detectors: [broken, ...EMBED_DETECTORS] });
    expect(warnings).toEqual(['embed detector broken failed: selector exploded']);
    expect(matches.map((match) => match.embed.id)).toEqual(['1700000000000000109']);
  });

  test('non-Error throws are reported too, and the same failure is reported once', () => {
    const broken: EmbedDetector = {
      provider: 'odd',
      detect() {
        throw 'a string';
      },
    };
    const { warnings } = detectIn(`<article>${LONG_TEXT}<noscript><iframe src="https://www.youtube.com/embed/ccccccccccc"></iframe></noscript></article>`, {
      detectors: [broken],
    });
    expect(warnings).toEqual(['embed detector odd failed: a string']);
  });

  test("twitter.com's own timeline markup (div.tweet[data-tweet-id]) is page content, not an embed", () => {
    const { matches } = detectIn(
      `<div class="permalink-inner"><div class="tweet js-original-tweet" data-tweet-id="745276948213968896" data-permalink-path="/KingBeyonceStan/status/745276948213968896"><p class="tweet-text">The page's own tweet.</p></div></div>${LONG_TEXT}`,
    );
    expect(matches).toEqual([]);
  });

  test('scripts next to embeds are not embeds, and a page without embeds gives none', () => {
    const { matches, warnings } = detectIn(`<article>${LONG_TEXT}<script async src="https://platform.twitter.com/widgets.js"></script><script src="https://www.instagram.com/embed.js"></script></article>`);
    expect(matches).toEqual([]);
    expect(warnings).toEqual([]);
  });
});

describe('tweets and posts a site renders as its own placeholders', () => {
  test('a placeholder blockquote with a data-tweetid, a js-tweet placeholder, an Instagram container', () => {
    const { matches } = detectIn(
      `<article>${LONG_TEXT}<blockquote data-tweetid="636842709739659264"><a href="https://twitter.com/reinventmag/status/636842709739659264"></a></blockquote>` +
        `<blockquote class="subbuzz-tweet__container js-tweet__placeholder"><p>Here it is</p><a href="https://twitter.com/someone/status/781874683289411588">Fri Sep 30 2016</a></blockquote>` +
        `<blockquote class="js-instagram__container"><a href="https://instagram.com/p/BIIivW-DEWO/">Instagram</a></blockquote>${LONG_TEXT}</article>`,
    );
    expect(matches.map((m) => [m.embed.provider, m.embed.id])).toEqual([
      ['twitter', '636842709739659264'],
      ['twitter', '781874683289411588'],
      ['instagram', 'BIIivW-DEWO'],
    ]);
  });

  test('a tweet pasted as a bare blockquote is an embed; an excerpt that cites a tweet at its end is not', () => {
    const bare = detectIn(
      `<article>${LONG_TEXT}<blockquote><p>We are live now.</p>&mdash; Some Station (@station) <a href="https://twitter.com/station/status/1700000000000000201">May 1, 2024</a></blockquote>${LONG_TEXT}</article>`,
    );
    expect(bare.matches.map((m) => m.embed.id)).toEqual(['1700000000000000201']);
    const excerpt = detectIn(
      `<article>${LONG_TEXT}<blockquote><p>${'The council voted on the budget after a long night of debate. '.repeat(3)}</p><p>The mayor <a href="https://twitter.com/mayor/status/1700000000000000202">wrote about it</a>.</p></blockquote>${LONG_TEXT}</article>`,
    );
    expect(excerpt.matches).toEqual([]);
  });

  test('a player the page places in the sidebar (data-position="sidebar") is not an article embed', () => {
    const { matches } = detectIn(
      `<article>${LONG_TEXT}<div class="video-html5" data-video-id="191721" data-position="sidebar"><video><source src="https://vid.example.com/191721_720p.mp4" type="video/mp4"></video></div>${LONG_TEXT}</article>`,
    );
    expect(matches).toEqual([]);
  });
});
