import { createHash } from 'node:crypto';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { AssetInput } from '../archive/types.js';
import { blobRelPath } from '../archive/layout.js';
import { toChronicleError } from '../errors.js';
import type { BuiltSnapshot } from '../pipeline/build-snapshot.js';
import { renderArticlePage } from '../render/article-page.js';
import { imageUrls } from './image-choice.js';

/** Fetches one image with the run's politeness and limits; resolves null (or throws) when it is not kept. */
export type ImageFetcher = (url: string) => Promise<{ bytes: Uint8Array; contentType: string | null }>;

/** At most this many images are kept per page (a gallery page is not the article's pictures). */
export const MAX_ASSETS_PER_PAGE = 40;

/** From a snapshot folder (sites/<site>/<page>/<id>/) up to the archive root, where blobs/ lives. */
const SNAPSHOT_TO_ROOT = '../../../../';

/** The href article.html uses for a kept asset: a relative link into blobs/ (works from disk and over HTTP). */
export function assetHref(sha256: string): string {
  return `${SNAPSHOT_TO_ROOT}${blobRelPath(sha256)}`;
}

/** Each <img> of body.html: the URLs it may show, preferred first (the shown srcset candidate, then src). */
export function bodyImageCandidates(bodyHtml: string, pageUrl: string): string[][] {
  const document = parseDocument(bodyHtml);
  return DomUtils.findAll((element) => element.name === 'img', document.children)
    .map((img) => imageUrls(img.attribs, pageUrl))
    .filter((urls) => urls.length > 0);
}

function isImageType(contentType: string | null): boolean {
  return contentType !== null && /^\s*image\//i.test(contentType);
}

/**
 * Fetches the pictures body.html shows (one at a time, through `fetchImage`: the run's agent, limits and
 * User-Agent), keeps those served as image/*, and re-renders article.html to show them from the archive.
 * An image that cannot be had stays its alt-text placeholder and is named in the snapshot's warnings.
 */
export async function withAssets(built: BuiltSnapshot, fetchImage: ImageFetcher): Promise<BuiltSnapshot> {
  const { snapshot } = built;
  const assets: AssetInput[] = [];
  const localImages = new Map<string, string>();
  const tried = new Set<string>();
  for (const candidates of bodyImageCandidates(snapshot.body.html, snapshot.finalUrl).slice(0, MAX_ASSETS_PER_PAGE)) {
    if (candidates.some((url) => localImages.has(url))) continue;
    let lastProblem: string | null = null;
    for (const url of candidates) {
      if (tried.has(url)) continue;
      tried.add(url);
      try {
        const image = await fetchImage(url);
        if (!isImageType(image.contentType)) {
          lastProblem = `${url} is ${image.contentType ?? 'untyped'}, not an image`;
          continue;
        }
        const sha256 = createHash('sha256').update(image.bytes).digest('hex');
        assets.push({ url, contentType: image.contentType, sha256, bytes: image.bytes });
        localImages.set(url, assetHref(sha256));
        lastProblem = null;
        break;
      } catch (error) {
        const failure = toChronicleError(error);
        lastProblem = `${url} (${failure.code})`;
      }
    }
    if (lastProblem !== null) snapshot.warnings.push(`asset not kept: ${lastProblem}`);
  }
  return { ...built, articleHtml: renderArticlePage(snapshot, { localImages }), assets };
}
