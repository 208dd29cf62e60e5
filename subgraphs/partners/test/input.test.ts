import { beforeAll, describe, expect, it } from 'vitest';
import { partnerToken, seedProgram, type SeededProgram } from './seed';
import { partners, svc, usePartnersSubgraph } from './subgraph';

/** Issue 11.11: names people read, currencies and money are refused with BAD_USER_INPUT before anything is stored. */
let seeded: SeededProgram;
usePartnersSubgraph();
beforeAll(async () => {
  seeded = await seedProgram(svc, { name: 'Careful' });
});

const addProduct = `mutation($programId: ID!, $input: PartnerProductInput!) { addPartnerProduct(programId: $programId, input: $input) { id name } }`;

describe('partner input', () => {
  it.each([
    ['a right-to-left override', 'Tire\u202Egnp.exe', 'must not contain bidirectional control characters'],
    ['only zero-width characters', '\u200B\u200C\u2060', 'must contain a visible character'],
    ['a NUL byte', 'Tire\u0000', 'must not contain control characters'],
  ])('refuses a product name with %s, naming the field, and adds nothing', async (_label, name, message) => {
    const token = await partnerToken(seeded.partnerId, []);
    const answer = await partners.execute(addProduct, { programId: seeded.program.id, input: { sku: 'X-1', name, unitPriceCents: 100 } }, { token });
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'name', message }] });
    const products = await partners.runtime.db.dataSource.query(`SELECT count(*)::int AS n FROM partners.partner_product WHERE program_id = $1 AND sku = 'X-1'`, [seeded.program.id]);
    expect(products[0].n).toBe(0);
  });

  it('refuses a program in a currency that does not exist', async () => {
    await expect(seedProgram(svc, { name: 'Nowhere', currency: 'XYZ' })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ path: 'currency' }] } });
  });
});
