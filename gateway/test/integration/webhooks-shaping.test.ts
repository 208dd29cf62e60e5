import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedCheckDigit } from '../../../subgraphs/vehicles/src/domain/vin';
import { Webhook } from 'standardwebhooks';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { addCustomer, must, signUp, type SeededOrg } from '../support/seed';

let platform: TestPlatform;
let org: SeededOrg;
const received: { headers: Record<string, string>; body: string }[] = [];
const hook = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received.push({ headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8') });
    res.writeHead(200).end();
  });
});
let hookUrl: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as { port: number }).port}/hooks`;
  platform = await startTestPlatform({ only: ['shops', 'vehicles', 'inspections'] });
  org = await signUp(platform, 'Webhook Motors');
});
afterAll(async () => {
  await platform?.close();
  await new Promise<void>((resolve) => hook.close(() => resolve()));
});

function vin(): string {
  const serial = String(100_000 + Math.floor(Math.random() * 800_000));
  const draft = `1FTMW1T80MF${serial}`;
  return `${draft.slice(0, 8)}${expectedCheckDigit(draft)}${draft.slice(9)}`;
}

describe('webhook payloads shaped by a GraphQL selection', () => {
  it("delivers an inspection event with the endpoint's selection resolved across subgraphs, as its owner sees it", async () => {
    const api = platform.gatewayUrl.replace(/\/graphql$/, '/webhooks/v1/endpoints');
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${org.ownerToken}` };
    const misfit = await fetch(api, { method: 'POST', headers, body: JSON.stringify({ url: hookUrl, eventTypes: ['inspectionUpdated'], selection: '{ id noSuchField }' }) });
    expect(misfit.status).toBe(400);
    const created = await fetch(api, {
      method: 'POST',
      headers,
      body: JSON.stringify({ url: hookUrl, eventTypes: ['inspectionUpdated'], selection: '{ id status repairOrderNumber vehicle { vin make } customer { name } }' }),
    });
    expect(created.status).toBe(201);
    const { secret } = await created.json();

    const customerId = await addCustomer(platform, org.ownerToken, org.shopId);
    const vehicleVin = vin();
    const vehicleId = must(
      await platform.execute(
        `mutation($shopId: ID!, $customerId: ID!, $vin: String!) { addVehicle(shopId: $shopId, customerId: $customerId, vin: $vin) { id } }`,
        { shopId: org.shopId, customerId, vin: vehicleVin },
        { token: org.ownerToken },
      ),
    ).addVehicle.id;
    const started = must(
      await platform.execute(
        `mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`,
        { input: { shopId: org.shopId, vehicleId, customerId, templateId: 'tpl_standard', repairOrderNumber: 'RO-42' } },
        { token: org.ownerToken },
      ),
    ).startInspection;

    for (let i = 0; i < 200 && received.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    const [delivery] = received;
    expect(new Webhook(secret).verify(delivery!.body, delivery!.headers)).toMatchObject({ id: expect.any(String) });
    const body = JSON.parse(delivery!.body);
    expect(body).toMatchObject({
      type: 'inspectionUpdated',
      source: { type: 'inspection.started' },
      data: { id: started.id, status: 'IN_PROGRESS', repairOrderNumber: 'RO-42', vehicle: { vin: vehicleVin, make: 'FORD' }, customer: { name: 'Casey Driver' } },
    });
  });
});
