import { describe, expect, it } from 'vitest';
import { codeOf, must, priceMutation, recordMutation, runToCompleted, startInspection } from './seed';
import { inspections, shop, useInspectionsSubgraph } from './subgraph';

useInspectionsSubgraph({ shops: 1 });

/** Everything a call could have written about one inspection. */
async function stateOf(inspectionId: string) {
  const q = (sql: string) => inspections.runtime.db.dataSource.query(sql, [inspectionId]);
  return {
    inspection: await q(`SELECT status, started_at, completed_at, sent_at, closed_at, share_token_hash, updated_at FROM inspections.inspection WHERE id = $1`),
    items: await q(`SELECT item_key, condition, measurement, notes, inspected_at FROM inspections.inspection_item WHERE inspection_id = $1 ORDER BY position`),
    recommendations: await q(`SELECT * FROM inspections.recommendation WHERE inspection_id = $1 ORDER BY position`),
    media: await q(`SELECT * FROM inspections.inspection_media WHERE inspection_id = $1`),
    events: await q(`SELECT type FROM inspections.outbox WHERE envelope->'data'->>'inspectionId' = $1 ORDER BY seq`),
  };
}

describe('bad input gets a clear error and changes nothing', () => {
  it('a condition on an item that is not in the template, even beside valid results', async () => {
    const started = await startInspection(inspections, shop);
    const before = await stateOf(started.id);
    const result = await inspections.execute(
      recordMutation,
      { id: started.id, results: [{ itemKey: 'fluids.engine_oil', condition: 'GREEN' }, { itemKey: 'hv_battery.state_of_health', condition: 'RED' }] },
      { token: shop.technician.token },
    );
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toBe(`Item "hv_battery.state_of_health" is not in this inspection's template (tpl_standard version 1).`);
    expect(result.errors?.[0].extensions?.field).toBe('results.1.itemKey');
    expect(await stateOf(started.id)).toEqual(before);
  });

  it('a measurement in the wrong unit, or on an item that takes only a condition', async () => {
    const started = await startInspection(inspections, shop);
    const before = await stateOf(started.id);
    const wrongUnit = await inspections.execute(recordMutation, { id: started.id, results: [{ itemKey: 'brakes.front_pads', measurement: { value: 3, unit: 'INCH_32NDS' } }] }, { token: shop.technician.token });
    expect(codeOf(wrongUnit)).toBe('BAD_USER_INPUT');
    expect(wrongUnit.errors?.[0].message).toBe('Item "brakes.front_pads" is measured in MILLIMETERS, not INCH_32NDS.');
    expect(wrongUnit.errors?.[0].extensions?.expectedUnit).toBe('MILLIMETERS');
    const onCondition = await inspections.execute(recordMutation, { id: started.id, results: [{ itemKey: 'lights.wipers', measurement: { value: 3, unit: 'MILLIMETERS' } }] }, { token: shop.technician.token });
    expect(codeOf(onCondition)).toBe('BAD_USER_INPUT');
    const unknownUnit = await inspections.execute(recordMutation, { id: started.id, results: [{ itemKey: 'brakes.front_pads', measurement: { value: 3, unit: 'FURLONGS' } }] }, { token: shop.technician.token });
    expect(unknownUnit.errors?.[0].message).toMatch(/FURLONGS/);
    expect(await stateOf(started.id)).toEqual(before);
  });

  it('a negative price, a zero quantity or labor hours below zero', async () => {
    const completed = await runToCompleted(inspections, shop);
    const before = await stateOf(completed.id);
    const id = completed.recommendations[0].id;
    for (const input of [{ partsCents: -100 }, { laborCents: -1, partsCents: 500 }, { quantity: 0 }, { laborHours: -0.5 }]) {
      const result = await inspections.execute(priceMutation, { id, input }, { token: shop.advisor.token });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
    }
    const negative = await inspections.execute(priceMutation, { id, input: { partsCents: -100 } }, { token: shop.advisor.token });
    expect(negative.errors?.[0].message).toBe('partsCents: must not be negative');
    const added = await inspections.execute(`mutation($id: ID!) { addRecommendation(inspectionId: $id, input: { title: "Cabin filter", laborCents: -5 }) { id } }`, { id: completed.id }, { token: shop.advisor.token });
    expect(codeOf(added)).toBe('BAD_USER_INPUT');
    expect(await stateOf(completed.id)).toEqual(before);
  });

  it('a transition out of order', async () => {
    const started = await startInspection(inspections, shop);
    const before = await stateOf(started.id);
    const send = await inspections.execute(`mutation($id: ID!) { sendInspection(id: $id) { token } }`, { id: started.id }, { token: shop.advisor.token });
    expect(codeOf(send)).toBe('INVALID_TRANSITION');
    expect(send.errors?.[0].message).toBe('An inspection that is IN_PROGRESS cannot become SENT; it can only become COMPLETED.');
    expect(codeOf(await inspections.execute(`mutation($id: ID!) { closeInspection(id: $id) { id } }`, { id: started.id }, { token: shop.advisor.token }))).toBe('INVALID_TRANSITION');
    expect(codeOf(await inspections.execute(`mutation($id: ID!) { beginInspection(id: $id) { id } }`, { id: started.id }, { token: shop.technician.token }))).toBe('INVALID_TRANSITION');
    expect(await stateOf(started.id)).toEqual(before);

    const completed = await runToCompleted(inspections, shop);
    const afterCompletion = await stateOf(completed.id);
    expect(codeOf(await inspections.execute(`mutation($id: ID!) { completeInspection(id: $id) { id } }`, { id: completed.id }, { token: shop.technician.token }))).toBe('INVALID_TRANSITION');
    expect(codeOf(await inspections.execute(recordMutation, { id: completed.id, results: [{ itemKey: 'lights.wipers', condition: 'RED' }] }, { token: shop.technician.token }))).toBe('INVALID_TRANSITION');
    expect(codeOf(await inspections.execute(`mutation($id: ID!) { decideRecommendation(id: $id, decision: APPROVED) { id } }`, { id: completed.recommendations[0].id }, { token: shop.advisor.token }))).toBe('INVALID_TRANSITION');
    expect(await stateOf(completed.id)).toEqual(afterCompletion);
  });

  it('a 50 MB upload claim, or a content type the media kind does not allow', async () => {
    const started = await startInspection(inspections, shop);
    const request = `mutation($id: ID!, $input: InspectionMediaUploadInput!) { requestMediaUpload(inspectionId: $id, input: $input) { url } }`;
    const huge = await inspections.execute(request, { id: started.id, input: { itemKey: 'tires.lf_tread', kind: 'VIDEO', contentType: 'video/mp4', byteSize: 50 * 1024 * 1024 } }, { token: shop.technician.token });
    expect(codeOf(huge)).toBe('BAD_USER_INPUT');
    expect(huge.errors?.[0].message).toBe('byteSize: must be at most 26214400 bytes (25 MB)');
    const wrongType = await inspections.execute(request, { id: started.id, input: { itemKey: 'tires.lf_tread', kind: 'PHOTO', contentType: 'application/pdf', byteSize: 1000 } }, { token: shop.technician.token });
    expect(codeOf(wrongType)).toBe('BAD_USER_INPUT');
    const unknownItem = await inspections.execute(request, { id: started.id, input: { itemKey: 'nope', kind: 'PHOTO', contentType: 'image/jpeg', byteSize: 1000 } }, { token: shop.technician.token });
    expect(codeOf(unknownItem)).toBe('BAD_USER_INPUT');
    expect((await stateOf(started.id)).media).toEqual([]);
  });

  it('a template whose measurement has no unit, thresholds the wrong way round, or a repeated item key', async () => {
    const copy = must(await inspections.execute(`mutation($s: ID!) { copyTemplate(shopId: $s, templateId: "tpl_standard", name: "Quick check") { id version } }`, { s: shop.shopId }, { token: shop.owner.token }));
    const update = `mutation($id: ID!, $sections: [TemplateSectionInput!]) { updateTemplate(id: $id, sections: $sections) { version } }`;
    const measurement = (extra: Record<string, unknown>) => ({ name: 'Tread', kind: 'MEASUREMENT', ...extra });
    const bad = [
      [{ name: 'Tires', items: [measurement({ thresholds: { direction: 'LOWER_IS_WORSE', yellowAt: 4, redAt: 2 } })] }],
      [{ name: 'Tires', items: [measurement({ unit: 'INCH_32NDS', thresholds: { direction: 'LOWER_IS_WORSE', yellowAt: 2, redAt: 4 } })] }],
      [{ name: 'Tires', items: [{ key: 'a', name: 'A', kind: 'CONDITION' }, { key: 'a', name: 'B', kind: 'CONDITION' }] }],
      [],
    ];
    for (const sections of bad) expect(codeOf(await inspections.execute(update, { id: copy.copyTemplate.id, sections }, { token: shop.owner.token }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await inspections.execute(update, { id: 'tpl_standard', sections: [{ name: 'X', items: [{ name: 'Y', kind: 'CONDITION' }] }] }, { token: shop.owner.token }))).toBe('BAD_USER_INPUT');
    const [{ version }] = await inspections.runtime.db.dataSource.query(`SELECT version FROM inspections.template WHERE id = $1`, [copy.copyTemplate.id]);
    expect(version).toBe(1);
  });
});
