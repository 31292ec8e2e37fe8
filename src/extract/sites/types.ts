/**
 * A site rule: where one site keeps its article body, written as data (src/extract/sites/<site>.ts). A page
 * that a rule applies to takes its body from the rule instead of from Readability; when the rule finds nothing
 * on the page (the site changed its markup), the page is read as if there were no rule.
 */
export interface SiteRule {
  /** A short name, for messages and tests. */
  name: string;
  /** The site's hosts; a rule for `reddit.com` also applies to `www.reddit.com`. */
  hosts: readonly string[];
  /**
   * A selector that only this site's pages match, tested on the page's `<head>`: finds the site's pages by
   * what they say of themselves when they are read from another address (a saved copy, a mirror, a local
   * server) and their canonical URL does not name the site either.
   */
  detect?: string;
  /**
   * The article body, in order of preference: the first selector whose matches hold any text or media once
   * `remove` is applied is the body (all its matches, in page order).
   */
  body: readonly string[];
  /** The site's chrome inside the body: removed from it. */
  remove?: readonly string[];
  /** The author's name on the page, for when the page's metadata names none. */
  authors?: string;
}
