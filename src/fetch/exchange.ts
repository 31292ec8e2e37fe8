import type { IncomingHttpHeaders } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { HttpExchange } from '../types.js';

/** The request headers Chronicle sends, in the order sent. */
export function requestHeadersFor(userAgent: string): Array<[string, string]> {
  return [
    ['user-agent', userAgent],
    ['accept', 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5'],
    ['accept-encoding', 'gzip, deflate, br'],
  ];
}

/**
 * The exchange of one hop as Chronicle can see it through undici's `request`: the request line and headers it sent
 * (plus the Host and Connection undici adds), and every response header received, in the order undici hands them
 * (names lower-cased, repeated headers kept one per line) with the reason phrase. undici does not give the HTTP
 * version of the response: HTTP/1.1 (its protocol unless HTTP/2 is enabled, which Chronicle does not) stands in.
 */
export function exchangeOf(
  url: string,
  sent: Array<[string, string]>,
  status: number,
  statusText: string | undefined,
  received: IncomingHttpHeaders,
): HttpExchange {
  const target = new URL(url);
  const headers: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(received)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.push([name, one]);
  }
  return {
    request: {
      method: 'GET',
      target: `${target.pathname}${target.search}`,
      httpVersion: 'HTTP/1.1',
      headers: [['host', target.host], ['connection', 'keep-alive'], ...sent],
    },
    response: { httpVersion: 'HTTP/1.1', status, statusText: statusText || (STATUS_CODES[status] ?? ''), headers },
    payload: 'decoded',
  };
}
