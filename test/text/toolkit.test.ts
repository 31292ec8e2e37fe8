import { describe, expect, it } from '@jest/globals';
import { collapseWhitespace, collapseWhitespaceNfc, nullIfEmpty, tidyLines } from '../../src/text/whitespace.js';
import { countLetterWords, countTokens } from '../../src/text/words.js';
import { decodeEntities, escapeHtml } from '../../src/text/html.js';

describe('text toolkit', () => {
  it('collapseWhitespace folds \\s runs (NBSP included) but keeps zero-width spaces', () => {
    expect(collapseWhitespace(' a\t\n b\u00a0\u00a0c\u200bd ')).toBe('a b c\u200bd');
  });

  it('collapseWhitespaceNfc also folds zero-width spaces and composes to NFC', () => {
    expect(collapseWhitespaceNfc(' e\u0301\u200b x ')).toBe('\u00e9 x');
  });

  it('tidyLines keeps single line breaks and folds blank-line runs', () => {
    expect(tidyLines('  a \u00a0 b \n c\n\n\n\nd ')).toBe('a b\nc\n\nd');
  });

  it('nullIfEmpty trims and turns blank into null', () => {
    expect(nullIfEmpty('  x ')).toBe('x');
    expect(nullIfEmpty(' \n')).toBeNull();
    expect(nullIfEmpty(undefined)).toBeNull();
  });

  it('counts tokens and letter words', () => {
    expect(countTokens('  one — two  ')).toBe(3);
    expect(countLetterWords('  one — two 3 ')).toBe(3);
    expect(countTokens('')).toBe(0);
  });

  it('decodes entities like the HTML parser and escapes markup', () => {
    expect(decodeEntities('doesn&#8217;t &amp; &lt;b&gt; <i>')).toBe('doesn\u2019t & <b> <i>');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
