/** Limits on what a sitemap may make chronicle fetch: child sitemaps followed, index nesting, loops, size. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { discoverItems, type DiscoverOptions } from '../../src/sources/discover.js';
import type { DiscoveredItem, SourceFailure } from '../../src/sources/types.js';
import { startSourceSite, type SourceSite } from '../helpers/source-site.js';

const XML = 'application/xml';
const index = (...children: string[]): string =>
  `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${children.map((child) => `<sitemap><loc>$ORIGIN${child}</loc></sitemap>`).join('')}</sitemapindex>`;
const urlset = (...paths: string[]): string => `<urlset>${paths.map((path) => `<url><loc>$ORIGIN${path}</loc></url>`).join('')}</urlset>`;

let site: SourceSite;
beforeAll(async () => {
  site = await startSourceSite({
    '/loop.xml': { type: XML, body: index('/loop.xml', '/a.xml') },
    '/a.xml': { type: XML, body: urlset('/news/a') },
    '/b.xml': { type: XML, body: urlset('/news/b') },
    '/two.xml': { type: XML, body: index('/a.xml', '/b.xml') },
    '/deep0.xml': { type: XML, body: index('/deep1.xml') },
    '/deep1.xml': { type: XML, body: index('/deep2.xml') },
    '/deep2.xml': { type: XML, body: urlset('/news/deep') },
    '/big.xml': { type: XML, body: urlset(...Array.from({ length: 200 }, (_, i) => `/news/${i}`)) },
  });
});
afterAll(async () => site.close());

async function collect(url: string, options: Partial<DiscoverOptions> = {}): Promise<{ items: DiscoveredItem[]; failures: SourceFailure[]; notes: string[] }> {
  const failures: SourceFailure[] = [];
  const notes: string[] = [];
  const items: DiscoveredItem[] = [];
  for await (const item of discoverItems([{ kind: 'sitemap', url: `${site.origin}${url}` }], {
    fetchOptions: { retries: 0 },
    onFailure: (failure) => failures.push(failure),
    onNote: (_source, note) => notes.push(note),
    ...options,
  })) {
    items.push(item);
  }
  return { items, failures, notes };
}

describe('sitemap limits', () => {
  it('an index that lists itself is read once', async () => {
    const result = await collect('/loop.xml');
    expect(result.items.map((item) => item.url)).toEqual([`${site.origin}/news/a`]);
    expect(site.hits('/loop.xml')).toBe(1);
  });

  it('stops at maxChildSitemaps children', async () => {
    const result = await collect('/two.xml', { limits: { maxChildSitemaps: 1 } });
    expect(result.items.map((item) => item.url)).toEqual([`${site.origin}/news/a`]);
    expect(result.notes).toContain('stopped at 1 child sitemaps');
  });

  it('follows indexes at most maxIndexLevels deep', async () => {
    expect((await collect('/deep0.xml')).items).toHaveLength(1);
    const shallow = await collect('/deep0.xml', { limits: { maxIndexLevels: 1 } });
    expect(shallow.items).toHaveLength(0);
    expect(shallow.notes.join('\n')).toMatch(/nested more than 1 levels/);
  });

  it('a document over maxBytes is a failed source; maxItems caps the entries taken', async () => {
    const big = await collect('/big.xml', { limits: { maxBytes: 1000 } });
    expect(big.items).toHaveLength(0);
    expect(big.failures).toEqual([{ source: `${site.origin}/big.xml`, message: expect.stringMatching(/E_TOO_LARGE/) }]);
    expect((await collect('/big.xml', { limits: { maxItems: 50 } })).items).toHaveLength(50);
  });
});
