import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { subgraphNames, type SubgraphName } from '@cip/platform';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { addCustomer, must, signUp, type SeededOrg } from '../support/seed';

const exporter = new InMemorySpanExporter();
const today = new Date().toISOString().slice(0, 10);
const tracedQuery = `query TracedShops {
  shops {
    name
    inspections(first: 5) { nodes { id vehicle { make } } }
    metrics(range: { from: "${today}", to: "${today}" }) { totals { inspectionsStarted } }
    programs { id }
  }
}`;
const expectedSubgraphs: SubgraphName[] = ['shops', 'inspections', 'vehicles', 'partners', 'analytics'];
let platform: TestPlatform;
let org: SeededOrg;

beforeAll(async () => {
  platform = await startTestPlatform({ exporter });
  org = await signUp(platform, 'Traced Tires');
  const customerId = await addCustomer(platform, org.ownerToken, org.shopId);
  const vehicle = must(
    await platform.execute(
      `mutation($shopId: ID!, $customerId: ID!) { addVehicle(shopId: $shopId, customerId: $customerId, vin: "1HGCM82633A004352") { id } }`,
      { shopId: org.shopId, customerId },
      { token: org.ownerToken },
    ),
  );
  must(
    await platform.execute(
      `mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`,
      { input: { shopId: org.shopId, customerId, vehicleId: vehicle.addVehicle.id } },
      { token: org.ownerToken },
    ),
  );
});
afterAll(() => platform?.close());

describe('distributed tracing', () => {
  it('puts the gateway span and the span of every subgraph it called in one trace', async () => {
    exporter.reset();
    const result = await platform.execute(tracedQuery, {}, { token: org.ownerToken });
    expect(result.errors).toBeUndefined();
    // Spans are exported as they end, after the response: wait until the request's and each of its fetches' children have.
    const spans = await vi.waitFor(
      () => {
        const finished = exporter.getFinishedSpans();
        const request = finished.find((s) => s.name === 'gateway.request');
        const fetches = finished.filter((s) => s.name === 'gateway.fetch' && s.spanContext().traceId === request?.spanContext().traceId);
        if (!request || fetches.length === 0 || fetches.some((f) => !finished.some((s) => s.parentSpanId === f.spanContext().spanId))) throw new Error('the trace has not finished');
        return finished;
      },
      { timeout: 20_000, interval: 50 },
    );
    const request = spans.find((s) => s.name === 'gateway.request');
    expect(request).toBeDefined();
    const traceId = request!.spanContext().traceId;
    const fetches = spans.filter((s) => s.name === 'gateway.fetch' && s.spanContext().traceId === traceId);
    expect(fetches.length).toBeGreaterThan(0);
    const subgraphSpans = spans.filter((s) => subgraphNames.includes(s.instrumentationLibrary.name as SubgraphName));
    for (const fetch of fetches) {
      const children = subgraphSpans.filter((s) => s.parentSpanId === fetch.spanContext().spanId);
      expect(children, 'each subgraph call continues the trace').toHaveLength(1);
      expect(children[0].spanContext().traceId).toBe(traceId);
    }
    const called = new Set(subgraphSpans.filter((s) => s.spanContext().traceId === traceId).map((s) => s.instrumentationLibrary.name));
    expect([...called].sort()).toEqual(expectedSubgraphs.filter((name) => platform.subgraphs[name]).sort());
  });
});
