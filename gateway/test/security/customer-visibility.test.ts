import { buildSchema, getNamedType, isLeafType, isNonNullType, isObjectType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibilityTag } from '@cip/platform';
import { expectedCheckDigit } from '../../../subgraphs/vehicles/src/domain/vin';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { addStaff, must, signUp, type SeededOrg } from '../support/seed';

/** Issue 11.3: a customer's share-link token reaches no field the schema declares for staff only. */
let platform: TestPlatform;
let org: SeededOrg;
let customerToken: string;
let ids: Record<string, string>;
const secretNote = 'Offer the VIP discount before mentioning the brakes';

beforeAll(async () => {
  platform = await startTestPlatform();
  org = await signUp(platform, 'Visibility Auto');
  const technician = await addStaff(platform, org, 'TECHNICIAN');
  const customerId = must(
    await platform.execute(
      `mutation($shopId: ID!, $input: CustomerInput!) { createCustomer(shopId: $shopId, input: $input) { id } }`,
      { shopId: org.shopId, input: { firstName: 'Casey', lastName: 'Driver', email: 'casey@example.com', tags: ['vip'], notes: secretNote } },
      { token: org.ownerToken },
    ),
  ).createCustomer.id as string;
  const vin = `1FTMW1T80MF${String(100_000 + Math.floor(Math.random() * 800_000))}`;
  const vehicleId = must(
    await platform.execute(
      `mutation($shopId: ID!, $customerId: ID!, $vin: String!) { addVehicle(shopId: $shopId, customerId: $customerId, vin: $vin, mileage: 48000) { id } }`,
      { shopId: org.shopId, customerId, vin: `${vin.slice(0, 8)}${expectedCheckDigit(vin)}${vin.slice(9)}` },
      { token: org.ownerToken },
    ),
  ).addVehicle.id as string;
  const inspectionId = must(
    await platform.execute(
      `mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`,
      { input: { shopId: org.shopId, vehicleId, customerId, templateId: 'tpl_standard' } },
      { token: technician.token },
    ),
  ).startInspection.id as string;
  must(
    await platform.execute(
      `mutation($id: ID!, $results: [InspectionItemResultInput!]!) { recordItemResults(inspectionId: $id, results: $results) { id } }`,
      { id: inspectionId, results: [{ itemKey: 'tires.lf_tread', measurement: { value: 2, unit: 'INCH_32NDS' }, notes: 'Cords showing.' }] },
      { token: technician.token },
    ),
  );
  must(await platform.execute(`mutation($id: ID!) { completeInspection(id: $id) { id } }`, { id: inspectionId }, { token: technician.token }));
  const shareToken = must(await platform.execute(`mutation($id: ID!) { sendInspection(id: $id) { token } }`, { id: inspectionId }, { token: org.ownerToken })).sendInspection.token;
  customerToken = must(await platform.execute(`mutation($t: String!) { openSharedInspection(token: $t) { accessToken } }`, { t: shareToken })).openSharedInspection.accessToken;
  ids = { Inspection: inspectionId, Customer: customerId, Vehicle: vehicleId, Shop: org.shopId, shopId: org.shopId, inspectionId, customerId, vehicleId };
});
afterAll(() => platform?.close());

interface Segment {
  field: string;
  args: string;
}

const render = (path: Segment[], leaf: string): string =>
  path.reduceRight((inner, segment) => `${segment.field}${segment.args} { ${inner} }`, leaf);

/** Literal arguments for a field's required arguments from the customer's own ids, or null when some cannot be given. */
function argumentsFor(field: GraphQLField<unknown, unknown>): string | null {
  const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  const values: string[] = [];
  for (const arg of required) {
    const value = arg.name === 'id' ? ids[getNamedType(field.type).name] : ids[arg.name];
    if (!value || getNamedType(arg.type).name !== 'ID') return null;
    values.push(`${arg.name}: ${JSON.stringify(value)}`);
  }
  return values.length ? `(${values.join(', ')})` : '';
}

