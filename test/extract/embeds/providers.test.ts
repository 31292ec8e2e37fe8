/**
 * Every provider fixture (fixtures/embeds/<provider>.html): provider, kind, id, clean URL and the fields the
 * markup carries, one embed per variant, in document order.
 */
import { describe, expect, test } from '@jest/globals';
import { detectFixture } from '../../helpers/embed-fixtures.js';

function embedsOf(name: string) {
  const result = detectFixture(name);
  expect(result.warnings).toEqual([]);
  return result.matches.map((match) => match.embed);
}

describe('twitter', () => {
  const embeds = embedsOf('twitter.html');

  test('one embed per variant, the sidebar tweet and the follow button left out', () => {
    expect(embeds.map((embed) => embed.id)).toEqual([
      '1212092628029698048',
      '1790000000000000001',
      '1600000000000000002',
      '1500000000000000003',
      '1222222222222222222',
    ]);
    expect(embeds.every((embed) => embed.provider === 'twitter' && embed.kind === 'post')).toBe(true);
  });

  test('blockquote: canonical twitter.com URL without ?ref_src, handle, author, text, date', () => {
    expect(embeds[0]).toMatchObject({
      url: 'https://twitter.com/BreakingDesk/status/1212092628029698048',
      handle: 'BreakingDesk',
      author: 'Breaking News Desk',
      text: 'The embassy is now completely surrounded and secured by security forces. https://t.co/AbC123xyz',
      date: '2020-01-01',
    });
  });

  test('x.com links fold to twitter.com, <br> stays a line break, entities decoded, caption kept', () => {
    expect(embeds[1]).toMatchObject({
      url: 'https://twitter.com/janeq/status/1790000000000000001',
      author: 'Jane Q. Reporter',
      text: 'Two lines\nin one tweet & an <angle>',
      caption: 'Reporter Jane Q. on the scene.',
    });
  });

  test('rendered iframe and amp-twitter give the id and an i/web URL; a generic iframe title is dropped', () => {
    expect(embeds[2]).toMatchObject({ url: 'https://twitter.com/i/web/status/1600000000000000002', handle: null });
    expect(embeds[2]!.title ?? null).toBeNull();
    expect(embeds[3]).toMatchObject({ url: 'https://twitter.com/i/web/status/1500000000000000003' });
  });

  test('a status link quoted inside the text does not replace the tweet itself', () => {
    expect(embeds[4]).toMatchObject({ handle: 'quoter', author: 'Quote Tweeter', url: 'https://twitter.com/quoter/status/1222222222222222222' });
  });
});

describe('instagram', () => {
  const embeds = embedsOf('instagram.html');

  test('v14 blockquote: shortcode, clean URL (utm_* removed), author and handle from "A post shared by"', () => {
    expect(embeds[0]).toEqual({
      provider: 'instagram', kind: 'post', url: 'https://www.instagram.com/p/C1a2B3c4D5e/', id: 'C1a2B3c4D5e',
      author: 'Deutsche Bahn', handle: 'deutschebahn', text: null, date: null,
    });
  });

  test('v7 captioned blockquote: caption text and the datetime in UTC', () => {
    expect(embeds[1]).toMatchObject({
      id: 'BNpLF8LD0GD', author: 'xoxo, Gaga', handle: 'ladygaga', date: '2016-12-05T17:10:10.000Z',
      text: 'At 30 Rockefeller center my charity the @btwfoundation also offers a place to send kind letters to people. #ShareKindness',
    });
  });

  test('reel iframe and amp-instagram', () => {
    expect(embeds[2]).toMatchObject({ kind: 'video', id: 'Cz9Yx8WvU7t', url: 'https://www.instagram.com/reel/Cz9Yx8WvU7t/' });
    expect(embeds[4]).toMatchObject({ kind: 'post', id: 'B8QaZW4AQY_', url: 'https://www.instagram.com/p/B8QaZW4AQY_/' });
    expect(embeds).toHaveLength(5);
  });

  test('localized embed code: the German "shared by" line gives author and handle and is not taken as the caption', () => {
    expect(embeds[3]).toMatchObject({ id: 'C4mQ8xLtZ2k', author: 'Pro Bahn e.V.', handle: 'probahn_ev', text: null });
  });
});

