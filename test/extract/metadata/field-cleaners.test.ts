import { cleanTitle, normalizeLang, parseDate, splitAuthors } from '../../../src/extract/metadata/index.js';

const PAGE = 'https://www.theverge.com/2024/1/2/story';

describe('parseDate → UTC ISO-8601', () => {
  test.each([
    ['2020-01-01T12:00:00Z', '2020-01-01T12:00:00.000Z'],
    ['2020-01-01T12:00:00+02:00', '2020-01-01T10:00:00.000Z'],
    ['2020-01-01T12:00:00-0500', '2020-01-01T17:00:00.000Z'],
    ['2020-01-01T12:00:00.123456+00:00', '2020-01-01T12:00:00.123Z'],
    ['2020-01-01 12:00', '2020-01-01T12:00:00.000Z'], // no offset: read as UTC, never the machine's zone
    ['2020-01-01', '2020-01-01T00:00:00.000Z'],
    ['20200101', '2020-01-01T00:00:00.000Z'],
    ['Wed, 01 Jan 2020 12:00:00 GMT', '2020-01-01T12:00:00.000Z'],
    ['January 2, 2020', '2020-01-02T00:00:00.000Z'],
    ['January 2nd, 2020 at 10:00 AM EST', '2020-01-02T15:00:00.000Z'],
    ['Published: 2020-01-01T12:00:00Z', '2020-01-01T12:00:00.000Z'],
    ['1577880000', '2020-01-01T12:00:00.000Z'],
    ['1577880000000', '2020-01-01T12:00:00.000Z'],
  ])('%s → %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  test.each(['', 'yesterday', '3 hours ago', 'Tuesday', '2020-02-31', '2020-13-01', 'not a date 12'])('%s → null', (input) => {
    expect(parseDate(input)).toBeNull();
  });
});

describe('cleanTitle', () => {
  test.each([
    ['Headline of the story | The Verge', 'The Verge', 'Headline of the story'],
    ['Headline of the story - The Verge', 'The Verge', 'Headline of the story'],
    ['The Verge — Headline of the story', 'The Verge', 'Headline of the story'],
    ['Headline of the story | Tech | The Verge', 'The Verge', 'Headline of the story'],
    ['Headline of the story | Some Site', null, 'Headline of the story'],
    ['Headline of the story - theverge.com', null, 'Headline of the story'],
    ['Trump - Biden debate ends in chaos', null, 'Trump - Biden debate ends in chaos'],
    ['Short | Title', null, 'Short | Title'],
    ['News | Harbour festival draws record crowd — and a €5,000 fine', null, 'Harbour festival draws record crowd — and a €5,000 fine'],
  ])('%s', (raw, siteName, expected) => {
    expect(cleanTitle(raw, { siteName, pageUrl: PAGE })).toBe(expected);
  });
});

describe('splitAuthors', () => {
  const ctx = { siteName: 'The Verge', pageUrl: PAGE };
  test.each([
    [['By Jane Doe'], ['Jane Doe']],
    [['Jane Doe and John Roe'], ['Jane Doe', 'John Roe']],
    [['A. Lee, B. Chen & C. Diaz'], ['A. Lee', 'B. Chen', 'C. Diaz']],
    [['Martin Luther King, Jr.'], ['Martin Luther King, Jr.']],
    [['Jane Doe', 'jane doe', 'Jane  Doe'], ['Jane Doe']],
    [['The Verge'], []],
    [['theverge'], []],
    [['@janedoe'], []],
    [['https://www.facebook.com/janedoe'], []],
    [['By JANE DOE'], ['Jane Doe']],
    [['Jane Doe, Senior Reporter'], ['Jane Doe']],
    [['Jane Doe (Reuters)'], ['Jane Doe']],
  ])('%j → %j', (raw, expected) => {
    expect(splitAuthors(raw, ctx)).toEqual(expected);
  });
});

describe('normalizeLang', () => {
  test.each([
    ['en_US', 'en-US'],
    ['EN', 'en'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['fr-FR, en', 'fr-FR'],
    ['english please', null],
  ])('%s → %s', (input, expected) => {
    expect(normalizeLang(input)).toBe(expected);
  });
});

describe('metadata cleanliness (issue 20 item 18)', () => {
  const ctx = { siteName: 'The Verge', pageUrl: PAGE };

  test.each([
    ['Why it doesn&#8217;t matter &amp; why it does', 'Why it doesn’t matter & why it does'],
    ['Caf&eacute; owners &lt;b&gt;protest&lt;/b&gt;', 'Café owners protest'],
    ['<b>Bold</b> headline of the day', 'Bold headline of the day'],
    ['A < B is no tag', 'A < B is no tag'],
  ])('title %j → %j', (raw, expected) => {
    expect(cleanTitle(raw, { siteName: null, pageUrl: PAGE })).toBe(expected);
  });

  test('a dash tail that continues the headline is not cut as a site label', () => {
    expect(cleanTitle('Nobody Could Map the Ocean Floor – Until Now', { siteName: null, pageUrl: PAGE })).toBe('Nobody Could Map the Ocean Floor – Until Now');
    const heading = 'The Harbour That Ran Dry — Pacific Coast';
    expect(cleanTitle(heading, { siteName: null, pageUrl: PAGE, headings: [heading] })).toBe(heading);
    // An unknown site's short label is still cut.
    expect(cleanTitle('The harbour festival draws a record crowd – Coast Courier', { siteName: null, pageUrl: PAGE })).toBe('The harbour festival draws a record crowd');
  });

  test.each([
    [['March 3, 2021'], []],
    [['12:30 PM'], []],
    [['03.03.2021 14:35'], []],
    [['2 hours ago'], []],
    [['Jane Doe @janedoe'], ['Jane Doe']],
    [['@jdoe, Jane Doe'], ['Jane Doe']],
    [['By Jo Reyes For The Mail'], ['Jo Reyes']],
    [['Jo Reyes For MailOnline'], ['Jo Reyes']],
    [['For The Mail'], []],
    [['Zeige alle Beiträge von Max Mustermann'], ['Max Mustermann']],
    [['View all posts by Jane Doe'], ['Jane Doe']],
    [['<img src=x onerror=alert(1)>Jo Reyes'], ['Jo Reyes']],
    [['<a href="/authors/jo">Jo Reyes</a>'], ['Jo Reyes']],
    [['Jo Reyes &amp; Ana Lima'], ['Jo Reyes', 'Ana Lima']],
  ])('authors %j → %j', (raw, expected) => {
    expect(splitAuthors(raw, ctx)).toEqual(expected);
  });
});
