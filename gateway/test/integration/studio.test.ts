import { createServer, type Server } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { Report } from '@apollo/usage-reporting-protobuf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@cip/platform';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { signUp } from '../support/seed';

interface ReceivedReport {
  path: string;
  apiKey: string | undefined;
  report: Report;
}

let studio: Server;
let studioUrl: string;
const received: ReceivedReport[] = [];

beforeAll(async () => {
  studio = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const raw = req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body;
      received.push({ path: req.url ?? '', apiKey: req.headers['x-api-key'] as string | undefined, report: Report.decode(raw) });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => studio.listen(0, '127.0.0.1', resolve));
  const address = studio.address() as { port: number };
  studioUrl = `http://127.0.0.1:${address.port}`;
});
afterAll(() => new Promise<void>((resolve) => studio.close(() => resolve())));

async function until(done: () => boolean) {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
}

const reports = (operation: string) => received.filter((r) => Object.keys(r.report.tracesPerQuery).some((k) => k.includes(operation)));

describe('Apollo Studio usage reporting', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({
      only: ['shops'],
      configOverrides: { APOLLO_KEY: 'service:cip-test:secret', APOLLO_GRAPH_REF: 'cip-test@current', APOLLO_USAGE_REPORTING_URL: studioUrl },
    });
  });
  afterAll(() => platform?.close());

  it('sends a usage report naming the operation and the client to the configured endpoint', async () => {
    const org = await signUp(platform, 'Studio Auto');
    const result = await platform.execute(`query StudioShops { shops { id name } }`, {}, {
      token: org.ownerToken,
      headers: { 'apollographql-client-name': 'shop-web', 'apollographql-client-version': '4.2.0' },
    });
    expect(result.errors).toBeUndefined();
    await until(() => received.some((r) => Object.keys(r.report.tracesPerQuery).some((k) => k.includes('StudioShops'))));

    const report = received.find((r) => Object.keys(r.report.tracesPerQuery).some((k) => k.includes('StudioShops')));
    expect(report).toBeDefined();
    expect(report!.path).toBe('/api/ingress/traces');
    expect(report!.apiKey).toBe('service:cip-test:secret');
    expect(report!.report.header?.graphRef).toBe('cip-test@current');
    const [signature, stats] = Object.entries(report!.report.tracesPerQuery).find(([k]) => k.includes('StudioShops'))!;
    expect(signature).toMatch(/query StudioShops/);
    const clients = [
      ...(stats.trace ?? []).map((t) => typeof t === 'object' && 'clientName' in t! ? `${t.clientName}@${t.clientVersion}` : ''),
      ...((stats.statsWithContext ?? []) as { context?: { clientName?: string; clientVersion?: string } }[]).map((s) => `${s.context?.clientName}@${s.context?.clientVersion}`),
    ];
    expect(clients).toContain('shop-web@4.2.0');
  });

  it('sends nothing anywhere without APOLLO_KEY and APOLLO_GRAPH_REF', async () => {
    const quiet = await startTestPlatform({ only: ['shops'], configOverrides: { APOLLO_USAGE_REPORTING_URL: studioUrl } });
    try {
      await quiet.execute(`query QuietGatewayShops { shops { id } }`);
      // The reporting gateway's report of a later query, sent the same way to the same endpoint, arrives
      // after the one the quiet gateway would have sent.
      await platform.execute(`query ReportedAfterQuiet { shops { id } }`);
      await until(() => reports('ReportedAfterQuiet').length > 0);
      expect(reports('ReportedAfterQuiet')).toHaveLength(1);
      expect(reports('QuietGatewayShops')).toEqual([]);
      expect(received.every((r) => r.apiKey === 'service:cip-test:secret')).toBe(true);
    } finally {
      await quiet.close();
    }
  });
});

type TraceNode = { responseName?: string | null; parentType?: string | null; startTime?: number | Long | null; endTime?: number | Long | null; child?: TraceNode[] | null };
type Long = { toNumber(): number };

