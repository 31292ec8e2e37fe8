import { cleanTitle } from '../../../src/extract/metadata/clean-title.js';

const ctx = { siteName: null, pageUrl: 'https://www.dalesrecord.example/news/x.htm' };

describe('cleanTitle with the page headings', () => {
  it('cuts "Site - Headline" to the <h1> when the rest is a short label', () => {
    expect(cleanTitle('Dales Weekly Record - Parish council ‘sorry’ over £12,000 bus shelter', { ...ctx, headings: ['Parish council ‘sorry’ over £12,000 bus shelter'] })).toBe(
      'Parish council ‘sorry’ over £12,000 bus shelter',
    );
  });

  it('keeps a title whose heading is only part of a hyphenated headline', () => {
    expect(cleanTitle('Anti-vaccine group sues state over mandate', { ...ctx, headings: ['vaccine group sues state'] })).toBe('Anti-vaccine group sues state over mandate');
  });

  it('keeps the title when the extra words are not a short label', () => {
    const title = 'Breaking: the parish council met on Tuesday night - Parish council sorry over shelter';
    expect(cleanTitle(title, { ...ctx, headings: ['Parish council sorry over shelter'] })).toBe(title);
  });
});
