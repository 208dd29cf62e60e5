import { describe, expect, it } from 'vitest';
import { testSigner } from '@cip/platform/testing';
import { codeOf, must, openShare, runToSent, startInspection } from './seed';
import { inspections, other, shop, useInspectionsSubgraph } from './subgraph';

useInspectionsSubgraph({ shops: 2 });

const decide = `mutation($id: ID!, $d: RecommendationDecision!) { decideRecommendation(id: $id, decision: $d) { id decision } }`;

describe('customer share links', () => {
  it("reach only their own inspection, not even the vehicle's previous one", async () => {
    const vehicleId = crypto.randomUUID();
    const theirs = await runToSent(inspections, shop, { vehicleId });
    const mine = await runToSent(inspections, shop, { vehicleId });
    const token = await openShare(inspections, mine.shareToken);
    const history = `query($id: ID!) { inspection(id: $id) { previousInspection { id } items { previousResult { condition } } } }`;
    expect(must(await inspections.execute(history, { id: mine.id }, { token: shop.advisor.token })).inspection.previousInspection).toEqual({ id: theirs.id });
    const seenByCustomer = must(await inspections.execute(history, { id: mine.id }, { token })).inspection;
    expect(seenByCustomer.previousInspection).toBeNull();
    expect(seenByCustomer.items.every((i: any) => i.previousResult === null)).toBe(true);

    const own = await inspections.execute(`query($id: ID!) { inspection(id: $id) { id items { key } recommendations { id } } }`, { id: mine.id }, { token });
    expect(own.data?.inspection.recommendations).toHaveLength(mine.recommendations.length);
    expect(codeOf(await inspections.execute(`query($id: ID!) { inspection(id: $id) { id } }`, { id: theirs.id }, { token }))).toBe('NOT_FOUND');
    expect(codeOf(await inspections.execute(decide, { id: theirs.recommendations[0].id, d: 'APPROVED' }, { token }))).toBe('NOT_FOUND');
    const entities = await inspections.execute(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Inspection { id } ... on Recommendation { id } } }`,
      { r: [{ __typename: 'Inspection', id: theirs.id }, { __typename: 'Recommendation', id: theirs.recommendations[0].id }, { __typename: 'Inspection', id: mine.id }] },
      { token },
    );
    expect(entities.data?._entities).toEqual([null, null, { id: mine.id }]);
    expect(codeOf(await inspections.execute(`query($s: ID!) { templates(shopId: $s) { id } }`, { s: shop.shopId }, { token }))).toBe('FORBIDDEN');
    expect(codeOf(await inspections.execute(`mutation($id: ID!) { closeInspection(id: $id) { id } }`, { id: mine.id }, { token }))).toBe('NOT_FOUND');
  });

  it('cannot approve or decline the same recommendation twice', async () => {
    const sent = await runToSent(inspections, shop);
    const token = await openShare(inspections, sent.shareToken);
    const [first] = sent.recommendations;
    expect(must(await inspections.execute(decide, { id: first.id, d: 'APPROVED' }, { token })).decideRecommendation.decision).toBe('APPROVED');
    const again = await inspections.execute(decide, { id: first.id, d: 'DECLINED' }, { token });
    expect(codeOf(again)).toBe('CONFLICT');
    expect(again.errors?.[0].message).toMatch(/already approved/);
    const [{ decision }] = await inspections.runtime.db.dataSource.query(`SELECT decision FROM inspections.recommendation WHERE id = $1`, [first.id]);
    expect(decision).toBe('APPROVED');
    const events = await inspections.runtime.db.dataSource.query(`SELECT type FROM inspections.outbox WHERE envelope->'subject'->>'id' = $1`, [first.id]);
    expect(events).toEqual([{ type: 'recommendation.approved' }]);
  });

  it('stop working when they expire: the link no longer opens, and the access token it gave is refused', async () => {
    const sent = await runToSent(inspections, shop);
    const inspection = (await inspections.runtime.db.dataSource.query(`SELECT * FROM inspections.inspection WHERE id = $1`, [sent.id]))[0];
    // Expired a minute ago: the token the link gave, once its lifetime has passed.
    const expired = await (await testSigner()).sign(
      { kind: 'customer', inspectionId: sent.id, orgId: inspection.org_id, shopId: inspection.shop_id, customerId: inspection.customer_id, vehicleId: inspection.vehicle_id },
      -60,
    );
    await inspections.runtime.db.dataSource.query(`UPDATE inspections.inspection SET share_expires_at = now() - interval '1 second' WHERE id = $1`, [sent.id]);
    const reopened = await inspections.execute(`mutation($t: String!) { openSharedInspection(token: $t) { accessToken } }`, { t: sent.shareToken });
    expect(codeOf(reopened)).toBe('UNAUTHENTICATED');
    const late = await inspections.execute(decide, { id: sent.recommendations[0].id, d: 'APPROVED' }, { token: expired.token });
    expect(codeOf(late)).toBe('UNAUTHENTICATED');
    expect(codeOf(await inspections.execute(`mutation { openSharedInspection(token: "not-a-token") { accessToken } }`))).toBe('UNAUTHENTICATED');
  });

  it('give an access token that lives no longer than the link', async () => {
    const sent = await runToSent(inspections, shop);
    // Issued while the request ran, for an hour; tokens count whole seconds, so from the second it was sent in.
    const before = Math.floor(Date.now() / 1000) * 1000;
    const opened = must(await inspections.execute(`mutation($t: String!) { openSharedInspection(token: $t) { expiresAt inspection { id status } } }`, { t: sent.shareToken }));
    const after = Date.now();
    expect(opened.openSharedInspection.inspection).toEqual({ id: sent.id, status: 'SENT' });
    const expiresAt = new Date(opened.openSharedInspection.expiresAt).getTime();
    expect(expiresAt).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(expiresAt).toBeLessThanOrEqual(after + 3_600_000);
  });
});

describe('staff of another organization', () => {
  it('see none of it: not the inspection, its recommendations, lists, templates or entity references', async () => {
    const sent = await runToSent(inspections, shop);
    const copy = must(await inspections.execute(`mutation($s: ID!) { copyTemplate(shopId: $s, templateId: "tpl_standard") { id } }`, { s: shop.shopId }, { token: shop.owner.token }));
    const stranger = other.owner.token;
    expect(codeOf(await inspections.execute(`query($id: ID!) { inspection(id: $id) { id } }`, { id: sent.id }, { token: stranger }))).toBe('NOT_FOUND');
    expect(codeOf(await inspections.execute(`query($id: ID!) { template(id: $id) { id } }`, { id: copy.copyTemplate.id }, { token: stranger }))).toBe('NOT_FOUND');
    expect(codeOf(await inspections.execute(decide, { id: sent.recommendations[0].id, d: 'DECLINED' }, { token: stranger }))).toBe('NOT_FOUND');
    expect(codeOf(await inspections.execute(`mutation($id: ID!) { refundRecommendation(id: $id, reason: "x") { id } }`, { id: sent.recommendations[0].id }, { token: stranger }))).toBe('NOT_FOUND');
    expect(codeOf(await inspections.execute(`mutation($id: ID!) { closeInspection(id: $id) { id } }`, { id: sent.id }, { token: stranger }))).toBe('NOT_FOUND');
    expect(codeOf(await inspections.execute(`mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`, { input: { shopId: shop.shopId, vehicleId: crypto.randomUUID(), customerId: crypto.randomUUID() } }, { token: stranger }))).toBe('NOT_FOUND');

    const row = (await inspections.runtime.db.dataSource.query(`SELECT * FROM inspections.inspection WHERE id = $1`, [sent.id]))[0];
    const entities = await inspections.execute(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Inspection { id } ... on Recommendation { id } ... on Template { id }
        ... on Vehicle { inspections { id } } ... on Customer { inspections { id } } ... on User { assignedInspections { id } }
      } }`,
      {
        r: [
          { __typename: 'Inspection', id: sent.id },
          { __typename: 'Recommendation', id: sent.recommendations[0].id },
          { __typename: 'Template', id: copy.copyTemplate.id },
          { __typename: 'Vehicle', id: row.vehicle_id },
          { __typename: 'Customer', id: row.customer_id },
          { __typename: 'User', id: shop.technician.userId },
          { __typename: 'Template', id: 'tpl_standard' },
        ],
      },
      { token: stranger },
    );
    expect(entities.data?._entities).toEqual([null, null, null, { inspections: [] }, { inspections: [] }, { assignedInspections: [] }, { id: 'tpl_standard' }]);
    const shopList = await inspections.execute(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Shop { inspections { nodes { id } } } } }`, { r: [{ __typename: 'Shop', id: shop.shopId }] }, { token: stranger });
    expect(codeOf(shopList)).toBe('NOT_FOUND');
  });
});

describe('roles', () => {
  it('let technicians fill items but not price, send or refund', async () => {
    const started = await startInspection(inspections, shop);
    must(await inspections.execute(`mutation($id: ID!) { completeInspection(id: $id) { id } }`, { id: started.id }, { token: shop.technician.token }));
    const add = await inspections.execute(`mutation($id: ID!) { addRecommendation(inspectionId: $id, input: { title: "Wiper blades", partsCents: 3000 }) { id } }`, { id: started.id }, { token: shop.technician.token });
    expect(codeOf(add)).toBe('FORBIDDEN');
    expect(codeOf(await inspections.execute(`mutation($id: ID!) { sendInspection(id: $id) { token } }`, { id: started.id }, { token: shop.technician.token }))).toBe('FORBIDDEN');
    const byAdvisor = await inspections.execute(`mutation($id: ID!) { addRecommendation(inspectionId: $id, input: { title: "Wiper blades", partsCents: 3000, quantity: 2 }) { total { amountCents } } }`, { id: started.id }, { token: shop.advisor.token });
    expect(byAdvisor.data?.addRecommendation.total.amountCents).toBe(6_000);
  });

  it('refuse anonymous callers everything but opening a share link', async () => {
    const result = await inspections.execute(`query { template(id: "tpl_standard") { id } }`);
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
  });
});
