import * as cheerio from 'cheerio';
import { extractQuotes, findPullQuotes } from '../../../src/extract/quotes/index.js';

const PAGE = 'https://news.example.com/2024/05/01/story';

describe('findPullQuotes (untouched page)', () => {
  test('finds the usual pull quote markup, outermost element only, attribution removed', () => {
    const $ = cheerio.load(`<article>
      <p>Body.</p>
      <figure class="wp-block-pullquote"><blockquote><p>“The river does not care about our budget.”</p><cite>Harriet Okafor</cite></blockquote></figure>
      <aside class="pull-quote">We rebuilt the school in nine months.</aside>
      <div class="article__PullQuote-sc1"><p>Nobody told the families anything at all.</p></div>
      <blockquote class="tw-pullquote">Prices went up twice in one summer. — Tom Reyes</blockquote>
      <div data-component="pullquote"><span>Short one</span></div>
      <aside class="pullquote">We rebuilt the school in nine months.</aside>
    </article>`);
    expect(findPullQuotes($)).toEqual([
      'The river does not care about our budget.',
      'We rebuilt the school in nine months.',
      'Nobody told the families anything at all.',
      'Prices went up twice in one summer.',
    ]);
  });

  test('a page without pull quotes gives an empty list', () => {
    expect(findPullQuotes(cheerio.load('<p>Just text with a <blockquote>quote</blockquote>.</p>'))).toEqual([]);
  });
});

describe('pull quotes in extractQuotes', () => {
  const body =
    '<p>“The river does not care about our budget,” said Harriet Okafor, who chairs the flood board.</p>' +
    '<aside><p>“The river does not care about our budget.”</p></aside>' +
    '<p>Later paragraph.</p>';

  test('a pull quote that repeats body text is marked duplicateOfBody and its surviving element is not counted again', () => {
    const { quotes, warnings } = extractQuotes({
      body$: cheerio.load(body, null, false),
      pageUrl: PAGE,
      pullQuotes: ['The river does not care about our budget.'],
    });
    expect(warnings).toEqual([]);
    expect(quotes).toEqual([
      { kind: 'direct', text: 'The river does not care about our budget', speaker: 'Harriet Okafor', cue: 'said', attribution: 'named', description: null },
      { kind: 'pull', text: 'The river does not care about our budget.', duplicateOfBody: true },
    ]);
  });

  test('a surviving pull quote blockquote is not an excerpt', () => {
    const { quotes } = extractQuotes({
      body$: cheerio.load('<p>The budget was cut. The river does not care about our budget, she says.</p><blockquote><p>The river does not care about our budget</p></blockquote>', null, false),
      pageUrl: PAGE,
      pullQuotes: ['The river does not care about our budget'],
    });
    expect(quotes.map((q) => q.kind)).toEqual(['pull']);
    expect(quotes[0]).toMatchObject({ duplicateOfBody: true });
  });

  test('a pull quote whose words are not in the body is not a duplicate', () => {
    const { quotes } = extractQuotes({
      body$: cheerio.load('<p>An unrelated body paragraph about the weather.</p>', null, false),
      pageUrl: PAGE,
      pullQuotes: ['Words that only the pull quote has'],
    });
    expect(quotes).toEqual([{ kind: 'pull', text: 'Words that only the pull quote has', duplicateOfBody: false }]);
  });

  test('a pull quote shortened with an ellipsis still matches the body', () => {
    const { quotes } = extractQuotes({
      body$: cheerio.load('<p>"We knew the river would rise, and we knew the levee was old," said Maria Lopez.</p>', null, false),
      pageUrl: PAGE,
      pullQuotes: ['We knew the river would rise … the levee was old'],
    });
    expect(quotes.find((q) => q.kind === 'pull')).toMatchObject({ duplicateOfBody: true });
  });
});
