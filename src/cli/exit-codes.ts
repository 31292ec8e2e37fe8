import type { ErrorCode } from '../errors.js';

/** Documented in README.md ("Exit codes"). Only src/cli uses these. */
export const EXIT = {
  OK: 0,
  CHANGED: 1,
  USAGE: 2,
  NETWORK: 3,
  HTTP_STATUS: 4,
  NO_ARTICLE: 5,
  ARCHIVE: 6,
  PARTIAL: 7,
  /** check/archive: the capture was a wall, a challenge, an error page, a teaser or truncated (issue 24). */
  FAILED_CAPTURE: 8,
  /** check: the article was taken down (404/410, or redirected to a home page or section front) (issue 24). */
  TAKEN_DOWN: 9,
  /** A --feed/--sitemap source failed (the other sources still ran). */
  SOURCE_FAILED: 10,
  INTERNAL: 70,
  INTERRUPTED: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export function exitCodeFor(code: ErrorCode): ExitCode {
  switch (code) {
    case 'E_USAGE':
    case 'E_INVALID_URL':
      return EXIT.USAGE;
    case 'E_FETCH_TIMEOUT':
    case 'E_NETWORK':
    case 'E_TOO_LARGE':
    case 'E_REDIRECT_LOOP':
    case 'E_TOO_MANY_REDIRECTS':
    case 'E_ROBOTS':
    case 'E_RENDER':
      return EXIT.NETWORK;
    case 'E_HTTP_STATUS':
      return EXIT.HTTP_STATUS;
    case 'E_NOT_HTML':
    case 'E_NO_ARTICLE':
    case 'E_EXTRACT_LIMIT':
      return EXIT.NO_ARTICLE;
    case 'E_FAILED_CAPTURE':
      return EXIT.FAILED_CAPTURE;
    case 'E_ARCHIVE':
    case 'E_NOT_FOUND':
      return EXIT.ARCHIVE;
    case 'E_INTERRUPTED':
      return EXIT.INTERRUPTED;
    case 'E_INTERNAL':
      return EXIT.INTERNAL;
    case 'E_WARC_DAMAGED':
      return EXIT.PARTIAL;
    case 'E_SOURCE':
      return EXIT.SOURCE_FAILED;
  }
}
