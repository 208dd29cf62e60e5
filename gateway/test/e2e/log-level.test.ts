import { afterAll, describe, expect, it } from 'vitest';
import { createTokenSigner, mintOperatorToken, signingKeyFromPem } from '@cip/platform';
import { createTestDatabase, startPlatformProcesses, type LogLine, type PlatformProcesses, type TestDatabase } from '@cip/platform/testing';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('the log level as a dynamic setting', () => {
  it('is applied by running gateway and subgraph processes started at LOG_LEVEL=info, and a bad level is refused', { timeout: 400_000 }, async () => {
    const database: TestDatabase = await createTestDatabase('log_level_e2e');
    cleanups.push(() => database.drop());
    const platform: PlatformProcesses = await startPlatformProcesses({ databaseUrl: database.url, subgraphs: ['shops', 'analytics'], env: { LOG_LEVEL: 'info' } });
    cleanups.push(() => platform.stop());
    const key = await signingKeyFromPem(platform.env.AUTH_PRIVATE_KEY!);
    const { token } = await mintOperatorToken(createTokenSigner(key, { issuer: 'courtesy-inspection-platform', audience: 'cip-api' }), 'ada');
    const setLevel = async (value: string) => {
      const response = await fetch(`${platform.gateway.origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: `mutation($input: SetFeatureFlagInput!) { setFeatureFlag(input: $input) { version } }`,
          variables: { input: { key: 'platform.log-level', state: { enabled: true, fallthrough: { value } }, reason: 'chasing a webhook bug' } },
        }),
      });
      return (await response.json()) as { data?: { setFeatureFlag: { version: number } }; errors?: { message: string; extensions?: { code?: string } }[] };
    };
    const processes = [platform.gateway, platform.subgraphs.analytics!];

    const refused = await setLevel('verbose');
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toMatch(/platform\.log-level/);

    const changed = await setLevel('debug');
    const problems = () =>
      [platform.gateway, ...Object.values(platform.subgraphs)]
        .flatMap((service) => service!.logs.filter((line) => line.level === 'warn' || line.level === 'error'))
        .map((line) => JSON.stringify(line))
        .join('\n');
    expect(changed.errors, problems()).toBeUndefined();
    const version = changed.data!.setFeatureFlag.version;
    await Promise.all(
      processes.map((service) =>
        service.waitForLog((line: LogLine) => line.msg === 'feature flags updated' && line.version >= version && (line.keys as string[]).includes('platform.log-level'), 120_000),
      ),
    );
    // Probes are logged at debug: at LOG_LEVEL=info a process writes them only once the setting lowered its level.
    for (const service of processes) {
      expect((await fetch(`${service.origin}/healthz`)).status).toBe(200);
      const probe = await service.waitForLog((line: LogLine) => line.msg === 'request' && line.path === '/healthz', 120_000);
      expect(probe.level).toBe('debug');
    }
  });
});
