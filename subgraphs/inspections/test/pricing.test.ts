import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { codeOf, must, publishShopRate, runToCompleted, seedShop } from './seed';
import { inspections, useInspectionsSubgraph } from './subgraph';

useInspectionsSubgraph({ shops: 0 });

const price = `mutation($id: ID!, $input: RecommendationInput!) {
  updateRecommendation(id: $id, input: $input) { laborHours labor { amountCents currency } laborRate { amountCents } total { amountCents } }
}`;
const priceMany = `mutation($id: ID!, $lines: [RecommendationPriceInput!]!) {
  priceRecommendations(inspectionId: $id, lines: $lines) { recommendations { id labor { amountCents } laborRate { amountCents } total { amountCents } } approval { presentedTotal { amountCents } } }
}`;
const rowsOf = (inspectionId: string) =>
  inspections.runtime.db.dataSource.query(`SELECT id, labor_hours, labor_cents, labor_rate_cents, parts_cents, quantity, updated_at FROM inspections.recommendation WHERE inspection_id = $1 ORDER BY position`, [inspectionId]);

describe('pricing', () => {
  it("prices labor hours at the shop's rate, keeps that rate with the line, and lets the advisor override it", async () => {
    const shop = await seedShop();
    await publishShopRate(inspections, shop, 14_250);
    const { id, recommendations } = await runToCompleted(inspections, shop);
    const [tire, rfTire] = recommendations;

    const byHours = must(await inspections.execute(price, { id: tire.id, input: { partsCents: 8_999, laborHours: 1.5 } }, { token: shop.advisor.token })).updateRecommendation;
    expect(byHours).toEqual({ laborHours: 1.5, labor: { amountCents: 21_375, currency: 'USD' }, laborRate: { amountCents: 14_250 }, total: { amountCents: 30_374 } });

    await publishShopRate(inspections, shop, 16_000, { type: 'shop.updated' });
    const partsOnly = must(await inspections.execute(price, { id: tire.id, input: { quantity: 2 } }, { token: shop.advisor.token })).updateRecommendation;
    expect(partsOnly).toMatchObject({ labor: { amountCents: 21_375 }, laborRate: { amountCents: 14_250 }, total: { amountCents: 2 * 8_999 + 21_375 } });
    const reHoured = must(await inspections.execute(price, { id: tire.id, input: { laborHours: 2 } }, { token: shop.advisor.token })).updateRecommendation;
    expect(reHoured).toMatchObject({ labor: { amountCents: 32_000 }, laborRate: { amountCents: 16_000 } });

    const overridden = must(await inspections.execute(price, { id: rfTire.id, input: { laborHours: 1, laborCents: 9_900 } }, { token: shop.advisor.token })).updateRecommendation;
    expect(overridden).toEqual({ laborHours: 1, labor: { amountCents: 9_900, currency: 'USD' }, laborRate: null, total: { amountCents: 9_900 } });

    const added = must(
      await inspections.execute(
        `mutation($id: ID!, $input: RecommendationInput!) { addRecommendation(inspectionId: $id, input: $input) { labor { amountCents } laborRate { amountCents } } }`,
        { id, input: { title: 'Wiper blades', laborHours: 0.25 } },
        { token: shop.advisor.token },
      ),
    ).addRecommendation;
    expect(added).toEqual({ labor: { amountCents: 4_000 }, laborRate: { amountCents: 16_000 } });
  });

  it('keeps the newest rate when an older shop event arrives late', async () => {
    const shop = await seedShop();
    await publishShopRate(inspections, shop, 12_000, { type: 'shop.updated' });
    await publishShopRate(inspections, shop, 9_000, { at: new Date(Date.now() - 3_600_000) });
    const { recommendations } = await runToCompleted(inspections, shop);
    const priced = must(await inspections.execute(price, { id: recommendations[0].id, input: { laborHours: 1 } }, { token: shop.advisor.token })).updateRecommendation;
    expect(priced.labor.amountCents).toBe(12_000);
  });

  it('refuses hours alone while the shop has no known rate, or one in another currency, and changes nothing', async () => {
    const shop = await seedShop();
    const { id, recommendations } = await runToCompleted(inspections, shop);
    const before = await rowsOf(id);
    const unknown = await inspections.execute(price, { id: recommendations[0].id, input: { laborHours: 1, partsCents: 5_000 } }, { token: shop.advisor.token });
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0].extensions?.field).toBe('input.laborCents');

    await publishShopRate(inspections, shop, 11_000, { currency: 'EUR' });
    const foreign = await inspections.execute(price, { id: recommendations[0].id, input: { laborHours: 1 } }, { token: shop.advisor.token });
    expect(codeOf(foreign)).toBe('BAD_USER_INPUT');
    expect(foreign.errors?.[0].message).toMatch(/EUR.*USD/);
    expect(await rowsOf(id)).toEqual(before);
  });

  it('prices several recommendations in one mutation, all or nothing', async () => {
    const shop = await seedShop();
    await publishShopRate(inspections, shop, 15_000);
    const { id, recommendations } = await runToCompleted(inspections, shop);
    const [a, b, c] = recommendations;
    const before = await rowsOf(id);

    const oneBad = await inspections.execute(
      priceMany,
      { id, lines: [{ id: a.id, partsCents: 10_000, laborHours: 1 }, { id: b.id, partsCents: -1 }] },
      { token: shop.advisor.token },
    );
    expect(codeOf(oneBad)).toBe('BAD_USER_INPUT');
    expect(oneBad.errors?.[0].extensions?.fields).toEqual([{ path: 'lines.1.partsCents', message: 'must not be negative' }]);
    const foreignLine = await inspections.execute(priceMany, { id, lines: [{ id: a.id, laborHours: 1 }, { id: randomUUID(), laborHours: 1 }] }, { token: shop.advisor.token });
    expect(codeOf(foreignLine)).toBe('BAD_USER_INPUT');
    expect(foreignLine.errors?.[0].extensions?.field).toBe('lines.1.id');
    const twice = await inspections.execute(priceMany, { id, lines: [{ id: a.id, laborHours: 1 }, { id: a.id, laborHours: 2 }] }, { token: shop.advisor.token });
    expect(codeOf(twice)).toBe('BAD_USER_INPUT');
    expect(codeOf(await inspections.execute(priceMany, { id, lines: [{ id: a.id, laborHours: 1 }] }, { token: shop.technician.token }))).toBe('FORBIDDEN');
    expect(await rowsOf(id)).toEqual(before);

    const priced = must(
      await inspections.execute(
        priceMany,
        { id, lines: [{ id: a.id, partsCents: 10_000, laborHours: 1 }, { id: b.id, partsCents: 2_500, laborHours: 0.5 }, { id: c.id, partsCents: 7_000, laborCents: 3_000 }] },
        { token: shop.advisor.token },
      ),
    ).priceRecommendations;
    expect(priced.recommendations).toEqual([
      { id: a.id, labor: { amountCents: 15_000 }, laborRate: { amountCents: 15_000 }, total: { amountCents: 25_000 } },
      { id: b.id, labor: { amountCents: 7_500 }, laborRate: { amountCents: 15_000 }, total: { amountCents: 10_000 } },
      { id: c.id, labor: { amountCents: 3_000 }, laborRate: null, total: { amountCents: 10_000 } },
    ]);
    expect(priced.approval.presentedTotal.amountCents).toBe(45_000);
  });
});
