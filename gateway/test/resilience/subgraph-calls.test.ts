import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import fetch from 'node-fetch';
import type { Fetcher } from '@apollo/utils.fetcher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformRegistry } from '@cip/platform';
import { guardedFetcher, SubgraphCallError, SubgraphGuard } from '../../src/subgraph-calls';

/** Issue 13.4: the circuit breaker stops calling a failing subgraph, and lets it back in once it recovers. */
let healthy = false;
let calls = 0;
const server = createServer((_req, res) => {
  calls++;
  if (healthy) res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"ok":true}}');
  else res.writeHead(503).end();
});
let url = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const settings = { timeoutMs: 5_000, maxConcurrency: 10, retries: 0, retryBaseMs: 1, breakerErrorPercent: 50, breakerVolume: 3, breakerResetMs: 300 };
const query = { method: 'POST', body: JSON.stringify({ query: '{ ok }' }) };

describe('the circuit breaker of one subgraph', () => {
  it('opens after enough failures, refusing without calling, and closes once a trial call succeeds', async () => {
    const guard = new SubgraphGuard('vehicles', settings);
    const { breaker } = guard;
    const fetcher = guardedFetcher(guard, fetch as unknown as Fetcher);
    for (let i = 0; i < 3; i++) await expect(fetcher(url, query)).rejects.toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE' });
    expect(breaker.opened).toBe(true);
    expect(await platformRegistry.getSingleMetricAsString('cip_subgraph_breaker_state')).toMatch(/cip_subgraph_breaker_state\{subgraph="vehicles"\} 2/);
    const before = calls;
    const refused = await fetcher(url, query).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SubgraphCallError);
    expect((refused as SubgraphCallError).message).toMatch(/vehicles service is failing/);
    expect(calls).toBe(before);

    healthy = true;
    await expect.poll(() => breaker.halfOpen, { timeout: 20_000 }).toBe(true);
    expect((await fetcher(url, query)).status).toBe(200);
    expect(breaker.closed).toBe(true);
    expect(await platformRegistry.getSingleMetricAsString('cip_subgraph_breaker_state')).toMatch(/cip_subgraph_breaker_state\{subgraph="vehicles"\} 0/);
  });

  it('retries a read that met 503 and never a write', async () => {
    healthy = false;
    const fetcher = guardedFetcher(new SubgraphGuard('vehicles', { ...settings, retries: 2, breakerVolume: 1_000 }), fetch as unknown as Fetcher);
    calls = 0;
    await expect(fetcher(url, query)).rejects.toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE' });
    expect(calls).toBe(3);
    calls = 0;
    await expect(fetcher(url, { method: 'POST', body: JSON.stringify({ query: 'mutation { go }' }) })).rejects.toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE' });
    expect(calls).toBe(1);
  });
});

describe('the timeout of one subgraph call', () => {
  it('is the whole answer’s: a budget spent while the body is still arriving fails the call with SUBGRAPH_TIMEOUT, not an aborted read', async () => {
    const sockets = new Set<Socket>();
    const stalling = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data":');
    });
    stalling.on('connection', (socket) => sockets.add(socket));
    await new Promise<void>((resolve) => stalling.listen(0, '127.0.0.1', resolve));
    try {
      const fetcher = guardedFetcher(new SubgraphGuard('analytics', { ...settings, timeoutMs: 200 }), fetch as unknown as Fetcher);
      const read = fetcher(`http://127.0.0.1:${(stalling.address() as AddressInfo).port}/graphql`, { method: 'POST', body: JSON.stringify({ query: 'mutation { go }' }) }).then((response) => response.text());
      await expect(read).rejects.toMatchObject({ code: 'SUBGRAPH_TIMEOUT', message: 'The analytics service did not answer in time.' });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => stalling.close(() => resolve()));
    }
  });
});
