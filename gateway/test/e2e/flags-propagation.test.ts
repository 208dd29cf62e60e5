import { afterAll, describe, expect, it } from 'vitest';
import { createTokenSigner, mintOperatorToken, signingKeyFromPem } from '@cip/platform';
import { createTestDatabase, freePort, startPlatformProcesses, startServiceProcess, type LogLine, type PlatformProcesses, type ServiceProcess, type TestDatabase } from '@cip/platform/testing';

const setFlag = `mutation($input: SetFeatureFlagInput!) { setFeatureFlag(input: $input) { key version updatedAt } }`;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Gateways and the analytics subgraph (shops serves the JWKS) as processes of their own, with polling too slow to explain anything seen. */
async function deployment(env: Record<string, string>, gateways: number) {
  const database: TestDatabase = await createTestDatabase('flags_e2e');
  cleanups.push(() => database.drop());
  const platform: PlatformProcesses = await startPlatformProcesses({ databaseUrl: database.url, subgraphs: ['shops', 'analytics'], env: { FLAGS_POLL_MS: '600000', ...env } });
  cleanups.push(() => platform.stop());
  const extra: ServiceProcess[] = [];
  for (let i = 1; i < gateways; i++) {
    const gateway = await startServiceProcess('gateway', { ...platform.env, PORT: String(await freePort()) });
    cleanups.push(async () => void (await gateway.stop(5_000)));
    extra.push(gateway);
  }
  const key = await signingKeyFromPem(platform.env.AUTH_PRIVATE_KEY!);
  const { token } = await mintOperatorToken(createTokenSigner(key, { issuer: 'courtesy-inspection-platform', audience: 'cip-api' }), 'ada');
  return { processes: [platform.gateway, ...extra, platform.subgraphs.analytics!], gatewayUrl: `${platform.gateway.origin}/graphql`, token };
}

async function changeAndObserve(target: Awaited<ReturnType<typeof deployment>>, value: string) {
  const response = await fetch(target.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
    body: JSON.stringify({
      query: setFlag,
      variables: { input: { key: 'platform.maintenance-notice', state: { enabled: true, fallthrough: { value } }, reason: 'maintenance tonight' } },
    }),
  });
  const body = (await response.json()) as { data?: { setFeatureFlag: { version: number; updatedAt: string } }; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  const { version, updatedAt } = body.data!.setFeatureFlag;
  const seen = await Promise.all(
    target.processes.map((service) =>
      service.waitForLog((line: LogLine) => line.msg === 'feature flags updated' && line.version >= version && (line.keys as string[]).includes('platform.maintenance-notice'), 20_000),
    ),
  );
  const latencies = seen.map((line, i) => ({ process: `${target.processes[i]!.name}#${i}`, via: line.via as string, ms: Date.parse(line.time as string) - Date.parse(updatedAt) }));
  console.info(`flag change observed after (ms): ${JSON.stringify(latencies)}`);
  return latencies;
}

describe('a flag changed through GraphQL', () => {
  it.runIf(Boolean(process.env.REDIS_URL))(
    'is applied by two gateway processes and a subgraph process from the Redis push, not a poll (latency recorded, the issue asks under 1 s)',
    { timeout: 400_000 },
    async () => {
      const latencies = await changeAndObserve(await deployment({}, 2), 'Redis push');
      expect(latencies.map((l) => l.via)).toEqual(['redis', 'redis', 'redis']);
    },
  );

  it('without Redis is applied by a gateway process and a subgraph process from PostgreSQL NOTIFY (latency recorded)', { timeout: 400_000 }, async () => {
    const latencies = await changeAndObserve(await deployment({ REDIS_URL: '' }, 1), 'NOTIFY push');
    expect(latencies.map((l) => l.via)).toEqual(['postgres', 'postgres']);
  });
});
