import * as cheerio from 'cheerio';
import { extractImages, splitCredit } from '../../src/extract/images.js';

const PAGE = 'https://www.example-news.com/2024/03/05/story/';

function imagesOf(body: string, leadImage: string | null = null) {
  return extractImages({ body$: cheerio.load(body, null, false), pageUrl: PAGE, leadImage });
}

describe('extractImages', () => {
  test('figure with figcaption: caption and a "Photo: …" credit split off; absolute URL', () => {
    expect(imagesOf('<figure><img src="/img/a.jpg" alt="Flooded street"><figcaption>Water on Main Street on Monday. Photo: Jane Roe</figcaption></figure>')).toEqual([
      { url: 'https://www.example-news.com/img/a.jpg', alt: 'Flooded street', caption: 'Water on Main Street on Monday.', credit: 'Jane Roe' },
    ]);
  });

  test('credit from a .credit / .wp-caption-credit element', () => {
    const [image] = imagesOf(
      '<figure class="wp-caption"><img src="https://cdn.x.com/b.jpg"><figcaption class="wp-caption-text">The levee. <span class="wp-caption-credit">AP Photo/Sam Lee</span></figcaption></figure>',
    );
    expect(image).toMatchObject({ caption: 'The levee.', credit: 'AP Photo/Sam Lee' });
  });

  test.each([
    ['Protesters gather outside the embassy. (Getty Images)', 'Protesters gather outside the embassy.', 'Getty Images'],
    ['Protesters gather outside. Ahmad Al-Rubaye/AFP via Getty Images', 'Protesters gather outside.', 'Ahmad Al-Rubaye/AFP via Getty Images'],
    ['The mayor speaks. Credit: City Hall', 'The mayor speaks.', 'City Hall'],
    ['The mayor speaks. © 2024 Jane Roe', 'The mayor speaks.', '© 2024 Jane Roe'],
    ['The mayor speaks. Photograph by Jane Roe', 'The mayor speaks.', 'Jane Roe'],
    ['Just a caption without a credit.', 'Just a caption without a credit.', null],
    ['Bleached coral off Key Largo, Fla., last August.Credit...Joaquín Ferrer for The Gotham Times', 'Bleached coral off Key Largo, Fla., last August.', 'Joaquín Ferrer for The Gotham Times'],
    ['Council members vote on Tuesday night. (Priya Natarajan/The Metro Ledger)', 'Council members vote on Tuesday night.', 'Priya Natarajan/The Metro Ledger'],
  ])('splitCredit(%s)', (caption, rest, credit) => {
    expect(splitCredit(caption)).toEqual({ caption: rest, credit });
  });

  test('lazy attributes resolved: data-src, data-lazy-src, data-original, largest srcset candidate', () => {
    const urls = imagesOf(
      '<img src="data:image/gif;base64,R0lGOD" data-src="/lazy/one.jpg">' +
        '<img src="/spacer.gif" data-lazy-src="/lazy/two.jpg">' +
        '<img data-original="/lazy/three.jpg">' +
        '<img src="/small.jpg" srcset="/s/320.jpg 320w, /s/1024.jpg 1024w, /s/640.jpg 640w">' +
        '<picture><source srcset="/p/1x.webp 1x, /p/2x.webp 2x"><img></picture>',
    ).map((image) => image.url);
    expect(urls).toEqual([
      'https://www.example-news.com/lazy/one.jpg',
      'https://www.example-news.com/lazy/two.jpg',
      'https://www.example-news.com/lazy/three.jpg',
      'https://www.example-news.com/s/1024.jpg',
      'https://www.example-news.com/p/2x.webp',
    ]);
  });

  test('tracking pixels, embed figures and duplicates (other WordPress sizes too) are skipped; tracking params removed', () => {
    const urls = imagesOf(
      '<img src="https://www.facebook.com/tr?id=1&ev=PageView" width="1" height="1">' +
        '<img src="https://pixel.wp.com/g.gif?v=1">' +
        '<img src="/img/x.gif" width="1" height="1">' +
        '<figure class="chronicle-embed" data-chronicle-embed="0"><img src="https://pbs.twimg.com/media/abc.jpg"></figure>' +
        '<img src="/uploads/photo-1024x768.jpg?utm_source=x">' +
        '<img src="/uploads/photo.jpg">',
    ).map((image) => image.url);
    expect(urls).toEqual(['https://www.example-news.com/uploads/photo-1024x768.jpg']);
  });

  test('the lead image comes first when the body does not show it, and is not repeated when it does', () => {
    expect(imagesOf('<img src="/img/body.jpg">', 'https://www.example-news.com/img/lead.jpg').map((i) => i.url)).toEqual([
      'https://www.example-news.com/img/lead.jpg',
      'https://www.example-news.com/img/body.jpg',
    ]);
    expect(imagesOf('<img src="/img/body.jpg"><img src="/img/lead-300x200.jpg" alt="Lead">', '/img/lead.jpg')).toEqual([
      { url: 'https://www.example-news.com/img/body.jpg', alt: null, caption: null, credit: null },
      { url: 'https://www.example-news.com/img/lead-300x200.jpg', alt: 'Lead', caption: null, credit: null },
    ]);
  });

  test('a lead image outside the body takes alt, caption and credit from its figure on the whole page', () => {
    const page$ = cheerio.load(
      '<figure class="lead-art"><img src="https://cdn.x.com/lead.jpg?w=1200" alt="Council vote"><figcaption>The vote on Tuesday. <span class="credit">(Priya Natarajan/The Metro Ledger)</span></figcaption></figure><article><p>Body</p></article>',
    );
    const images = extractImages({ body$: cheerio.load('<p>Body</p>', null, false), pageUrl: PAGE, leadImage: 'https://cdn.x.com/lead.jpg?w=600', page$ });
    expect(images).toEqual([
      { url: 'https://cdn.x.com/lead.jpg?w=600', alt: 'Council vote', caption: 'The vote on Tuesday.', credit: 'Priya Natarajan/The Metro Ledger' },
    ]);
  });

  test('no images gives an empty list', () => {
    expect(imagesOf('<p>Text only.</p>')).toEqual([]);
  });
});
