/**
 * Which picture an <img> shows, decided once for both the asset fetcher (what to keep) and article.html (what to
 * point at): the srcset candidate a browser picks for a one-column reading page at 1x, then src.
 */

/** The width article.html lays images out at (42rem at 16px). */
export const READING_WIDTH_PX = 672;

interface Candidate {
  url: string;
  /** Width in px for a "w" descriptor, or density × 1,000,000 for an "x" descriptor (none = 1x). */
  width: number | null;
  density: number | null;
}

/** Parses a srcset into its candidates (URLs may contain commas: candidates are split on comma + space). */
export function srcsetCandidates(srcset: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const part of srcset.split(/,\s+/)) {
    const [rawUrl, descriptor] = part.trim().split(/\s+/);
    if (rawUrl === undefined || rawUrl === '') continue;
    const url = rawUrl.replace(/,$/, '');
    const match = /^(\d+(?:\.\d+)?)([wx])$/i.exec(descriptor ?? '');
    if (match && match[2]!.toLowerCase() === 'w') candidates.push({ url, width: Number(match[1]), density: null });
    else candidates.push({ url, width: null, density: match ? Number(match[1]) : 1 });
  }
  return candidates;
}

/** The srcset candidate shown at READING_WIDTH_PX and 1x: the narrowest "w" at least that wide (else the widest), or "1x". */
export function shownSrcsetCandidate(srcset: string | undefined): string | null {
  if (srcset === undefined || srcset.trim() === '') return null;
  const candidates = srcsetCandidates(srcset);
  const widths = candidates.filter((candidate) => candidate.width !== null).sort((a, b) => a.width! - b.width!);
  if (widths.length > 0) return (widths.find((candidate) => candidate.width! >= READING_WIDTH_PX) ?? widths[widths.length - 1]!).url;
  const densities = candidates.filter((candidate) => candidate.density !== null).sort((a, b) => a.density! - b.density!);
  return (densities.find((candidate) => candidate.density! >= 1) ?? densities[densities.length - 1])?.url ?? null;
}

/** The absolute http(s) URLs an <img> may show, preferred first (shown srcset candidate, then src). */
export function imageUrls(attributes: Record<string, string | undefined>, baseUrl: string): string[] {
  const urls: string[] = [];
  for (const candidate of [shownSrcsetCandidate(attributes.srcset), attributes.src ?? null]) {
    if (candidate === null || candidate.trim() === '') continue;
    const absolute = absoluteHttpUrl(candidate.trim(), baseUrl);
    if (absolute !== null && !urls.includes(absolute)) urls.push(absolute);
  }
  return urls;
}

export function absoluteHttpUrl(value: string, baseUrl: string): string | null {
  try {
    const url = new URL(value, baseUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}
