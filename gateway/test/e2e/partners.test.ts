import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../subgraphs/partners/src/context';
import { partnerToken, saleEvents, seedProgram, type SeededProgram } from '../../../subgraphs/partners/test/seed';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { signUp, type SeededOrg } from '../support/seed';

let platform: TestPlatform;
let svc: Services;
let alpha: SeededOrg;
let bravo: SeededOrg;
let tires: SeededProgram;

beforeAll(async () => {
  platform = await startTestPlatform({ only: ['shops', 'inspections', 'partners'] });
  svc = createServices(platform.subgraphs.partners!.runtime.db.dataSource);
  alpha = await signUp(platform, 'Alpha Auto');
  bravo = await signUp(platform, 'Bravo Brakes');
  tires = await seedProgram(svc, { name: 'Gateway', sharedFields: ['TIER'] });
});
afterAll(() => platform?.close());

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('timed out waiting for the partners consumer');
}

const shopEarnings = `query($id: ID!, $period: String!) {
  shop(id: $id) { name programs { program { name partner { name } } tier { tier } } partnerEarnings(period: $period) { partner { name } accrued { amountCents } payable { amountCents currency } } }
}`;

describe('partners through the gateway', () => {
  it("joins a shop's programs and earnings to the shop, from a sale event on the bus", async () => {
    const enrolled = await platform.execute(
      `mutation($s: ID!, $p: ID!) { enrollInPartnerProgram(shopId: $s, programId: $p) { shop { name } program { name } } }`,
      { s: alpha.shopId, p: tires.program.id },
      { token: alpha.ownerToken },
    );
    expect(enrolled.errors).toBeUndefined();
    expect(enrolled.data!.enrollInPartnerProgram).toEqual({ shop: { name: 'Alpha Auto Downtown' }, program: { name: 'Gateway Tires' } });

    // The shop enrolled just now, so the sale is decided now too (earlier sales earn nothing).
    const decidedAt = new Date().toISOString();
    const period = decidedAt.slice(0, 7);
    await platform.bus.publish([
      saleEvents({ shopId: alpha.shopId, orgId: alpha.orgId }).decided('approved', { recommendationId: randomUUID(), productId: tires.productId, totalCents: 12_345, decidedAt }),
    ]);
    const result = await until(
      () => platform.execute(shopEarnings, { id: alpha.shopId, period }, { token: alpha.ownerToken }),
      (r) => r.data?.shop?.partnerEarnings?.[0]?.payable.amountCents > 0,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.shop).toEqual({
      name: 'Alpha Auto Downtown',
      programs: [{ program: { name: 'Gateway Tires', partner: { name: 'Gateway Co' } }, tier: { tier: 'BRONZE' } }],
      // 12 345 × 7.5% = 925.875 → 926
      partnerEarnings: [{ partner: { name: 'Gateway Co' }, accrued: { amountCents: 926 }, payable: { amountCents: 926, currency: 'USD' } }],
    });
  });

  it("never shows one shop's earnings to another organization's staff", async () => {
    const other = await platform.execute(shopEarnings, { id: alpha.shopId, period: '2026-04' }, { token: bravo.ownerToken });
    expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(other.data?.shop ?? null).toBeNull();
    const statement = await platform.execute(
      `query($s: ID!, $p: ID!) { partnerStatement(shopId: $s, partnerId: $p, period: "2026-04") { payable { amountCents } } }`,
      { s: alpha.shopId, p: tires.partnerId },
      { token: bravo.ownerToken },
    );
    expect(statement.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it("gives a partner's key its enrolled shops, with the shop's name from the shops subgraph", async () => {
    const token = await partnerToken(tires.partnerId, [alpha.shopId]);
    const result = await platform.execute(`{ viewerPartner { name shops { shop { id name } tier { tier performance { approvals } } } } }`, {}, { token });
    expect(result.errors).toBeUndefined();
    expect(result.data!.viewerPartner).toEqual({
      name: 'Gateway Co',
      shops: [{ shop: { id: alpha.shopId, name: 'Alpha Auto Downtown' }, tier: { tier: 'BRONZE', performance: null } }],
    });
    const foreign = await platform.execute(`query($id: ID!) { shop(id: $id) { programs { program { id } } } }`, { id: bravo.shopId }, { token });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
