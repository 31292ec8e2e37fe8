import * as cheerio from 'cheerio';
import { extractQuotes, parseLeadIn } from '../../../src/extract/quotes/index.js';
import type { ExcerptQuote, Quote } from '../../../src/types.js';

const PAGE = 'https://capitolcourier.news/2020/01/01/story/';

function quotesOf(bodyHtml: string): Quote[] {
  const result = extractQuotes({ body$: cheerio.load(bodyHtml, null, false), pageUrl: PAGE, pullQuotes: [] });
  expect(result.warnings).toEqual([]);
  return result.quotes;
}

function excerpts(bodyHtml: string): ExcerptQuote[] {
  return quotesOf(bodyHtml).filter((q): q is ExcerptQuote => q.kind === 'excerpt');
}

describe('lead-in sentences', () => {
  test.each([
    ['NBC News has more details:', 'NBC News', null],
    ['Reuters via Yahoo News also said:', 'Reuters', 'Yahoo News'],
    ['According to The Guardian:', 'The Guardian', null],
    ['The Washington Post reports:', 'The Washington Post', null],
    ['CNN reported that', 'CNN', null],
    ["Here's what Axios wrote:", 'Axios', null],
    ["And Politico's report added:", 'Politico', null],
    ['As reported by the Associated Press:', 'Associated Press', null],
    ['The New York Times on Tuesday reported:', 'The New York Times', null],
    ['By 1963, as the New York Times explains:', 'New York Times', null],
    ['In the statement, as summarized by CNN, the president-elect praised him:', 'CNN', null],
    ["The Post and Courier newspaper reported on Bruck's closing argument:", 'The Post and Courier', null],
    ['Lisa Coleman told Spin magazine:', 'Lisa Coleman', null],
  ])('%s → %s', (sentence, source, via) => {
    expect(parseLeadIn(sentence)).toEqual({ source, via });
  });

  test.each(['He said:', 'Take a look at the breaking news on Twitter:', 'Here is the statement:', 'The following was posted:'])(
    'no outlet in %s',
    (sentence) => {
      expect(parseLeadIn(sentence)).toBeNull();
    },
  );
});

describe('excerpts', () => {
  test('one blockquote with many paragraphs after a linked lead-in', () => {
    const [quote, ...rest] = excerpts(
      '<p>Intro paragraph of our own.</p>' +
        '<p><a href="https://www.nbcnews.com/news/world/story-n1109316?utm_source=tw">NBC News</a> has more details:</p>' +
        '<blockquote><p>First paragraph of theirs.</p><p>Second paragraph of theirs.</p><p>Third.</p></blockquote>' +
        '<p>Our own conclusion.</p>',
    );
    expect(rest).toEqual([]);
    expect(quote).toEqual({
      kind: 'excerpt',
      text: 'First paragraph of theirs.\n\nSecond paragraph of theirs.\n\nThird.',
      paragraphs: ['First paragraph of theirs.', 'Second paragraph of theirs.', 'Third.'],
      source: 'NBC News',
      sourceUrl: 'https://www.nbcnews.com/news/world/story-n1109316',
      via: null,
      leadIn: 'NBC News has more details:',
    });
  });

  test('a run of consecutive blockquotes (only whitespace between) is one excerpt; the link is in the lead-in text', () => {
    const found = excerpts(
      '<p>Meanwhile, <a href="https://news.yahoo.com/pro-iran-story.html">Reuters via Yahoo News</a> also said:</p>\n' +
        '<blockquote><p>One.</p></blockquote>\n  <blockquote><p>Two.</p></blockquote>\n<blockquote><p>Three.</p></blockquote>' +
        '<p>Back to us.</p><blockquote><p>A separate quote.</p></blockquote>',
    );
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({
      paragraphs: ['One.', 'Two.', 'Three.'],
      source: 'Reuters',
      via: 'Yahoo News',
      sourceUrl: 'https://news.yahoo.com/pro-iran-story.html',
      leadIn: 'Meanwhile, Reuters via Yahoo News also said:',
    });
    expect(found[1]).toMatchObject({ paragraphs: ['A separate quote.'], source: null, leadIn: null });
  });

  test('the lead-in is the last sentence of the paragraph before', () => {
    const [quote] = excerpts('<p>The strikes began on Sunday. According to Al Jazeera:</p><blockquote><p>Quoted.</p></blockquote>');
    expect(quote?.leadIn).toBe('According to Al Jazeera:');
    expect(quote?.source).toBe('Al Jazeera');
  });

  test('source from a <cite>, with its link', () => {
    const [quote] = excerpts(
      '<p>Some context.</p><blockquote><p>Quoted words here.</p><cite><a href="https://apnews.com/article/abc">The Associated Press</a></cite></blockquote>',
    );
    expect(quote).toMatchObject({
      paragraphs: ['Quoted words here.'],
      source: 'The Associated Press',
      sourceUrl: 'https://apnews.com/article/abc',
    });
  });

  test('source from a figcaption around the blockquote', () => {
    const [quote] = excerpts('<figure><blockquote><p>Quoted words here.</p></blockquote><figcaption>— BBC News</figcaption></figure>');
    expect(quote?.source).toBe('BBC News');
  });

  test('source from a trailing "— Name" line, which leaves the paragraphs', () => {
    const [quote] = excerpts('<blockquote><p>Quoted words here.</p><p>More quoted words.</p><p>— The Atlantic</p></blockquote>');
    expect(quote?.source).toBe('The Atlantic');
    expect(quote?.paragraphs).toEqual(['Quoted words here.', 'More quoted words.']);
  });

  test('the cite attribute gives the URL, and its host when no name is found', () => {
    const [quote] = excerpts('<blockquote cite="https://www.theguardian.com/world/2020/jan/01/x?CMP=share"><p>Quoted.</p></blockquote>');
    expect(quote?.sourceUrl).toBe('https://www.theguardian.com/world/2020/jan/01/x?CMP=share');
    expect(quote?.source).toBe('theguardian.com');
  });

  test('else the first off-site link inside the quote is the source URL (on-site links are skipped)', () => {
    const [quote] = excerpts(
      '<p>The report said:</p><blockquote><p>See <a href="/2019/older-story/">our story</a> and <a href="https://www.bbc.co.uk/news/123?at_medium=x">the BBC</a>.</p></blockquote>',
    );
    expect(quote?.sourceUrl).toBe('https://www.bbc.co.uk/news/123');
    expect(quote?.leadIn).toBe('The report said:');
  });

  test('social posts are not excerpts: embed figures and leftover tweet blockquotes are skipped', () => {
    const quotes = quotesOf(
      '<p>Take a look at the breaking news on Twitter:</p>' +
        '<figure class="chronicle-embed" data-chronicle-embed="0" data-provider="twitter"><blockquote><p>BREAKING: all protesters have now withdrawn.</p></blockquote></figure>' +
        '<blockquote class="twitter-tweet"><p>Another tweet.</p></blockquote>',
    );
    expect(quotes).toEqual([]);
  });

  test('quotes come out in document order', () => {
    const kinds = quotesOf(
      '<p>"We will not leave until the job is finished, not a day sooner," said Lena Ortiz.</p>' +
        '<p>CNN reported:</p><blockquote><p>Quoted text.</p></blockquote>' +
        '<p>"The second statement is a different one entirely," said Paul Kim.</p>',
    ).map((q) => q.kind);
    expect(kinds).toEqual(['direct', 'excerpt', 'direct']);
  });
});

