import { randomUUID } from 'node:crypto';
import { startTestSubgraph, testSigner, type TestSubgraph } from '@cip/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsSubgraph, Ingestor } from '../src/app';
import { inspectionLife, seeded, shopCreated, type ShopSpec } from './events';

/** Organization and technician metrics as entities and fields: who sees them, and ids or callers that name no view. */
let analytics: TestSubgraph;
const orgId = randomUUID();
const technicianId = randomUUID();
const busy: ShopSpec = { shopId: randomUUID(), orgId, timezone: 'America/Chicago', technicianIds: [technicianId] };
// A shop with no inspection in the range: it has no approval rate and no average repair order.
const quiet: ShopSpec = { shopId: randomUUID(), orgId, timezone: 'America/Chicago', technicianIds: [technicianId] };
const range = { from: '2026-03-01', to: '2026-03-31' };
const tokens: Record<'owner' | 'technician' | 'advisor' | 'stranger' | 'customer', string> = {} as never;

beforeAll(async () => {
  analytics = await startTestSubgraph(analyticsSubgraph);
  const ingestor = new Ingestor(analytics.runtime.db.dataSource);
  const random = seeded(11);
  await ingestor.handle(shopCreated(busy, 'Busy Auto'));
  await ingestor.handle(shopCreated(quiet, 'Quiet Auto'));
  for (let i = 0; i < 3; i++) for (const event of inspectionLife(busy, new Date(Date.UTC(2026, 2, 4 + i * 7, 16)), random)) await ingestor.handle(event);
  const signer = await testSigner();
  const sign = async (claims: object) => (await signer.sign(claims as never, 900)).token;
  const roles = { [busy.shopId]: 'OWNER', [quiet.shopId]: 'OWNER' };
  tokens.owner = await sign({ kind: 'staff', userId: randomUUID(), orgId, roles });
  tokens.technician = await sign({ kind: 'staff', userId: technicianId, orgId, roles: { [busy.shopId]: 'TECHNICIAN' } });
  tokens.advisor = await sign({ kind: 'staff', userId: randomUUID(), orgId, roles: { [busy.shopId]: 'ADVISOR' } });
  tokens.stranger = await sign({ kind: 'staff', userId: randomUUID(), orgId: randomUUID(), roles: { [randomUUID()]: 'OWNER' } });
  tokens.customer = await sign({ kind: 'customer', inspectionId: randomUUID(), orgId, shopId: busy.shopId, customerId: randomUUID(), vehicleId: randomUUID() });
});
afterAll(() => analytics?.close());

