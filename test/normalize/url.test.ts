import { cleanUrl, normalizeUrl, parseHttpUrl, resolveUrl } from '../../src/normalize/url.js';

describe('URL normalization', () => {
  it('removes tracking parameters and the fragment, keeps other parameters in order', () => {
    expect(normalizeUrl('https://News.Example.com:443/a/b?id=7&utm_source=x&utm_medium=y&fbclid=z&page=2#comments')).toBe(
      'https://news.example.com/a/b?id=7&page=2',
    );
    expect(normalizeUrl('https://example.com/story?utm_campaign=a&gclid=b')).toBe('https://example.com/story');
  });

  it('never merges different pages', () => {
    expect(normalizeUrl('https://example.com/story?id=1')).not.toBe(normalizeUrl('https://example.com/story?id=2'));
  });

  it('rejects what is not an http(s) URL with E_INVALID_URL', () => {
    expect(() => parseHttpUrl('not a url')).toThrow(expect.objectContaining({ code: 'E_INVALID_URL' }));
    expect(() => parseHttpUrl('ftp://example.com/x')).toThrow(expect.objectContaining({ code: 'E_INVALID_URL' }));
  });

  it('resolves relative and protocol-relative links, refusing javascript:', () => {
    expect(resolveUrl('/x', 'https://a.com/b/c')).toBe('https://a.com/x');
    expect(resolveUrl('//cdn.a.com/i.png', 'https://a.com/')).toBe('https://cdn.a.com/i.png');
    expect(resolveUrl('javascript:alert(1)', 'https://a.com/')).toBeNull();
    expect(cleanUrl('https://twitter.com/a/status/1?ref_src=twsrc%5Etfw', 'https://x.com/')).toBe('https://twitter.com/a/status/1');
  });
});
