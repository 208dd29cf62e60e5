import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { must, signUp, type SeededOrg } from '../support/seed';

/**
 * A database that will not give a service a session (too many clients, a server refusing connections, a
 * failover in progress) is a condition a client can wait out: it is told so with a code, not with an internal
 * error, and the service serves again as soon as the database does, without a restart.
 */
let platform: TestPlatform;
let org: SeededOrg;
let admin: pg.Client;
let databaseName: string;

beforeAll(async () => {
  platform = await startTestPlatform({ only: ['shops'] });
  org = await signUp(platform, 'Refused Repairs');
  databaseName = new URL(platform.database.url).pathname.slice(1);
  admin = new pg.Client({ connectionString: platform.database.url.replace(`/${databaseName}`, '/postgres') });
  await admin.connect();
});
afterAll(async () => {
  await admin?.query(`ALTER DATABASE "${databaseName}" WITH ALLOW_CONNECTIONS true`).catch(() => undefined);
  await admin?.end();
  await platform?.close();
});

const shops = `query { shops { id name } }`;
const computed = { 'cache-control': 'no-cache' };

describe('a database that refuses sessions', () => {
  it('answers SERVICE_UNAVAILABLE naming the service and nothing of the database, then serves again once it accepts them', async () => {
    expect(must(await platform.execute(shops, {}, { token: org.ownerToken, headers: computed })).shops).toHaveLength(1);

    await admin.query(`ALTER DATABASE "${databaseName}" WITH ALLOW_CONNECTIONS false`);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [databaseName]);
    const refused = await platform.execute(shops, {}, { token: org.ownerToken, headers: computed });
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(refused.errors?.[0]?.extensions?.serviceName).toBe('shops');
    expect(JSON.stringify(refused)).not.toMatch(/accepting connections|127\.0\.0\.1|5432|postgres|pg_|stack/i);

    await admin.query(`ALTER DATABASE "${databaseName}" WITH ALLOW_CONNECTIONS true`);
    expect(must(await platform.execute(shops, {}, { token: org.ownerToken, headers: computed })).shops).toEqual([{ id: org.shopId, name: expect.any(String) }]);
  });
});
