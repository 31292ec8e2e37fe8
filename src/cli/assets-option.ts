import type { Command } from 'commander';
import { withAssets } from '../assets/fetch-assets.js';
import { fetchPage } from '../fetch/fetch-page.js';
import type { FetchOptions } from '../fetch/types.js';
import type { BuiltSnapshot } from '../pipeline/build-snapshot.js';
import type { Capture } from '../types.js';

export const ASSETS_HELP = "also keep the article's images (the srcset candidate shown), stored once in the archive and shown by article.html offline";

export function addAssetsOption(command: Command): Command {
  return command.option('--assets', ASSETS_HELP);
}

/** The extract step of a batch job, followed with --assets by fetching the article's images with the same fetch options. */
export function extractWithAssets(
  build: (capture: Capture, signal: AbortSignal) => Promise<BuiltSnapshot>,
  assets: boolean | undefined,
  fetchOptions: FetchOptions,
): (capture: Capture, signal: AbortSignal) => Promise<BuiltSnapshot> {
  if (!assets) return build;
  const fetchImage = async (url: string): Promise<{ bytes: Uint8Array; contentType: string | null }> => {
    const capture = await fetchPage(url, { ...fetchOptions, allowNonHtml: true });
    return { bytes: capture.body, contentType: capture.contentType };
  };
  return async (capture, signal) => withAssets(await build(capture, signal), fetchImage);
}
