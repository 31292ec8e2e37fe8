import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { Embed } from '../../types.js';

/** What an embed detector is handed: the untouched page, before Readability. */
export interface EmbedContext {
  $: CheerioAPI;
  /** The page URL, for resolving relative and protocol-relative URLs. */
  pageUrl: string;
}

/** An embed as detectors report it: everything but `position`, which the orchestrator sets. */
export type EmbedData = Omit<Embed, 'position'>;

/** One embed found in the page, with the outermost element that makes it up (wrapper included). */
export interface EmbedMatch {
  element: Element;
  embed: EmbedData;
  /**
   * Other elements that belong to this embed but are not inside `element`: a `<noscript>` copy next to a
   * lazy player, a provider's attribution line after the iframe. Remove them together with `element`.
   */
  companions?: Element[];
}

/** A small registered module, one per provider (src/extract/embeds/<provider>.ts). */
export interface EmbedDetector {
  provider: string;
  detect(ctx: EmbedContext): EmbedMatch[];
}

/** Reads a provider's embed or page URL; null when the URL is not one of that provider's. */
export type EmbedUrlParser = (url: URL) => EmbedData | null;