describe('tiktok', () => {
  const embeds = embedsOf('tiktok.html');
  test('blockquote: video id, @handle URL, caption text', () => {
    expect(embeds[0]).toMatchObject({
      provider: 'tiktok', kind: 'video', id: '6718335390845095173', handle: 'scout2015',
      url: 'https://www.tiktok.com/@scout2015/video/6718335390845095173',
      text: 'Scramble up ur name & I’ll try to guess it #foryoupage',
    });
  });
  test('player iframe', () => {
    expect(embeds[1]).toMatchObject({ id: '7234567890123456789', url: 'https://www.tiktok.com/embed/v2/7234567890123456789' });
    expect(embeds).toHaveLength(2);
  });
});

describe('facebook', () => {
  const embeds = embedsOf('facebook.html');
  test('posts and videos found; like, page and share plugins are not embeds', () => {
    expect(embeds.map((embed) => [embed.kind, embed.id])).toEqual([
      ['post', '10154009990506729'],
      ['video', '10153231379946729'],
      ['post', 'pfbid0abcDEF123'],
      ['video', '987654321012345'],
    ]);
  });
  test('fb-post fallback: text, author, date', () => {
    expect(embeds[0]).toMatchObject({
      url: 'https://www.facebook.com/20531316728/posts/10154009990506729/',
      text: "Today we're sharing a new milestone: one billion people used Facebook in a single day.",
      author: 'Facebook',
      date: '2015-08-27',
    });
  });
  test('fb-video fallback: title; plugin iframes: the post URL from href, tracking parameters dropped', () => {
    expect(embeds[1]).toMatchObject({ title: 'How to Share With Just Friends', text: 'How to share with just friends.', date: '2014-12-05' });
    expect(embeds[2]!.url).toBe('https://www.facebook.com/CountyOfSanDiego/posts/pfbid0abcDEF123');
    expect(embeds[3]!.url).toBe('https://www.facebook.com/watch/?v=987654321012345');
  });
});

describe('youtube', () => {
  const embeds = embedsOf('youtube.html');
  test('every variant: embed, nocookie, lazy data-src, data-lazy-src, WP Rocket, lite-youtube, AMP, short, playlist, Embedly', () => {
    expect(embeds.map((embed) => embed.id)).toEqual([
      'dQw4w9WgXcQ', 'PtKBjuQblqI', 'TIGmU2wJm-A', 'GTWqwSNQCcg', 'scTrDkwcXUU', 'ogfYd705cRs', 'mGENRKrdoGY',
      'aBcDeFgHiJk', 'PLUXSZMIiUfFQUnjV3iqRpaoMzsRjZZfs7', 'IAoy3ia2ivI',
    ]);
    expect(embeds.every((embed) => embed.provider === 'youtube' && embed.kind === 'video')).toBe(true);
  });
  test('canonical watch URLs (no si=, start=), playlist URL', () => {
    expect(embeds[0]!.url).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(embeds[7]!.url).toBe('https://www.youtube.com/watch?v=aBcDeFgHiJk');
    expect(embeds[8]!.url).toBe('https://www.youtube.com/playlist?list=PLUXSZMIiUfFQUnjV3iqRpaoMzsRjZZfs7');
  });
  test('titles from the frame, generic "YouTube video player" dropped; thumbnails the markup carries', () => {
    expect(embeds[0]!.title).toBeNull();
    expect(embeds[1]!.title).toBe('Weekly Address: Tuition-Free Community College');
    expect(embeds[4]).toMatchObject({ title: 'For All Mankind', thumbnail: 'https://i.ytimg.com/vi/scTrDkwcXUU/hqdefault.jpg' });
    expect(embeds[5]).toMatchObject({ thumbnail: 'https://i.ytimg.com/vi/ogfYd705cRs/hqdefault.jpg' });
  });
});

describe('vimeo', () => {
  const embeds = embedsOf('vimeo.html');
  test('player iframes; unlisted hash kept in the URL; Ghost caption kept', () => {
    expect(embeds).toEqual([
      { provider: 'vimeo', kind: 'video', url: 'https://vimeo.com/76979871', id: '76979871', title: 'The New Vimeo Player (You Know, For Videos)' },
      { provider: 'vimeo', kind: 'video', url: 'https://vimeo.com/325917208/4f1e6c2a9b', id: '325917208', title: 'Harbour tour', caption: 'A tour of the harbour.' },
    ]);
  });
});

