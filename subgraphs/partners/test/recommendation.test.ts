import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newShop, partnerToken, seedProgram, staffToken } from './seed';
import { partners, svc, usePartnersSubgraph } from './subgraph';

usePartnersSubgraph();

const offers = `query($r: [_Any!]!) {
  _entities(representations: $r) { ... on Recommendation { id partnerOffer { product { name educationTopic } program { name } educationIncentive { amountCents currency } } } }
}`;

describe('Recommendation.partnerOffer', () => {
  it("resolves the offer behind a recommendation's partner product, from the partnerProductId it requires", async () => {
    const tires = await seedProgram(svc, { name: 'Offer' });
    const other = await seedProgram(svc, { name: 'Other' });
    const shop = newShop();
    const representations = [
      { __typename: 'Recommendation', id: randomUUID(), partnerProductId: tires.educatedProductId },
      { __typename: 'Recommendation', id: randomUUID(), partnerProductId: null },
      { __typename: 'Recommendation', id: randomUUID(), partnerProductId: 'not-a-product' },
      { __typename: 'Recommendation', id: randomUUID(), partnerProductId: other.productId },
    ];
    const asStaff = await partners.execute(offers, { r: representations }, { token: await staffToken(shop) });
    expect(asStaff.errors).toBeUndefined();
    expect(asStaff.data!._entities.map((e: any) => e.partnerOffer)).toEqual([
      { product: { name: 'Brake fluid flush', educationTopic: 'Why brake fluid absorbs water' }, program: { name: 'Offer Tires' }, educationIncentive: { amountCents: 250, currency: 'USD' } },
      null,
      null,
      { product: { name: 'All-season tire', educationTopic: null }, program: { name: 'Other Tires' }, educationIncentive: null },
    ]);
    const asPartner = await partners.execute(offers, { r: representations }, { token: await partnerToken(tires.partnerId, [shop.shopId]) });
    expect(asPartner.data!._entities[3].partnerOffer).toBeNull();
  });
});
