import { createHash, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectsByTable } from '@cip/platform';
import { newShop, outboxEvents, partnerToken, saleEvents, seedProgram, staffToken, type SeededProgram, type TestShop } from './seed';
import { partners, svc, usePartnersSubgraph } from './subgraph';

/** Sales 120 days before today, whatever today is: inside their month's statement, outside the 90-day tier window. */
const saleDay = new Date(Date.now() - 120 * 86_400_000);
const period = saleDay.toISOString().slice(0, 7);

let tires: SeededProgram;
let warranty: SeededProgram;
let s1: TestShop;
let s2: TestShop;
let s3: TestShop;

usePartnersSubgraph();
beforeAll(async () => {
  tires = await seedProgram(svc, { name: 'Tires', sharedFields: ['TIER'] });
  warranty = await seedProgram(svc, { name: 'Warranty', sharedFields: ['TIER', 'PERFORMANCE', 'EARNINGS'] });
  [s1, s2, s3] = [newShop(), newShop(), newShop()];
  const since = new Date(saleDay.getTime() - 30 * 86_400_000);
  await svc.programs.enroll(tires.program, s1, since);
  await svc.programs.enroll(tires.program, s2, since);
  await svc.programs.enroll(warranty.program, s2, since);
  await svc.programs.enroll(warranty.program, s3, since);
  for (const [shop, seeded] of [[s1, tires], [s2, tires], [s2, warranty], [s3, warranty]] as const) {
    await svc.ledger.handle(
      saleEvents(shop).decided('approved', { recommendationId: randomUUID(), productId: seeded.productId, totalCents: 20_000, decidedAt: saleDay.toISOString() }),
    );
  }
});

