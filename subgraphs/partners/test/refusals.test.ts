import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEvent } from '@cip/platform';
import { bronzeOnly, newShop, partnerToken, saleEvents, seedProgram, staffToken, type SeededProgram } from './seed';
import { partners, svc, usePartnersSubgraph } from './subgraph';

/** What partners refuse, and the sales the ledger pays nothing for: each with its code, nothing half-written. */
let tires: SeededProgram;
let other: SeededProgram;
usePartnersSubgraph();
beforeAll(async () => {
  tires = await seedProgram(svc, { name: 'Refused' });
  other = await seedProgram(svc, { name: 'Elsewhere' });
});

const query = (sql: string, params: unknown[]) => partners.runtime.db.dataSource.query(sql, params);
const ruleVersions = async (programId: string) => (await query(`SELECT count(*)::int AS n FROM partners.commission_rule WHERE program_id = $1`, [programId]))[0].n;
const changeRule = `mutation($programId: ID!, $input: CommissionRuleInput!) { changeCommissionRule(programId: $programId, input: $input) { version } }`;
const addProduct = `mutation($programId: ID!, $input: PartnerProductInput!) { addPartnerProduct(programId: $programId, input: $input) { id } }`;
const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('a commission rule version', () => {
  it.each([
    ['brackets that fall', { kind: 'TIERED', brackets: [{ upToCents: 50_000, basisPoints: 500 }, { upToCents: 10_000, basisPoints: 700 }, { basisPoints: 900 }] }, 'brackets', 'must rise strictly and end with an open bracket (upToCents null)'],
    ['brackets without an open last one', { kind: 'TIERED', brackets: [{ upToCents: 10_000, basisPoints: 500 }, { upToCents: 50_000, basisPoints: 700 }] }, 'brackets', 'must rise strictly and end with an open bracket (upToCents null)'],
    ['an open bracket before the last', { kind: 'TIERED', brackets: [{ basisPoints: 500 }, { upToCents: 50_000, basisPoints: 700 }, { basisPoints: 900 }] }, 'brackets', 'must rise strictly and end with an open bracket (upToCents null)'],
    ['a flat amount on a percentage rule', { kind: 'PERCENTAGE', basisPoints: 500, flatPerUnitCents: 100 }, 'flatCents', 'must be empty for a PERCENTAGE rule'],
    ['no brackets on a tiered rule', { kind: 'TIERED' }, 'brackets', 'is required for a TIERED rule'],
    ['an end before its start', { kind: 'FLAT_PER_UNIT', flatPerUnitCents: 100, effectiveUntil: future(10) }, 'effectiveUntil', 'must be after effectiveFrom'],
  ])('is refused with %s, naming the field, and no version is added', async (_label, rule, path, message) => {
    const token = await partnerToken(tires.partnerId, []);
    const before = await ruleVersions(tires.program.id);
    const answer = await partners.execute(changeRule, { programId: tires.program.id, input: { effectiveFrom: future(30), ...rule } }, { token });
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path, message }] });
    expect(await ruleVersions(tires.program.id)).toBe(before);
  });

  it("of another partner's program answers NOT_FOUND like a program that does not exist, and changes nothing", async () => {
    const token = await partnerToken(tires.partnerId, []);
    const input = { kind: 'PERCENTAGE', basisPoints: 100, effectiveFrom: future(30) };
    const foreign = await partners.execute(changeRule, { programId: other.program.id, input }, { token });
    const missingId = randomUUID();
    const missing = await partners.execute(changeRule, { programId: missingId, input }, { token });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(foreign.errors?.[0].message.replace(other.program.id, 'X')).toBe(missing.errors?.[0].message.replace(missingId, 'X'));
    expect(JSON.stringify(foreign)).not.toContain(other.partnerId);
    expect(await ruleVersions(other.program.id)).toBe(1);
  });

  it('may not be recorded by staff, who get FORBIDDEN', async () => {
    const answer = await partners.execute(changeRule, { programId: tires.program.id, input: { kind: 'PERCENTAGE', basisPoints: 100, effectiveFrom: future(30) } }, { token: await staffToken(newShop()) });
    expect(answer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('that has ended leaves the program with no rule in force, while its versions stay listed', async () => {
    const ended = await seedProgram(svc, { name: 'Ended', rule: { kind: 'PERCENTAGE', basisPoints: 500, effectiveFrom: new Date('2026-01-01T00:00:00Z'), effectiveUntil: new Date('2026-02-01T00:00:00Z') } });
    const answer = await partners.execute(`query($id: ID!) { program(id: $id) { commissionRule { version } commissionRuleVersions { version effectiveUntil } } }`, { id: ended.program.id }, { token: await staffToken(newShop()) });
    expect(answer.data!.program).toEqual({ commissionRule: null, commissionRuleVersions: [{ version: 1, effectiveUntil: '2026-02-01T00:00:00.000Z' }] });
  });
});

describe('a program', () => {
  it.each([
    ['a tier listed twice', [...bronzeOnly, { tier: 'SILVER', minRevenueCents: 100, minConversionBasisPoints: 0, minEducationBasisPoints: 0, multiplierBasisPoints: 11_000 }, { tier: 'SILVER', minRevenueCents: 200, minConversionBasisPoints: 0, minEducationBasisPoints: 0, multiplierBasisPoints: 12_000 }], 'each tier may appear once'],
    ['no BRONZE', [{ tier: 'SILVER', minRevenueCents: 100, minConversionBasisPoints: 0, minEducationBasisPoints: 0, multiplierBasisPoints: 11_000 }], 'BRONZE, the floor every enrolled shop holds, is required'],
    ['a BRONZE with thresholds', [{ ...bronzeOnly[0], minRevenueCents: 1 }], 'BRONZE must have no thresholds'],
  ])('is refused with %s, and nothing of it is stored', async (_label, tierLevels, message) => {
    const name = `Tiers ${randomUUID().slice(0, 8)}`;
    await expect(seedProgram(svc, { name, partnerId: tires.partnerId, tierLevels })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ path: 'tierLevels', message }] } });
    expect((await query(`SELECT count(*)::int AS n FROM partners.program WHERE name = $1`, [`${name} Tires`]))[0].n).toBe(0);
  });

  it('of a partner that does not exist is refused with NOT_FOUND', async () => {
    await expect(seedProgram(svc, { partnerId: randomUUID() })).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  it('refuses a second product with the same SKU with CONFLICT, keeping the first', async () => {
    const token = await partnerToken(tires.partnerId, []);
    const sku = `DUP-${randomUUID().slice(0, 6)}`;
    const first = await partners.execute(addProduct, { programId: tires.program.id, input: { sku, name: 'Winter tire', unitPriceCents: 12_000 } }, { token });
    const second = await partners.execute(addProduct, { programId: tires.program.id, input: { sku, name: 'Another', unitPriceCents: 1 } }, { token });
    expect(second.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(second.errors?.[0].message).toBe(`The program already has a product with SKU "${sku}".`);
    expect(await query(`SELECT id, name FROM partners.partner_product WHERE sku = $1`, [sku])).toEqual([{ id: first.data!.addPartnerProduct.id, name: 'Winter tire' }]);
  });
});

describe('enrollment', () => {
  const enroll = `mutation($shopId: ID!, $programId: ID!) { enrollInPartnerProgram(shopId: $shopId, programId: $programId) { program { id } } }`;
  const leave = `mutation($shopId: ID!, $programId: ID!) { leavePartnerProgram(shopId: $shopId, programId: $programId) { program { id } } }`;

  it('twice in one program is refused with CONFLICT, and leaving a program the shop is not in with NOT_FOUND', async () => {
    const shop = newShop();
    const token = await staffToken(shop, 'MANAGER');
    expect((await partners.execute(enroll, { shopId: shop.shopId, programId: tires.program.id }, { token })).errors).toBeUndefined();
    const again = await partners.execute(enroll, { shopId: shop.shopId, programId: tires.program.id }, { token });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await query(`SELECT count(*)::int AS n FROM partners.enrollment WHERE shop_id = $1`, [shop.shopId]))[0].n).toBe(1);
    const notIn = await partners.execute(leave, { shopId: shop.shopId, programId: other.program.id }, { token });
    expect(notIn.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('in a program that does not exist answers NOT_FOUND, and an advisor may not enroll the shop', async () => {
    const shop = newShop();
    const missing = await partners.execute(enroll, { shopId: shop.shopId, programId: randomUUID() }, { token: await staffToken(shop, 'OWNER') });
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const advisor = await partners.execute(enroll, { shopId: shop.shopId, programId: tires.program.id }, { token: await staffToken(shop, 'ADVISOR') });
    expect(advisor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await query(`SELECT count(*)::int AS n FROM partners.enrollment WHERE shop_id = $1`, [shop.shopId]))[0].n).toBe(0);
  });
});

describe("a partner's own surface", () => {
  it('is FORBIDDEN to staff: viewerPartner and revoking a key', async () => {
    const token = await staffToken(newShop());
    expect((await partners.execute(`{ viewerPartner { id } }`, {}, { token })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const revoke = await partners.execute(`mutation($id: ID!) { revokePartnerApiKey(keyId: $id) { id } }`, { id: randomUUID() }, { token });
    expect(revoke.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it("answers another partner's key like a missing one when revoking it, and leaves it active", async () => {
    const { key } = await svc.programs.issueApiKey(other.partnerId, { plan: 'standard', label: 'theirs' });
    const token = await partnerToken(tires.partnerId, []);
    const foreign = await partners.execute(`mutation($id: ID!) { revokePartnerApiKey(keyId: $id) { id } }`, { id: key.id }, { token });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const [row] = await query(`SELECT revoked_at FROM partners.api_key WHERE id = $1`, [key.id]);
    expect(row.revoked_at).toBeNull();
  });
});

describe('the ledger', () => {
  const entries = async (shopId: string) => (await query(`SELECT count(*)::int AS n FROM partners.ledger_entry WHERE shop_id = $1`, [shopId]))[0].n;

  it('pays nothing for approvals of products it does not know, or without a shop, alone or in a batch', async () => {
    const shop = newShop();
    await svc.programs.enroll(tires.program, shop, new Date('2026-01-15T00:00:00Z'));
    const sale = saleEvents(shop);
    const decidedAt = new Date(Date.now() - 86_400_000).toISOString();
    const unknown = sale.decided('approved', { recommendationId: randomUUID(), productId: randomUUID(), totalCents: 10_000, decidedAt });
    const notOurs = sale.decided('approved', { recommendationId: randomUUID(), productId: 'SKU-elsewhere', totalCents: 10_000, decidedAt });
    const shopless = buildEvent('recommendation.approved', { orgId: shop.orgId, shopId: null, subjectId: randomUUID(), data: { ...sale.decided('approved', { recommendationId: randomUUID(), productId: tires.productId, totalCents: 10_000, decidedAt }).data } });
    const paid = sale.decided('approved', { recommendationId: randomUUID(), productId: tires.productId, totalCents: 10_000, decidedAt });
    expect(await svc.ledger.handleBatch([unknown, notOurs, shopless, paid])).toBe(4);
    await svc.ledger.handle(sale.decided('approved', { recommendationId: randomUUID(), productId: randomUUID(), totalCents: 10_000, decidedAt }));
    await svc.ledger.handle(sale.sent({ sentAt: decidedAt, offers: [{ recommendationId: randomUUID(), productId: randomUUID(), totalCents: 10_000 }] }));
    expect(await entries(shop.shopId)).toBe(1);
  });

  it('pays no commission on a sale in another currency than the program, alone or in a batch', async () => {
    const shop = newShop();
    await svc.programs.enroll(tires.program, shop, new Date('2026-01-15T00:00:00Z'));
    const decidedAt = new Date(Date.now() - 86_400_000).toISOString();
    const inEuros = () => {
      const event = saleEvents(shop).decided('approved', { recommendationId: randomUUID(), productId: tires.productId, totalCents: 10_000, decidedAt });
      return buildEvent('recommendation.approved', { orgId: shop.orgId, shopId: shop.shopId, subjectId: event.data.recommendationId, data: { ...event.data, currency: 'EUR' } });
    };
    await svc.ledger.handle(inEuros());
    expect(await svc.ledger.handleBatch([inEuros(), inEuros()])).toBe(2);
    expect(await entries(shop.shopId)).toBe(0);
    await svc.ledger.handle(saleEvents(shop).decided('approved', { recommendationId: randomUUID(), productId: tires.productId, totalCents: 10_000, decidedAt }));
    expect(await entries(shop.shopId)).toBe(1);
  });
});
