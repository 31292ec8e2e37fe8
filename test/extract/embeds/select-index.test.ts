import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { forgetElementIndex, indexElements, select } from '../../../src/extract/embeds/dom.js';
import { loadPage } from '../../../src/extract/parse-html.js';

const pagesDir = fileURLToPath(new URL('../../../fixtures/pages/', import.meta.url));
const embedsDir = fileURLToPath(new URL('../../../fixtures/embeds/', import.meta.url));

/** The detectors' selectors, read from their sources, so a new detector is covered too. */
function detectorSelectors(): string[] {
  const dir = fileURLToPath(new URL('../../../src/extract/embeds/', import.meta.url));
  const selectors = new Set<string>(['noscript', 'div', '*[data-x]', 'p > a', 'blockquote:not(.x)']);
  for (const file of readdirSync(dir)) {
    const source = readFileSync(`${dir}${file}`, 'utf8');
    for (const match of source.matchAll(/(?:select\((?:ctx\.)?\$, |framesWithUrl\(\$, pageUrl, |selector: |frames: |const [A-Z_]+ = )'([^']+)'/g)) selectors.add(match[1]!);
  }
  return [...selectors];
}

function pages(): string[] {
  const htmls = readdirSync(pagesDir).map((name) => readFileSync(`${pagesDir}${name}/source.html`, 'utf8'));
  for (const file of readdirSync(embedsDir, { recursive: true }) as string[]) {
    if (file.endsWith('.html')) htmls.push(readFileSync(`${embedsDir}${file}`, 'utf8'));
  }
  return htmls;
}

describe('select with an element index', () => {
  it('finds what the CSS engine finds, in document order, for every detector selector on every fixture page', () => {
    const selectors = detectorSelectors();
    expect(selectors.length).toBeGreaterThan(25);
    let found = 0;
    for (const html of pages()) {
      const $ = loadPage(html);
      const expected = selectors.map((selector) => $(selector).toArray());
      indexElements($);
      try {
        selectors.forEach((selector, index) => {
          expect({ selector, found: select($, selector) }).toEqual({ selector, found: expected[index] });
          found += expected[index]!.length;
        });
      } finally {
        forgetElementIndex($);
      }
    }
    expect(found).toBeGreaterThan(100);
  });
});
