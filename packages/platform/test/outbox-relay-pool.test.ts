import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type ServiceDatabase } from '../src/db/data-source';
import { buildEvent } from '../src/events/catalog';
import type { EventBus } from '../src/events/bus';
import { enqueueEvents } from '../src/events/outbox';
import { createPostgresBus } from '../src/events/postgres-bus';
import { startOutboxRelay, type OutboxRelay } from '../src/events/relay';
import { createLogger } from '../src/logger';
import { createTestDatabase, type TestDatabase } from '../src/testing/database';
import { ledgerDatabase } from './fixtures/ledger';

const logger = createLogger('silent');
const poolMax = 2;
let database: TestDatabase;
let ledger: ServiceDatabase;
let bus: EventBus;
let relay: OutboxRelay;
/** Another publisher in the middle of its publish: it holds the bus's publish lock. */
let otherPublisher: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase('relay-pool');
  ledger = await openDatabase({ ...ledgerDatabase(database.url), poolMax, applicationName: 'ledger' });
  bus = await createPostgresBus(database.url, { logger, pollMs: 60_000 });
  otherPublisher = new pg.Client({ connectionString: database.url });
  await otherPublisher.connect();
});
afterAll(async () => {
  await otherPublisher.end();
  await relay?.stop();
  await bus.close();
  await ledger.dataSource.destroy();
  await database.drop();
});

async function until(condition: () => Promise<boolean>) {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 25));
}

const pool = () => (ledger.dataSource.driver as unknown as { master: pg.Pool }).master;

it("keeps the service's whole pool for requests while the bus holds up the relay", async () => {
  relay = await startOutboxRelay({ dataSource: ledger.dataSource, schema: 'ledger', bus, logger, pollMs: 60_000 });
  await otherPublisher.query(`SELECT pg_advisory_lock(hashtext('bus.publish'))`);
  const event = buildEvent('customer.created', { orgId: 'o', shopId: null, subjectId: 'c1', data: { smsConsent: false, emailConsent: false } });
  await ledger.dataSource.transaction((manager) => enqueueEvents(manager, 'ledger', [event]));
  // Observed from a session of its own: before this fix, the service's pool had nothing left to ask with.
  const waitingOnTheBus = () =>
    otherPublisher
      .query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'`)
      .then(({ rows: [row] }) => row.n === 1);
  await until(waitingOnTheBus);

  // The relay's batch is open, its outbox row locked, and it waits for the bus: none of that is the service's pool.
  const {
    rows: [relaySession],
  } = await otherPublisher.query(`SELECT application_name, state FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%FOR UPDATE SKIP LOCKED%' AND pid <> pg_backend_pid()`);
  expect(relaySession).toEqual({ application_name: 'ledger-outbox-relay', state: 'idle in transaction' });
  expect(pool().totalCount - pool().idleCount).toBe(0);
  const answers = await Promise.all(Array.from({ length: poolMax }, (_, i) => ledger.dataSource.transaction((manager) => manager.query('SELECT $1::int AS i, pg_sleep(0)', [i]))));
  expect(answers.map(([row]: { i: number }[]) => row.i)).toEqual([0, 1]);
  expect(await waitingOnTheBus()).toBe(true);

  await otherPublisher.query(`SELECT pg_advisory_unlock(hashtext('bus.publish'))`);
  await relay.flush();
  const [row] = await ledger.dataSource.query('SELECT published_at FROM ledger.outbox WHERE id = $1', [event.id]);
  expect(row.published_at).not.toBeNull();
});