const tagsOf = (field: GraphQLField<unknown, unknown>) =>
  (field.astNode?.directives ?? []).filter((d) => d.name.value === 'tag').map((d) => (d.arguments?.[0]?.value as { value: string }).value);

/** Follows a path through a response; lists continue with their first element. */
function valueAt(data: unknown, path: string[]): unknown {
  let value = data;
  for (const key of path) {
    if (Array.isArray(value)) value = value[0];
    value = (value as Record<string, unknown> | null | undefined)?.[key];
  }
  return Array.isArray(value) ? value[0] : value;
}

describe('what a customer share-link token can read', () => {
  it('reaches no field declared for staff only, anywhere in the supergraph', { timeout: 300_000 }, async () => {
    const schema = buildSchema(platform.supergraphSdl);
    const reached = new Map<string, string[]>();
    const refused = new Set<string>();
    const bodies: string[] = [];
    const probe = async (query: string) => {
      const response = await fetch(platform.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${customerToken}` },
        body: JSON.stringify({ query: `{ ${query} }` }),
      });
      const text = await response.text();
      bodies.push(text);
      return JSON.parse(text) as { data?: unknown; errors?: unknown[] };
    };

    const queue: { type: GraphQLObjectType; path: Segment[] }[] = [];
    for (const field of Object.values(schema.getQueryType()!.getFields())) {
      const args = argumentsFor(field);
      if (args === null) continue;
      const named = getNamedType(field.type);
      const path = [{ field: field.name, args }];
      const result = await probe(isLeafType(named) ? `${field.name}${args}` : render(path, '__typename'));
      if (result.errors?.length) continue;
      reached.set(`Query.${field.name}`, tagsOf(field));
      if (isObjectType(named) && valueAt(result.data, [field.name])) queue.push({ type: named, path });
    }

    const expanded = new Set<string>();
    while (queue.length) {
      const { type, path } = queue.shift()!;
      for (const field of Object.values(type.getFields())) {
        const key = `${type.name}.${field.name}`;
        const args = argumentsFor(field);
        if (args === null || reached.has(key) || path.length > 5) continue;
        const named = getNamedType(field.type);
        const segment = { field: field.name, args };
        const result = await probe(render(path, isLeafType(named) ? field.name : render([segment], '__typename')));
        if (result.errors?.length) {
          refused.add(key);
          continue;
        }
        // A field under a null parent was never resolved: not reached along this path.
        if (!valueAt(result.data, path.map((s) => s.field))) continue;
        reached.set(key, tagsOf(field));
        const value = valueAt(result.data, [...path.map((s) => s.field), field.name]);
        if (isObjectType(named) && value && !expanded.has(key)) {
          expanded.add(key);
          queue.push({ type: named, path: [...path, segment] });
        }
      }
    }

    const staffOnly = [...reached].filter(([, tags]) => tags.some((t) => t.startsWith('visible-to-')) && !tags.includes(visibilityTag('customer')));
    expect(staffOnly.map(([key]) => key)).toEqual([]);
    expect([...reached.keys()]).toEqual(expect.arrayContaining(['Query.inspection', 'Inspection.status', 'Inspection.customer', 'Customer.name', 'Customer.email', 'Shop.name']));
    expect(refused).toContain('Customer.notes');
    expect(refused).toContain('Customer.tags');
    const notes = schema.getType('Customer') as GraphQLObjectType;
    expect(tagsOf(notes.getFields().notes)).toEqual([visibilityTag('staff')]);
    expect(bodies.filter((body) => body.includes(secretNote))).toEqual([]);
  });

  it("refuses Customer.notes to the customer's token with FORBIDDEN and shows it to the shop's staff", async () => {
    const query = `query($id: ID!) { customer(id: $id) { name notes } }`;
    const asCustomer = await platform.execute(query, { id: ids.Customer }, { token: customerToken });
    expect(asCustomer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(asCustomer)).not.toContain(secretNote);
    const asStaff = await platform.execute(query, { id: ids.Customer }, { token: org.ownerToken });
    expect(asStaff.data?.customer).toEqual({ name: 'Casey Driver', notes: secretNote });
  });
});
