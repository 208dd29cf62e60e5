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

const settings = { timeoutMs: 5_000, maxConcurrency: 10, queueMs: 0, retries: 0, retryBaseMs: 1, breakerErrorPercent: 50, breakerVolume: 3, breakerResetMs: 300 };
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
    expect(await platformRegistry.getSingleMetricAsString('cip_subgraph_calls_refused_total')).toMatch(/cip_subgraph_calls_refused_total\{subgraph="vehicles",reason="breaker"\} 1$/m);

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

describe('the bulkhead of one subgraph', () => {
  /** Calls that stay in flight until `finish` is called, counting how many run at once. */
  function heldCalls() {
    const state = { running: 0, peak: 0, started: [] as number[] };
    const gates: (() => void)[] = [];
    const task = (id: number) => async () => {
      state.running++;
      state.peak = Math.max(state.peak, state.running);
      state.started.push(id);
      await new Promise<void>((resolve) => gates.push(resolve));
      state.running--;
      return id;
    };
    const finishOne = () => gates.shift()?.();
    return { state, task, finishOne, get held() { return gates.length; } };
  }
  const bulkhead = { ...settings, maxConcurrency: 2, breakerVolume: 3, breakerErrorPercent: 50 };

  it('without a queue time, refuses calls beyond its slots at once, and those refusals never open the breaker', async () => {
    const guard = new SubgraphGuard('inspections', bulkhead);
    const calls = heldCalls();
    const outcomes = Array.from({ length: 6 }, (_, i) => guard.call(calls.task(i)).then(String, (error: SubgraphCallError) => error.message));
    await expect.poll(() => calls.held).toBe(2);
    const metrics = await platformRegistry.metrics();
    expect(metrics).toMatch(/cip_subgraph_calls\{subgraph="inspections",state="in_flight"\} 2$/m);
    expect(metrics).toMatch(/cip_subgraph_calls_refused_total\{subgraph="inspections",reason="bulkhead"\} 4$/m);
    while (calls.held) calls.finishOne();
    expect(await Promise.all(outcomes)).toEqual(['0', '1', ...Array(4).fill('The inspections service has too many calls in flight; try again shortly.')]);
    expect(calls.state.peak).toBe(2);
    expect(guard.breaker.closed).toBe(true);
  });

  it('lets a call beyond its slots wait for one within its queue time, and refuses it once that is spent', async () => {
    const patient = new SubgraphGuard('shops', { ...bulkhead, maxConcurrency: 1, queueMs: 60_000 });
    const calls = heldCalls();
    const holding = patient.call(calls.task(0));
    const servedInTurn = patient.call(calls.task(1));
    await expect.poll(() => calls.held).toBe(1);
    expect(await platformRegistry.getSingleMetricAsString('cip_subgraph_calls')).toMatch(/cip_subgraph_calls\{subgraph="shops",state="waiting"\} 1$/m);
    calls.finishOne();
    await expect.poll(() => calls.state.started).toEqual([0, 1]);
    calls.finishOne();
    expect([await holding, await servedInTurn]).toEqual([0, 1]);

    const hurried = new SubgraphGuard('shops', { ...bulkhead, maxConcurrency: 1, queueMs: 50 });
    const held = hurried.call(calls.task(2));
    await expect.poll(() => calls.held).toBe(1);
    const refused = await hurried.call(calls.task(3)).catch((error: SubgraphCallError) => error);
    expect(refused).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', message: 'The shops service has too many calls in flight; try again shortly.' });
    calls.finishOne();
    expect(await held).toBe(2);
    expect(calls.state.started).toEqual([0, 1, 2]);
    expect(hurried.breaker.closed).toBe(true);
  });

  it('hands the slot of each call that ends to the longest waiter when the calls may wait, never running more than its slots', async () => {
    const guard = new SubgraphGuard('analytics', bulkhead);
    const calls = heldCalls();
    const outcomes = Array.from({ length: 6 }, (_, i) => guard.call(calls.task(i), { waitForSlot: true }));
    for (let finished = 0; finished < 6; finished++) {
      await expect.poll(() => calls.held).toBe(Math.min(2, 6 - finished));
      calls.finishOne();
    }
    expect(await Promise.all(outcomes)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(calls.state.started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(calls.state.peak).toBe(2);
  });

  it('refuses a waiting call once its budget is spent or its caller leaves, and gives the slot to the next', async () => {
    const guard = new SubgraphGuard('analytics', { ...bulkhead, maxConcurrency: 1, timeoutMs: 300 });
    const calls = heldCalls();
    const holding = guard.call(calls.task(0), { waitForSlot: true });
    const leaving = new AbortController();
    const left = guard.call(calls.task(1), { waitForSlot: true, signal: leaving.signal }).catch((error: SubgraphCallError) => error.code);
    const timedOut = guard.call(calls.task(2), { waitForSlot: true }).catch((error: SubgraphCallError) => error.code);
    leaving.abort();
    expect(await left).toBe('SUBGRAPH_UNAVAILABLE');
    expect(await timedOut).toBe('SUBGRAPH_UNAVAILABLE');
    const next = guard.call(async () => 'after', { waitForSlot: true });
    calls.finishOne();
    expect(await holding).toBe(0);
    expect(await next).toBe('after');
    expect(calls.state.started).toEqual([0]);
  });
});
