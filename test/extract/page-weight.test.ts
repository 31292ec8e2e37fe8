import { describe, expect, it } from '@jest/globals';
import { countPage, estimateHeapMb, heapLimitFor } from '../../src/extract/page-weight.js';

describe('countPage', () => {
  it('counts elements, attributes, text nodes and comments, and the characters of text and attribute values', () => {
    const counts = countPage('<p class="lede" id="a">Hello <b>world</b></p><!--note--><script>var x = "<i>";</script>');
    expect(counts).toEqual({ elements: 3, attributes: 2, otherNodes: 4, characters: 4 + 1 + 6 + 5 + 4 + 14 });
  });

  it('counts without building a tree: a page of 500,000 comments is counted, not parsed', () => {
    expect(countPage('<!--x-->'.repeat(500_000)).otherNodes).toBe(500_000);
  });
});

describe('estimateHeapMb', () => {
  it('grows with each term, and the costliest units weigh most', () => {
    const base = estimateHeapMb({ elements: 0, attributes: 0, otherNodes: 0, characters: 0 });
    const element = estimateHeapMb({ elements: 10_000, attributes: 0, otherNodes: 0, characters: 0 }) - base;
    const attribute = estimateHeapMb({ elements: 0, attributes: 10_000, otherNodes: 0, characters: 0 }) - base;
    const node = estimateHeapMb({ elements: 0, attributes: 0, otherNodes: 10_000, characters: 0 }) - base;
    const characters = estimateHeapMb({ elements: 0, attributes: 0, otherNodes: 0, characters: 10_000 }) - base;
    expect(element).toBeGreaterThan(attribute);
    expect(attribute).toBeGreaterThan(node);
    expect(node).toBeGreaterThan(characters);
    expect(characters).toBeGreaterThanOrEqual(0);
  });

  it('gives a heap limit whose usable share covers the need', () => {
    expect(heapLimitFor(850) * 0.85).toBeGreaterThanOrEqual(850);
  });
});
