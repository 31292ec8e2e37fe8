import { extractArticle } from '../../../src/extract/extract-article.js';
import type { DirectQuote, PullQuote } from '../../../src/types.js';

/**
 * A whole page shaped like the held-out acceptance pages: JSON-LD + OpenGraph metadata, a lazy-loaded lead
 * image, a WordPress pull quote repeating a body sentence, in-text quotes from two named people (one
 * introduced with a title, later by surname, then by pronoun), a quoted excerpt, and sidebar chrome.
 */
const PAGE_URL = 'https://www.riverton-ledger.com/2024/04/12/levee-vote/?utm_source=newsletter';
const HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Council backs $40 million levee plan after flood year | Riverton Ledger</title>
<meta property="og:site_name" content="Riverton Ledger">
<meta property="og:title" content="Council backs $40 million levee plan after flood year">
<meta property="og:image" content="https://cdn.riverton-ledger.com/2024/04/levee-lead.jpg">
<meta property="article:published_time" content="2024-04-12T07:45:00-05:00">
<meta property="article:modified_time" content="2024-04-12T16:20:00-05:00">
<link rel="canonical" href="https://www.riverton-ledger.com/2024/04/12/levee-vote/">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Council backs $40 million levee plan after flood year",
 "author":[{"@type":"Person","name":"Maya Chen"},{"@type":"Person","name":"Luis Ortega"}],
 "publisher":{"@type":"Organization","name":"Riverton Ledger"},
 "datePublished":"2024-04-12T07:45:00-05:00","dateModified":"2024-04-12T16:20:00-05:00"}</script>
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main>
<article>
<h1>Council backs $40 million levee plan after flood year</h1>
<div class="byline">By Maya Chen and Luis Ortega</div>
<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/2024/04/levee-body.jpg" alt="The east levee at dusk"><figcaption>The east levee on Tuesday. Photo: Sam Ruiz</figcaption></figure>
<p>The Riverton city council voted 6-1 on Thursday night to borrow $40 million to rebuild the east levee, a year after floodwater reached the steps of city hall and closed the downtown for nine days.</p>
<p>“We cannot ask people to live behind a wall of sandbags for another spring,” said Mayor Harriet Okafor, who proposed the plan in January. “The river does not care about our budget.”</p>
<figure class="wp-block-pullquote"><blockquote><p>“The river does not care about our budget.”</p><cite>Harriet Okafor</cite></blockquote></figure>
<p>The lone vote against the plan came from council member Daniel Bezio, who represents the west side of the city and has argued for buyouts of flood-prone homes instead of new construction.</p>
<p>Bezio said: “Forty million dollars buys a lot of houses out of harm’s way, and it does not need to be paid back with interest.”</p>
<p>“We will be paying for this levee for thirty years,” Bezio said after the vote.</p>
<p>Okafor rejected that comparison. “Buyouts take a decade and empty out whole neighborhoods,” she said.</p>
<p>The Army Corps of Engineers has reviewed the design. The Riverton Gazette reported last month:</p>
<blockquote><p>Corps engineers called the east levee design "sound" but said the city would need to raise the crest another two feet.</p></blockquote>
<p>Construction is expected to begin in the fall and to take two years, according to the city’s public works department, which will hold public meetings on the design in May.</p>
</article>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Another story</a></li></ul></aside>
</main>
<footer><p>© 2024 Riverton Ledger</p></footer>
</body>
</html>`;

describe('a whole article page', () => {
  test('named speakers matched to their quotes, the pull quote not counted twice, metadata and lead image right', async () => {
    const article = await extractArticle(HTML, { url: PAGE_URL });

    expect(article.meta).toMatchObject({
      title: 'Council backs $40 million levee plan after flood year',
      authors: ['Maya Chen', 'Luis Ortega'],
      siteName: 'Riverton Ledger',
      publishedAt: '2024-04-12T12:45:00.000Z',
      modifiedAt: '2024-04-12T21:20:00.000Z',
      image: 'https://cdn.riverton-ledger.com/2024/04/levee-lead.jpg',
    });
    expect(article.canonicalUrl).toBe('https://www.riverton-ledger.com/2024/04/12/levee-vote/');

    const direct = article.quotes.filter((q): q is DirectQuote => q.kind === 'direct');
    expect(direct.map((q) => [q.speaker, q.text])).toEqual([
      ['Harriet Okafor', 'We cannot ask people to live behind a wall of sandbags for another spring'],
      ['Harriet Okafor', 'The river does not care about our budget.'],
      ['Daniel Bezio', 'Forty million dollars buys a lot of houses out of harm’s way, and it does not need to be paid back with interest.'],
      ['Daniel Bezio', 'We will be paying for this levee for thirty years'],
      ['Harriet Okafor', 'Buyouts take a decade and empty out whole neighborhoods'],
    ]);

    const pulls = article.quotes.filter((q): q is PullQuote => q.kind === 'pull');
    expect(pulls).toEqual([{ kind: 'pull', text: 'The river does not care about our budget.', duplicateOfBody: true }]);
    // Counted once: one direct quote carries the words, the pull quote is marked as its duplicate.
    const counted = article.quotes.filter((q) => !(q.kind === 'pull' && q.duplicateOfBody));
    expect(counted.filter((q) => q.text.includes('The river does not care about our budget'))).toHaveLength(1);

    const excerpts = article.quotes.filter((q) => q.kind === 'excerpt');
    expect(excerpts).toEqual([
      expect.objectContaining({ source: 'The Riverton Gazette', leadIn: 'The Riverton Gazette reported last month:' }),
    ]);

    expect(article.images[0]).toEqual({ url: 'https://cdn.riverton-ledger.com/2024/04/levee-lead.jpg', alt: null, caption: null, credit: null });
    expect(article.images).toContainEqual({
      url: 'https://www.riverton-ledger.com/2024/04/levee-body.jpg',
      alt: 'The east levee at dusk',
      caption: 'The east levee on Tuesday.',
      credit: 'Sam Ruiz',
    });
    expect(article.warnings).toEqual([]);
  });
});
