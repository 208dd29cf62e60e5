import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvent, sealer, sealPurposes, type CatalogEvent } from '@cip/platform';
import { startTestSubgraph, testConfig, type TestSubgraph } from '@cip/platform/testing';
import { shopsSubgraph } from '../src/app';
import { createMessaging, type Messaging } from '../src/domain/messaging/messaging';
import { smsSignature } from '../src/domain/messaging/sms-status';
import { transportsFrom } from '../src/domain/messaging/transports';
import { messagingConfig, smsAccount, startSmsReceiver, startSmtpReceiver } from './receivers';
import { addStaff, must, signUp, type SeededOrg } from './seed';

let shops: TestSubgraph;
let org: SeededOrg;
let other: SeededOrg;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let sms: Awaited<ReturnType<typeof startSmsReceiver>>;
/** The scheduler the test drives with the instants it chooses; the app's own poller never fires here. */
let messaging: Messaging;
const callbackUrl = 'https://shops.example.com/messages/sms-status';

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  sms = await startSmsReceiver();
  shops = await startTestSubgraph(shopsSubgraph, { config: testConfig('shops', messagingConfig(smtp, sms, { MESSAGE_POLL_MS: '600000', SMS_STATUS_CALLBACK_URL: callbackUrl })) });
  messaging = createMessaging(shops.runtime);
  org = await signUp(shops, 'Foxtrot Brakes');
  other = await signUp(shops, 'Golf Glass');
});
afterAll(async () => {
  await shops?.close();
  await smtp?.close();
  await sms?.close();
});

const createCustomer = `mutation($shopId: ID!, $input: CustomerInput!) { createCustomer(shopId: $shopId, input: $input) { id } }`;
const deliveriesQuery = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Inspection { deliveries { kind channel status recipient failureReason attempts providerMessageId nextAttemptAt } } } }`;

let phoneCounter = 100;
async function customer(consent: { sms: boolean; email: boolean }, firstName = 'Dana') {
  const email = `${firstName.toLowerCase()}-${randomUUID().slice(0, 8)}@example.com`;
  const phone = `+1303555${(phoneCounter++).toString().padStart(4, '0')}`;
  const input = { firstName, lastName: 'Driver', email, phone, smsConsent: consent.sms, emailConsent: consent.email };
  const id = must(await shops.execute(createCustomer, { shopId: org.shopId, input }, { token: org.ownerToken })).createCustomer.id as string;
  return { id, email, phone };
}

const publish = (...events: CatalogEvent[]) => shops.runtime.bus.publish(events);

/** What the inspections subgraph emits when an advisor sends a report. */
async function sendReport(customerId: string, issuedAt = new Date()) {
  const inspectionId = randomUUID();
  const url = `http://127.0.0.1:4000/approve/#${randomUUID()}`;
  const sealedUrl = await sealer(shops.runtime).seal(url, sealPurposes.customerLink);
  const event = buildEvent('inspection.link_issued', {
    orgId: org.orgId,
    shopId: org.shopId,
    subjectId: inspectionId,
    occurredAt: issuedAt,
    data: { inspectionId, customerId, vehicleId: randomUUID(), sealedUrl, issuedAt: issuedAt.toISOString(), expiresAt: new Date(issuedAt.getTime() + 72 * 3_600_000).toISOString(), renewal: false },
  });
  await publish(event);
  return { inspectionId, url, issuedAt, event };
}

const decision = (type: 'recommendation.approved' | 'recommendation.declined', inspectionId: string, decidedAt: Date) =>
  buildEvent(type, {
    orgId: org.orgId,
    shopId: org.shopId,
    subjectId: randomUUID(),
    occurredAt: decidedAt,
    data: {
      inspectionId,
      recommendationId: randomUUID(),
      technicianId: null,
      decidedAt: decidedAt.toISOString(),
      sentAt: null,
      partsCents: 10_000,
      laborCents: 5_000,
      totalCents: 15_000,
      currency: 'USD',
      quantity: 1,
      partnerProductId: null,
      educationViewed: false,
    },
  });

