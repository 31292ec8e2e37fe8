import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { Embed } from '../../types.js';

/** What an embed detector is handed: the untouched page, before Readability. */
export interface EmbedContext {
  $: CheerioAPI;
  /** The page URL, for resolving relative and protocol-relative URLs. */
  pageUrl: string;
}

/** One embed found in the page, with the outermost element that makes it up (wrapper included). */
export interface EmbedMatch {
  element: Element;
  embed: Omit<Embed, 'position'>;
}

/** A small registered module, one per provider (src/extract/embeds/<provider>.ts). */
export interface EmbedDetector {
  provider: string;
  detect(ctx: EmbedContext): EmbedMatch[];
}
