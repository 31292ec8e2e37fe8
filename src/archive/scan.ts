import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { SITES_DIR } from './format.js';

/** One entry found under sites/: a snapshot folder, or something that does not belong there. */
export type ScanEntry =
  | { kind: 'snapshot'; site: string; page: string; id: string; relDir: string }
  | { kind: 'page'; site: string; page: string; relDir: string; entries: Dirent[] }
  | { kind: 'foreign'; relPath: string; what: string };

function listDir(path: string): Dirent[] {
  try {
    return readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

/** Hidden entries (.lock, .gitkeep, editor files) are not part of the archive's content. */
const hidden = (entry: Dirent): boolean => entry.name.startsWith('.');

/**
 * Walks sites/<site>/<page>/<snapshot-id>/ synchronously, in name order. Readers use the snapshot folders;
 * verify also reports the foreign entries. Page folders are yielded before their snapshots.
 */
export function* scanSites(root: string): Generator<ScanEntry> {
  const sitesDir = join(root, SITES_DIR);
  for (const site of listDir(sitesDir)) {
    if (hidden(site)) continue;
    if (!site.isDirectory()) {
      yield { kind: 'foreign', relPath: `${SITES_DIR}/${site.name}`, what: 'a file where a site folder belongs' };
      continue;
    }
    for (const page of listDir(join(sitesDir, site.name))) {
      if (hidden(page)) continue;
      const pageRel = `${SITES_DIR}/${site.name}/${page.name}`;
      if (!page.isDirectory()) {
        yield { kind: 'foreign', relPath: pageRel, what: 'a file where a page folder belongs' };
        continue;
      }
      const entries = listDir(join(sitesDir, site.name, page.name));
      yield { kind: 'page', site: site.name, page: page.name, relDir: pageRel, entries };
      for (const entry of entries) {
        if (hidden(entry) || !entry.isDirectory()) continue;
        yield { kind: 'snapshot', site: site.name, page: page.name, id: entry.name, relDir: `${pageRel}/${entry.name}` };
      }
    }
  }
}
