import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildEvent, enqueueEvents, sealer, sealPurposes } from '@cip/platform';
import { must, openShare, outbox, recordMutation, runToCompleted, runToSent, standardResults, startInspection } from './seed';
import { inspections, shop, useInspectionsSubgraph } from './subgraph';

useInspectionsSubgraph({ shops: 1 });

const inspectionView = `query($id: ID!) {
  inspection(id: $id) {
    status summary { green yellow red notInspected total }
    items { key condition measurement unit notes }
    recommendations { id title description urgency decision total { amountCents } }
    approval { approvedCount declinedCount pendingCount approvedTotal { amountCents currency } declinedTotal { amountCents } presentedTotal { amountCents } approvalRate }
  }
}`;

describe('the inspection flow', () => {
  it('sets conditions from measurements, recommends yellow and red items, and closes once the customer decided on each', async () => {
    const started = await startInspection(inspections, shop);
    expect(started).toMatchObject({ status: 'IN_PROGRESS', template: { id: 'tpl_standard' }, templateVersion: 1, technician: { id: shop.technician.userId } });

    const recorded = must(await inspections.execute(recordMutation, { id: started.id, results: standardResults }, { token: shop.technician.token }));
    expect(recorded.recordItemResults.summary).toMatchObject({ red: 2, yellow: 1, green: 3 });

    must(await inspections.execute(`mutation($id: ID!) { completeInspection(id: $id) { status } }`, { id: started.id }, { token: shop.technician.token }));
    let view = must(await inspections.execute(inspectionView, { id: started.id }, { token: shop.advisor.token })).inspection;
    expect(view.items.find((i: any) => i.key === 'tires.lf_tread')).toEqual({ key: 'tires.lf_tread', condition: 'RED', measurement: 2, unit: 'INCH_32NDS', notes: 'Cords showing on the inner edge.' });
    expect(view.recommendations.map((r: any) => [r.title, r.urgency])).toEqual([
      ['Replace left front tire — 2/32 in, minimum 4/32 in', 'IMMEDIATE'],
      ['Replace right front tire — 3/32 in, minimum 4/32 in', 'SOON'],
      ['Replace front brake pads — 2 mm, minimum 4 mm', 'IMMEDIATE'],
    ]);
    expect(view.recommendations[0].description).toBe('Needs attention now: LF tread depth measured 2/32 in, minimum 4/32 in. Cords showing on the inner edge.');
    expect(view.recommendations[1].description).toBe('Needs attention soon: RF tread depth measured 3/32 in, minimum 4/32 in.');

    const [tire, rfTire, pads] = view.recommendations;
    const price = `mutation($id: ID!, $input: RecommendationInput!) { updateRecommendation(id: $id, input: $input) { total { amountCents } } }`;
    const priced = must(await inspections.execute(price, { id: tire.id, input: { partsCents: 15_000, quantity: 2, laborCents: 4_000, laborHours: 0.8 } }, { token: shop.advisor.token }));
    expect(priced.updateRecommendation.total.amountCents).toBe(34_000);
    must(await inspections.execute(price, { id: pads.id, input: { partsCents: 9_000, laborCents: 12_000 } }, { token: shop.advisor.token }));
    must(await inspections.execute(`mutation($id: ID!) { removeRecommendation(id: $id) { id } }`, { id: rfTire.id }, { token: shop.advisor.token }));

    const sent = must(await inspections.execute(`mutation($id: ID!) { sendInspection(id: $id, expiresInHours: 48) { token url expiresAt inspection { status } } }`, { id: started.id }, { token: shop.advisor.token }));
    expect(sent.sendInspection.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [{ share_token_hash }] = await inspections.runtime.db.dataSource.query(`SELECT share_token_hash FROM inspections.inspection WHERE id = $1`, [started.id]);
    expect(share_token_hash).not.toContain(sent.sendInspection.token);

    const customerToken = await openShare(inspections, sent.sendInspection.token);
    await openShare(inspections, sent.sendInspection.token);
    const decide = `mutation($id: ID!, $d: RecommendationDecision!) { decideRecommendation(id: $id, decision: $d) { decision decidedByStaff } }`;
    must(await inspections.execute(`mutation($id: ID!) { recordEducationView(id: $id) { educationViewed } }`, { id: tire.id }, { token: customerToken }));
    expect(must(await inspections.execute(decide, { id: tire.id, d: 'APPROVED' }, { token: customerToken })).decideRecommendation).toEqual({ decision: 'APPROVED', decidedByStaff: false });
    must(await inspections.execute(decide, { id: pads.id, d: 'DECLINED' }, { token: customerToken }));

    view = must(await inspections.execute(inspectionView, { id: started.id }, { token: shop.advisor.token })).inspection;
    expect(view.status).toBe('CLOSED');
    expect(view.approval).toEqual({
      approvedCount: 1,
      declinedCount: 1,
      pendingCount: 0,
      approvedTotal: { amountCents: 34_000, currency: 'USD' },
      declinedTotal: { amountCents: 21_000 },
      presentedTotal: { amountCents: 55_000 },
      approvalRate: 34_000 / 55_000,
    });

    const events = await outbox(inspections, started.id);
    expect(events.map((e) => e.type)).toEqual([
      'inspection.started',
      'inspection.completed',
      'inspection.sent',
      'inspection.link_issued',
      'inspection.opened',
      'recommendation.approved',
      'recommendation.declined',
      'inspection.closed',
    ]);
    const byType = Object.fromEntries(events.map((e) => [e.type, e.envelope]));
    // The link reaches the shops subgraph for delivery, sealed: the token itself is on no event.
    expect(JSON.stringify(events)).not.toContain(sent.sendInspection.token);
    expect(byType['inspection.link_issued'].data).toMatchObject({ inspectionId: started.id, renewal: false, expiresAt: new Date(sent.sendInspection.expiresAt).toISOString() });
    expect(await sealer(inspections.runtime).open(byType['inspection.link_issued'].data.sealedUrl, sealPurposes.customerLink)).toBe(sent.sendInspection.url);
    expect(byType['inspection.opened'].data).toMatchObject({ inspectionId: started.id });
    expect(byType['inspection.completed'].data).toMatchObject({ items: { red: 2, yellow: 1, green: 3 }, recommendationCount: 3, recommendedCents: 0, currency: 'USD' });
    expect(byType['inspection.sent'].data).toMatchObject({ presentedCents: 55_000, recommendations: [{ recommendationId: tire.id, totalCents: 34_000, quantity: 2, partnerProductId: null }, { recommendationId: pads.id, totalCents: 21_000 }] });
    expect(byType['recommendation.approved']).toMatchObject({
      orgId: shop.orgId,
      shopId: shop.shopId,
      subject: { typename: 'Recommendation', id: tire.id },
      data: { partsCents: 30_000, laborCents: 4_000, totalCents: 34_000, quantity: 2, educationViewed: true, technicianId: shop.technician.userId },
    });
    expect(byType['recommendation.declined'].data).toMatchObject({ totalCents: 21_000, educationViewed: false });
    expect(byType['inspection.closed'].data).toMatchObject({ approvedCount: 1, declinedCount: 1, approvedCents: 34_000, declinedCents: 21_000 });
  });

  it('lets staff refund an approved recommendation once, leaving the approved total', async () => {
    const sent = await runToSent(inspections, shop);
    const customerToken = await openShare(inspections, sent.shareToken);
    const [first] = sent.recommendations;
    must(await inspections.execute(`mutation($id: ID!) { decideRecommendation(id: $id, decision: APPROVED) { id } }`, { id: first.id }, { token: customerToken }));
    const refund = `mutation($id: ID!) { refundRecommendation(id: $id, reason: "Tires were out of stock") { refunded refundReason } }`;
    expect(must(await inspections.execute(refund, { id: first.id }, { token: shop.advisor.token })).refundRecommendation).toEqual({ refunded: true, refundReason: 'Tires were out of stock' });
    expect((await inspections.execute(refund, { id: first.id }, { token: shop.advisor.token })).errors?.[0].extensions?.code).toBe('CONFLICT');
    const approval = must(await inspections.execute(`query($id: ID!) { inspection(id: $id) { approval { approvedCount refundedCount approvedTotal { amountCents } } } }`, { id: sent.id }, { token: shop.advisor.token }));
    expect(approval.inspection.approval).toMatchObject({ approvedCount: 0, refundedCount: 1, approvedTotal: { amountCents: 0 } });
    expect((await outbox(inspections, sent.id)).filter((e) => e.type === 'recommendation.refunded')).toHaveLength(1);
  });

  it("carries the vehicle's previous results forward into its next inspection", async () => {
    const vehicleId = randomUUID();
    const first = await runToCompleted(inspections, shop, { vehicleId });
    const second = await startInspection(inspections, shop, { vehicleId });
    const view = must(
      await inspections.execute(
        `query($id: ID!) { inspection(id: $id) { previousInspection { id } items { key condition previousResult { inspectionId condition measurement unit notes } } } }`,
        { id: second.id },
        { token: shop.technician.token },
      ),
    ).inspection;
    expect(view.previousInspection).toEqual({ id: first.id });
    const lf = view.items.find((i: any) => i.key === 'tires.lf_tread');
    expect(lf).toEqual({
      key: 'tires.lf_tread',
      condition: 'NOT_INSPECTED',
      previousResult: { inspectionId: first.id, condition: 'RED', measurement: 2, unit: 'INCH_32NDS', notes: 'Cords showing on the inner edge.' },
    });
  });

  it("starts with the vehicle's recommended template from the vehicles subgraph's events, whatever order they arrive in", async () => {
    const vehicleId = randomUUID();
    const about = (at: Date) => ({ orgId: shop.orgId, shopId: shop.shopId, subjectId: vehicleId, occurredAt: at });
    const event = (type: 'vehicle.added' | 'vehicle.template_changed', templateId: string, at: Date) =>
      type === 'vehicle.added'
        ? buildEvent(type, { ...about(at), data: { vehicleId, customerId: randomUUID(), vin: '1FTFW1E50PFA00001', year: 2023, make: 'FORD', model: 'F-150', recommendedTemplateId: templateId } })
        : buildEvent(type, { ...about(at), data: { vehicleId, recommendedTemplateId: templateId } });
    const publish = (type: 'vehicle.added' | 'vehicle.template_changed', templateId: string, at: Date) =>
      inspections.runtime.db.dataSource.transaction((manager) => enqueueEvents(manager, 'inspections', [event(type, templateId, at)]));
    await publish('vehicle.template_changed', 'tpl_diesel', new Date(Date.now() - 1_000));
    await publish('vehicle.added', 'tpl_light_truck', new Date(Date.now() - 60_000));
    await expect.poll(async () => (await inspections.runtime.db.dataSource.query(`SELECT count(*)::int AS n FROM inspections.processed_events`))[0].n, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    const started = await startInspection(inspections, shop, { vehicleId });
    expect(started.template.id).toBe('tpl_diesel');
    expect((await startInspection(inspections, shop)).template.id).toBe('tpl_standard');
  });

  it('opens a draft at check-in and starts it when the technician begins, assigning that technician', async () => {
    const draft = await startInspection(inspections, shop, { draft: true, token: shop.advisor.token });
    expect(draft).toMatchObject({ status: 'DRAFT', technician: null });
    expect(await outbox(inspections, draft.id)).toEqual([]);
    const begun = must(await inspections.execute(`mutation($id: ID!) { beginInspection(id: $id) { status technician { id } startedAt } }`, { id: draft.id }, { token: shop.technician.token }));
    expect(begun.beginInspection).toMatchObject({ status: 'IN_PROGRESS', technician: { id: shop.technician.userId } });
    expect((await outbox(inspections, draft.id)).map((e) => e.type)).toEqual(['inspection.started']);
  });
});
