import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';

export interface ReadabilityResult {
  title: string | null;
  byline: string | null;
  /** Article HTML as Readability serialized it. */
  content: string;
  excerpt: string | null;
  siteName: string | null;
  lang: string | null;
  publishedTime: string | null;
}

/** A console that swallows everything: jsdom's CSS and parse complaints are not ours to print. */
const silentConsole = new VirtualConsole();

/**
 * Runs Mozilla Readability on a jsdom document built from `html`. Scripts never run (jsdom's default
 * `runScripts: undefined`) and no resources are loaded (no `resources` option). Returns null when
 * Readability finds no article.
 */
export function runReadability(html: string, pageUrl: string): ReadabilityResult | null {
  const dom = new JSDOM(html, { url: pageUrl, virtualConsole: silentConsole, pretendToBeVisual: false });
  try {
    const parsed = new Readability(dom.window.document, { charThreshold: 250 }).parse();
    if (!parsed || !parsed.content) return null;
    return {
      title: parsed.title ?? null,
      byline: parsed.byline ?? null,
      content: parsed.content,
      excerpt: parsed.excerpt ?? null,
      siteName: parsed.siteName ?? null,
      lang: parsed.lang ?? null,
      publishedTime: parsed.publishedTime ?? null,
    };
  } finally {
    dom.window.close();
  }
}