const entities = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Shop { id programs { program { id } } partnerEarnings(period: "${period}") { partner { id } payable { amountCents } } }
  }
}`;
const shopRepresentation = (shop: TestShop) => ({ __typename: 'Shop', id: shop.shopId });

describe("a partner's API key", () => {
  it('sees only its own programs and partner', async () => {
    const token = await partnerToken(tires.partnerId, [s1.shopId, s2.shopId]);
    const own = await partners.execute(`{ programs { id } viewerPartner { id programs { id } } }`, {}, { token });
    expect(own.data!.programs).toEqual([{ id: tires.program.id }]);
    expect(own.data!.viewerPartner).toEqual({ id: tires.partnerId, programs: [{ id: tires.program.id }] });
    const foreignProgram = await partners.execute(`query($id: ID!) { program(id: $id) { id } }`, { id: warranty.program.id }, { token });
    const missingProgram = await partners.execute(`query($id: ID!) { program(id: $id) { id } }`, { id: randomUUID() }, { token });
    expect(foreignProgram.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(foreignProgram.errors?.[0].message.replace(warranty.program.id, 'X')).toBe(missingProgram.errors?.[0].message.replace(/Program \S+ /, 'Program X '));
    const foreignPartner = await partners.execute(`query($id: ID!) { partner(id: $id) { id } }`, { id: warranty.partnerId }, { token });
    expect(foreignPartner.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const references = await partners.execute(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Program { id } ... on Partner { id } } }`,
      { r: [{ __typename: 'Program', id: warranty.program.id }, { __typename: 'Partner', id: warranty.partnerId }, { __typename: 'Program', id: tires.program.id }] },
      { token },
    );
    expect(references.data!._entities).toEqual([null, null, { id: tires.program.id }]);
  });

  it('sees only its enrolled shops, and only the fields each program shares', async () => {
    const token = await partnerToken(tires.partnerId, [s1.shopId, s2.shopId]);
    const result = await partners.execute(
      `{ viewerPartner { shops { shop { id } program { id } tier { tier performance { approvals } } earnings(period: "${period}") { payable { amountCents } } } } }`,
      {},
      { token },
    );
    expect(result.errors).toBeUndefined();
    const shops = result.data!.viewerPartner.shops;
    expect(shops.map((s: any) => s.shop.id).sort()).toEqual([s1.shopId, s2.shopId].sort());
    expect(shops.every((s: any) => s.program.id === tires.program.id)).toBe(true);
    // The tire program shares the tier only: performance and earnings stay hidden.
    expect(shops.every((s: any) => s.tier.tier === 'BRONZE' && s.tier.performance === null && s.earnings === null)).toBe(true);

    const warrantyToken = await partnerToken(warranty.partnerId, [s2.shopId, s3.shopId]);
    const shared = await partners.execute(`{ viewerPartner { shops { tier { performance { approvals } } earnings(period: "${period}") { payable { amountCents } } } } }`, {}, { token: warrantyToken });
    // The warranty program shares all three (the sales, 120 days old, are outside the 90-day tier window).
    expect(shared.data!.viewerPartner.shops).toEqual([
      { tier: { performance: { approvals: 0 } }, earnings: { payable: { amountCents: 1_500 } } },
      { tier: { performance: { approvals: 0 } }, earnings: { payable: { amountCents: 1_500 } } },
    ]);

    const others = await partners.execute(`query($id: ID!) { partner(id: $id) { shops { shop { id } } } }`, { id: warranty.partnerId }, { token });
    expect(others.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const staffLooking = await partners.execute(`query($id: ID!) { partner(id: $id) { name shops { shop { id } } } }`, { id: tires.partnerId }, { token: await staffToken(s1) });
    expect(staffLooking.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it("reads shops through references only where its key reaches, and only its own programs' data", async () => {
    const token = await partnerToken(tires.partnerId, [s1.shopId, s2.shopId]);
    const result = await partners.execute(entities, { representations: [s2, s3].map(shopRepresentation) }, { token });
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities[1]).toBeNull();
    expect(result.data!._entities[0]).toEqual({
      id: s2.shopId,
      programs: [{ program: { id: tires.program.id } }],
      partnerEarnings: [{ partner: { id: tires.partnerId }, payable: { amountCents: 1_500 } }],
    });
  });
});

describe('partner products', () => {
  it('resolve as references for staff, with the education incentive, and hide from other partners', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on PartnerProduct { id name educationIncentive { amountCents } program { id } } } }`;
    const r = [
      { __typename: 'PartnerProduct', id: tires.educatedProductId },
      { __typename: 'PartnerProduct', id: tires.productId },
      { __typename: 'PartnerProduct', id: 'not-a-product' },
    ];
    const asStaff = await partners.execute(query, { r }, { token: await staffToken(s1) });
    expect(asStaff.data!._entities).toEqual([
      { id: tires.educatedProductId, name: 'Brake fluid flush', educationIncentive: { amountCents: 250 }, program: { id: tires.program.id } },
      { id: tires.productId, name: 'All-season tire', educationIncentive: null, program: { id: tires.program.id } },
      null,
    ]);
    const asOtherPartner = await partners.execute(query, { r }, { token: await partnerToken(warranty.partnerId, [s2.shopId]) });
    expect(asOtherPartner.data!._entities).toEqual([null, null, null]);
  });
});

describe('shop staff', () => {
  it("never see another shop's earnings", async () => {
    const token = await staffToken(s1, 'OWNER');
    const own = await partners.execute(entities, { representations: [s1, s2].map(shopRepresentation) }, { token });
    expect(own.data!._entities[0].partnerEarnings).toEqual([{ partner: { id: tires.partnerId }, payable: { amountCents: 1_500 } }]);
    expect(own.data!._entities[1]).toBeNull();
    const statement = `query($shopId: ID!, $partnerId: ID!) { partnerStatement(shopId: $shopId, partnerId: $partnerId, period: "${period}") { payable { amountCents } } }`;
    const foreign = await partners.execute(statement, { shopId: s2.shopId, partnerId: tires.partnerId }, { token });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(foreign.data).toBeNull();
    const customer = await (await import('@cip/platform/testing')).testSigner().then((signer) =>
      signer.sign({ kind: 'customer', inspectionId: randomUUID(), orgId: s1.orgId, shopId: s1.shopId, customerId: randomUUID(), vehicleId: randomUUID() }, 900),
    );
    const asCustomer = await partners.execute(entities, { representations: [shopRepresentation(s1)] }, { token: customer.token });
    expect(asCustomer.data!._entities[0]).toMatchObject({ programs: [], partnerEarnings: [] });
  });

  it('see every program of their shop with one enrollment query for many shops', async () => {
    const token = await staffToken(s2, 'OWNER');
    const capture = partners.runtime.db.queryLog.capture();
    const result = await partners.execute(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Shop { programs { program { name } tier { tier } } } } }`,
      { r: [shopRepresentation(s2), shopRepresentation(s1), shopRepresentation(s2)] },
      { token },
    );
    const counts = selectsByTable(capture.stop());
    expect(result.data!._entities[0].programs).toHaveLength(2);
    expect(counts['partners.enrollment']).toBe(1);
    expect(counts['partners.program']).toBe(1);
  });

  it('cannot administer partners: keys, rules, products and statements belong to the partner', async () => {
    const owner = await staffToken(s1, 'OWNER');
    const attempts = [
      [`mutation { issuePartnerApiKey(input: { label: "mine" }) { secret } }`, {}],
      [`mutation($p: ID!) { changeCommissionRule(programId: $p, input: { kind: PERCENTAGE, basisPoints: 9000, effectiveFrom: "2027-01-01T00:00:00Z" }) { id } }`, { p: tires.program.id }],
      [`mutation($p: ID!) { addPartnerProduct(programId: $p, input: { sku: "X", name: "X", unitPriceCents: 1 }) { id } }`, { p: tires.program.id }],
      [`mutation($s: ID!) { closePartnerStatement(shopId: $s, period: "${period}") { status } }`, { s: s1.shopId }],
    ] as const;
    for (const [query, variables] of attempts) {
      const result = await partners.execute(query, variables, { token: owner });
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const technician = await staffToken(s1, 'TECHNICIAN');
    const enroll = await partners.execute(`mutation($s: ID!, $p: ID!) { enrollInPartnerProgram(shopId: $s, programId: $p) { id } }`, { s: s1.shopId, p: warranty.program.id }, { token: technician });
    expect(enroll.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const [{ count }] = await partners.runtime.db.dataSource.query(`SELECT count(*)::int AS count FROM partners.commission_rule WHERE program_id = $1`, [tires.program.id]);
    expect(count).toBe(1);
  });
});

