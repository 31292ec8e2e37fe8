import * as cheerio from 'cheerio';
import { extractMetadata, FIELD_ORDER } from '../../../src/extract/metadata/index.js';

const PAGE = 'https://www.example-news.com/politics/2024/03/05/council-vote/?utm_source=tw';

function metadataOf(head: string, body = '', htmlAttrs = '') {
  return extractMetadata({ $: cheerio.load(`<!doctype html><html ${htmlAttrs}><head>${head}</head><body>${body}</body></html>`), pageUrl: PAGE });
}

const ld = (value: unknown): string => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('extractMetadata', () => {
  test('JSON-LD @graph with @id references (Yoast style): headline, authors, publisher, dates, image, section, keywords', () => {
    const { meta, canonicalUrl, warnings } = metadataOf(
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', '@id': 'https://www.example-news.com/#website', name: 'Example News Website' },
          {
            '@type': ['NewsArticle'],
            '@id': 'https://www.example-news.com/politics/2024/03/05/council-vote/#article',
            headline: 'Council approves the budget after a long night',
            author: [{ '@id': 'https://www.example-news.com/#/person/1' }, { '@type': 'Person', name: 'Tom Reyes' }],
            publisher: { '@id': 'https://www.example-news.com/#org' },
            datePublished: '2024-03-05T08:30:00-05:00',
            dateModified: '2024-03-05T10:00:00+01:00',
            image: { '@type': 'ImageObject', url: '/uploads/council.jpg' },
            articleSection: ['Politics', 'Local'],
            keywords: 'budget, council,  Budget ',
            inLanguage: 'en-US',
            mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://www.example-news.com/politics/2024/03/05/council-vote/' },
          },
          { '@type': 'Person', '@id': 'https://www.example-news.com/#/person/1', name: 'Harriet Okafor' },
          { '@type': 'Organization', '@id': 'https://www.example-news.com/#org', name: 'Example News' },
        ],
      }) + '<title>Something else | Example News</title>',
    );
    expect(warnings).toEqual([]);
    expect(meta).toEqual({
      title: 'Council approves the budget after a long night',
      authors: ['Harriet Okafor', 'Tom Reyes'],
      siteName: 'Example News',
      publishedAt: '2024-03-05T13:30:00.000Z',
      modifiedAt: '2024-03-05T09:00:00.000Z',
      lang: 'en-US',
      description: null,
      image: 'https://www.example-news.com/uploads/council.jpg',
      section: 'Politics',
      tags: ['budget', 'council'],
    });
    expect(canonicalUrl).toBe('https://www.example-news.com/politics/2024/03/05/council-vote/');
  });

  test('OpenGraph and article:* when there is no JSON-LD; <title> suffix stripped; tracking parameters removed from og:url', () => {
    const { meta, canonicalUrl } = metadataOf(
      `<meta property="og:title" content="Council approves the budget | Example News">
       <meta property="og:site_name" content="Example News">
       <meta property="og:url" content="https://www.example-news.com/politics/council-vote?utm_medium=social&amp;id=7">
       <meta property="og:image" content="https://cdn.example-news.com/council.jpg">
       <meta property="og:description" content="The council voted 5-4.">
       <meta property="og:locale" content="en_GB">
       <meta property="article:published_time" content="2024-03-05">
       <meta property="article:modified_time" content="2024-03-06T09:15:00Z">
       <meta property="article:section" content="Politics">
       <meta property="article:tag" content="Budget"><meta property="article:tag" content="Council">
       <meta property="article:author" content="https://www.facebook.com/someone">
       <meta name="author" content="By Harriet Okafor and Tom Reyes">`,
    );
    expect(meta).toMatchObject({
      title: 'Council approves the budget',
      siteName: 'Example News',
      authors: ['Harriet Okafor', 'Tom Reyes'],
      publishedAt: '2024-03-05T00:00:00.000Z',
      modifiedAt: '2024-03-06T09:15:00.000Z',
      lang: 'en-GB',
      description: 'The council voted 5-4.',
      image: 'https://cdn.example-news.com/council.jpg',
      section: 'Politics',
      tags: ['Budget', 'Council'],
    });
    expect(canonicalUrl).toBe('https://www.example-news.com/politics/council-vote?id=7');
  });

  test('link rel=canonical wins over og:url; a canonical pointing at the home page is ignored', () => {
    expect(
      metadataOf('<link rel="canonical" href="/politics/council-vote/"><meta property="og:url" content="https://other.example/x">').canonicalUrl,
    ).toBe('https://www.example-news.com/politics/council-vote/');
    expect(
      metadataOf('<link rel="canonical" href="https://www.example-news.com/"><meta property="og:url" content="https://www.example-news.com/p/1">')
        .canonicalUrl,
    ).toBe('https://www.example-news.com/p/1');
  });

  test('Parse.ly, Sailthru, Dublin Core, citation_* and news_keywords as fallbacks', () => {
    const parsely = metadataOf(
      '<meta name="parsely-author" content="Ana Silva"><meta name="parsely-author" content="Ben Ode">' +
        '<meta name="parsely-pub-date" content="2021-07-01T12:00:00Z"><meta name="parsely-section" content="Sport">' +
        '<meta name="parsely-tags" content="football,cup">',
    ).meta;
    expect(parsely).toMatchObject({ authors: ['Ana Silva', 'Ben Ode'], publishedAt: '2021-07-01T12:00:00.000Z', section: 'Sport', tags: ['football', 'cup'] });
    const sailthru = metadataOf('<meta name="sailthru.author" content="Cora Lind"><meta name="sailthru.date" content="2021-07-02 08:00:00">').meta;
    expect(sailthru).toMatchObject({ authors: ['Cora Lind'], publishedAt: '2021-07-02T08:00:00.000Z' });
    const dc = metadataOf('<meta name="DC.creator" content="Dee Fox"><meta name="dc.date" content="2019-05-04"><meta property="dc:title" content="DC title">').meta;
    expect(dc).toMatchObject({ authors: ['Dee Fox'], publishedAt: '2019-05-04T00:00:00.000Z', title: 'DC title' });
    const citation = metadataOf(
      '<meta name="citation_author" content="Eve Park"><meta name="citation_author" content="Finn Roe">' +
        '<meta name="citation_publication_date" content="2018/02/03"><meta name="citation_journal_title" content="Journal of Things">',
    ).meta;
    expect(citation).toMatchObject({ authors: ['Eve Park', 'Finn Roe'], siteName: 'Journal of Things', publishedAt: '2018-02-03T00:00:00.000Z' });
    expect(metadataOf('<meta name="news_keywords" content="flood, levee">').meta.tags).toEqual(['flood', 'levee']);
  });

  test('twitter card title/description/image, and the Yoast "Written by" label as author', () => {
    const { meta } = metadataOf(
      '<meta name="twitter:title" content="Tw title"><meta name="twitter:description" content="Tw desc">' +
        '<meta name="twitter:image" content="//cdn.example-news.com/tw.jpg">' +
        '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Gil Moss">' +
        '<meta name="twitter:creator" content="@gilmoss">',
    );
    expect(meta).toMatchObject({ title: 'Tw title', description: 'Tw desc', image: 'https://cdn.example-news.com/tw.jpg', authors: ['Gil Moss'] });
  });

  test('microdata, <time datetime>, rel=tag, byline classes and html lang from the page body', () => {
    const { meta } = metadataOf(
      '<title>Page title here - Example News</title>',
      `<article itemscope itemtype="https://schema.org/NewsArticle">
         <h1 itemprop="headline">Microdata headline</h1>
         <div class="byline">By <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Hana Ito</span></span></div>
         <time itemprop="datePublished" datetime="2022-01-02T03:04:05+09:00">Jan 2</time>
         <p>Updated <time datetime="2022-01-03T00:00:00Z">Jan 3</time></p>
         <a rel="tag" href="/t/a">Tokyo</a> <a rel="tag" href="/t/b">Transit</a>
       </article>`,
      'lang="ja"',
    );
    expect(meta).toMatchObject({
      title: 'Microdata headline',
      authors: ['Hana Ito'],
      publishedAt: '2022-01-01T18:04:05.000Z',
      modifiedAt: '2022-01-03T00:00:00.000Z',
      lang: 'ja',
      tags: ['Tokyo', 'Transit'],
    });
    const bylineOnly = metadataOf('', '<div class="byline">By JANE DOE | March 3, 2020</div><p><a rel="author" href="/a/x">Jane Doe</a></p>').meta;
    expect(bylineOnly.authors).toEqual(['Jane Doe']);
    expect(metadataOf('', '<p class="author">Written by Kim Lee, Staff Writer</p>').meta.authors).toEqual(['Kim Lee']);
  });

  test('<time> dates: an explicit published time first, else the first time inside the article areas, never an "updated" one', () => {
    const nav = '<nav><time datetime="2020-01-01T00:00:00Z">Jan 1</time></nav>';
    const area = '<div class="post-meta"><span>Updated <time datetime="2021-05-07T00:00:00Z">May 7</time></span><time datetime="2021-05-06T00:00:00Z">May 6</time></div>';
    expect(metadataOf('', nav + area).meta).toMatchObject({ publishedAt: '2021-05-06T00:00:00.000Z', modifiedAt: '2021-05-07T00:00:00.000Z' });
    expect(metadataOf('', `${nav}${area}<time class="published" datetime="2021-05-05T00:00:00Z">May 5</time>`).meta.publishedAt).toBe('2021-05-05T00:00:00.000Z');
    expect(metadataOf('', nav).meta).toMatchObject({ publishedAt: null, modifiedAt: null });
  });

  test('the lead image: lazy-loaded article image when no meta image', () => {
    const { meta } = metadataOf(
      '',
      '<article><img src="data:image/gif;base64,R0lGOD" data-src="/img/lead.jpg" alt="x"><img src="/img/two.jpg"></article>',
    );
    expect(meta.image).toBe('https://www.example-news.com/img/lead.jpg');
  });

  test('authors: split "A, B & C", drop URLs, handles, roles and the site name, de-duplicate', () => {
    const { meta } = metadataOf(
      '<meta property="og:site_name" content="Example News">' +
        '<meta name="author" content="By Ann Lee, Bo Chen &amp; Cy Diaz, Example News, @cydiaz, https://x.com/ann, ann lee">',
    );
    expect(meta.authors).toEqual(['Ann Lee', 'Bo Chen', 'Cy Diaz']);
  });

  test('a rule that throws becomes a warning and the field falls back to the next source', () => {
    const { meta, warnings } = metadataOf(
      '<meta name="parsely-page" content="{not json"><meta name="sailthru.title" content="Sailthru title">' +
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>',
    );
    expect(meta.title).toBe('Sailthru title');
    expect(warnings.some((w) => w.startsWith('metadata: rule parsely.title failed:'))).toBe(true);
    expect(warnings.some((w) => w.startsWith('metadata: json-ld: block 1 is not valid JSON'))).toBe(true);
  });

  test('broken-but-common JSON-LD (raw newlines in strings, trailing commas, CDATA) is still read', () => {
    const { meta, warnings } = metadataOf(
      '<script type="application/ld+json">//<![CDATA[\n{"@type":"Article","headline":"Line one\nline two","author":"Ola Nord",}\n//]]></script>',
    );
    expect(warnings).toEqual([]);
    expect(meta).toMatchObject({ title: 'Line one line two', authors: ['Ola Nord'] });
  });

  test('an unparseable date in the first source falls through to the next', () => {
    const { meta } = metadataOf(
      ld({ '@type': 'NewsArticle', datePublished: 'yesterday' }) + '<meta property="article:published_time" content="2020-02-02T02:02:02+02:00">',
    );
    expect(meta.publishedAt).toBe('2020-02-02T00:02:02.000Z');
  });

  test('every field has a documented source order', () => {
    expect(Object.keys(FIELD_ORDER).sort()).toEqual(
      ['authors', 'canonicalUrl', 'description', 'image', 'lang', 'modifiedAt', 'publishedAt', 'section', 'siteName', 'tags', 'title'],
    );
  });

  test('an empty page gives an empty record, no warnings', () => {
    const result = metadataOf('');
    expect(result).toEqual({
      meta: { title: null, authors: [], siteName: null, publishedAt: null, modifiedAt: null, lang: null, description: null, image: null, section: null, tags: [] },
      canonicalUrl: null,
      warnings: [],
    });
  });
});

describe('a title cut short (issue 20 item 18)', () => {
  const full = 'Council approves the harbour budget after a long night of debate over the new ferry terminal and the fishing quotas';

  test('a JSON-LD headline truncated with an ellipsis gives way to the title that goes on', () => {
    const { meta } = metadataOf(ld({ '@type': 'NewsArticle', headline: `${full.slice(0, 80)}…` }) + `<meta property="og:title" content="${full}">`);
    expect(meta.title).toBe(full);
  });

  test('a JSON-LD headline cut at 110 characters without an ellipsis too', () => {
    const { meta } = metadataOf(ld({ '@type': 'NewsArticle', headline: full.slice(0, 110) }) + `<title>${full} | Example News</title>`);
    expect(meta.title).toBe(full);
  });

  test('a complete headline stays', () => {
    const { meta } = metadataOf(ld({ '@type': 'NewsArticle', headline: 'Council approves the budget' }) + '<meta property="og:title" content="Council approves the budget after all">');
    expect(meta.title).toBe('Council approves the budget');
  });

  test('entities left in og:title are decoded', () => {
    const { meta } = metadataOf('<meta property="og:title" content="Why it doesn&amp;#8217;t add up">');
    expect(meta.title).toBe('Why it doesn’t add up');
  });
});
