/**
 * One failing detector, rule or stage step must not sink the page: its throw becomes a warning, always in the form
 * `<what> failed: <message on one line>` (docs/snapshot-format.md, `warnings`), and the caller goes on with a fallback.
 */
import { collapseWhitespace } from '../text/whitespace.js';

/** Runs `work`; when it throws, adds the warning "`what` failed: …" (once) and returns `fallback`. */
export function attempt<T>(warnings: string[], what: string, work: () => T, fallback: T): T {
  try {
    return work();
  } catch (error) {
    const warning = `${what} failed: ${collapseWhitespace(error instanceof Error ? error.message : String(error))}`;
    if (!warnings.includes(warning)) warnings.push(warning);
    return fallback;
  }
}
