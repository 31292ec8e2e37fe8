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
      return EXIT.NETWORK;
    case 'E_HTTP_STATUS':
      return EXIT.HTTP_STATUS;
    case 'E_NOT_HTML':
    case 'E_NO_ARTICLE':
    case 'E_EXTRACT_LIMIT':
      return EXIT.NO_ARTICLE;
    case 'E_ARCHIVE':
    case 'E_NOT_FOUND':
      return EXIT.ARCHIVE;
    case 'E_INTERRUPTED':
      return EXIT.INTERRUPTED;
    case 'E_INTERNAL':
      return EXIT.INTERNAL;
  }
}
