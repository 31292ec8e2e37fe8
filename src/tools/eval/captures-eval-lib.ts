import { extractArticle } from '../../extract/extract-article.js';
import { decodeHtml } from '../../decode/decode-html.js';
import { classifyCapture, type CaptureVerdict } from '../../pipeline/classify-capture.js';

/** Extract, then classify as a first capture (no earlier version). */
export async function classifyPage(bytes: Uint8Array, url: string): Promise<CaptureVerdict> {
  const html = decodeHtml(bytes).text;
  let article: { title: string | null; text: string; wordCount: number } | null = null;
  try {
    const extracted = await extractArticle(bytes, { url });
    article = { title: extracted.meta.title, text: extracted.body.text, wordCount: extracted.body.wordCount };
  } catch {
    article = null;
  }
  return classifyCapture({ status: 200, html, article, previousWordCount: null });
}

