/**
 * Fresh page noise for tests, demos and the noise-stability evaluation (docs/content-digest.md).
 *
 * injectNoise(): fills the {{NOISE}} slots of a story page with fresh noise: every call gives different ads, nonces,
 * "Updated N minutes ago" labels, comment and share counts, shuffled trending/related links,
 * cache-busting query strings and a bumped modified time. Seeded, so a failing run can be replayed.
 */

import { prng } from './prng.js';

const AD_COPY = [
  'Save 40% on winter tyres this week only',
  'Refinance today: rates from 3.9% APR',
  'The sneakers everyone in Geneva is wearing',
  'Learn a language in 15 minutes a day',
  'Top-rated home insurance, compare 30 quotes',
];

const TRENDING = [
  ['/sport/derby-report', 'Derby ends in stoppage-time drama'],
  ['/business/bank-rates', 'Central bank holds rates for third month'],
  ['/culture/festival-lineup', 'Festival announces surprise headliner'],
  ['/science/comet-visible', 'Comet visible to the naked eye tonight'],
  ['/politics/budget-vote', 'Budget vote delayed after walkout'],
  ['/world/river-floods', 'River floods cut off mountain towns'],
];

const RELATED = [
  ['/world/spring-truce', 'How the spring truce was agreed'],
  ['/world/dalmar-explainer', 'Dalmar crossing: what is at stake'],
  ['/world/refugee-routes', 'The new refugee routes through the valley'],
];

export function injectNoise(template: string, seed: number): string {
  const random = prng(seed);
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const hex = (length: number): string => Array.from({ length }, () => int(0, 15).toString(16)).join('');
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = int(0, i);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };
  const links = (items: readonly string[][], tag: string): string =>
    shuffle(items)
      .slice(0, items.length - int(0, 1))
      .map(([href, text]) => `<li><a href="${href}?utm_source=${tag}&amp;cb=${hex(6)}">${text}</a> <span class="count">${int(2, 900)} comments</span></li>`)
      .join('');

  const values: Record<string, () => string> = {
    CSRF: () => hex(40),
    MODIFIED: () => new Date(Date.UTC(2026, 10, 20, 9, 0, 0) + seed * 60_000 + int(0, 59) * 1000).toISOString(),
    TIMESTAMP: () => String(1_763_600_000_000 + seed * 1000 + int(0, 999)),
    CACHEBUST: () => hex(12),
    AD_TOP: () => `<a href="https://ads.example/click?id=${hex(8)}"><img src="https://ads.example/banner.gif?r=${hex(8)}" alt="">${pick(AD_COPY)}</a>`,
    AD_SLOT: () => `slot-${hex(6)}`,
    MINUTES: () => String(int(2, 59)),
    COMMENTS: () => int(1000, 9999).toLocaleString('en-US'),
    SHARES: () => String(int(10, 999)),
    RELATED: () => links(RELATED, 'related'),
    TRENDING: () => links(TRENDING, 'trending'),
    RENDER_MS: () => String(int(20, 400)),
  };
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (slot: string, name: string) => {
    const make = values[name];
    if (make === undefined) throw new Error(`unknown noise slot ${slot}`);
    return make();
  });
}

/**
 * Puts fresh noise into ANY saved page (the bundled fixtures/pages and the Readability corpus): a CSRF
 * meta nonce and hidden form field, a rotating ad banner, a shuffled trending list, a comment section
 * with a count, a "generated in N ms" footer, cache-busting query strings on every iframe/img/script,
 * and an "Updated N minutes ago · N comments" line just before the first paragraph. Works on the page as
 * a latin1 string so pages in any charset keep their bytes; the noise itself is ASCII.
 */
const TEMPLATE_HEAD = '<meta name="csrf-token" content="{{CSRF}}">';
const TEMPLATE_BODY_START =
  '<div class="ad-container" id="div-gpt-ad-top">{{AD_TOP}}</div>' +
  '<aside class="trending"><h2>Trending</h2><ol>{{TRENDING}}</ol></aside>';
const TEMPLATE_BODY_END =
  '<section id="comments" class="comments-section"><h2>{{COMMENTS}} comments</h2>' +
  '<form action="/c" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"></form></section>' +
  '<footer class="site-footer"><p>Page generated in {{RENDER_MS}} ms</p></footer>';
const TEMPLATE_LABEL = '<p>Updated {{MINUTES}} minutes ago &middot; {{COMMENTS}} comments</p>';

export function injectGenericNoise(page: Buffer, seed: number): Buffer {
  const fill = (template: string, salt: number): string => injectNoise(template, seed * 100 + salt);
  let html = page.toString('latin1');
  html = html.replace(/<head(\s[^>]*)?>/i, (tag) => `${tag}${fill(TEMPLATE_HEAD, 1)}`);
  html = html.replace(/<body(\s[^>]*)?>/i, (tag) => `${tag}${fill(TEMPLATE_BODY_START, 2)}`);
  html = html.replace(/<\/body>/i, (tag) => `${fill(TEMPLATE_BODY_END, 3)}${tag}`);
  let salt = 10;
  html = html.replace(/(<(?:iframe|img|script)\b[^>]*?\ssrc=")([^"]+)"/gi, (_match, start: string, url: string) => {
    if (/^(?:data|javascript|about):/i.test(url)) return `${start}${url}"`;
    const buster = fill('{{CACHEBUST}}', salt++);
    return `${start}${url}${url.includes('?') ? '&amp;' : '?'}cb=${buster}"`;
  });
  const firstParagraph = html.search(/<p[\s>]/i);
  if (firstParagraph >= 0) html = `${html.slice(0, firstParagraph)}${fill(TEMPLATE_LABEL, 4)}${html.slice(firstParagraph)}`;
  return Buffer.from(html, 'latin1');
}

/** Changes one figure of the body in the raw page ("30,000 daily" → "30,0009 daily") where it occurs exactly once. */
export function editFigure(html: string, bodyText: string): string | null {
  for (const match of bodyText.matchAll(/(?<![\w.,])(\d[\d,]*) ([A-Za-z]+)/g)) {
    const candidate = match[0];
    if (html.split(candidate).length === 2) return html.replace(candidate, `${match[1]}9 ${match[2]}`);
  }
  return null;
}