/** Every field node, with its timing, of the subgraph fetches in the traces of a report. */
function subgraphFieldTimings(report: Report, operation: string) {
  const found: { service: string; field: string; durationNs: number }[] = [];
  const walk = (service: string, node: TraceNode | null | undefined) => {
    if (!node) return;
    if (node.responseName && node.parentType && node.endTime != null) {
      const ns = (value: number | Long | null | undefined) => (typeof value === 'number' ? value : (value?.toNumber() ?? 0));
      found.push({ service, field: `${node.parentType}.${node.responseName}`, durationNs: ns(node.endTime) - ns(node.startTime) });
    }
    for (const child of node.child ?? []) walk(service, child);
  };
  const plan = (node: any): void => {
    if (!node) return;
    if (node.fetch) walk(node.fetch.serviceName, node.fetch.trace?.root);
    for (const child of [...(node.sequence?.nodes ?? []), ...(node.parallel?.nodes ?? [])]) plan(child);
    plan(node.flatten?.node);
  };
  for (const [signature, stats] of Object.entries(report.tracesPerQuery)) {
    if (!signature.includes(operation)) continue;
    for (const trace of stats.trace ?? []) if (typeof trace === 'object' && trace && 'queryPlan' in trace) plan(trace.queryPlan);
  }
  return found;
}

describe('field-level timing from the subgraphs (ftv1)', () => {
  const gatewaySecret = 'g'.repeat(48);
  let platform: TestPlatform;
  afterAll(() => platform?.close());

  it('reaches Studio: a usage report holds the shops subgraph’s per-field timing of an operation', async () => {
    platform = await startTestPlatform({
      only: ['shops'],
      configOverrides: { APOLLO_KEY: 'service:cip-test:secret', APOLLO_GRAPH_REF: 'cip-test@current', APOLLO_USAGE_REPORTING_URL: studioUrl, GATEWAY_SECRET: gatewaySecret },
    });
    const org = await signUp(platform, 'Timing Tires');
    expect((await platform.execute(`query TimedShops { shops { id name timezone } }`, {}, { token: org.ownerToken })).errors).toBeUndefined();
    await until(() => received.some((r) => subgraphFieldTimings(r.report, 'TimedShops').length > 0));
    const timings = received.flatMap((r) => subgraphFieldTimings(r.report, 'TimedShops'));
    expect(timings.map((t) => `${t.service}:${t.field}`)).toEqual(expect.arrayContaining(['shops:Query.shops', 'shops:Shop.name', 'shops:Shop.timezone']));
    for (const timing of timings) expect(timing.durationNs).toBeGreaterThanOrEqual(0);
  });

  it('is produced for the gateway only: a direct caller asking for ftv1 gets none', async () => {
    const url = platform.subgraphs.shops!.url;
    const ask = (headers: Record<string, string>) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'apollo-federation-include-trace': 'ftv1', ...headers }, body: JSON.stringify({ query: '{ __typename }' }) }).then((r) => r.json());
    expect((await ask({ 'gateway-authorization': gatewaySecret })).extensions?.ftv1).toEqual(expect.any(String));
    expect((await ask({})).extensions?.ftv1).toBeUndefined();
  });
});

describe('managed federation', () => {
  const studio = { APOLLO_KEY: 'service:cip-test:secret', APOLLO_GRAPH_REF: 'cip-test@current' };

  it('is its own setting: APOLLO_KEY and APOLLO_GRAPH_REF turn on reporting, not loading the supergraph from Uplink', () => {
    expect(loadConfig('gateway', studio).apollo).toMatchObject({ ...{ key: studio.APOLLO_KEY, graphRef: studio.APOLLO_GRAPH_REF }, managedFederation: false });
    expect(loadConfig('gateway', { ...studio, APOLLO_MANAGED_FEDERATION: 'true' }).apollo.managedFederation).toBe(true);
  });

  it('refuses to start without the key and graph ref it needs, naming the variable', () => {
    expect(() => loadConfig('gateway', { APOLLO_MANAGED_FEDERATION: 'true' })).toThrow(/APOLLO_MANAGED_FEDERATION: managed federation needs APOLLO_KEY and APOLLO_GRAPH_REF/);
  });
});