describe('bluesky', () => {
  const embeds = embedsOf('bluesky.html');
  test('blockquote: at:// id, bsky.app URL without ref_src, author, handle, text, date', () => {
    expect(embeds[0]).toEqual({
      provider: 'bluesky', kind: 'post',
      url: 'https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3laj3ocbnu22c',
      id: 'at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3laj3ocbnu22c',
      author: 'Bluesky Weather', handle: 'weather.bsky.social',
      text: 'Heat records fell in 14 cities this week.\n\nFull data below 👇',
      date: '2024-11-14',
    });
  });
  test('embed iframe', () => {
    expect(embeds[1]).toMatchObject({ id: 'at://did:plc:abcdefghijklmnopqrstuvwx/app.bsky.feed.post/3kzyxwvutsr2a' });
  });
});

describe('threads, mastodon, reddit', () => {
  test('threads: blockquote and threads.com iframe, both on threads.net, boilerplate not taken as text', () => {
    const embeds = embedsOf('threads.html');
    expect(embeds.map((embed) => [embed.id, embed.handle, embed.url, embed.text ?? null])).toEqual([
      ['CuP48CiS5sx', 'zuck', 'https://www.threads.net/@zuck/post/CuP48CiS5sx', null],
      ['C8xYzAbCdEf', 'mosseri', 'https://www.threads.net/@mosseri/post/C8xYzAbCdEf', null],
    ]);
  });
  test('mastodon: iframe on any instance and the 4.3 blockquote; handle user@instance', () => {
    const embeds = embedsOf('mastodon.html');
    expect(embeds.map((embed) => [embed.id, embed.handle, embed.url])).toEqual([
      ['109350129563012217', 'Gargron@mastodon.social', 'https://mastodon.social/@Gargron/109350129563012217'],
      ['113296476813125452', 'kev@fosstodon.org', 'https://fosstodon.org/@kev/113296476813125452'],
    ]);
  });
  test('reddit: embed blockquote, old card (a comment), iframe; titles and author', () => {
    const embeds = embedsOf('reddit.html');
    expect(embeds.map((embed) => [embed.id, embed.url])).toEqual([
      ['1b2c3d4', 'https://www.reddit.com/r/AskHistorians/comments/1b2c3d4/'],
      ['ebcd123', 'https://www.reddit.com/r/science/comments/a6b7c8/comment/ebcd123/'],
      ['9x8y7z', 'https://www.reddit.com/r/pics/comments/9x8y7z/'],
    ]);
    expect(embeds[0]).toMatchObject({ title: 'What did people eat in 1800?', handle: 'curious_reader', author: 'u/curious_reader' });
  });
});

