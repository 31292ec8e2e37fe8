import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SCREENSHOT_FILE } from '../../archive/format.js';
import type { Command } from 'commander';
import { openArchive, type FileArchive } from '../../archive/index.js';
import { diffSnapshots } from '../../diff/compare-snapshots.js';
import { renderHtml, type ReportScreenshots } from '../../diff/render-html.js';
import { renderTerminal } from '../../diff/render-terminal.js';
import { ChronicleError } from '../../errors.js';
import { normalizeUrl } from '../../normalize/url.js';
import type { Snapshot } from '../../types.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { useColour } from '../io.js';
import { ARCHIVE_DIR_HELP, resolveArchiveDir } from '../options.js';

interface DiffCommandOptions {
  json?: boolean;
  html?: string;
  archiveDir?: string;
}

export function registerDiff(program: Command, ctx: CommandContext): void {
  program
    .command('diff')
    .description('show what changed between two snapshots (exit 1 when they differ)')
    .argument('<a>', 'a snapshot id, or a URL: its latest two versions')
    .argument('[b]', 'a second snapshot id (default: the version before <a>)')
    .option('--json', 'machine-readable list of changes with old and new values')
    .option('--html <file>', 'also write a self-contained side-by-side HTML report to FILE')
    .option('--archive-dir <dir>', ARCHIVE_DIR_HELP)
    .action(async (a: string, b: string | undefined, options: DiffCommandOptions) => {
      const archive = await openArchive(resolveArchiveDir(ctx.io, options.archiveDir), { create: false, readOnly: true });
      let pair: [Snapshot, Snapshot];
      let screenshots: ReportScreenshots | null = null;
      try {
        pair = await resolvePair(archive, a, b);
        if (options.html !== undefined) screenshots = await screenshotsOf(archive, pair);
      } finally {
        archive.close();
      }
      const diff = diffSnapshots(pair[0], pair[1]);
      if (!diff.samePage) {
        ctx.io.stderr.write(`chronicle: note: ${a} and ${b ?? ''} are snapshots of different pages (${diff.from.url} and ${diff.to.url})\n`);
      }
      if (options.html !== undefined) {
        const target = resolve(ctx.io.cwd, options.html);
        try {
          await writeFile(target, renderHtml(diff, screenshots));
        } catch (cause) {
          throw new ChronicleError('E_USAGE', `cannot write ${target}: ${(cause as Error).message}`, { cause });
        }
      }
      ctx.io.stdout.write(options.json === true ? `${JSON.stringify(diff)}\n` : renderTerminal(diff, { colour: useColour(ctx.io, 'stdout') }));
      ctx.setExit(diff.changed ? EXIT.CHANGED : EXIT.OK);
    });
}

function isUrl(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
}

/** E_NOT_FOUND for an unknown id, E_ARCHIVE naming a damaged one. */
async function getSnapshot(archive: FileArchive, id: string): Promise<Snapshot> {
  if ((await archive.dirOf(id)) === null) throw new ChronicleError('E_NOT_FOUND', `no snapshot with id ${id} in ${archive.root}`);
  return archive.load(id);
}

/** Older first: (a, b) as given; a URL → its latest two versions; an id alone → its previous version and it. */
async function resolvePair(archive: FileArchive, a: string, b: string | undefined): Promise<[Snapshot, Snapshot]> {
  if (isUrl(a)) {
    if (b !== undefined) throw new ChronicleError('E_USAGE', 'diff takes a URL alone, or two snapshot ids');
    const url = normalizeUrl(a);
    const versions = await archive.versions(url);
    if (versions.length < 2) {
      throw new ChronicleError('E_NOT_FOUND', `${url} has ${versions.length} version${versions.length === 1 ? '' : 's'} in the archive; diff needs two`, { url });
    }
    return [await getSnapshot(archive, versions.at(-2)!.id), await getSnapshot(archive, versions.at(-1)!.id)];
  }
  if (b !== undefined) {
    if (isUrl(b)) throw new ChronicleError('E_USAGE', 'diff takes a URL alone, or two snapshot ids');
    return [await getSnapshot(archive, a), await getSnapshot(archive, b)];
  }
  const newer = await getSnapshot(archive, a);
  const versions = await archive.versions(newer.url);
  const index = versions.findIndex((version) => version.id === newer.id);
  if (index < 1) throw new ChronicleError('E_NOT_FOUND', `snapshot ${a} is the first version of ${newer.url}; give a second id`, { url: newer.url });
  return [await getSnapshot(archive, versions[index - 1]!.id), newer];
}

/** Both versions' screenshot.png for the HTML report, each checked against its recorded sha256; null unless both have one. */
async function screenshotsOf(archive: FileArchive, pair: [Snapshot, Snapshot]): Promise<ReportScreenshots | null> {
  const [before, after] = await Promise.all(pair.map((snapshot) => readScreenshot(archive, snapshot)));
  return before && after ? { before, after } : null;
}

async function readScreenshot(archive: FileArchive, snapshot: Snapshot): Promise<Uint8Array | null> {
  if (!snapshot.render?.screenshot) return null;
  // Verified against manifest.json like every archived file a command serves (E_ARCHIVE when it does not match).
  return archive.readFile(snapshot.id, SCREENSHOT_FILE);
}
