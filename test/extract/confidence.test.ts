import { extractArticle } from '../../src/extract/extract-article.js';
import { lowConfidenceWarning } from '../../src/extract/confidence.js';

/** Prose of `count` sentences, each a little different. */
const prose = (count: number, topic = 'harbour'): string =>
  Array.from({ length: count }, (_, index) => `The ${topic} council met for the ${index + 1}th time and argued about ferries, fish and money.`).join(' ');

const story = (paragraphs: string[]): string => paragraphs.map((text) => `<p>${text}</p>`).join('');

describe('lowConfidence (issue 20 item 16)', () => {
  it('is not said of a plain article', async () => {
    const html = `<html><head><title>Harbour</title></head><body><nav><a href="/">Home</a></nav><article><h1>Harbour</h1>${story([prose(8), prose(8), prose(8)])}</article></body></html>`;
    const article = await extractArticle(html, { url: 'https://news.example/harbour' });
    expect(article.warnings.filter((warning) => warning.startsWith('lowConfidence'))).toEqual([]);
  });

  it('is said when the body misses most of the JSON-LD articleBody (a disclosure box read, the story only in the JSON-LD)', async () => {
    const articleBody = Array.from({ length: 30 }, (_, index) => `Keepers restored lamp ${index + 1} whose lens, brass gears and clockwork rotation survived storms since ${1850 + index}.`).join(' ');
    const disclosure = story([prose(12, 'disclosure affiliate commission')]);
    const html = `<html><head><title>Lighthouse</title><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody })}</script></head>`
      + `<body><div class="disclosure">${disclosure}</div><div id="story-root" data-hydrate="story"></div></body></html>`;
    const article = await extractArticle(html, { url: 'https://news.example/lighthouse' });
    expect(article.body.text).toContain('disclosure affiliate commission');
    expect(article.warnings.join('\n')).toMatch(/^lowConfidence: the body may not be the article: it holds \d+% of the words of the page's JSON-LD articleBody/m);
  });

  it('is said of a body that is mostly links (a table of e-mail addresses)', async () => {
    const rows = Array.from({ length: 60 }, (_, index) => `<tr><td><a href="mailto:person${index}@example.org">Person Number ${index} of the press office staff</a></td></tr>`).join('');
    const html = `<html><head><title>Contacts</title></head><body><article><h1>Contacts</h1><p>Write to us.</p><table>${rows}</table></article></body></html>`;
    const article = await extractArticle(html, { url: 'https://news.example/contacts' });
    expect(article.warnings.join('\n')).toMatch(/^lowConfidence: the body may not be the article: .*\d+% of its text is links/m);
  });

  it('weighs each signal as documented', () => {
    const good = { bodyShare: 0.5, linkDensity: 0.1, articleBodyCoverage: 0.9, pageWords: 2000 };
    expect(lowConfidenceWarning(good)).toBeNull();
    expect(lowConfidenceWarning({ ...good, bodyShare: 0.05 })).toMatch(/it is 5% of the page's text/);
    expect(lowConfidenceWarning({ ...good, bodyShare: 0.05, pageWords: 200 })).toBeNull(); // a short page: no share to judge
    expect(lowConfidenceWarning({ ...good, linkDensity: 0.8 })).toMatch(/80% of its text is links/);
    expect(lowConfidenceWarning({ ...good, articleBodyCoverage: 0.2 })).toMatch(/20% of the words of the page's JSON-LD articleBody/);
    expect(lowConfidenceWarning({ ...good, articleBodyCoverage: null })).toBeNull();
  });

  it('is said of a login form read from a page whose story is elsewhere', async () => {
    const login = '<form><p>Sign in to continue reading. Enter your e-mail address and your password below, then press the button to log in.</p><input name="email"><input type="password"><button>Log in</button></form>';
    const comments = Array.from({ length: 40 }, (_, index) => `<li class="x${index}">${prose(2, `comment ${index}`)}</li>`).join('');
    const html = `<html><head><title>Members</title></head><body><main>${login}</main><ul class="x">${comments}</ul></body></html>`;
    const article = await extractArticle(html, { url: 'https://news.example/members' });
    expect(article.body.text).toContain('Sign in to continue reading');
    expect(article.warnings.join('\n')).toMatch(/^lowConfidence: .*% of the page's text/m);
  });
});
