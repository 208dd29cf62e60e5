import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumeEvents, createLogger, type BusSubscription, type CatalogEvent } from '@cip/platform';
import { expectedCheckDigit } from '../../../subgraphs/vehicles/src/domain/vin';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { addCustomer, addStaff, must, signUp, type SeededOrg } from '../support/seed';

/** A webhook receiver: records every request's body and answers with whatever `respond` says at that moment. */
async function receiver(respond: () => number = () => 200) {
  const received: { body: Record<string, any>; answered: number }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const answered = respond();
      received.push({ body: JSON.parse(Buffer.concat(chunks).toString('utf8')), answered });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/hooks`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let platform: TestPlatform;
let org: SeededOrg;
let api: string;
let watch: BusSubscription;
const paused: CatalogEvent<'webhook.endpoint_paused'>[] = [];
const receivers: Awaited<ReturnType<typeof receiver>>[] = [];

beforeAll(async () => {
  platform = await startTestPlatform({ only: ['shops', 'vehicles', 'inspections'], configOverrides: { WEBHOOK_RETRY_BASE_MS: '100' } });
  org = await signUp(platform, 'Authority Auto');
  api = platform.gatewayUrl.replace(/\/graphql$/, '/webhooks/v1');
  watch = await consumeEvents(
    platform.bus,
    { group: `watch-${randomUUID()}`, from: 'latest', ephemeral: true, types: ['webhook.endpoint_paused'], logger: createLogger('silent', { service: 'test' }) },
    async (event) => void paused.push(event as CatalogEvent<'webhook.endpoint_paused'>),
  );
});
afterAll(async () => {
  await watch?.close();
  await platform?.close();
  await Promise.all(receivers.map((r) => r.close()));
});

const newReceiver = async (respond?: () => number) => {
  const made = await receiver(respond);
  receivers.push(made);
  return made;
};

const call = async (path: string, token: string, body?: unknown) => {
  const response = await fetch(`${api}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: await response.json() };
};

const register = async (token: string, url: string, selection?: string) => {
  const created = await call('/endpoints', token, { url, eventTypes: ['inspectionUpdated'], ...(selection ? { selection } : {}) });
  expect(created.status).toBe(201);
  return created.body.endpoint.id as string;
};

const setRole = async (userId: string, role: 'ADVISOR' | 'MANAGER' | null) =>
  must(
    await platform.execute(`mutation($shopId: ID!, $userId: ID!, $role: StaffRole) { setStaffRole(shopId: $shopId, userId: $userId, role: $role) { id } }`, { shopId: org.shopId, userId, role }, { token: org.ownerToken }),
  );

function vin(): string {
  const draft = `1FTMW1T80MF${String(100_000 + Math.floor(Math.random() * 800_000))}`;
  return `${draft.slice(0, 8)}${expectedCheckDigit(draft)}${draft.slice(9)}`;
}

/** Starts an inspection through the gateway, which emits `inspection.started` (an `inspectionUpdated` webhook). */
async function startInspection(): Promise<string> {
  const customerId = await addCustomer(platform, org.ownerToken, org.shopId);
  const vehicleId = must(
    await platform.execute(`mutation($shopId: ID!, $customerId: ID!, $vin: String!) { addVehicle(shopId: $shopId, customerId: $customerId, vin: $vin) { id } }`, { shopId: org.shopId, customerId, vin: vin() }, { token: org.ownerToken }),
  ).addVehicle.id;
  return must(
    await platform.execute(`mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`, { input: { shopId: org.shopId, vehicleId, customerId, templateId: 'tpl_standard' } }, { token: org.ownerToken }),
  ).startInspection.id;
}

async function until<T>(read: () => T | Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('timed out');
}

describe("webhooks carry the registrant's access as it is at delivery time", () => {
  it("stops a demoted manager's endpoint before it sends customer data: paused with a reason, the owners told, an owner's endpoint still served", async () => {
    const manager = await addStaff(platform, org, 'MANAGER');
    const managers = await newReceiver();
    const owners = await newReceiver();
    const managerEndpoint = await register(manager.token, managers.url, '{ id customer { name } }');
    const ownerEndpoint = await register(org.ownerToken, owners.url);
    await setRole(manager.userId, 'ADVISOR');

    const inspectionId = await startInspection();
    // Both endpoints are decided for the same event, the manager's before the owner's delivery is queued.
    await until(() => owners.received, (r) => r.some((d) => d.body.subject.id === inspectionId));
    expect(managers.received).toEqual([]);

    const endpoint = (await call(`/endpoints/${managerEndpoint}`, manager.token)).body.endpoint;
    expect(endpoint).toMatchObject({ status: 'paused', pausedReason: expect.stringContaining(org.shopId) });
    expect((await call(`/endpoints/${managerEndpoint}/deliveries`, manager.token)).body.deliveries).toEqual([]);
    expect((await call(`/endpoints/${ownerEndpoint}`, org.ownerToken)).body.endpoint.status).toBe('active');

    const notices = (await call('/notifications', org.ownerToken)).body.notifications;
    expect(notices).toContainEqual(expect.objectContaining({ endpointId: managerEndpoint, kind: 'endpoint_paused' }));
    const event = await until(() => paused.find((e) => e.data.endpointId === managerEndpoint), Boolean);
    expect(event).toMatchObject({ orgId: org.orgId, data: { registrantId: manager.userId, shopIds: [org.shopId] } });

    const resumed = await call(`/endpoints/${managerEndpoint}/enable`, manager.token, {});
    expect(resumed.status).toBe(403);
    expect(resumed.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses the retry of a delivery queued while the registrant had access, once they are removed from the shop, and resumes once they are back', async () => {
    const manager = await addStaff(platform, org, 'MANAGER');
    let answer = 500;
    const hooks = await newReceiver(() => answer);
    const endpointId = await register(manager.token, hooks.url);

    const inspectionId = await startInspection();
    await until(() => hooks.received, (r) => r.some((d) => d.body.subject.id === inspectionId));
    await setRole(manager.userId, null);
    answer = 200;

    const [delivery] = await until(async () => (await call(`/endpoints/${endpointId}/deliveries`, manager.token)).body.deliveries, (d) => d[0]?.status === 'failed');
    expect(delivery).toMatchObject({ lastError: 'endpoint paused' });
    expect(hooks.received.filter((r) => r.answered === 200)).toEqual([]);
    expect((await call(`/endpoints/${endpointId}`, manager.token)).body.endpoint).toMatchObject({ status: 'paused', pausedReason: expect.stringContaining(manager.userId) });

    await setRole(manager.userId, 'MANAGER');
    const resumed = await call(`/endpoints/${endpointId}/enable`, manager.token, {});
    expect(resumed).toMatchObject({ status: 200, body: { endpoint: { status: 'active', pausedReason: null } } });
    const next = await startInspection();
    await until(() => hooks.received, (r) => r.some((d) => d.body.subject.id === next && d.answered === 200));
  });
});
