import { describe, expect, it } from '@jest/globals';
import { autoRenderReason, jsonLdArticleBodyWords } from '../../src/browser/render-decision.js';
import { pngSize } from '../../src/browser/png-size.js';

const words = (count: number): string => Array.from({ length: count }, (_, index) => `word${index}`).join(' ');
const page = (jsonLd: unknown): string => `<html><head><script type="application/ld+json">${JSON.stringify(jsonLd)}</script></head><body></body></html>`;

describe('--render auto', () => {
  it('renders a page whose static extraction found no article', () => {
    expect(autoRenderReason(null, '<html></html>')).toBe('no-article');
  });

  it('renders when static text is less than half of the JSON-LD articleBody, found at any depth', () => {
    const html = page({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage' }, { '@type': 'NewsArticle', articleBody: words(400) }] });
    expect(jsonLdArticleBodyWords(html)).toBe(400);
    expect(autoRenderReason(120, html)).toBe('short-body');
    expect(autoRenderReason(250, html)).toBeNull();
  });

  it('leaves alone a page without articleBody, or whose JSON-LD does not parse', () => {
    expect(autoRenderReason(30, page({ '@type': 'NewsArticle', headline: 'x' }))).toBeNull();
    expect(autoRenderReason(30, '<script type="application/ld+json">{not json</script>')).toBeNull();
  });
});

describe('pngSize', () => {
  it('reads IHDR and refuses what is not a PNG', () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    expect(pngSize(png)).toEqual({ width: 1, height: 1 });
    expect(pngSize(Buffer.from('GIF89a........................'))).toBeNull();
  });
});