describe('audio providers', () => {
  test('spotify: episode, intl track, old URI player', () => {
    const embeds = embedsOf('spotify.html');
    expect(embeds.map((embed) => [embed.kind, embed.url])).toEqual([
      ['audio', 'https://open.spotify.com/episode/7makk4oTQel546B0PZlDM5'],
      ['audio', 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC'],
      ['audio', 'https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M'],
    ]);
    expect(embeds[0]!.title).toBe('The Labor Desk, episode 12');
  });
  test('soundcloud: track id, author and title from the attribution line, which is folded in as a companion', () => {
    const result = detectFixture('soundcloud.html');
    expect(result.matches[0]!.embed).toMatchObject({ provider: 'soundcloud', id: '293', author: 'Forss', title: 'Flickermood', url: 'https://soundcloud.com/forss/flickermood' });
    expect(result.matches[0]!.companions?.map((element) => result.$(element).text())).toEqual(['Forss · Flickermood']);
    expect(result.matches[1]!.embed).toMatchObject({ id: '1234567', url: 'https://api.soundcloud.com/playlists/1234567' });
  });
  test('native audio: own src and <source> children, protocol-relative resolved', () => {
    const embeds = embedsOf('audio.html');
    expect(embeds.map((embed) => [embed.provider, embed.kind, embed.url])).toEqual([
      ['audio', 'audio', 'https://media.example.org/podcast/ep12.mp3'],
      ['audio', 'audio', 'https://media.example.org/podcast/ep13.ogg'],
    ]);
    expect(embeds[0]!.title).toBe('Episode 12: the strike');
  });
});

describe('images, documents, charts, maps', () => {
  test('giphy: id, gifs URL, "via GIPHY" line as companion', () => {
    const result = detectFixture('giphy.html');
    expect(result.matches).toHaveLength(1);
    expect(result.matches[0]!.embed).toMatchObject({ provider: 'giphy', kind: 'image', id: '3o7TKSjRrfIPjeiVyM', url: 'https://giphy.com/gifs/3o7TKSjRrfIPjeiVyM' });
    expect(result.matches[0]!.companions).toHaveLength(1);
  });
  test('getty: gie-single link and the old iframe embed, the old holder div as the element', () => {
    const result = detectFixture('getty.html');
    expect(result.matches.map((match) => [match.embed.id, match.embed.url])).toEqual([
      ['1234567890', 'https://www.gettyimages.com/detail/1234567890'],
      ['460612048', 'https://www.gettyimages.com/detail/460612048'],
    ]);
    expect(result.$(result.matches[1]!.element).is('div.getty.embed')).toBe(true);
  });
  test('documentcloud: iframe and DV viewer', () => {
    const embeds = embedsOf('documentcloud.html');
    expect(embeds.map((embed) => [embed.kind, embed.id, embed.url])).toEqual([
      ['document', '20059068', 'https://www.documentcloud.org/documents/20059068-the-mueller-report'],
      ['document', '3241915', 'https://www.documentcloud.org/documents/3241915-LASPD-s-After-Action-Report-Re-12-15-15-Threat'],
    ]);
  });
  test('datawrapper: iframe, lazy iframe with data-datawrapper-height, web component with noscript image', () => {
    const embeds = embedsOf('datawrapper.html');
    expect(embeds.map((embed) => [embed.kind, embed.id, embed.url])).toEqual([
      ['chart', 'f3ury', 'https://datawrapper.dwcdn.net/f3ury/'],
      ['chart', 'Ab3De', 'https://datawrapper.dwcdn.net/Ab3De/'],
      ['chart', 'Xy9Zq', 'https://datawrapper.dwcdn.net/Xy9Zq/'],
    ]);
    expect(embeds[1]!.title).toBe('Ocean heat content, 1955–2024');
    expect(embeds[2]!.thumbnail).toBe('https://datawrapper.dwcdn.net/Xy9Zq/full.png');
  });
  test('flourish: script embed with thumbnail, story iframe', () => {
    const embeds = embedsOf('flourish.html');
    expect(embeds.map((embed) => [embed.id, embed.url])).toEqual([
      ['visualisation/1810417', 'https://public.flourish.studio/visualisation/1810417/'],
      ['story/54321', 'https://public.flourish.studio/story/54321/'],
    ]);
    expect(embeds[0]!.thumbnail).toBe('https://public.flourish.studio/visualisation/1810417/thumbnail');
  });
  test('infogram: div with data-id and title (its credit line a companion), iframe', () => {
    const result = detectFixture('infogram.html');
    expect(result.matches[0]!.companions?.map((element) => result.$(element).text().trim())).toEqual(['County budget 2025Infogram']);
    const embeds = embedsOf('infogram.html');
    expect(embeds.map((embed) => [embed.kind, embed.id, embed.title])).toEqual([
      ['chart', 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', 'County budget 2025'],
      ['chart', 'transit-ridership-1h7z2l8ykqx9g6o', 'Transit ridership'],
    ]);
  });
  test('scribd: document id, title and author from the paragraph before, access key not recorded', () => {
    const result = detectFixture('scribd.html');
    expect(result.matches).toHaveLength(1);
    expect(result.matches[0]!.embed).toEqual({
      provider: 'scribd', kind: 'document', url: 'https://www.scribd.com/document/412345678', id: '412345678', title: 'Court Ruling', author: 'The County Herald',
    });
    expect(result.matches[0]!.companions).toHaveLength(1);
  });
  test('google maps: pb embed URL kept as written, Embed API turned into a search URL without the key', () => {
    const embeds = embedsOf('googlemaps.html');
    expect(embeds[0]).toMatchObject({ provider: 'googlemaps', kind: 'map' });
    expect(embeds[0]!.url).toMatch(/^https:\/\/www\.google\.com\/maps\/embed\?pb=!1m18!/);
    expect(embeds[1]).toMatchObject({ url: 'https://www.google.com/maps/search/?api=1&query=Space%20Needle%2CSeattle%20WA', title: 'Space Needle,Seattle WA' });
    expect(JSON.stringify(embeds)).not.toContain('AIza');
  });
});

describe('native video', () => {
  const embeds = embedsOf('video.html');
  test('source children resolved against the page, poster as thumbnail, lazy data-src cleaned, Brightcove ids; a source-less <video> is not an embed', () => {
    expect(embeds).toEqual([
      { provider: 'video', kind: 'video', url: 'https://news.example.com/media/harbour-tour.webm', id: null, title: null, thumbnail: 'https://news.example.com/media/harbour-poster.jpg', caption: 'The harbour at dawn.' },
      { provider: 'video', kind: 'video', url: 'https://cdn.example.org/clips/interview.mp4', id: null, title: null, thumbnail: 'http://cdn.example.org/clips/interview.jpg' },
      {
        provider: 'video', kind: 'video', id: '6312345678112', title: null, thumbnail: null,
        url: 'https://players.brightcove.net/1234567890001/rJx8pLqZ_default/index.html?videoId=6312345678112',
      },
    ]);
  });
});

describe('CMS wrappers', () => {
  const result = detectFixture('wordpress.html');
  const embeds = result.matches.map((match) => match.embed);
  test('each wrapper yields one embed with the provider data', () => {
    expect(embeds.map((embed) => [embed.provider, embed.id ?? embed.url])).toEqual([
      ['twitter', '1455000000000000001'],
      ['youtube', '1j7j2U_BGNo'],
      ['spotify', '7makk4oTQel546B0PZlDM5'],
      ['iframe', 'https://otherblog.example/2024/03/bike-lanes/'],
      ['youtube', 'GTWqwSNQCcg'],
      ['vimeo', '76979871'],
      ['kickstarter', 'https://www.kickstarter.com/projects/harbourfest/zine/widget/video.html'],
    ]);
  });
  test('the wrapper is the element; the tweet inside gives text and author; figcaption becomes caption', () => {
    expect(result.$(result.matches[0]!.element).is('figure.wp-block-embed')).toBe(true);
    expect(embeds[0]).toMatchObject({ author: 'County Elections', text: 'Polls close in one hour.', caption: "The county's announcement." });
    expect(result.$(result.matches[4]!.element).is('figure.media')).toBe(true);
    expect(result.$(result.matches[5]!.element).is('[data-oembed-url]')).toBe(true);
  });
  test('a WordPress post embed (blockquote + iframe) is one embed, the iframe a companion', () => {
    expect(embeds[3]).toMatchObject({ kind: 'page', title: 'Bike lanes, one year on' });
    expect(result.matches[3]!.companions?.map((element) => element.name)).toEqual(['iframe']);
  });
  test('an unknown provider keeps its class name and the frame title', () => {
    expect(embeds[6]).toMatchObject({ kind: 'page', title: 'Harbour Festival zine' });
  });
});

describe('generic iframes', () => {
  test('content iframes kept (lazy src resolved, tracking removed); ads, trackers, blank, hidden and 1×1 frames skipped', () => {
    const embeds = embedsOf('iframe.html');
    expect(embeds).toEqual([
      { provider: 'iframe', kind: 'page', url: 'https://graphics.example-news.com/2024/transit-map/index.html?initialWidth=700&childId=pym_0', id: null, title: 'Where the strike hits hardest' },
      { provider: 'iframe', kind: 'page', url: 'https://news.example.com/interactives/budget-calculator/', id: null, title: 'Budget calculator' },
      { provider: 'iframe', kind: 'page', url: 'https://graphics.example-news.com/2024/harbour-levels/', id: null, title: null },
    ]);
  });
});
