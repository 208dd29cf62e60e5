import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagingConfig, startSmsReceiver, startSmtpReceiver } from '../../../subgraphs/shops/test/receivers';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { addStaff, must, password, signUp, type SeededOrg } from '../support/seed';

/** Issue 16: an owner who is not watching a dashboard still receives HIGH security events, by e-mail and on an organization webhook. */
interface Received {
  url: string;
  headers: Record<string, string>;
  body: string;
}
const received: Received[] = [];
const hook = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    received.push({ url: req.url ?? '', headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])), body: Buffer.concat(chunks).toString('utf8') });
    res.writeHead(204).end();
  });
});

let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let sms: Awaited<ReturnType<typeof startSmsReceiver>>;
let platform: TestPlatform;
let org: SeededOrg;
let other: SeededOrg;
let secret: string;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  sms = await startSmsReceiver();
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  platform = await startTestPlatform({ only: ['shops'], configOverrides: messagingConfig(smtp, sms, { TRUSTED_PROXY_HOPS: '1', MESSAGE_POLL_MS: '200' }) });
  org = await signUp(platform, 'Night Shift Garage');
  other = await signUp(platform, 'Elsewhere Motors');
});
afterAll(async () => {
  await platform?.close();
  await Promise.all([smtp?.close(), sms?.close(), new Promise<void>((resolve) => hook.close(() => resolve()))]);
});

const webhooks = async (path: string, token: string, body?: unknown) => {
  const response = await fetch(`${platform.gatewayUrl.replace(/\/graphql$/, '/webhooks/v1')}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: await response.json() };
};
const loginFrom = (address: string, email: string, pass: string, userAgent = 'Workshop/1.0') =>
  platform.execute(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken } }`, { e: email, p: pass }, { headers: { 'x-forwarded-for': `10.9.9.9, ${address}`, 'user-agent': userAgent } });
const alertsTo = (email: string) => smtp.messages.filter((mail) => mail.to && !Array.isArray(mail.to) && mail.to.value[0]?.address === email);
const verified = (delivery: Received) => new Webhook(secret).verify(delivery.body, delivery.headers) as { id: string; type: string; source: { type: string; data: Record<string, any> }; subject: { id: string } };

describe('security alerts', () => {
  it('lists securityAlertRaised as an organization-level webhook event type that only owners register for', async () => {
    const types = await webhooks('/event-types', org.ownerToken);
    expect(types.body.eventTypes).toContainEqual(expect.objectContaining({ name: 'securityAlertRaised', payloadType: 'SecurityAlert', organizationLevel: true, sources: ['security.alert_raised@1'] }));
    const manager = await addStaff(platform, org, 'MANAGER');
    const url = `http://127.0.0.1:${(hook.address() as { port: number }).port}/alerts`;
    const refused = await webhooks('/endpoints', manager.token, { url, eventTypes: ['securityAlertRaised'] });
    expect(refused).toMatchObject({ status: 403, body: { errors: [{ extensions: { code: 'FORBIDDEN' } }] } });
    const registered = await webhooks('/endpoints', org.ownerToken, { url, eventTypes: ['securityAlertRaised'] });
    expect(registered.status).toBe(201);
    secret = registered.body.secret;
    expect((await webhooks('/endpoints', other.ownerToken, { url: `${url}?other`, eventTypes: ['securityAlertRaised'] })).status).toBe(201);
  });

  it("e-mails the owner once and delivers one signed webhook for a credential-stuffing run, and nothing for a MEDIUM event", async () => {
    // A sign-in from an address the owner never used: NEW_DEVICE, MEDIUM.
    must(await loginFrom('198.51.100.9', org.ownerEmail, password));
    const staff = await Promise.all([addStaff(platform, org, 'ADVISOR'), addStaff(platform, org, 'TECHNICIAN')]);
    const accounts = [org.ownerEmail, ...staff.map((s) => s.email), ...Array.from({ length: 7 }, (_, i) => `nobody-${i}-${Date.now()}@example.com`)];
    for (const email of accounts) expect((await loginFrom('203.0.113.66', email, 'Stolen-Passw0rd!', 'stuffer/0.2')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    await expect.poll(() => alertsTo(org.ownerEmail).length, { timeout: 30_000 }).toBe(1);
    await expect.poll(() => received.length, { timeout: 30_000 }).toBe(1);
    const [mail] = alertsTo(org.ownerEmail);
    expect(smtp.messages).toHaveLength(1);
    expect(mail.subject).toBe('Security alert (HIGH) at Night Shift Garage: credential stuffing');
    expect(mail.text).toContain('Type: CREDENTIAL_STUFFING');
    expect(mail.text).toContain('Severity: HIGH');
    expect(mail.text).toContain('Client address: 203.0.113.66');
    expect(mail.text).toContain('User agent: stuffer/0.2');
    expect(mail.text).toMatch(/Time: \w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT/);
    expect(mail.text).toContain('What to do: ');
    for (const leak of ['Stolen-Passw0rd!', password, 'nobody-', ...staff.map((s) => s.email)]) expect(mail.text).not.toContain(leak);

    const [delivery] = received;
    expect(delivery.headers['webhook-event']).toBe('securityAlertRaised');
    const body = verified(delivery);
    expect(body).toMatchObject({ type: 'securityAlertRaised', source: { type: 'security.alert_raised', data: { type: 'CREDENTIAL_STUFFING', severity: 'HIGH', clientAddress: '203.0.113.66' } } });
    expect(mail.text).toContain(`Event: ${body.subject.id}`);
    expect(() => new Webhook(`whsec_${Buffer.from('not the endpoint secret!!').toString('base64')}`).verify(delivery.body, delivery.headers)).toThrow();
  });

  it('sends nothing twice when the bus delivers the same alert again', async () => {
    const first = verified(received[0]);
    const envelope = { id: first.id, type: first.source.type, version: 1, occurredAt: (first as { occurredAt?: string }).occurredAt!, orgId: org.orgId, shopId: null, subject: first.subject, data: first.source.data };
    await platform.bus.publish([envelope as never]);

    // A later alert: once it has arrived, the redelivery published before it has been handled too.
    const { refreshToken } = must(await loginFrom('192.0.2.10', org.ownerEmail, password)).login;
    const refresh = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`;
    must(await platform.execute(refresh, { t: refreshToken }));
    expect((await platform.execute(refresh, { t: refreshToken }, { headers: { 'x-forwarded-for': '10.9.9.9, 198.51.100.201' } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    await expect.poll(() => alertsTo(org.ownerEmail).map((mail) => mail.subject), { timeout: 30_000 }).toContain('Security alert (HIGH) at Night Shift Garage: refresh token reuse');
    await expect.poll(() => received.map((d) => verified(d).source.data.type), { timeout: 30_000 }).toEqual(['CREDENTIAL_STUFFING', 'REFRESH_TOKEN_REUSE']);
    expect(alertsTo(org.ownerEmail)).toHaveLength(2);
    expect(smtp.messages).toHaveLength(2);
    // The other organization's endpoint, on the same receiver, was sent none of this organization's alerts.
    expect(received.map((delivery) => delivery.url)).toEqual(['/alerts', '/alerts']);
  });
});
