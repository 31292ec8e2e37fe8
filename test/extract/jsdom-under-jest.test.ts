import * as cheerio from 'cheerio';
import { JSDOM } from 'jsdom';
import { Readability } from '@mozilla/readability';

// Guards the jest set-up (jest.config.js + test/helpers/babel-esm-to-cjs.cjs): jsdom 29 require()s ESM-only
// packages that cheerio imports as ESM; both must load in one test file.
it('jsdom, Readability and cheerio load together under jest', () => {
  const paragraph = 'Words of the article. '.repeat(40);
  const dom = new JSDOM(`<html><body><article><h1>T</h1><p>${paragraph}</p></article></body></html>`, {
    url: 'https://a.example/',
  });
  expect(new Readability(dom.window.document).parse()?.textContent).toContain('Words of the article.');
  expect(cheerio.load('<p>x &amp; y</p>')('p').text()).toBe('x & y');
});