const entity = (typename: string, selection: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${selection} } } }`;
const resolve = (typename: string, selection: string, id: string, token: string) => analytics.execute(entity(typename, selection), { r: [{ __typename: typename, id }] }, { token });

describe('organization metrics', () => {
  const metrics = (rankBy: string) =>
    entity('Organization', `metrics(range: { from: "${range.from}", to: "${range.to}" }, rankBy: ${rankBy}) { id totals { inspectionsCompleted } shops { rank shop { id } } }`);

  it.each(['APPROVAL_RATE', 'AVERAGE_REPAIR_ORDER', 'INSPECTIONS_COMPLETED'])('ranked by %s put a shop without any value last', async (rankBy) => {
    const answer = await analytics.execute(metrics(rankBy), { r: [{ __typename: 'Organization', id: orgId }] }, { token: tokens.owner });
    expect(answer.errors).toBeUndefined();
    const view = answer.data!._entities[0].metrics;
    expect(view.totals.inspectionsCompleted).toBe(3);
    expect(view.shops).toEqual([
      { rank: 1, shop: { id: busy.shopId } },
      { rank: 2, shop: { id: quiet.shopId } },
    ]);
  });

  it("answer another organization's staff and the shop's customers exactly like an organization that does not exist", async () => {
    const missingId = randomUUID();
    const missing = await analytics.execute(metrics('APPROVED_REVENUE'), { r: [{ __typename: 'Organization', id: missingId }] }, { token: tokens.owner });
    expect(missing).toMatchObject({ data: { _entities: [null] } });
    expect(missing.errors).toBeUndefined();
    for (const token of [tokens.stranger, tokens.customer]) {
      const answer = await analytics.execute(metrics('APPROVED_REVENUE'), { r: [{ __typename: 'Organization', id: orgId }] }, { token });
      expect(JSON.stringify(answer).replaceAll(orgId, 'X')).toBe(JSON.stringify(missing).replaceAll(missingId, 'X'));
    }
  });

  it('resolve as an entity by the id the field gave, and to null for other callers and for ids that name no view', async () => {
    const listed = await analytics.execute(metrics('APPROVED_REVENUE'), { r: [{ __typename: 'Organization', id: orgId }] }, { token: tokens.owner });
    const { id } = listed.data!._entities[0].metrics;
    const selection = 'id totals { inspectionsCompleted }';
    expect((await resolve('OrganizationMetrics', selection, id, tokens.owner)).data!._entities).toEqual([{ id, totals: { inspectionsCompleted: 3 } }]);
    expect((await resolve('OrganizationMetrics', selection, id, tokens.stranger)).data!._entities).toEqual([null]);
    expect((await resolve('OrganizationMetrics', selection, id, tokens.customer)).data!._entities).toEqual([null]);
    for (const bad of [`${orgId}|${range.from}|${range.to}|LOUDEST`, `${orgId}|2026-02-30|${range.to}|APPROVAL_RATE`, `${orgId}|${range.from}`, '']) {
      const answer = await resolve('OrganizationMetrics', selection, bad, tokens.owner);
      expect(answer.errors, bad).toBeUndefined();
      expect(answer.data!._entities, bad).toEqual([null]);
    }
  });
});

describe('technician metrics', () => {
  const field = (shopId?: string) =>
    entity('User', `technicianMetrics(range: { from: "${range.from}", to: "${range.to}" }, granularity: WEEK${shopId ? `, shopId: "${shopId}"` : ''}) { id totals { inspectionsCompleted } }`);
  const ofTechnician = (token: string, shopId?: string) => analytics.execute(field(shopId), { r: [{ __typename: 'User', id: technicianId }] }, { token });

  it("are the technician's own at their shops and the owner's at the shops they own, narrowed to one shop on request", async () => {
    for (const token of [tokens.technician, tokens.owner]) {
      const answer = await ofTechnician(token);
      expect(answer.errors).toBeUndefined();
      expect(answer.data!._entities[0].technicianMetrics.totals.inspectionsCompleted).toBe(3);
    }
    const quietOnly = await ofTechnician(tokens.owner, quiet.shopId);
    expect(quietOnly.data!._entities[0].technicianMetrics.totals.inspectionsCompleted).toBe(0);
  });

  it("are FORBIDDEN to an advisor asking about someone else, and to anyone narrowing to a shop they cannot see", async () => {
    expect((await ofTechnician(tokens.advisor)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await ofTechnician(tokens.technician, quiet.shopId)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('resolve as an entity by the id the field gave, and to null for callers who may not see them and ids that name no view', async () => {
    const { id } = (await ofTechnician(tokens.technician)).data!._entities[0].technicianMetrics;
    const selection = 'id totals { inspectionsCompleted }';
    expect((await resolve('TechnicianMetrics', selection, id, tokens.owner)).data!._entities).toEqual([{ id, totals: { inspectionsCompleted: 3 } }]);
    for (const token of [tokens.advisor, tokens.customer]) {
      expect((await resolve('TechnicianMetrics', selection, id, token)).data!._entities).toEqual([null]);
    }
    // Another organization's owner measures the technician at their own shops only: nothing of this organization's.
    expect((await resolve('TechnicianMetrics', selection, id, tokens.stranger)).data!._entities).toEqual([{ id, totals: { inspectionsCompleted: 0 } }]);
    for (const bad of [`${technicianId}|${range.from}|${range.to}|YEAR`, `${technicianId}|2026-13-01|${range.to}|DAY`, `${technicianId}|${range.from}`, '']) {
      const answer = await resolve('TechnicianMetrics', selection, bad, tokens.owner);
      expect(answer.errors, bad).toBeUndefined();
      expect(answer.data!._entities, bad).toEqual([null]);
    }
  });
});
