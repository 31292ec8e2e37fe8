import { ChronicleError, toChronicleError } from '../src/errors.js';
import { exitCodeFor, EXIT } from '../src/cli/exit-codes.js';

describe('errors', () => {
  it('keeps a stable code and the cause', () => {
    const cause = new Error('socket hang up');
    const error = new ChronicleError('E_NETWORK', 'connection failed', { cause, url: 'http://x/' });
    expect(error.code).toBe('E_NETWORK');
    expect(error.cause).toBe(cause);
    expect(error.url).toBe('http://x/');
  });

  it('wraps unknown throws as E_INTERNAL', () => {
    expect(toChronicleError(new TypeError('boom')).code).toBe('E_INTERNAL');
    expect(toChronicleError('text').message).toBe('text');
  });

  it.each([
    ['E_INVALID_URL', EXIT.USAGE],
    ['E_NETWORK', EXIT.NETWORK],
    ['E_FETCH_TIMEOUT', EXIT.NETWORK],
    ['E_HTTP_STATUS', EXIT.HTTP_STATUS],
    ['E_NOT_HTML', EXIT.NO_ARTICLE],
    ['E_NO_ARTICLE', EXIT.NO_ARTICLE],
    ['E_ARCHIVE', EXIT.ARCHIVE],
    ['E_INTERNAL', EXIT.INTERNAL],
    ['E_SOURCE', 10],
    ['E_RENDER', EXIT.NETWORK],
  ] as const)('maps %s to exit %i', (code, exit) => {
    expect(exitCodeFor(code)).toBe(exit);
  });
});