async function deliveries(inspectionId: string, token = org.ownerToken) {
  const result = await shops.execute(deliveriesQuery, { r: [{ __typename: 'Inspection', id: inspectionId }] }, { token });
  return must(result)._entities[0].deliveries as { kind: string; channel: string; status: string; recipient: string | null; failureReason: string | null; attempts: number; providerMessageId: string | null; nextAttemptAt: string | null }[];
}

/** Waits until the consumer has turned the published events into `count` messages of the inspection. */
const queued = (inspectionId: string, count: number) => expect.poll(async () => (await deliveries(inspectionId)).length, { timeout: 15_000 }).toBe(count);

const mailsTo = (address: string) => smtp.messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.value.some((v) => v.address === address));
const textsTo = (phone: string) => sms.requests.filter((r) => r.form.get('To') === phone);

async function outboxTypes(): Promise<{ type: string; data: Record<string, unknown> }[]> {
  const rows: { type: string; envelope: { data: Record<string, unknown> } }[] = await shops.runtime.db.dataSource.query(`SELECT type, envelope FROM shops.outbox ORDER BY seq`);
  return rows.map((r) => ({ type: r.type, data: r.envelope.data }));
}

describe('message templates', () => {
  it('answers the built-in wording until a manager saves the shop\'s own, and refuses unknown placeholders and a missing link', async () => {
    const manager = await addStaff(shops, org, 'MANAGER');
    const read = await shops.execute(`query($id: ID!) { shop(id: $id) { messageTemplates { kind isDefault placeholders smsBody } messageSettings { reminderAfterHours followUpDays } } }`, { id: org.shopId }, { token: manager.token });
    const { messageTemplates, messageSettings } = must(read).shop;
    expect(messageTemplates.map((t: { kind: string }) => t.kind)).toEqual(['REPORT', 'REMINDER', 'FOLLOW_UP']);
    expect(messageTemplates.every((t: { isDefault: boolean }) => t.isDefault)).toBe(true);
    expect(messageTemplates[0].placeholders).toEqual(['customerFirstName', 'customerLastName', 'shopName', 'link']);
    expect(messageSettings).toEqual({ reminderAfterHours: 24, followUpDays: [30, 90] });

    const save = `mutation($s: ID!, $k: MessageKind!, $i: MessageTemplateInput!) { updateMessageTemplate(shopId: $s, kind: $k, input: $i) { kind isDefault emailSubject } }`;
    const unknown = await shops.execute(save, { s: org.shopId, k: 'REPORT', i: { emailSubject: 'Hello {{customerName}}', emailBody: 'See {{link}}', smsBody: '{{link}}' } }, { token: manager.token });
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(JSON.stringify(unknown.errors)).toContain('{{customerName}} is not a placeholder of REPORT messages');
    const linkless = await shops.execute(save, { s: org.shopId, k: 'REMINDER', i: { emailSubject: 'Reminder', emailBody: 'Come back', smsBody: 'Back {{link}}' } }, { token: manager.token });
    expect(JSON.stringify(linkless.errors)).toContain('must contain {{link}}');
    const technician = await addStaff(shops, org, 'TECHNICIAN');
    const refused = await shops.execute(save, { s: org.shopId, k: 'REPORT', i: { emailSubject: 'Hi', emailBody: '{{link}}', smsBody: '{{link}}' } }, { token: technician.token });
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });

    const saved = await shops.execute(save, { s: org.shopId, k: 'FOLLOW_UP', i: { emailSubject: '{{shopName}} misses you, {{customerFirstName}}', emailBody: 'Book the work we found.', smsBody: 'Book with {{shopName}}.' } }, { token: manager.token });
    expect(must(saved).updateMessageTemplate).toEqual({ kind: 'FOLLOW_UP', isDefault: false, emailSubject: '{{shopName}} misses you, {{customerFirstName}}' });
    const settings = `mutation($s: ID!, $i: MessageSettingsInput!) { updateMessageSettings(shopId: $s, input: $i) { reminderAfterHours followUpDays } }`;
    const repeated = await shops.execute(settings, { s: org.shopId, i: { reminderAfterHours: 24, followUpDays: [30, 30] } }, { token: manager.token });
    expect(repeated.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('sending the report', () => {
  it('e-mails and texts the link by the channels the customer agreed to, and records why a channel got nothing', async () => {
    const both = await customer({ sms: true, email: true }, 'Avery');
    const emailOnly = await customer({ sms: false, email: true }, 'Blake');
    const first = await sendReport(both.id);
    const second = await sendReport(emailOnly.id);
    await queued(first.inspectionId, 2);
    await queued(second.inspectionId, 2);
    await messaging.scheduler.runDue(new Date());

    const [mail] = mailsTo(both.email);
    expect(mail.subject).toBe('Your vehicle inspection from Foxtrot Brakes Downtown');
    expect(mail.text).toContain(first.url);
    expect(mail.text).toContain('Hi Avery,');
    expect(mailsTo(emailOnly.email)[0].text).toContain(second.url);
    const [text] = textsTo(both.phone);
    expect(text.path).toBe(`/2010-04-01/Accounts/${smsAccount.sid}/Messages.json`);
    expect(text.authorization).toBe(`Basic ${Buffer.from(`${smsAccount.sid}:${smsAccount.token}`).toString('base64')}`);
    expect(text.form.get('From')).toBe(smsAccount.from);
    expect(text.form.get('Body')).toBe(`Foxtrot Brakes Downtown: your vehicle inspection is ready. Review and approve the work here: ${first.url}`);
    expect(text.form.get('StatusCallback')).toBe(callbackUrl);
    expect(textsTo(emailOnly.phone)).toEqual([]);

    expect(await deliveries(second.inspectionId)).toEqual([
      expect.objectContaining({ kind: 'REPORT', channel: 'EMAIL', status: 'SENT', recipient: emailOnly.email, attempts: 1 }),
      expect.objectContaining({ kind: 'REPORT', channel: 'SMS', status: 'NOT_SENT', failureReason: 'The customer has not agreed to text messages.', attempts: 0 }),
    ]);
    expect((await deliveries(first.inspectionId)).find((d) => d.channel === 'SMS')?.providerMessageId).toMatch(/^SM\d{32}$/);
    const sent = (await outboxTypes()).filter((e) => e.type === 'customer_message.sent' && e.data.inspectionId === first.inspectionId);
    expect(sent.map((e) => e.data.channel).sort()).toEqual(['EMAIL', 'SMS']);
  });

  it('shows deliveries only to staff of the inspection\'s shop', async () => {
    const someone = await customer({ sms: false, email: true }, 'Casey');
    const report = await sendReport(someone.id);
    await queued(report.inspectionId, 2);
    expect(await deliveries(report.inspectionId, other.ownerToken)).toEqual([]);
  });

  it("writes to no customer of another shop, whatever customer id the inspection names", async () => {
    const input = { firstName: 'Quinn', lastName: 'Other', email: 'quinn@golf.example.com', phone: '+13035550999', smsConsent: true, emailConsent: true };
    const foreign = must(await shops.execute(createCustomer, { shopId: other.shopId, input }, { token: other.ownerToken })).createCustomer.id as string;
    const report = await sendReport(foreign);
    await queued(report.inspectionId, 2);
    await messaging.scheduler.runDue(new Date());
    expect(await deliveries(report.inspectionId)).toEqual([
      expect.objectContaining({ channel: 'EMAIL', status: 'NOT_SENT', recipient: null, failureReason: 'The customer is not a customer of this shop.' }),
      expect.objectContaining({ channel: 'SMS', status: 'NOT_SENT', recipient: null, failureReason: 'The customer is not a customer of this shop.' }),
    ]);
    expect(mailsTo(input.email)).toEqual([]);
    expect(textsTo(input.phone)).toEqual([]);
  });

  it('sends nothing twice when the event is delivered again or published again under a new id', async () => {
    const someone = await customer({ sms: true, email: true }, 'Drew');
    const report = await sendReport(someone.id);
    await queued(report.inspectionId, 2);
    await messaging.scheduler.runDue(new Date());
    await publish(report.event, { ...report.event, id: randomUUID() });
    const marker = await sendReport(someone.id);
    await queued(marker.inspectionId, 2);
    await messaging.scheduler.runDue(new Date());
    expect(mailsTo(someone.email).filter((m) => m.text?.includes(report.url))).toHaveLength(1);
    expect(textsTo(someone.phone).filter((r) => r.form.get('Body')?.includes(report.url))).toHaveLength(1);
    expect(await deliveries(report.inspectionId)).toHaveLength(2);
  });

  it('retries a failed text after a growing delay until it goes out, and gives up at once on a refusal retrying cannot fix', async () => {
    const someone = await customer({ sms: true, email: false }, 'Emery');
    const at = new Date();
    const report = await sendReport(someone.id, at);
    await queued(report.inspectionId, 2);
    sms.failNext(503, { code: 20503, message: 'Service Unavailable' });
    sms.failNext(500);
    await messaging.scheduler.runDue(at);
    let [, text] = await deliveries(report.inspectionId);
    expect(text).toMatchObject({ status: 'QUEUED', attempts: 1, nextAttemptAt: new Date(at.getTime() + 60_000).toISOString() });
    expect(text.failureReason).toBe('The SMS provider refused it: Service Unavailable (error 20503)');
    await messaging.scheduler.runDue(new Date(at.getTime() + 59_000));
    expect(textsTo(someone.phone)).toHaveLength(1);
    await messaging.scheduler.runDue(new Date(at.getTime() + 60_000));
    [, text] = await deliveries(report.inspectionId);
    expect(text).toMatchObject({ status: 'QUEUED', attempts: 2, nextAttemptAt: new Date(at.getTime() + 60_000 + 120_000).toISOString() });
    await messaging.scheduler.runDue(new Date(at.getTime() + 180_000));
    [, text] = await deliveries(report.inspectionId);
    expect(text).toMatchObject({ status: 'SENT', attempts: 3, failureReason: null });
    expect(textsTo(someone.phone)).toHaveLength(3);

    const invalid = await customer({ sms: true, email: false }, 'Finley');
    const refused = await sendReport(invalid.id, at);
    await queued(refused.inspectionId, 2);
    sms.failNext(400, { code: 21211, message: "The 'To' number is not a valid phone number." });
    await messaging.scheduler.runDue(at);
    expect((await deliveries(refused.inspectionId))[1]).toMatchObject({ status: 'FAILED', attempts: 1, failureReason: "The SMS provider refused it: The 'To' number is not a valid phone number. (error 21211)" });
    expect((await outboxTypes()).some((e) => e.type === 'customer_message.failed' && e.data.inspectionId === refused.inspectionId)).toBe(true);
  });

  it('gives a message up after the configured number of attempts, each after twice the delay of the one before', async () => {
    const someone = await customer({ sms: true, email: false }, 'Ellis');
    const at = new Date();
    const report = await sendReport(someone.id, at);
    await queued(report.inspectionId, 2);
    for (let i = 0; i < 5; i++) sms.failNext(503, { code: 20503, message: 'Service Unavailable' });
    // Attempts at 0, +60 s, +180 s, +420 s and +900 s: the delays double from MESSAGE_RETRY_BASE_SECONDS (60).
    for (const seconds of [0, 60, 180, 420, 900]) await messaging.scheduler.runDue(new Date(at.getTime() + seconds * 1000));
    expect((await deliveries(report.inspectionId))[1]).toMatchObject({ status: 'FAILED', attempts: 5, nextAttemptAt: null, failureReason: 'The SMS provider refused it: Service Unavailable (error 20503)' });
    await messaging.scheduler.runDue(new Date(at.getTime() + 2 * 3_600_000));
    expect(textsTo(someone.phone)).toHaveLength(5);
    expect((await outboxTypes()).filter((e) => e.type === 'customer_message.failed' && e.data.inspectionId === report.inspectionId).map((e) => e.data.attempts)).toEqual([5]);
  });

  it("takes the provider's signed status callback: delivered, or failed with its error; an unsigned one is refused", async () => {
    const someone = await customer({ sms: true, email: false }, 'Gray');
    const report = await sendReport(someone.id);
    await queued(report.inspectionId, 2);
    await messaging.scheduler.runDue(new Date());
    const sid = (await deliveries(report.inspectionId))[1].providerMessageId!;
    const callback = (form: URLSearchParams, signature: string) =>
      shops.app.yoga.fetch('http://subgraph.test/messages/sms-status', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: form.toString() });
    const delivered = new URLSearchParams({ MessageSid: sid, MessageStatus: 'delivered', AccountSid: smsAccount.sid });
    expect((await callback(delivered, 'forged')).status).toBe(403);
    expect((await deliveries(report.inspectionId))[1].status).toBe('SENT');
    expect((await callback(delivered, smsSignature(smsAccount.token, callbackUrl, delivered))).status).toBe(204);
    expect((await deliveries(report.inspectionId))[1].status).toBe('DELIVERED');

    const other = await customer({ sms: true, email: false }, 'Harper');
    const second = await sendReport(other.id);
    await queued(second.inspectionId, 2);
    await messaging.scheduler.runDue(new Date());
    const failedSid = (await deliveries(second.inspectionId))[1].providerMessageId!;
    const undelivered = new URLSearchParams({ MessageSid: failedSid, MessageStatus: 'undelivered', ErrorCode: '30003' });
    expect((await callback(undelivered, smsSignature(smsAccount.token, callbackUrl, undelivered))).status).toBe(204);
    expect((await deliveries(second.inspectionId))[1]).toMatchObject({ status: 'FAILED', failureReason: 'The SMS provider reported it undelivered (error 30003).' });
  });

  it('records messages as not sent, with the reason, where e-mail and SMS are not configured', async () => {
    const unconfigured = createMessaging(shops.runtime, transportsFrom(testConfig('shops')));
    const someone = await customer({ sms: true, email: true }, 'Indy');
    const report = await sendReport(someone.id);
    await queued(report.inspectionId, 2);
    await unconfigured.scheduler.runDue(new Date());
    expect(await deliveries(report.inspectionId)).toEqual([
      expect.objectContaining({ channel: 'EMAIL', status: 'NOT_SENT', failureReason: 'E-mail is not configured (SMTP_URL is unset), so it was recorded and not sent.' }),
      expect.objectContaining({ channel: 'SMS', status: 'NOT_SENT', failureReason: 'Text messages are not configured (SMS_API_URL is unset), so it was recorded and not sent.' }),
    ]);
    expect(mailsTo(someone.email)).toEqual([]);
  });
});

describe('reminders and follow-ups', () => {
  it('reminds a customer who has not opened the report after the shop\'s hours, and not one who has', async () => {
    const at = new Date();
    const unopened = await customer({ sms: false, email: true }, 'Jules');
    const opened = await customer({ sms: false, email: true }, 'Kai');
    const waiting = await sendReport(unopened.id, at);
    const read = await sendReport(opened.id, at);
    await queued(waiting.inspectionId, 2);
    await queued(read.inspectionId, 2);
    await publish(buildEvent('inspection.opened', { orgId: org.orgId, shopId: org.shopId, subjectId: read.inspectionId, data: { inspectionId: read.inspectionId, customerId: opened.id, openedAt: new Date(at.getTime() + 60_000).toISOString() } }));
    await messaging.scheduler.runDue(at);
    await expect.poll(async () => (await shops.runtime.db.dataSource.query(`SELECT opened_at FROM shops.customer_report WHERE inspection_id = $1`, [read.inspectionId]))[0].opened_at, { timeout: 15_000 }).not.toBeNull();

    await messaging.scheduler.runDue(new Date(at.getTime() + 23 * 3_600_000));
    expect(mailsTo(unopened.email)).toHaveLength(1);
    await messaging.scheduler.runDue(new Date(at.getTime() + 24 * 3_600_000));
    const reminders = mailsTo(unopened.email).filter((m) => m.subject === 'Reminder: your vehicle inspection from Foxtrot Brakes Downtown');
    expect(reminders).toHaveLength(1);
    expect(reminders[0].text).toContain(waiting.url);
    expect(mailsTo(opened.email)).toHaveLength(1);
    expect((await deliveries(waiting.inspectionId)).map((d) => `${d.kind} ${d.channel} ${d.status}`)).toEqual(['REPORT EMAIL SENT', 'REPORT SMS NOT_SENT', 'REMINDER EMAIL SENT', 'REMINDER SMS NOT_SENT']);
  });

  it("reminds with the link that replaced the first one, when the advisor renewed it", async () => {
    const at = new Date();
    const someone = await customer({ sms: false, email: true }, 'Morgan');
    const report = await sendReport(someone.id, at);
    await queued(report.inspectionId, 2);
    await messaging.scheduler.runDue(at);
    const renewedUrl = `http://127.0.0.1:4000/approve/#${randomUUID()}`;
    const renewedAt = new Date(at.getTime() + 3_600_000);
    const renewal = buildEvent('inspection.link_issued', {
      orgId: org.orgId,
      shopId: org.shopId,
      subjectId: report.inspectionId,
      occurredAt: renewedAt,
      data: { ...report.event.data, sealedUrl: await sealer(shops.runtime).seal(renewedUrl, sealPurposes.customerLink), issuedAt: renewedAt.toISOString(), renewal: true },
    });
    await publish(renewal);
    await expect.poll(async () => (await shops.runtime.db.dataSource.query(`SELECT sealed_url FROM shops.customer_report WHERE inspection_id = $1`, [report.inspectionId]))[0].sealed_url, { timeout: 15_000 }).toBe(renewal.data.sealedUrl);
    await messaging.scheduler.runDue(new Date(at.getTime() + 24 * 3_600_000));
    const [first, reminder] = mailsTo(someone.email);
    expect(first.text).toContain(report.url);
    expect(reminder.subject).toBe('Reminder: your vehicle inspection from Foxtrot Brakes Downtown');
    expect(reminder.text).toContain(renewedUrl);
    expect(mailsTo(someone.email)).toHaveLength(2);
  });

  it('follows up a decline after 30 days, cancels the 90-day one when the customer approves work later, and counts that approval as converted', async () => {
    const at = new Date();
    const someone = await customer({ sms: true, email: true }, 'Lee');
    const declined = await sendReport(someone.id, at);
    await queued(declined.inspectionId, 2);
    await publish(decision('recommendation.declined', declined.inspectionId, at), decision('recommendation.declined', declined.inspectionId, at));
    await expect.poll(async () => Number((await shops.runtime.db.dataSource.query(`SELECT count(*) FROM shops.follow_up WHERE inspection_id = $1`, [declined.inspectionId]))[0].count), { timeout: 15_000 }).toBe(2);

    await messaging.scheduler.runDue(new Date(at.getTime() + 29 * 86_400_000));
    expect(mailsTo(someone.email).filter((m) => m.subject?.includes('misses you'))).toEqual([]);
    await messaging.scheduler.runDue(new Date(at.getTime() + 30 * 86_400_000));
    const followUps = mailsTo(someone.email).filter((m) => m.subject === 'Foxtrot Brakes Downtown misses you, Lee');
    expect(followUps).toHaveLength(1);
    expect(textsTo(someone.phone).map((r) => r.form.get('Body'))).toContain('Book with Foxtrot Brakes Downtown.');
    expect((await outboxTypes()).filter((e) => e.type === 'follow_up.sent' && e.data.inspectionId === declined.inspectionId)).toHaveLength(1);

    const later = await sendReport(someone.id, new Date(at.getTime() + 40 * 86_400_000));
    await queued(later.inspectionId, 2);
    const approval = decision('recommendation.approved', later.inspectionId, new Date(at.getTime() + 41 * 86_400_000));
    await publish(approval);
    await expect.poll(async () => (await outboxTypes()).filter((e) => e.type === 'follow_up.converted' && e.data.inspectionId === declined.inspectionId), { timeout: 15_000 }).toEqual([
      { type: 'follow_up.converted', data: expect.objectContaining({ approvedInspectionId: later.inspectionId, recommendationId: approval.data.recommendationId, approvedCents: 15_000, customerId: someone.id }) },
    ]);
    await messaging.scheduler.runDue(new Date(at.getTime() + 91 * 86_400_000));
    expect(mailsTo(someone.email).filter((m) => m.subject === 'Foxtrot Brakes Downtown misses you, Lee')).toHaveLength(1);
  });
});
