/**
 * Synthetic pages of the shapes that cost the most memory per byte (bench:limits): each tests one term of the
 * memory estimate (src/extract/page-weight.ts). Deterministic (same size, same bytes).
 */
import { repeatToSize } from './size-pages.js';

export type WorstShape = 'empty-inline' | 'attributes' | 'line-breaks' | 'div-lines' | 'table' | 'links' | 'long-text' | 'long-attributes' | 'comments' | 'scripts';

export const WORST_SHAPES: readonly WorstShape[] = [
  'empty-inline', 'attributes', 'line-breaks', 'div-lines', 'table', 'links', 'long-text', 'long-attributes', 'comments', 'scripts',
];

const WORDS = 'the council said on tuesday that its budget for roads and schools would rise'.split(' ');
const word = (index: number): string => WORDS[index % WORDS.length]!;

const UNITS: Record<WorstShape, (index: number) => string> = {
  'empty-inline': () => '<i></i>',
  attributes: () => '<i a b c d e f g h j k l m n o p q r s t u v w x y z></i>',
  'line-breaks': () => 'x<br>',
  'div-lines': (index) => `<div>Line ${index}: ${word(index)} ${word(index + 3)}</div>\n`,
  table: (index) => `<tr><td>${index}</td><td>a</td><td>b</td><td>c</td></tr>`,
  links: (index) => `<p><a href="/a${index}">${word(index)}</a>, <a href="/b${index}">${word(index + 1)}</a> said ${word(index + 2)}.</p>`,
  'long-text': (index) => `<p>${Array.from({ length: 90 }, (_, offset) => word(index + offset)).join(' ')}.</p>\n`,
  'long-attributes': (index) => `<p data-x="${'y'.repeat(5000)}">${word(index)}</p>`,
  comments: () => '<!--x-->',
  scripts: (index) => `<script>var a${index} = "${'z'.repeat(1000)}";</script>`,
};

/** A page of `shape` of about `bytes` bytes, its units inside one <article> (in a <table> for `table`). */
export function worstPage(shape: WorstShape, bytes: number): string {
  const [open, close] = shape === 'table' ? ['<table>', '</table>'] : ['', ''];
  const head = '<!doctype html><html><head><meta charset="utf-8"><title>T</title></head><body><article><h1>A long read</h1>';
  return repeatToSize(head + open, UNITS[shape], `${close}</article></body></html>`, bytes);
}
