import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ChronicleError } from '../../src/errors.js';
import { createHttpAgent } from '../../src/fetch/http-agent.js';
import { RobotsCache } from '../../src/fetch/robots.js';
import { startFaultHost, type FaultHost } from '../helpers/fault-server.js';

const agent = createHttpAgent({ timeoutMs: 2000 });
let host: FaultHost;
let other: FaultHost;

beforeAll(async () => {
  host = await startFaultHost();
  other = await startFaultHost();
  host.robots = 'User-agent: *\nDisallow: /private/\n\nUser-agent: chronicle\nDisallow: /no-chronicle/\n';
});
afterAll(async () => {
  await agent.destroy();
  await host.close();
  await other.close();
});

describe('RobotsCache', () => {
  it('applies the rules for our product token, fetching robots.txt once per host', async () => {
    const robots = new RobotsCache({ dispatcher: agent, timeoutMs: 1000, retries: 0 });
    expect(await robots.isAllowed(host.url('/ok/a'))).toBe(true);
    expect(await robots.isAllowed(host.url('/no-chronicle/x'))).toBe(false);
    // The chronicle group replaces the * group for us.
    expect(await robots.isAllowed(host.url('/private/x'))).toBe(true);
    await Promise.all([robots.isAllowed(host.url('/ok/b')), robots.isAllowed(host.url('/ok/c'))]);
    expect(host.hits.get('/robots.txt')).toBe(1);
  });

  it('throws E_ROBOTS from assertAllowed', async () => {
    const robots = new RobotsCache({ dispatcher: agent, timeoutMs: 1000, retries: 0 });
    await expect(robots.assertAllowed(host.url('/no-chronicle/y'))).rejects.toMatchObject({ code: 'E_ROBOTS' });
    await expect(robots.assertAllowed(host.url('/ok/y'))).resolves.toBeUndefined();
  });

  it('allows everything when robots.txt is missing (404)', async () => {
    const robots = new RobotsCache({ dispatcher: agent, timeoutMs: 1000, retries: 0 });
    expect(await robots.isAllowed(other.url('/anything'))).toBe(true);
  });

  it('disallows everything when robots.txt is unreachable', async () => {
    const gone = await startFaultHost();
    const url = gone.url('/ok/x');
    await gone.close();
    const robots = new RobotsCache({ dispatcher: agent, timeoutMs: 1000, retries: 0 });
    expect(await robots.isAllowed(url)).toBe(false);
    const error = await robots.assertAllowed(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChronicleError);
    expect((error as ChronicleError).code).toBe('E_ROBOTS');
  });
});
