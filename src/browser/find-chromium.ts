import { accessSync, constants, statSync } from 'node:fs';
import { ChronicleError } from '../errors.js';

/** Where Chromium is installed by Debian/Ubuntu (`chromium`, `chromium-browser`), snap, and on macOS. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

const INSTALL_HINT = 'install Debian/Ubuntu\'s chromium package (apt-get install chromium; macOS: brew install --cask chromium), or set CHRONICLE_CHROMIUM=/path/to/chromium';

/**
 * The Chromium executable a render uses: `override` (CHRONICLE_CHROMIUM) when given — and then only that
 * path, never a silent fall-back to another browser — else the first installed candidate. Throws E_USAGE
 * (exit 2) naming the package to install and the variable.
 */
export function findChromium(override: string | undefined, candidates: readonly string[] = CHROMIUM_CANDIDATES): string {
  if (override !== undefined && override !== '') {
    if (isExecutableFile(override)) return override;
    throw new ChronicleError('E_USAGE', `CHRONICLE_CHROMIUM=${override} is not an executable file: ${INSTALL_HINT}`);
  }
  const found = candidates.find(isExecutableFile);
  if (found !== undefined) return found;
  throw new ChronicleError('E_USAGE', `--render/--screenshot need Chromium, not found at ${candidates.join(', ')}: ${INSTALL_HINT}`);
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