describe('excerpt sources beyond an outlet lead-in', () => {
  const block = '<blockquote><p>We think customers are voting already with their use of it, every single day.</p></blockquote>';

  test('a person the lead-in reports as speaking, with a title before the name', () => {
    expect(excerpts(`<p>And here’s what AT&amp;T Entertainment CEO John Stankey said yesterday about zero rating:</p>${block}`)[0]?.source).toBe('John Stankey');
    expect(excerpts(`<p>One commenter, Bruce Van Horn, noted that the tags assume many skills:</p>${block}`)[0]?.source).toBe('Bruce Van Horn');
    expect(excerpts(`<p>Asked about the briefings, Trump said the following.</p>${block}`)[0]?.source).toBe('Trump');
  });

  test('a study or a reporter of an outlet', () => {
    expect(excerpts(`<p>A study from The American Enterprise Institute examined this:</p>${block}`)[0]?.source).toBe('The American Enterprise Institute');
    expect(excerpts(`<p>A Times reporter surveying them that year described them in bemused terms:</p>${block}`)[0]?.source).toBe('Times');
  });

  test('an attribution closing the last paragraph, and the person quoted in the paragraph before', () => {
    const dashed = excerpts('<p>A big move.</p><blockquote><p>We wanted to make this change for the last 18 months. - Nat Friedman</p></blockquote>');
    expect(dashed[0]?.source).toBe('Nat Friedman');
    expect(dashed[0]?.text).toBe('We wanted to make this change for the last 18 months.');
    expect(excerpts(`<p>When that fails, Zuckerberg said scare tactics work, if undesirable.</p>${block}`)[0]?.source).toBe('Zuckerberg');
    expect(excerpts(`<p>The guidelines make for hair-raising reading. For example:</p>${block}`)[0]?.source).toBeNull();
  });
});

describe('quotations inside an excerpt', () => {
  test('are reported on the excerpt (second-hand), never as the article’s own direct quotes', () => {
    const quotes = quotesOf(
      '<p>Reuters has more details:</p><blockquote><p>“We will not be leaving Iraq until they pay us back,” Trump said in the statement. The embassy was quiet.</p></blockquote>',
    );
    expect(quotes.filter((q) => q.kind === 'direct')).toEqual([]);
    const excerpt = quotes.find((q): q is ExcerptQuote => q.kind === 'excerpt');
    expect(excerpt?.source).toBe('Reuters');
    expect(excerpt?.quotations).toEqual([{ text: 'We will not be leaving Iraq until they pay us back', speaker: 'Trump', cue: 'said' }]);
  });
});

describe('a blockquote that repeats the article’s own words', () => {
  test('is a pull quote (duplicateOfBody), not an excerpt', () => {
    const quotes = quotesOf(
      '<p>According to psychologist Jo Reyes, "Girly thoughts are how women internalize societal messages that inundate them with information about how they should act."</p>' +
        '<blockquote>"...women internalize societal messages that inundate them with information about how they should act."</blockquote>' +
        '<p>NBC News has more details:</p><blockquote><p>The council met on Tuesday and voted to close the bridge for repairs.</p></blockquote>',
    );
    expect(quotes.filter((q) => q.kind === 'excerpt').map((q) => q.text)).toEqual(['The council met on Tuesday and voted to close the bridge for repairs.']);
    expect(quotes.filter((q) => q.kind === 'pull')).toEqual([
      { kind: 'pull', text: '"...women internalize societal messages that inundate them with information about how they should act."', duplicateOfBody: true },
    ]);
  });
});
