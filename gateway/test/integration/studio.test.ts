import { createServer, type Server } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { Report } from '@apollo/usage-reporting-protobuf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('Apollo Studio usage reporting', () => {
  let platform: TestPlatform;
  afterAll(() => platform?.close());

  it('sends a usage report naming the operation and the client to the configured endpoint', async () => {
    platform = await startTestPlatform({
      only: ['shops'],
      configOverrides: { APOLLO_KEY: 'service:cip-test:secret', APOLLO_GRAPH_REF: 'cip-test@current', APOLLO_USAGE_REPORTING_URL: studioUrl },
    });
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
      const before = received.length;
      await quiet.execute(`query QuietShops { shops { id } }`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(received.length).toBe(before);
    } finally {
      await quiet.close();
    }
  });
});
