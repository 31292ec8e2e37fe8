/**
 * The body-accuracy score of trafilatura's evaluation (../shared/corpus/trafilatura-dev/README.md): per page,
 * snippets the article must contain (`with`) and must not contain (`without`), found as substrings of the
 * output once both are normalised (every run of white space one space, trimmed; case kept, no Unicode
 * normalisation). Counts are summed over pages (micro average).
 */
import { TextDecoder } from '@exodus/bytes/encoding.js';

export interface Counts {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
}

export interface Scores {
  precision: number;
  recall: number;
  f: number;
}

export interface PageJudgement {
  with: string[];
  without: string[];
}

export interface PageScore extends Counts {
  /** `with` snippets not found. */
  missed: string[];
  /** `without` snippets found. */
  kept: string[];
}

/** Every run of white space one space, then trimmed (trafilatura's evaluation; case kept, no NFC). */
export function normaliseSnippet(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Scores one page's output; `null` (an error, nothing extracted) counts every `with` as fn and every `without` as tn. */
export function scorePage(output: string | null, judgement: PageJudgement): PageScore {
  const text = output === null ? null : normaliseSnippet(output);
  const found = (snippet: string): boolean => text !== null && text.includes(normaliseSnippet(snippet));
  const missed = judgement.with.filter((snippet) => !found(snippet));
  const kept = judgement.without.filter(found);
  return {
    tp: judgement.with.length - missed.length,
    fn: missed.length,
    fp: kept.length,
    tn: judgement.without.length - kept.length,
    missed,
    kept,
  };
}

export function addCounts(total: Counts, page: Counts): void {
  total.tp += page.tp;
  total.fn += page.fn;
  total.fp += page.fp;
  total.tn += page.tn;
}

export function scores(counts: Counts): Scores {
  const { tp, fn, fp } = counts;
  return {
    precision: tp + fp === 0 ? 0 : tp / (tp + fp),
    recall: tp + fn === 0 ? 0 : tp / (tp + fn),
    f: 2 * tp + fp + fn === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn),
  };
}

/** The page URL to extract a key as: the key when it is an http(s) URL, else https://example.invalid/ (`hard::…`, `xhttps://…`). */
export function pageUrlForKey(key: string): string {
  if (/^https?:\/\//i.test(key)) {
    try {
      return new URL(key).toString();
    } catch {
      // not a URL after all
    }
  }
  return 'https://example.invalid/';
}

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w:.-]+)/i;

/**
 * Decodes a saved page as the corpus README says a browser would: BOM, then `<meta charset>` (also past the first
 * 1024 bytes), then UTF-8 when the bytes are valid UTF-8, else windows-1252. For the plain-Readability baseline,
 * which takes a string; Chronicle is handed the bytes and decodes them itself.
 */
export function decodeAsBrowser(bytes: Uint8Array): { text: string; charset: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeWith('utf-8', bytes.subarray(3));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes.subarray(2));
  const ascii = new TextDecoder('windows-1252').decode(bytes);
  const declared = META_CHARSET.exec(ascii)?.[1];
  if (declared !== undefined) {
    try {
      return decodeWith(declared, bytes);
    } catch {
      // an encoding label nobody knows: go on as if none were declared
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'UTF-8' };
  } catch {
    return decodeWith('windows-1252', bytes);
  }
}

function decodeWith(label: string, bytes: Uint8Array): { text: string; charset: string } {
  const decoder = new TextDecoder(label);
  return { text: decoder.decode(bytes), charset: decoder.encoding };
}
