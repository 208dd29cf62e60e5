import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPoolMax } from '@cip/platform/testing';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { signUp, type SeededOrg } from '../support/seed';

/**
 * Test files run side by side on one PostgreSQL server that other work shares: a test platform opens no
 * more connections per service than its small pool, however many requests wait for the database.
 */
let platform: TestPlatform;
let org: SeededOrg;
beforeAll(async () => {
  platform = await startTestPlatform({ only: ['shops'] });
  org = await signUp(platform, 'Pooled Motors');
});
afterAll(() => platform?.close());

async function until(condition: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a test platform under a burst of requests', () => {
  it(`holds at most ${testPoolMax} connections for a service while requests wait on the database, then answers every one`, async () => {
    const pool = (platform.subgraphs.shops!.runtime.db.dataSource.driver as unknown as { master: pg.Pool }).master;
    const lock = new pg.Client({ connectionString: platform.database.url });
    // A backend reads pg_stat_activity once per transaction, so the lock's own transaction would keep
    // seeing the connections of its first read: the count comes from a session outside it.
    const monitor = new pg.Client({ connectionString: platform.database.url });
    await Promise.all([lock.connect(), monitor.connect()]);
    const connections = async () =>
      (
        await monitor.query(
          `SELECT count(*)::int AS open, (count(*) FILTER (WHERE wait_event_type = 'Lock'))::int AS blocked
           FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'shops'`,
        )
      ).rows[0] as { open: number; blocked: number };
    await lock.query('BEGIN');
    await lock.query('LOCK TABLE shops.shop IN ACCESS EXCLUSIVE MODE');
    // Twenty different documents, so the gateway sends each on (identical ones in flight it would send once).
    const requests = Array.from({ length: 20 }, (_, i) => platform.execute(`{ shops { id } n${i}: shops { id } }`, {}, { token: org.ownerToken }));
    try {
      // Settled: requests queue in the pool with none of its connections still being opened (so it opened
      // every one it may), and every one of them is blocked on the lock (the outbox relay and its LISTEN
      // have connections of their own, under other names).
      await until(async () => {
        const { open, blocked } = await connections();
        return pool.waitingCount > 0 && pool.totalCount === open && blocked === open;
      });
      expect(await connections()).toEqual({ open: testPoolMax, blocked: testPoolMax });
    } finally {
      await lock.query('COMMIT');
      await Promise.all([lock.end(), monitor.end()]);
    }
    const answers = await Promise.all(requests);
    expect(answers.filter((answer) => answer.data?.shops?.[0]?.id !== org.shopId)).toEqual([]);
  });
});
