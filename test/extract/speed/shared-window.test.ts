import { setImmediate as turn } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from '@jest/globals';
import { parseDocument, read, releaseDocument } from '../../../src/extract/readability.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const PAGE_URL = 'https://news.example/2026/11/story';
const PAGE =
  '<html><head><title>Library vote</title></head><body><article><h1>Library vote</h1>' +
  '<img src="/lead.jpg" alt="The new library">' +
  Array.from({ length: 8 }, (_, index) => `<p>Paragraph ${index + 1}: the council voted on Tuesday to fund the new library, and its friends, who waited ten years, said they would hold the city to its word.</p>`).join('') +
  '</article></body></html>';

/** Parses, reads and releases one page; returns only a weak reference to its document. */
function readOnce(useSelectors: boolean): WeakRef<Document> {
  const document = parseDocument(PAGE, PAGE_URL);
  if (useSelectors) {
    // Each wakes jsdom's CSS selector engine for this document (img.src asks it for <base href>).
    expect(document.querySelector('article p')).not.toBeNull();
    expect((document.querySelector('img') as HTMLImageElement).src).toBe('https://news.example/lead.jpg');
  }
  expect(read(document).result?.content).toContain('Paragraph 8');
  const reference = new WeakRef(document);
  releaseDocument(document);
  return reference;
}

async function survivors(references: WeakRef<Document>[]): Promise<number> {
  for (let round = 0; round < 3; round++) {
    await turn();
    collectGarbage();
  }
  return references.filter((reference) => reference.deref() !== undefined).length;
}

describe('the shared jsdom window', () => {
  it('keeps no released document alive, even after jsdom made a selector engine for it', async () => {
    const references = Array.from({ length: 12 }, (_, index) => readOnce(index % 2 === 0));
    expect(await survivors(references)).toBe(0);
  }, 90_000); // the first test to parse loads jsdom (through the test transform: ~10 s alone, more under load)

  it('still answers selector queries and URLs on later documents', () => {
    for (let index = 0; index < 3; index++) readOnce(true);
    const document = parseDocument('<body><a href="next">next</a><base href="https://other.example/dir/"></body>', PAGE_URL);
    expect((document.querySelector('a') as HTMLAnchorElement).href).toBe('https://other.example/dir/next');
    releaseDocument(document);
  });
});
