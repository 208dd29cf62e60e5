import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../src/domain/ledger';
import { newShop, saleEvents, seedProgram, type TestShop } from './seed';
import { partners, svc, usePartnersSubgraph } from './subgraph';

usePartnersSubgraph();

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

  it('accrues a batch across shops, tiers, a closed month and recommendations accrued before to the cent what one event at a time accrues', async () => {
    const { program, partnerId, productId, educatedProductId } = await seedProgram(svc, {
      name: 'Set-based batch',
      tierLevels: [
        { tier: 'BRONZE', minRevenueCents: 0, minConversionBasisPoints: 0, minEducationBasisPoints: 0, multiplierBasisPoints: 10_000 },
        { tier: 'SILVER', minRevenueCents: 50_000, minConversionBasisPoints: 0, minEducationBasisPoints: 0, multiplierBasisPoints: 11_000 },
      ],
    });
    const [oneByOne, batched] = [0, 1].map(() => ({ bronze: newShop(), silver: newShop(), closedFebruary: newShop() }));
    const heldBefore = new Map<TestShop, string>();
    for (const twin of [oneByOne, batched]) {
      for (const shop of Object.values(twin)) {
        await svc.programs.enroll(program, shop, new Date('2026-01-01T00:00:00Z'));
        const recommendationId = randomUUID();
        heldBefore.set(shop, recommendationId);
        await svc.ledger.handle(saleEvents(shop).decided('approved', { recommendationId, productId, totalCents: 60_000, decidedAt: '2026-01-15T10:00:00Z' }));
      }
      await svc.tiers.recompute(program, twin.silver.shopId, new Date('2026-02-01T00:00:00Z'));
      await svc.statements.close({ ...twin.closedFebruary, partnerId, period: new Date('2026-02-01T00:00:00Z'), currency: 'USD' }, new Date('2026-03-05T00:00:00Z'));
    }
    const eventsOf = (twin: typeof oneByOne): LedgerEvent[] =>
      Object.values(twin).flatMap((shop) => [
        ...Array.from({ length: 12 }, (_, i) =>
          saleEvents(shop).decided('approved', {
            recommendationId: randomUUID(),
            productId: i % 3 === 0 ? educatedProductId : productId,
            totalCents: 1_000 + i * 1_111,
            decidedAt: new Date(Date.UTC(2026, 1 + (i % 2), 3 + i, 9)).toISOString(),
            educationViewed: i % 3 === 0,
          }),
        ),
        saleEvents(shop).decided('approved', { recommendationId: heldBefore.get(shop)!, productId, totalCents: 60_000, decidedAt: '2026-02-20T10:00:00Z' }),
      ]);
    const [single, batch] = [eventsOf(oneByOne), eventsOf(batched)];
    for (const event of single) await svc.ledger.handle(event);
    expect(await svc.ledger.handleBatch([...batch, batch[0], batch[13]])).toBe(batch.length);
    expect(await svc.ledger.handleBatch(batch)).toBe(0);

    const ledgerOf = async (shop: TestShop) =>
      (
        (await partners.runtime.db.dataSource.query(
          `SELECT kind, commission_cents::int AS commission, incentive_cents::int AS incentive, to_char(period, 'YYYY-MM') AS period, adjustment, tier, multiplier_bp
           FROM partners.ledger_entry WHERE shop_id = $1 ORDER BY seq`,
          [shop.shopId],
        )) as { kind: string; commission: number; incentive: number; period: string; adjustment: boolean; tier: string; multiplier_bp: number }[]
      ).slice(1);
    for (const shop of ['bronze', 'silver', 'closedFebruary'] as const) {
      const [expected, actual] = [await ledgerOf(oneByOne[shop]), await ledgerOf(batched[shop])];
      expect(actual).toHaveLength(12);
      expect(actual).toEqual(expected);
    }
    const silverEntries = await ledgerOf(batched.silver);
    expect(silverEntries.every((entry) => entry.tier === 'SILVER' && entry.multiplier_bp === 11_000)).toBe(true);
    // 2,111 cents × 7.5% × 1.1 = 174.1575 cents.
    expect(silverEntries[1]).toMatchObject({ commission: 174, period: '2026-03' });
    const lateFebruary = (await ledgerOf(batched.closedFebruary)).filter((entry) => entry.adjustment);
    expect(lateFebruary).toHaveLength(6);
    expect(lateFebruary.every((entry) => entry.period === '2026-03')).toBe(true);
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
