import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventTableRules, prune } from '../src/db/retention';
import { ledger, useLedgerDatabase } from './fixtures/ledger-database';

useLedgerDatabase('retention');

describe('retention of the event tables', () => {
  it('deletes published outbox rows and processed-event records past their days, and never an unpublished row', async () => {
    const query = (sql: string, parameters: unknown[]) => ledger.dataSource.query(sql, parameters);
    const outbox = async (age: string, published: boolean) => {
      const id = randomUUID();
      await query(
        `INSERT INTO ledger.outbox (id, type, envelope, occurred_at, published_at) VALUES ($1, 'customer.created', '{}', now() - $2::interval, CASE WHEN $3 THEN now() - $2::interval END)`,
        [id, age, published],
      );
      return id;
    };
    const oldPublished = await outbox('10 days', true);
    const oldUnpublished = await outbox('10 days', false);
    const recent = await outbox('1 day', true);
    await query(`INSERT INTO ledger.processed_events (consumer, event_id, processed_at) VALUES ('c', $1, now() - interval '40 days'), ('c', $2, now() - interval '2 days')`, [oldPublished, recent]);

    const rules = eventTableRules('ledger', { outboxDays: 7, processedEventsDays: 30 });
    const deleted = [await prune(query, rules[0]!, 1), await prune(query, rules[1]!, 1)];

    expect(deleted).toEqual([1, 1]);
    expect((await query('SELECT id FROM ledger.outbox ORDER BY seq', [])).map((r: { id: string }) => r.id)).toEqual([oldUnpublished, recent]);
    expect((await query('SELECT event_id FROM ledger.processed_events', [])).map((r: { event_id: string }) => r.event_id)).toEqual([recent]);
  });
});
