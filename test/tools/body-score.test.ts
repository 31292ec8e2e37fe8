import { describe, expect, it } from '@jest/globals';
import { decodeAsBrowser, pageUrlForKey, scorePage, scores } from '../../src/tools/eval/body-score.js';
import { lossStage, parseArguments } from '../../src/tools/eval/body-eval.js';

describe('body score (trafilatura evaluation rules)', () => {
  it('finds snippets in the whitespace-normalised output, case kept', () => {
    const page = scorePage('First  line\n\nsecond line of the text', { with: ['second first', 'line\nsecond line', 'First line'], without: ['FIRST', 'of the'] });
    expect(page).toMatchObject({ tp: 2, fn: 1, fp: 1, tn: 1, missed: ['second first'], kept: ['of the'] });
  });

  it('counts a failed page as all fn and tn', () => {
    expect(scorePage(null, { with: ['a', 'b'], without: ['c'] })).toMatchObject({ tp: 0, fn: 2, fp: 0, tn: 1 });
  });

  it('micro-averages precision, recall and F', () => {
    const { precision, recall, f } = scores({ tp: 8, fn: 2, fp: 2, tn: 5 });
    expect(precision).toBeCloseTo(0.8);
    expect(recall).toBeCloseTo(0.8);
    expect(f).toBeCloseTo(0.8);
  });

  it('extracts keys that are not http(s) URLs as https://example.invalid/', () => {
    expect(pageUrlForKey('hard::blog.example.html')).toBe('https://example.invalid/');
    expect(pageUrlForKey('xhttps://example.com/a')).toBe('https://example.invalid/');
    expect(pageUrlForKey('https://example.com/a b')).toBe('https://example.com/a%20b');
  });

  it('decodes by BOM, then <meta charset> past 1024 bytes, then UTF-8, else windows-1252', () => {
    const padding = ' '.repeat(2000);
    const latin = Uint8Array.from([...Buffer.from(`<html><head>${padding}<meta charset="iso-8859-2"></head><body>`), 0xb1, ...Buffer.from('</body>')]);
    expect(decodeAsBrowser(latin).text).toContain('ą');
    expect(decodeAsBrowser(Buffer.from('<p>café</p>')).charset.toLowerCase()).toBe('utf-8');
    expect(decodeAsBrowser(Uint8Array.from([0x3c, 0x70, 0x3e, 0x93, 0x61, 0x94])).text).toBe('<p>“a”');
    expect(decodeAsBrowser(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61])).text).toBe('a');
  });
});

describe('where a lost snippet went', () => {
  it('names the first stage whose text no longer holds it', () => {
    const stages = { page: 'a b c', pruned: 'a b c', picked: 'a b', flattened: 'a b', cleaned: 'a' };
    expect(lossStage('c', stages)).toBe("Readability's pick");
    expect(lossStage('b', stages)).toBe('chrome clean-up');
    expect(lossStage('a', stages)).toBe('sanitize / text');
    expect(lossStage('z', stages)).toBe('not in page text');
  });

  it('refuses bad arguments in one line', () => {
    expect(parseArguments(['--top', 'x'])).toMatch(/whole number/);
    expect(parseArguments(['--bogus'])).toMatch(/unknown argument/);
    expect(parseArguments(['--no-readability', '--top', '5'])).toEqual({ withReadability: false, top: 5, json: null });
  });
});
