import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '@cip/platform/testing';
import { partnersSubgraph } from '../src/app';
import type { Services } from '../src/context';
import type { LedgerEvent } from '../src/domain/ledger';
import { newShop, saleEvents, seedProgram, services, type TestShop } from './seed';

let partners: TestSubgraph;
let svc: Services;
beforeAll(async () => {
  partners = await startTestSubgraph(partnersSubgraph);
  svc = services(partners);
});
afterAll(() => partners.close());

/** The shop's entries in ledger order: what each source event earned or took back. */
async function entriesOf(shop: TestShop) {
  const rows: { kind: string; commission: string; incentive: string; recommendation_id: string; source_event_id: string }[] = await partners.runtime.db.dataSource.query(
    `SELECT kind, commission_cents AS commission, incentive_cents AS incentive, recommendation_id, source_event_id FROM partners.ledger_entry WHERE shop_id = $1 ORDER BY seq`,
    [shop.shopId],
  );
  return rows;
}

/** The same sales for two shops: amounts, products and times are equal, ids are not. */
function twinSales(count: number, productIds: { plain: string; educated: string }) {
  const shops = [newShop(), newShop()];
  const sales = Array.from({ length: count }, (_, i) => ({ totalCents: 1_001 + i * 737, educated: i % 4 === 0, decidedAt: new Date(Date.UTC(2026, 2, 1 + (i % 28), 10, i)).toISOString() }));
  const eventsOf = (shop: TestShop) =>
    sales.map((sale) =>
      saleEvents(shop).decided('approved', {
        recommendationId: randomUUID(),
        productId: sale.educated ? productIds.educated : productIds.plain,
        totalCents: sale.totalCents,
        decidedAt: sale.decidedAt,
        educationViewed: sale.educated,
      }),
    );
  return { shops, events: shops.map(eventsOf) as [LedgerEvent[], LedgerEvent[]] };
}

const amounts = (rows: Awaited<ReturnType<typeof entriesOf>>) => rows.map((row) => [row.kind, Number(row.commission), Number(row.incentive)]);

describe('applying the ledger a batch at a time', () => {
  it('accrues to the cent what one event at a time accrues, each event once however often the batch is delivered', async () => {
    const { program, productId, educatedProductId } = await seedProgram(svc, { name: 'Batch' });
    const { shops, events } = twinSales(40, { plain: productId, educated: educatedProductId });
    for (const shop of shops) await svc.programs.enroll(program, shop, new Date('2026-01-01T00:00:00Z'));

    for (const event of events[0]) await svc.ledger.handle(event);
    const [first, second, third] = [events[1].slice(0, 15), events[1].slice(15, 30), events[1].slice(30)];
    expect(await svc.ledger.handleBatch([...first, first[0], first[1]])).toBe(15);
    expect(await svc.ledger.handleBatch(first)).toBe(0);
    expect(await svc.ledger.handleBatch([...second, ...first.slice(0, 5)])).toBe(15);
    expect(await svc.ledger.handleBatch(third)).toBe(10);

    const [oneByOne, batched] = [await entriesOf(shops[0]), await entriesOf(shops[1])];
    expect(batched).toHaveLength(40);
    expect(new Set(batched.map((row) => row.source_event_id)).size).toBe(40);
    expect(amounts(batched)).toEqual(amounts(oneByOne));
    expect(batched.map((row) => row.source_event_id)).toEqual(events[1].map((event) => event.id));
  });

  it('ends a batch of approvals, declines and refunds of the same recommendations where one event at a time ends', async () => {
    const { program, productId } = await seedProgram(svc, { name: 'Mixed batch' });
    const shops = [newShop(), newShop()];
    for (const shop of shops) await svc.programs.enroll(program, shop, new Date('2026-01-01T00:00:00Z'));
    const flow = (shop: TestShop): LedgerEvent[] => {
      const sale = saleEvents(shop);
      const [kept, declined, refunded] = [randomUUID(), randomUUID(), randomUUID()];
      const offer = (recommendationId: string, totalCents: number, decidedAt: string) => ({ recommendationId, productId, totalCents, decidedAt });
      return [
        sale.decided('approved', offer(kept, 12_345, '2026-03-02T10:00:00Z')),
        sale.decided('approved', offer(declined, 8_990, '2026-03-03T10:00:00Z')),
        sale.decided('approved', offer(refunded, 4_525, '2026-03-04T10:00:00Z')),
        sale.decided('declined', offer(declined, 8_990, '2026-03-05T10:00:00Z')),
        sale.refunded({ recommendationId: refunded, productId, totalCents: 4_525, refundedAt: '2026-03-06T10:00:00Z' }),
      ];
    };
    for (const event of flow(shops[0])) await svc.ledger.handle(event);
    expect(await svc.ledger.handleBatch(flow(shops[1]))).toBe(5);

    const [oneByOne, batched] = [await entriesOf(shops[0]), await entriesOf(shops[1])];
    expect(amounts(batched)).toEqual(amounts(oneByOne));
    expect(amounts(batched).map(([kind]) => kind)).toEqual(['ACCRUAL', 'ACCRUAL', 'ACCRUAL', 'REVERSAL', 'REVERSAL']);
  });

  it('applies nothing of a batch that fails part-way, and every event of it once when it is delivered again', async () => {
    const { program, productId, educatedProductId } = await seedProgram(svc, { name: 'Failing batch' });
    const { shops, events } = twinSales(10, { plain: productId, educated: educatedProductId });
    await svc.programs.enroll(program, shops[0], new Date('2026-01-01T00:00:00Z'));
    // A shop id the database cannot store fails the batch's writes after its events were claimed.
    const broken = { ...events[1][0], shopId: 'not-a-shop-id' } as LedgerEvent;
    await expect(svc.ledger.handleBatch([...events[0], broken])).rejects.toThrow();
    expect(await entriesOf(shops[0])).toEqual([]);

    expect(await svc.ledger.handleBatch(events[0])).toBe(10);
    expect(await svc.ledger.handleBatch(events[0])).toBe(0);
    const entries = await entriesOf(shops[0]);
    expect(entries.map((row) => row.source_event_id)).toEqual(events[0].map((event) => event.id));
  });
});
