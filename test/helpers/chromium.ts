import { existsSync } from 'node:fs';
import { describe } from '@jest/globals';
import { CHROMIUM_CANDIDATES } from '../../src/browser/find-chromium.js';

/** Debian's chromium (or another candidate): the browser tests skip, saying so, when none is installed. */
export const chromiumPath = CHROMIUM_CANDIDATES.find((path) => existsSync(path)) ?? null;

export function describeWithChromium(name: string): typeof describe | typeof describe.skip {
  if (chromiumPath === null) {
    process.stderr.write(`SKIPPED ${name}: Chromium not found (run .ci/install-debian-tool.sh chromium to install Debian's chromium)\n`);
    return describe.skip;
  }
  return describe;
}
