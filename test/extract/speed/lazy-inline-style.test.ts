import { createRequire } from 'node:module';
import { describe, expect, it } from '@jest/globals';
import { JSDOM } from 'jsdom';
import { parseDocument, releaseDocument } from '../../../src/extract/readability.js';

const requireModule = createRequire(import.meta.url);
const idl = requireModule('jsdom/lib/generated/idl/utils.js') as { implForWrapper(wrapper: unknown): object };

/** Whether jsdom's implementation object behind `element` already holds its inline-style declaration. */
const hasStyleObject = (element: Element): boolean => Object.hasOwn(idl.implForWrapper(element), 'style');

const PAGE =
  '<html><body><div id="plain">text</div><p id="hidden" style="display: none">hidden</p>' +
  '<svg id="chart" viewBox="0 0 10 10"><rect width="5" height="5"/></svg></body></html>';

describe("chronicle's jsdom documents make an element's style object on first use", () => {
  it('gives elements no style object until something reads `style`', () => {
    const document = parseDocument(PAGE, 'https://news.example/story');
    try {
      const plain = document.getElementById('plain')!;
      const chart = document.getElementById('chart')!;
      expect(hasStyleObject(plain)).toBe(false);
      expect(hasStyleObject(chart)).toBe(false);
      expect(hasStyleObject(document.createElement('section'))).toBe(false);
      // An element with a style attribute got its declaration when the attribute was set, as jsdom does.
      expect(hasStyleObject(document.getElementById('hidden')!)).toBe(true);
      plain.style.getPropertyValue('color');
      expect(hasStyleObject(plain)).toBe(true);
    } finally {
      releaseDocument(document);
    }
  });

  it('reads and writes inline style as jsdom does', () => {
    const document = parseDocument(PAGE, 'https://news.example/story');
    try {
      const hidden = document.getElementById('hidden')!;
      expect(hidden.style.display).toBe('none');
      const plain = document.getElementById('plain')!;
      expect(plain.style).toBe(plain.style); // one object, every time
      expect(plain.style.cssText).toBe('');
      plain.setAttribute('style', 'visibility: hidden');
      expect(plain.style.visibility).toBe('hidden');
      plain.style.color = 'red';
      expect(plain.getAttribute('style')).toBe('visibility: hidden; color: red;');
      const added = document.createElement('p');
      added.style.display = 'none';
      expect(added.getAttribute('style')).toBe('display: none;');
      const chart = document.getElementById('chart') as unknown as SVGElement;
      chart.setAttribute('style', 'display: none');
      expect(chart.style.display).toBe('none');
    } finally {
      releaseDocument(document);
    }
  });

  it('leaves other jsdom documents in the process as jsdom makes them', () => {
    releaseDocument(parseDocument('<p>x</p>', 'https://news.example/')); // chronicle's window exists
    const dom = new JSDOM('<div id="plain">text</div>');
    try {
      expect(hasStyleObject(dom.window.document.getElementById('plain')!)).toBe(true);
      expect(hasStyleObject(dom.window.document.createElement('p'))).toBe(true);
    } finally {
      dom.window.close();
    }
  });
});
