import { describe, expect, it } from 'vitest';
import { must, recordMutation, startInspection } from './seed';
import { inspections, other, shop, useInspectionsSubgraph } from './subgraph';

useInspectionsSubgraph({ shops: 2 });

describe('templates', () => {
  it('come built in with the fixed ids of the contract, each with measurement items that carry units and thresholds', async () => {
    const data = must(await inspections.execute(`query($s: ID!) { templates(shopId: $s) { id builtIn version itemCount sections { name items { key kind unit thresholds { direction yellowAt redAt } } } } }`, { s: shop.shopId }, { token: shop.technician.token }));
    expect(data.templates.map((t: any) => t.id).sort()).toEqual(['tpl_diesel', 'tpl_ev_hybrid', 'tpl_light_truck', 'tpl_motorcycle', 'tpl_standard']);
    expect(data.templates.every((t: any) => t.builtIn && t.version === 1 && t.itemCount > 10)).toBe(true);
    const ev = data.templates.find((t: any) => t.id === 'tpl_ev_hybrid');
    expect(ev.sections.map((s: any) => s.name)).toEqual(expect.arrayContaining(['High-voltage battery', 'Battery and inverter cooling']));
    const standard = data.templates.find((t: any) => t.id === 'tpl_standard');
    expect(standard.sections[0].items[0]).toEqual({ key: 'tires.lf_tread', kind: 'MEASUREMENT', unit: 'INCH_32NDS', thresholds: { direction: 'LOWER_IS_WORSE', yellowAt: 4, redAt: 2 } });
  });

  it("are copied and edited by a shop in versions, and an inspection keeps the version it started with", async () => {
    const copy = must(await inspections.execute(`mutation($s: ID!) { copyTemplate(shopId: $s, templateId: "tpl_motorcycle", name: "Track day check") { id name version builtIn basedOn { id } } }`, { s: shop.shopId }, { token: shop.owner.token })).copyTemplate;
    expect(copy).toMatchObject({ name: 'Track day check', version: 1, builtIn: false, basedOn: { id: 'tpl_motorcycle' } });
    const onV1 = await startInspection(inspections, shop, { templateId: copy.id });
    expect(onV1.templateVersion).toBe(1);

    const sections = [
      { key: 'tires', name: 'Tires', items: [{ key: 'tires.front_pressure', name: 'Front pressure', kind: 'MEASUREMENT', unit: 'PSI', thresholds: { direction: 'LOWER_IS_WORSE', yellowAt: 36, redAt: 30 } }] },
      { name: 'Safety wire', items: [{ name: 'Drain plug wired', kind: 'CONDITION' }] },
    ];
    const updated = must(await inspections.execute(`mutation($id: ID!, $sections: [TemplateSectionInput!]) { updateTemplate(id: $id, sections: $sections) { version itemCount } }`, { id: copy.id, sections }, { token: shop.owner.token }));
    expect(updated.updateTemplate).toEqual({ version: 2, itemCount: 2 });

    const kept = must(await inspections.execute(`query($id: ID!) { inspection(id: $id) { templateVersion items { key } } }`, { id: onV1.id }, { token: shop.technician.token })).inspection;
    expect(kept.templateVersion).toBe(1);
    expect(kept.items.length).toBe(onV1.items.length);
    expect(kept.items.map((i: any) => i.key)).toContain('drive.chain');
    const onV1Pressure = await inspections.execute(recordMutation, { id: onV1.id, results: [{ itemKey: 'tires.front_pressure', measurement: { value: 29, unit: 'PSI' } }] }, { token: shop.technician.token });
    expect(onV1Pressure.data?.recordItemResults.summary).toMatchObject({ yellow: 1 });

    const onV2 = await startInspection(inspections, shop, { templateId: copy.id });
    expect(onV2.templateVersion).toBe(2);
    expect(onV2.items.map((i) => i.key)).toEqual(['tires.front_pressure', expect.stringMatching(/^i_/)]);
    const onV2Pressure = await inspections.execute(recordMutation, { id: onV2.id, results: [{ itemKey: 'tires.front_pressure', measurement: { value: 29, unit: 'PSI' } }] }, { token: shop.technician.token });
    expect(onV2Pressure.data?.recordItemResults.summary).toMatchObject({ yellow: 0, red: 1, green: 0, notInspected: 1 });
    expect(onV2Pressure.data?.recordItemResults.summary.total).toBe(2);
  });

  it("belong to their shop: another shop can neither see, copy, edit nor start from them", async () => {
    const copy = must(await inspections.execute(`mutation($s: ID!) { copyTemplate(shopId: $s, templateId: "tpl_standard") { id name } }`, { s: shop.shopId }, { token: shop.owner.token })).copyTemplate;
    expect(copy.name).toBe('Standard multi-point inspection (copy)');
    const listed = must(await inspections.execute(`query($s: ID!) { templates(shopId: $s) { id } }`, { s: other.shopId }, { token: other.owner.token }));
    expect(listed.templates.map((t: any) => t.id)).not.toContain(copy.id);
    const code = (r: any) => r.errors?.[0]?.extensions?.code;
    expect(code(await inspections.execute(`mutation($s: ID!, $t: ID!) { copyTemplate(shopId: $s, templateId: $t) { id } }`, { s: other.shopId, t: copy.id }, { token: other.owner.token }))).toBe('NOT_FOUND');
    expect(code(await inspections.execute(`mutation($id: ID!) { updateTemplate(id: $id, name: "Mine now") { id } }`, { id: copy.id }, { token: other.owner.token }))).toBe('NOT_FOUND');
    expect(code(await inspections.execute(`mutation($id: ID!) { updateTemplate(id: $id, name: "Renamed") { id } }`, { id: copy.id }, { token: shop.technician.token }))).toBe('FORBIDDEN');
    await expect(startInspection(inspections, other, { templateId: copy.id })).rejects.toThrow(/NOT_FOUND/);
  });
});

