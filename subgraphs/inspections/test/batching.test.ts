import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectsByTable, type LoggedQuery } from '@cip/platform';
import { must, recordMutation, startInspection } from './seed';
import { inspections, shop, useInspectionsSubgraph } from './subgraph';

const vehicleIds = Array.from({ length: 50 }, () => randomUUID());
const ids: string[] = [];

useInspectionsSubgraph({ shops: 1 });

beforeAll(async () => {
  for (let i = 0; i < 100; i++) {
    const started = await startInspection(inspections, shop, { vehicleId: vehicleIds[i % vehicleIds.length] });
    if (i % 10 === 0) must(await inspections.execute(recordMutation, { id: started.id, results: [{ itemKey: 'tires.lf_tread', measurement: { value: 2, unit: 'INCH_32NDS' } }] }, { token: shop.technician.token }));
    ids.push(started.id);
  }
});

/** SELECTs per table a request sent; the outbox relay polls in the background and is not the request's. */
function requestSelects(queries: LoggedQuery[]) {
  const { 'inspections.outbox': _relay, ...counts } = selectsByTable(queries);
  return counts;
}

const listing = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Shop { inspections(first: 100) {
  pageInfo { hasNextPage endCursor }
  nodes { id status repairOrderNumber summary { green yellow red } vehicle { id } customer { id } technician { id } template { id name }
    items { key condition measurement media { id } } recommendations { id total { amountCents } } approval { approvedCount approvalRate } }
} } } }`;

describe('listing inspections', () => {
  it('reads 100 inspections with items, media, recommendations and template in one query per table', async () => {
    const capture = inspections.runtime.db.queryLog.capture();
    const result = await inspections.execute(listing, { r: [{ __typename: 'Shop', id: shop.shopId }] }, { token: shop.advisor.token });
    const counts = requestSelects(capture.stop());
    expect(result.errors).toBeUndefined();
    const page = result.data!._entities[0].inspections;
    expect(page.nodes).toHaveLength(100);
    expect(page.nodes[0].items.length).toBeGreaterThan(20);
    expect(page.nodes.filter((n: any) => n.summary.red === 1)).toHaveLength(10);
    expect(counts).toEqual({
      'inspections.inspection': 1,
      'inspections.inspection_item': 1,
      'inspections.inspection_media': 1,
      'inspections.recommendation': 1,
      'inspections.template': 1,
    });
  });

  it('resolves 100 inspection references, as the gateway sends them, with one query per table', async () => {
    const capture = inspections.runtime.db.queryLog.capture();
    const result = await inspections.execute(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Inspection { id items { key condition } vehicle { id } customer { id } previousInspection { id } } } }`,
      { r: ids.map((id) => ({ __typename: 'Inspection', id })) },
      { token: shop.advisor.token },
    );
    const counts = requestSelects(capture.stop());
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities.map((e: any) => e.id)).toEqual(ids);
    expect(counts).toEqual({ 'inspections.inspection': 1, 'inspections.inspection_item': 1 });
  });

  it("loads the histories of 50 vehicles, customers and technicians with one query each", async () => {
    const capture = inspections.runtime.db.queryLog.capture();
    const result = await inspections.execute(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Vehicle { inspections(first: 5) { id } } ... on User { assignedInspections(first: 5) { id } } } }`,
      { r: [...vehicleIds.map((id) => ({ __typename: 'Vehicle', id })), { __typename: 'User', id: shop.technician.userId }] },
      { token: shop.advisor.token },
    );
    const counts = requestSelects(capture.stop());
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities.slice(0, 50).every((v: any) => v.inspections.length === 2)).toBe(true);
    expect(result.data!._entities[50].assignedInspections).toHaveLength(5);
    expect(counts).toEqual({ 'inspections.inspection': 2 });
  });

  it('pages with a cursor and filters by status, technician and creation time', async () => {
    const page = async (variables: Record<string, unknown>) =>
      must(await inspections.execute(
        `query($r: [_Any!]!, $after: String, $status: [InspectionStatus!], $tech: ID, $from: DateTime) { _entities(representations: $r) { ... on Shop {
          inspections(first: 40, after: $after, status: $status, technicianId: $tech, createdFrom: $from) { nodes { id } pageInfo { hasNextPage endCursor } } } } }`,
        { r: [{ __typename: 'Shop', id: shop.shopId }], ...variables },
        { token: shop.advisor.token },
      ))._entities[0].inspections;
    const first = await page({});
    const second = await page({ after: first.pageInfo.endCursor });
    const third = await page({ after: second.pageInfo.endCursor });
    expect([first.pageInfo.hasNextPage, second.pageInfo.hasNextPage, third.pageInfo.hasNextPage]).toEqual([true, true, false]);
    expect([...first.nodes, ...second.nodes, ...third.nodes].map((n: any) => n.id)).toEqual([...ids].reverse());
    expect((await page({ status: ['COMPLETED'] })).nodes).toEqual([]);
    expect((await page({ tech: randomUUID() })).nodes).toEqual([]);
    expect((await page({ tech: shop.technician.userId })).nodes).toHaveLength(40);
    expect((await page({ from: new Date(Date.now() + 60_000).toISOString() })).nodes).toEqual([]);
    const bad = await inspections.execute(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Shop { inspections(after: "bogus") { nodes { id } } } } }`, { r: [{ __typename: 'Shop', id: shop.shopId }] }, { token: shop.advisor.token });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