describe('partner API keys and enrollment events', () => {
  it('issues a key shown once, keeps only its hash and prefix, and tells the gateway', async () => {
    const token = await partnerToken(tires.partnerId, [s1.shopId, s2.shopId]);
    const issued = await partners.execute(`mutation { issuePartnerApiKey(input: { label: "production", plan: PREMIUM }) { secret key { id prefix plan label revokedAt } } }`, {}, { token });
    expect(issued.errors).toBeUndefined();
    const { secret, key } = issued.data!.issuePartnerApiKey;
    expect(secret.startsWith(key.prefix)).toBe(true);
    const keyHash = createHash('sha256').update(secret).digest('hex');
    const [row] = await partners.runtime.db.dataSource.query(`SELECT * FROM partners.api_key WHERE id = $1`, [key.id]);
    expect(row.key_hash).toBe(keyHash);
    expect(JSON.stringify(row)).not.toContain(secret);
    const listed = await partners.execute(`{ viewerPartner { apiKeys { id prefix } } }`, {}, { token });
    expect(JSON.stringify(listed.data)).not.toContain(secret);

    const [event] = (await outboxEvents(partners, 'partner.api_key_issued')).filter((e) => e.data.keyId === key.id);
    expect(event.subject).toEqual({ typename: 'Partner', id: tires.partnerId });
    expect(event.data).toEqual({ keyId: key.id, partnerId: tires.partnerId, keyHash, prefix: key.prefix, plan: 'premium', shopIds: [s1.shopId, s2.shopId].sort() });

    const otherPartner = await partnerToken(warranty.partnerId, [s2.shopId, s3.shopId]);
    const foreignRevoke = await partners.execute(`mutation($id: ID!) { revokePartnerApiKey(keyId: $id) { id } }`, { id: key.id }, { token: otherPartner });
    expect(foreignRevoke.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const revoked = await partners.execute(`mutation($id: ID!) { revokePartnerApiKey(keyId: $id) { revokedAt } }`, { id: key.id }, { token });
    expect(revoked.data!.revokePartnerApiKey.revokedAt).not.toBeNull();
    const [revokedEvent] = (await outboxEvents(partners, 'partner.api_key_revoked')).filter((e) => e.data.keyId === key.id);
    expect(revokedEvent.data).toEqual({ keyId: key.id, partnerId: tires.partnerId });
  });

  it('announces the shops a partner reaches whenever a shop joins or leaves', async () => {
    const shop = newShop();
    const owner = await staffToken(shop, 'OWNER');
    const joined = await partners.execute(`mutation($s: ID!, $p: ID!) { enrollInPartnerProgram(shopId: $s, programId: $p) { shop { id } program { id } } }`, { s: shop.shopId, p: tires.program.id }, { token: owner });
    expect(joined.errors).toBeUndefined();
    const twice = await partners.execute(`mutation($s: ID!, $p: ID!) { enrollInPartnerProgram(shopId: $s, programId: $p) { id } }`, { s: shop.shopId, p: tires.program.id }, { token: owner });
    expect(twice.errors?.[0].extensions?.code).toBe('CONFLICT');
    let events = (await outboxEvents(partners, 'partner.enrollment_changed')).filter((e) => e.data.partnerId === tires.partnerId);
    expect(events.at(-1)!.data).toEqual({ partnerId: tires.partnerId, shopIds: [s1.shopId, s2.shopId, shop.shopId].sort() });
    await partners.execute(`mutation($s: ID!, $p: ID!) { leavePartnerProgram(shopId: $s, programId: $p) { endedAt } }`, { s: shop.shopId, p: tires.program.id }, { token: owner });
    events = (await outboxEvents(partners, 'partner.enrollment_changed')).filter((e) => e.data.partnerId === tires.partnerId);
    expect(events.at(-1)!.data).toEqual({ partnerId: tires.partnerId, shopIds: [s1.shopId, s2.shopId].sort() });
  });

  it('announces every shop when shops join one partner at the same moment', async () => {
    const joining = Array.from({ length: 8 }, () => newShop());
    const owners = await Promise.all(joining.map((shop) => staffToken(shop, 'OWNER')));
    const results = await Promise.all(
      joining.map((shop, i) =>
        partners.execute(`mutation($s: ID!, $p: ID!) { enrollInPartnerProgram(shopId: $s, programId: $p) { id } }`, { s: shop.shopId, p: warranty.program.id }, { token: owners[i] }),
      ),
    );
    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
    const events = (await outboxEvents(partners, 'partner.enrollment_changed')).filter((e) => e.data.partnerId === warranty.partnerId);
    // The last announcement is the one the gateway keeps: it must name every enrolled shop, not only those its transaction saw.
    expect(events.at(-1)!.data.shopIds).toEqual([s2.shopId, s3.shopId, ...joining.map((shop) => shop.shopId)].sort());
  });
});

describe('bad input', () => {
  it('is refused with BAD_USER_INPUT and writes nothing', async () => {
    const token = await partnerToken(tires.partnerId, [s1.shopId]);
    const rule = await partners.execute(
      `mutation($p: ID!) { changeCommissionRule(programId: $p, input: { kind: PERCENTAGE, flatPerUnitCents: 100, effectiveFrom: "2027-01-01T00:00:00Z" }) { id } }`,
      { p: tires.program.id },
      { token },
    );
    expect(rule.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(rule.errors?.[0].message).toMatch(/basisPoints/);
    const badPeriod = await partners.execute(`{ partnerStatement(shopId: "${s1.shopId}", partnerId: "${tires.partnerId}", period: "2026-13") { status } }`, {}, { token });
    expect(badPeriod.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await expect(svc.programs.createPartner({ name: '', kind: 'BANK' })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const [{ rules }] = await partners.runtime.db.dataSource.query(`SELECT count(*)::int AS rules FROM partners.commission_rule WHERE program_id = $1`, [tires.program.id]);
    expect(rules).toBe(1);
  });
});
