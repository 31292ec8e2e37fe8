import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import { detectEmbeds, type DetectEmbedsOptions, type DetectEmbedsResult } from '../../src/extract/embeds/index.js';

export const PAGE_URL = 'https://news.example.com/2024/story';

export function fixtureHtml(name: string): string {
  return readFileSync(path.resolve(process.cwd(), 'fixtures/embeds', name), 'utf8');
}

export function detectIn(html: string, options: DetectEmbedsOptions = {}): DetectEmbedsResult & { $: CheerioAPI } {
  const $ = cheerio.load(html);
  return { ...detectEmbeds({ $, pageUrl: PAGE_URL }, options), $ };
}

export function detectFixture(name: string, options: DetectEmbedsOptions = {}): DetectEmbedsResult & { $: CheerioAPI } {
  return detectIn(fixtureHtml(name), options);
}
