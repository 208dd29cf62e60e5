import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@cip/platform';
import { newShop, outboxEvents, partnerToken, saleEvents, seedProgram, staffToken, type TestShop } from './seed';
import { partners, svc, usePartnersSubgraph } from './subgraph';

usePartnersSubgraph();

const statementQuery = `query($shopId: ID!, $partnerId: ID!, $period: String!) {
  partnerStatement(shopId: $shopId, partnerId: $partnerId, period: $period) {
    period status
    accrued { amountCents currency } incentives { amountCents } reversed { amountCents } adjustments { amountCents } payable { amountCents }
    entries { kind amount { amountCents } adjustment ruleVersion recommendationId sourceEventId }
  }
}`;
const closeMutation = `mutation($shopId: ID!, $period: String!) { closePartnerStatement(shopId: $shopId, period: $period) { status payable { amountCents } } }`;
const ruleMutation = `mutation($programId: ID!, $input: CommissionRuleInput!) { changeCommissionRule(programId: $programId, input: $input) { version effectiveFrom } }`;

/** Publishes events on the real bus and waits until the partners consumer has applied every one of them. */
async function deliver(events: EventEnvelope<unknown>[]) {
  await partners.runtime.bus.publish(events);
  const ids = [...new Set(events.map((e) => e.id))];
  for (let attempt = 0; attempt < 200; attempt++) {
    const [{ count }] = await partners.runtime.db.dataSource.query(
      `SELECT count(*)::int AS count FROM partners.processed_events WHERE consumer = 'commission-ledger' AND event_id = ANY($1::uuid[])`,
      [ids],
    );
    if (count === ids.length) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the partners consumer did not process the events in time');
}

const totals = (statement: any) => ({
  accrued: statement.accrued.amountCents,
  incentives: statement.incentives.amountCents,
  reversed: statement.reversed.amountCents,
  adjustments: statement.adjustments.amountCents,
  payable: statement.payable.amountCents,
});

/** The expected statements, computed by hand from the rule in force at each sale, independently of the code. */
function independentCalculation() {
  const v1 = (cents: number) => (cents * 75) / 1000; // 7.5%
  const v2 = (cents: number) => cents / 10; // 10% from 2026-03-16
  const halfEven = (amount: number, expected: number) => {
    // The hand figure (expected) must be the half-even neighbour of the exact amount.
    const floor = Math.floor(amount);
    const fraction = amount - floor;
    const rounded = fraction > 0.5 ? floor + 1 : fraction < 0.5 ? floor : floor % 2 === 0 ? floor : floor + 1;
    expect(rounded).toBe(expected);
    return expected;
  };
  const r1 = halfEven(v1(12_345), 926); // 925.875
  const r2 = halfEven(v1(8_990), 674); // 674.25
  const r3 = halfEven(v2(20_001), 2_000); // 2000.1, decided exactly when version 2 starts
  const r4 = halfEven(v2(4_525), 452); // 452.5 → even
  const r6 = halfEven(v1(1_999), 150); // 149.925, arrives after later sales
  const r7 = halfEven(v2(3_335), 334); // 333.5 → even, arrives after March closed
  const r8 = halfEven(v2(10_000), 1_000);
  const incentive = 250;
  const march = { accrued: r1 + r2 + r3 + r4 + r6, incentives: incentive, reversed: r2 + (r1 + incentive), adjustments: 0 };
  const april = { accrued: r7 + r8, incentives: 0, reversed: r4, adjustments: r7 - r4 };
  return {
    march: { ...march, payable: march.accrued + march.incentives - march.reversed },
    april: { ...april, payable: april.accrued + april.incentives - april.reversed },
  };
}

describe('replaying a month of inspections events', () => {
  it('produces statements equal to an independent calculation, to the cent, whatever the order and duplication', async () => {
    const { partnerId, program, productId, educatedProductId } = await seedProgram(svc, { name: 'Replay' });
    const shop = newShop();
    await svc.programs.enroll(program, shop, new Date('2026-02-01T00:00:00Z'));
    const ev = saleEvents(shop);
    const partner = await partnerToken(partnerId, [shop.shopId]);
    const staff = await staffToken(shop, 'ADVISOR');
    const ids = Object.fromEntries(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9'].map((name) => [name, randomUUID()]));

    const sent = ev.sent({
      sentAt: '2026-03-04T15:00:00Z',
      offers: [
        { recommendationId: ids.r1, productId: educatedProductId, totalCents: 12_345 },
        { recommendationId: ids.r2, productId, totalCents: 8_990 },
        { recommendationId: ids.r3, productId, totalCents: 20_001 },
      ],
    });
    const r1 = ev.decided('approved', { recommendationId: ids.r1, productId: educatedProductId, totalCents: 12_345, decidedAt: '2026-03-05T10:00:00Z', educationViewed: true });
    const r2 = ev.decided('approved', { recommendationId: ids.r2, productId, totalCents: 8_990, decidedAt: '2026-03-10T10:00:00Z' });
    const r5Declined = ev.decided('declined', { recommendationId: ids.r5, productId, totalCents: 5_000, decidedAt: '2026-03-11T10:00:00Z' });
    await deliver([sent, r1, r2, r2, r5Declined]);

    // Mid-month the partner raises the rate to 10% from March 16th; it may not start before a sale already accrued.
    const backdated = await partners.execute(ruleMutation, { programId: program.id, input: { kind: 'PERCENTAGE', basisPoints: 1000, effectiveFrom: '2026-03-09T00:00:00Z' } }, { token: partner });
    expect(backdated.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const changed = await partners.execute(ruleMutation, { programId: program.id, input: { kind: 'PERCENTAGE', basisPoints: 1000, effectiveFrom: '2026-03-16T00:00:00Z' } }, { token: partner });
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.changeCommissionRule.version).toBe(2);

    const r3 = ev.decided('approved', { recommendationId: ids.r3, productId, totalCents: 20_001, decidedAt: '2026-03-16T00:00:00.000Z' });
    const r4 = ev.decided('approved', { recommendationId: ids.r4, productId, totalCents: 4_525, decidedAt: '2026-03-20T09:00:00Z' });
    const r6 = ev.decided('approved', { recommendationId: ids.r6, productId, totalCents: 1_999, decidedAt: '2026-03-12T09:00:00Z' });
    const r2Declined = ev.decided('declined', { recommendationId: ids.r2, productId, totalCents: 8_990, decidedAt: '2026-03-22T09:00:00Z' });
    const r1Refunded = ev.refunded({ recommendationId: ids.r1, productId: educatedProductId, totalCents: 12_345, refundedAt: '2026-03-25T09:00:00Z' });
    // The customer approved r9 on the 21st and declined it on the 23rd; the decline arrives first.
    const r9Declined = ev.decided('declined', { recommendationId: ids.r9, productId, totalCents: 7_000, decidedAt: '2026-03-23T09:00:00Z' });
    const r9Approved = ev.decided('approved', { recommendationId: ids.r9, productId, totalCents: 7_000, decidedAt: '2026-03-21T09:00:00Z' });
    await deliver([r3, r4, r6, r2Declined, r1Refunded, r3, r9Declined, r9Approved]);

    const expected = independentCalculation();
    const march = await partners.execute(statementQuery, { shopId: shop.shopId, partnerId, period: '2026-03' }, { token: staff });
    expect(march.errors).toBeUndefined();
    expect(totals(march.data!.partnerStatement)).toEqual(expected.march);
    expect(march.data!.partnerStatement.accrued.currency).toBe('USD');
    const versions = Object.fromEntries(march.data!.partnerStatement.entries.filter((e: any) => e.kind === 'ACCRUAL').map((e: any) => [e.recommendationId, e.ruleVersion]));
    expect(versions).toEqual({ [ids.r1]: 1, [ids.r2]: 1, [ids.r3]: 2, [ids.r4]: 2, [ids.r6]: 1 });

    const closed = await partners.execute(closeMutation, { shopId: shop.shopId, period: '2026-03' }, { token: partner });
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.closePartnerStatement).toEqual({ status: 'CLOSED', payable: { amountCents: expected.march.payable } });

    // After the close: a late March sale, a late March decline, and an April sale.
    const r7 = ev.decided('approved', { recommendationId: ids.r7, productId, totalCents: 3_335, decidedAt: '2026-03-28T09:00:00Z' });
    const r4Declined = ev.decided('declined', { recommendationId: ids.r4, productId, totalCents: 4_525, decidedAt: '2026-03-30T09:00:00Z' });
    const r8 = ev.decided('approved', { recommendationId: ids.r8, productId, totalCents: 10_000, decidedAt: '2026-04-02T09:00:00Z' });
    await deliver([r7, r4Declined, r8]);

    const marchAfter = await partners.execute(statementQuery, { shopId: shop.shopId, partnerId, period: '2026-03' }, { token: staff });
    expect(marchAfter.data!.partnerStatement.status).toBe('CLOSED');
    expect(totals(marchAfter.data!.partnerStatement)).toEqual(expected.march);
    const april = await partners.execute(statementQuery, { shopId: shop.shopId, partnerId, period: '2026-04' }, { token: staff });
    expect(totals(april.data!.partnerStatement)).toEqual(expected.april);
    const lateEntries = april.data!.partnerStatement.entries.filter((e: any) => e.adjustment).map((e: any) => e.recommendationId);
    expect(lateEntries.sort()).toEqual([ids.r4, ids.r7].sort());

    // Redelivering everything changes nothing, and no source event has two entries.
    const everything = [sent, r1, r2, r5Declined, r3, r4, r6, r2Declined, r1Refunded, r9Declined, r9Approved, r7, r4Declined, r8];
    for (const event of everything) expect(await svc.ledger.handle(event)).toBe(false);
    const entries: { source_event_id: string; n: number }[] = await partners.runtime.db.dataSource.query(
      `SELECT source_event_id, count(*)::int AS n FROM partners.ledger_entry WHERE shop_id = $1 GROUP BY source_event_id`,
      [shop.shopId],
    );
    expect(entries).toHaveLength(10);
    expect(entries.every((row) => row.n === 1)).toBe(true);

    const published = (await outboxEvents(partners, 'commission.accrued')).filter((e) => e.shopId === shop.shopId);
    const reversed = (await outboxEvents(partners, 'commission.reversed')).filter((e) => e.shopId === shop.shopId);
    expect(published).toHaveLength(7);
    expect(reversed.map((e) => e.data.amountCents).sort((a, b) => a - b)).toEqual([452, 674, 1176]);
    expect(published[0]).toMatchObject({ subject: { typename: 'Shop', id: shop.shopId }, data: { partnerId, programId: program.id, currency: 'USD' } });
  });

  it('refuses a second ledger entry for one source event at the database, even bypassing the consumer', async () => {
    const { program, productId } = await seedProgram(svc, { name: 'Unique' });
    const shop = newShop();
    await svc.programs.enroll(program, shop, new Date('2026-01-01T00:00:00Z'));
    const approved = saleEvents(shop).decided('approved', { recommendationId: randomUUID(), productId, totalCents: 10_000, decidedAt: '2026-02-03T10:00:00Z' });
    expect(await svc.ledger.handle(approved)).toBe(true);
    const copy = partners.runtime.db.dataSource.query(
      `INSERT INTO partners.ledger_entry (shop_id, org_id, partner_id, program_id, recommendation_id, inspection_id, kind, commission_cents,
         incentive_cents, currency, period, sale_month, occurred_at, adjustment, source_event_id, source_event_type)
       SELECT shop_id, org_id, partner_id, program_id, recommendation_id, inspection_id, kind, commission_cents,
         incentive_cents, currency, period, sale_month, occurred_at, adjustment, source_event_id, source_event_type
       FROM partners.ledger_entry WHERE source_event_id = $1`,
      [approved.id],
    );
    await expect(copy).rejects.toThrow(/ledger_entry_one_per_source_event/);
  });

  it('holds commission under the monthly and per-order caps of the rule version in force', async () => {
    const { program, productId } = await seedProgram(svc, {
      name: 'Capped',
      rule: { kind: 'PERCENTAGE', basisPoints: 1000, orderCapCents: 800, monthlyCapCents: 1_000, effectiveFrom: new Date('2026-01-01T00:00:00Z') },
    });
    const shop = newShop();
    await svc.programs.enroll(program, shop, new Date('2026-01-01T00:00:00Z'));
    const ev = saleEvents(shop);
    const sale = (totalCents: number, decidedAt: string, inspectionId: string) =>
      ev.decided('approved', { recommendationId: randomUUID(), inspectionId, productId, totalCents, decidedAt });
    // Order A: 600 + 600 → capped at 800 per order. Order B: 600 → only 200 left of the 1000 monthly cap.
    for (const event of [sale(6_000, '2026-05-01T10:00:00Z', 'A'), sale(6_000, '2026-05-02T10:00:00Z', 'A'), sale(6_000, '2026-05-03T10:00:00Z', 'B')]) {
      await svc.ledger.handle(event);
    }
    const rows: { commission_cents: string }[] = await partners.runtime.db.dataSource.query(
      `SELECT commission_cents FROM partners.ledger_entry WHERE shop_id = $1 ORDER BY seq`,
      [shop.shopId],
    );
    expect(rows.map((r) => Number(r.commission_cents))).toEqual([600, 200, 200]);
  });

  it('pays nothing for sales decided before the shop enrolled', async () => {
    const { program, productId } = await seedProgram(svc, { name: 'Enrolled' });
    const shop = newShop();
    await svc.programs.enroll(program, shop, new Date('2026-06-01T00:00:00Z'));
    const before = saleEvents(shop).decided('approved', { recommendationId: randomUUID(), productId, totalCents: 10_000, decidedAt: '2026-05-31T23:59:59Z' });
    await svc.ledger.handle(before);
    const [{ count }] = await partners.runtime.db.dataSource.query(`SELECT count(*)::int AS count FROM partners.ledger_entry WHERE shop_id = $1`, [shop.shopId]);
    expect(count).toBe(0);
  });
});

describe('a closed statement', () => {
  async function closedMonth() {
    const seeded = await seedProgram(svc, { name: 'Closed', sharedFields: ['TIER', 'PERFORMANCE', 'EARNINGS'] });
    const shop: TestShop = newShop();
    await svc.programs.enroll(seeded.program, shop, new Date('2026-01-01T00:00:00Z'));
    const recommendationId = randomUUID();
    await svc.ledger.handle(saleEvents(shop).decided('approved', { recommendationId, productId: seeded.productId, totalCents: 10_000, decidedAt: '2026-02-10T10:00:00Z' }));
    const partner = await partnerToken(seeded.partnerId, [shop.shopId]);
    const closed = await partners.execute(closeMutation, { shopId: shop.shopId, period: '2026-02' }, { token: partner });
    expect(closed.errors).toBeUndefined();
    return { ...seeded, shop, partner, recommendationId };
  }

  const snapshot = async (shopId: string) => ({
    statements: await partners.runtime.db.dataSource.query(`SELECT * FROM partners.statement WHERE shop_id = $1 AND period = '2026-02-01' ORDER BY id`, [shopId]),
    entries: await partners.runtime.db.dataSource.query(`SELECT * FROM partners.ledger_entry WHERE shop_id = $1 AND period = '2026-02-01' ORDER BY seq`, [shopId]),
  });

  it('cannot be changed through any mutation', async () => {
    const { shop, partner, program, partnerId, productId } = await closedMonth();
    const owner = await staffToken(shop, 'OWNER');
    const before = await snapshot(shop.shopId);
    expect(before.statements[0].status).toBe('CLOSED');

    const again = await partners.execute(closeMutation, { shopId: shop.shopId, period: '2026-02' }, { token: partner });
    expect(again.errors?.[0].extensions?.code).toBe('PERIOD_CLOSED');
    const backdated = await partners.execute(ruleMutation, { programId: program.id, input: { kind: 'PERCENTAGE', basisPoints: 5000, effectiveFrom: '2026-02-01T00:00:00Z' } }, { token: partner });
    expect(backdated.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const mutations: [string, Record<string, unknown>, string][] = [
      [ruleMutation, { programId: program.id, input: { kind: 'PERCENTAGE', basisPoints: 5000, effectiveFrom: '2026-02-11T00:00:00Z' } }, partner],
      [`mutation($s: ID!, $p: ID!) { recomputePartnerTier(shopId: $s, programId: $p) { tier } }`, { s: shop.shopId, p: program.id }, owner],
      [`mutation($s: ID!, $p: ID!) { leavePartnerProgram(shopId: $s, programId: $p) { endedAt } }`, { s: shop.shopId, p: program.id }, owner],
      [`mutation($s: ID!, $p: ID!) { enrollInPartnerProgram(shopId: $s, programId: $p) { id } }`, { s: shop.shopId, p: program.id }, owner],
      [`mutation($p: ID!) { addPartnerProduct(programId: $p, input: { sku: "LATE", name: "Late", unitPriceCents: 1 }) { id } }`, { p: program.id }, partner],
      [`mutation { issuePartnerApiKey(input: { label: "x" }) { secret } }`, {}, partner],
    ];
    for (const [query, variables, token] of mutations) {
      const result = await partners.execute(query, variables, { token });
      expect(result.errors).toBeUndefined();
    }
    // A sale of that month arriving now lands in March as an adjustment.
    await svc.ledger.handle(saleEvents(shop).decided('approved', { recommendationId: randomUUID(), productId, totalCents: 1_000, decidedAt: '2026-02-20T10:00:00Z' }));
    expect(await snapshot(shop.shopId)).toEqual(before);
    const march = await partners.execute(statementQuery, { shopId: shop.shopId, partnerId, period: '2026-03' }, { token: owner });
    expect(march.data!.partnerStatement.adjustments.amountCents).toBe(500);
  });

  it('is protected by the database as well as the repository', async () => {
    const { shop } = await closedMonth();
    const db = partners.runtime.db.dataSource;
    await expect(db.query(`UPDATE partners.statement SET payable_cents = 0 WHERE shop_id = $1 AND period = '2026-02-01'`, [shop.shopId])).rejects.toThrow(/is closed/);
    await expect(db.query(`DELETE FROM partners.statement WHERE shop_id = $1 AND period = '2026-02-01'`, [shop.shopId])).rejects.toThrow(/is closed/);
    await expect(db.query(`UPDATE partners.ledger_entry SET commission_cents = 0 WHERE shop_id = $1`, [shop.shopId])).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM partners.ledger_entry WHERE shop_id = $1`, [shop.shopId])).rejects.toThrow(/append-only/);
    await expect(
      db.query(
        `INSERT INTO partners.ledger_entry (shop_id, org_id, partner_id, program_id, recommendation_id, inspection_id, kind, commission_cents,
           incentive_cents, currency, period, sale_month, occurred_at, adjustment, source_event_id, source_event_type)
         SELECT shop_id, org_id, partner_id, program_id, recommendation_id, inspection_id, kind, commission_cents,
           incentive_cents, currency, period, sale_month, occurred_at, adjustment, gen_random_uuid(), source_event_type
         FROM partners.ledger_entry WHERE shop_id = $1`,
        [shop.shopId],
      ),
    ).rejects.toThrow(/is closed/);
  });
});
