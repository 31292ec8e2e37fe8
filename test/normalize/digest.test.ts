import { changedFields, comparableView, contentDigest } from '../../src/normalize/digest.js';
import { cleanText, comparableUrl, foldText } from '../../src/normalize/noise.js';
import { makeSnapshot } from '../helpers/snapshot-factory.js';

describe('cleanText', () => {
  test.each([
    ['By Jane Doe · Updated 5 minutes ago', 'By Jane Doe'],
    ['Updated 3 hours ago', ''],
    ['Posted just now', ''],
    ['an hour ago | 1,234 comments', ''],
    ['1,234 comments', ''],
    ['12 shares', ''],
    ['5.2K views · 3 replies', ''],
    ['Comments (12)', ''],
    ['Advertisement', ''],
    ['Story continues below advertisement', ''],
    ['Updated 2 days ago', ''],
    ['  spaced\u00A0\u200Bout \n text  ', 'spaced out text'],
  ])('%j → %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  test('keeps counters and relative times that are part of a sentence', () => {
    expect(cleanText('He sold 12 shares of the company.')).toBe('He sold 12 shares of the company.');
    expect(cleanText('The war began 3 years ago.')).toBe('The war began 3 years ago.');
    expect(cleanText('Some 25 fighters were killed.')).toBe('Some 25 fighters were killed.');
  });
});

describe('foldText', () => {
  test('folds quote and dash variants and NFKC forms', () => {
    expect(foldText('“Hello” ‘world’ «ok» „x‟ a–b—c ‐ − ﬁne')).toBe('"Hello" \'world\' "ok" "x" a-b-c - - fine');
    expect(foldText('e\u0301')).toBe('é');
  });
});

describe('comparableUrl', () => {
  test('drops tracking and cache-busting parameters and sorts the rest', () => {
    expect(comparableUrl('http://Cdn.Example/img.jpg?cb=12345&b=2&a=1&utm_source=x#frag')).toBe('https://cdn.example/img.jpg?a=1&b=2');
    expect(comparableUrl('https://cdn.example/app.js?v=1732543210')).toBe('https://cdn.example/app.js');
    expect(comparableUrl('https://cdn.example/app.js?_=1732543210123&ts=9')).toBe('https://cdn.example/app.js');
  });
  test('keeps identifying parameters that only look like busters by name', () => {
    expect(comparableUrl('https://www.youtube.com/watch?v=dQw4w9WgXcQ')).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
  });
});

describe('contentDigest', () => {
  const base = makeSnapshot({
    bodyText: 'By Jane Doe · Updated 5 minutes ago\n\nSome 25 fighters were killed, officials said.\n\n1,234 comments',
    embeds: [
      { provider: 'youtube', kind: 'video', url: 'https://www.youtube.com/watch?v=abc', id: 'abc', position: 1 },
      { provider: 'datawrapper', kind: 'chart', url: 'https://datawrapper.dwcdn.net/x1/?cb=111', id: null, position: 2 },
    ],
  });

  test('has the sha256:<hex> format', () => {
    expect(contentDigest(base)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  test('is unchanged by noise: relative times, counters, quotes/dashes, whitespace, cache busters', () => {
    const noisy = makeSnapshot({
      bodyText: 'By Jane  Doe · Updated 17 minutes ago\n\nSome 25 fighters were killed, officials said.\n\n1,301 comments\n\nAdvertisement',
      meta: { modifiedAt: '2026-02-02T10:00:00Z' },
      embeds: [
        { provider: 'datawrapper', kind: 'chart', url: 'https://datawrapper.dwcdn.net/x1/?cb=999', id: null, position: 5 },
        { provider: 'youtube', kind: 'video', url: 'https://www.youtube.com/watch?v=abc&t=1', id: 'abc', position: 1 },
      ],
    });
    expect(contentDigest(noisy)).toBe(contentDigest(base));
  });

  test('typographic variants of quotes and dashes give the same digest', () => {
    const a = makeSnapshot({ meta: { title: '“Peace” talks — day 2' } });
    const b = makeSnapshot({ meta: { title: '"Peace" talks - day 2' } });
    expect(contentDigest(a)).toBe(contentDigest(b));
  });

  test('author order and "By" prefixes do not matter', () => {
    const a = makeSnapshot({ meta: { authors: ['Jane Doe', 'Ali Khan'] } });
    const b = makeSnapshot({ meta: { authors: ['By Ali Khan', 'Jane Doe'] } });
    expect(contentDigest(a)).toBe(contentDigest(b));
  });

  test('modifiedAt and canonicalUrl alone do not change the digest', () => {
    const a = makeSnapshot({ meta: { modifiedAt: '2026-01-01T00:00:00Z' } });
    const b = makeSnapshot({ meta: { modifiedAt: '2026-01-03T00:00:00Z' }, canonicalUrl: 'https://news.example/story-2' });
    expect(contentDigest(a)).toBe(contentDigest(b));
    expect(changedFields(comparableView(a), comparableView(b))).toEqual(['modifiedAt', 'canonicalUrl']);
  });

  test.each([
    ['title', makeSnapshot({ meta: { title: 'New headline' } })],
    ['description', makeSnapshot({ meta: { description: 'Another dek.' } })],
    ['authors', makeSnapshot({ meta: { authors: ['Jane Doe', 'Ali Khan'] } })],
    ['publishedAt', makeSnapshot({ meta: { publishedAt: '2026-01-02T00:00:00Z' } })],
    ['body', makeSnapshot({ bodyText: 'First paragraph of the story.\n\nSecond paragraph with 27 fighters.' })],
    ['quotes', makeSnapshot({ quotes: [{ kind: 'direct', text: 'We will stay', speaker: 'Mayor', cue: 'said' }] })],
    ['embeds', makeSnapshot({ embeds: [{ provider: 'twitter', kind: 'post', url: null, id: '1', text: 'hi', position: 0 }] })],
  ])('a change of %s changes the digest and is named', (field, changed) => {
    const original = makeSnapshot();
    expect(contentDigest(changed)).not.toBe(contentDigest(original));
    expect(changedFields(comparableView(original), comparableView(changed))).toEqual([field]);
  });

  test('an embed text change and an embed URL change (without id) are edits', () => {
    const a = makeSnapshot({ embeds: [{ provider: 'twitter', kind: 'post', url: 'https://x.com/a/status/1', id: '1', text: 'old', position: 0 }] });
    const b = makeSnapshot({ embeds: [{ provider: 'twitter', kind: 'post', url: 'https://x.com/a/status/1', id: '1', text: 'new', position: 0 }] });
    expect(contentDigest(a)).not.toBe(contentDigest(b));
    const c = makeSnapshot({ embeds: [{ provider: 'iframe', kind: 'page', url: 'https://maps.example/a?cb=1', id: null, position: 0 }] });
    const d = makeSnapshot({ embeds: [{ provider: 'iframe', kind: 'page', url: 'https://maps.example/b?cb=2', id: null, position: 0 }] });
    expect(contentDigest(c)).not.toBe(contentDigest(d));
  });
});

describe('comparableView', () => {
  test('quotes whose text is only noise or empty are left out', () => {
    const view = comparableView(
      makeSnapshot({
        quotes: [
          { kind: 'pull', text: '  ', duplicateOfBody: false },
          { kind: 'direct', text: '5 minutes ago', speaker: null, cue: null },
          { kind: 'direct', text: 'We stay', speaker: 'Mayor', cue: 'said' },
        ],
      }),
    );
    expect(view.quotes).toEqual(['direct|We stay|Mayor']);
  });
});