describe('recommendation wording', () => {
  it("words recommendations from the template item, its condition and measurement, and follows the shop's own wording per template", async () => {
    const copy = must(await inspections.execute(`mutation($s: ID!) { copyTemplate(shopId: $s, templateId: "tpl_standard") { id sections { key name items { key name kind unit thresholds { direction yellowAt redAt } } } } }`, { s: shop.shopId }, { token: shop.owner.token })).copyTemplate;
    const sections = copy.sections.map((section: any) => ({
      ...section,
      items: section.items.map((item: any) =>
        item.key === 'brakes.front_pads' ? { ...item, recommendation: { title: 'Replace front pads and resurface rotors', description: 'Includes our lifetime pad warranty.' } } : item,
      ),
    }));
    const updated = must(
      await inspections.execute(`mutation($id: ID!, $sections: [TemplateSectionInput!]) { updateTemplate(id: $id, sections: $sections) { sections { items { key recommendation { title description } } } } }`, { id: copy.id, sections }, { token: shop.owner.token }),
    ).updateTemplate;
    expect(updated.sections.flatMap((s: any) => s.items).find((i: any) => i.key === 'brakes.front_pads').recommendation).toEqual({ title: 'Replace front pads and resurface rotors', description: 'Includes our lifetime pad warranty.' });

    const started = await startInspection(inspections, shop, { templateId: copy.id });
    const results = [
      { itemKey: 'brakes.front_pads', measurement: { value: 2, unit: 'MILLIMETERS' }, notes: 'Metal on metal at the inner pad.' },
      { itemKey: 'brakes.fluid_moisture', measurement: { value: 2.5, unit: 'PERCENT' } },
      { itemKey: 'lights.wipers', condition: 'YELLOW' },
    ];
    must(await inspections.execute(recordMutation, { id: started.id, results }, { token: shop.technician.token }));
    must(await inspections.execute(`mutation($id: ID!) { completeInspection(id: $id) { id } }`, { id: started.id }, { token: shop.technician.token }));
    const view = must(await inspections.execute(`query($id: ID!) { inspection(id: $id) { recommendations { title description } } }`, { id: started.id }, { token: shop.advisor.token })).inspection;
    expect(view.recommendations).toEqual([
      { title: 'Replace front pads and resurface rotors — 2 mm, minimum 4 mm', description: 'Needs attention now: Front pads measured 2 mm, minimum 4 mm. Includes our lifetime pad warranty. Metal on metal at the inner pad.' },
      { title: 'Flush brake fluid — 2.5 %, maximum 2 %', description: 'Needs attention soon: Brake fluid moisture measured 2.5 %, maximum 2 %.' },
      { title: 'Replace wiper blades', description: 'Needs attention soon: Wiper blades.' },
    ]);
  });
});

describe('template size', () => {
  it('starts an inspection on a template of the largest size the schema accepts (50 sections of 200 items)', async () => {
    const copy = must(await inspections.execute(`mutation($s: ID!) { copyTemplate(shopId: $s, templateId: "tpl_standard", name: "Fleet audit") { id } }`, { s: shop.shopId }, { token: shop.owner.token })).copyTemplate;
    // Terse condition items, so that 10,000 of them fit in the 1 MB a request body may have.
    const sections = Array.from({ length: 50 }, (_, s) => ({
      key: `s${s}`,
      name: `S${s}`,
      items: Array.from({ length: 200 }, (_, i) => ({ key: `s${s}.${i}`, name: `I${i}`, kind: 'CONDITION' })),
    }));
    const updated = await inspections.execute(`mutation($id: ID!, $sections: [TemplateSectionInput!]) { updateTemplate(id: $id, sections: $sections) { itemCount } }`, { id: copy.id, sections }, { token: shop.owner.token });
    expect(must(updated).updateTemplate.itemCount).toBe(10_000);
    const started = await startInspection(inspections, shop, { templateId: copy.id });
    expect(started.items).toHaveLength(10_000);
    expect(started.items[9_999]).toMatchObject({ key: 's49.199', kind: 'CONDITION', condition: 'NOT_INSPECTED' });
  });
});
