import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessaging, type Messaging } from '../../../subgraphs/shops/src/domain/messaging/messaging';
import { messagingConfig, startSmsReceiver, startSmtpReceiver } from '../../../subgraphs/shops/test/receivers';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { addStaff, addVehicle, must, signUp, type SeededOrg } from '../support/seed';

let platform: TestPlatform;
let org: SeededOrg;
let advisor: { token: string };
let technician: { token: string };
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let sms: Awaited<ReturnType<typeof startSmsReceiver>>;
/** Drives the shops subgraph's durable jobs at the instants the test chooses; the subgraph's own poller stays idle. */
let messaging: Messaging;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  sms = await startSmsReceiver();
  platform = await startTestPlatform({ only: ['shops', 'vehicles', 'inspections', 'analytics'], configOverrides: messagingConfig(smtp, sms, { MESSAGE_POLL_MS: '600000' }) });
  messaging = createMessaging(platform.subgraphs.shops!.runtime);
  org = await signUp(platform, 'Harbor Tire');
  advisor = await addStaff(platform, org, 'ADVISOR');
  technician = await addStaff(platform, org, 'TECHNICIAN');
});
afterAll(async () => {
  await platform?.close();
  await smtp?.close();
  await sms?.close();
});

const dayMs = 86_400_000;
const localDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Denver' }).format(at);

async function customer(firstName: string, consent: { sms: boolean; email: boolean }, phone: string) {
  const input = { firstName, lastName: 'Driver', phone, email: `${firstName.toLowerCase()}@harbor.example.com`, smsConsent: consent.sms, emailConsent: consent.email };
  const created = must(await platform.execute(`mutation($s: ID!, $i: CustomerInput!) { createCustomer(shopId: $s, input: $i) { id } }`, { s: org.shopId, i: input }, { token: advisor.token }));
  return { id: created.createCustomer.id as string, ...input };
}

/** An inspection that finds one worn tire, completed and sent: the customer's link as `sendInspection` answers it. */
async function sentInspection(customerId: string) {
  const vehicleId = await addVehicle(platform, advisor.token, org.shopId, customerId);
  const started = must(
    await platform.execute(`mutation($i: StartInspectionInput!) { startInspection(input: $i) { id } }`, { i: { shopId: org.shopId, vehicleId, customerId, templateId: 'tpl_standard' } }, { token: technician.token }),
  ).startInspection;
  must(
    await platform.execute(`mutation($id: ID!, $r: [InspectionItemResultInput!]!) { recordItemResults(inspectionId: $id, results: $r) { id } }`, { id: started.id, r: [{ itemKey: 'tires.lf_tread', measurement: { value: 2, unit: 'INCH_32NDS' } }] }, { token: technician.token }),
  );
  must(await platform.execute(`mutation($id: ID!) { completeInspection(id: $id) { id } }`, { id: started.id }, { token: technician.token }));
  const [tire] = must(await platform.execute(`query($id: ID!) { inspection(id: $id) { recommendations { id } } }`, { id: started.id }, { token: advisor.token })).inspection.recommendations;
  must(await platform.execute(`mutation($id: ID!, $i: RecommendationInput!) { updateRecommendation(id: $id, input: $i) { id } }`, { id: tire.id, i: { partsCents: 18_999, laborCents: 4_500 } }, { token: advisor.token }));
  const sent = must(await platform.execute(`mutation($id: ID!) { sendInspection(id: $id) { token url inspection { sentAt } } }`, { id: started.id }, { token: advisor.token })).sendInspection;
  return { id: started.id as string, recommendationId: tire.id as string, token: sent.token as string, url: sent.url as string, sentAt: new Date(sent.inspection.sentAt) };
}

const deliveries = async (inspectionId: string) =>
  must(await platform.execute(`query($id: ID!) { inspection(id: $id) { deliveries { kind channel status recipient failureReason } } }`, { id: inspectionId }, { token: advisor.token })).inspection.deliveries as {
    kind: string;
    channel: string;
    status: string;
    recipient: string | null;
    failureReason: string | null;
  }[];
const mailsTo = (address: string) => smtp.messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.value.some((v) => v.address === address));
const textsTo = (phone: string) => sms.requests.filter((r) => r.form.get('To') === phone);
const openReport = async (token: string) => must(await platform.execute(`mutation($t: String!) { openSharedInspection(token: $t) { accessToken } }`, { t: token })).openSharedInspection.accessToken as string;
const decide = async (customerToken: string, recommendationId: string, decision: 'APPROVED' | 'DECLINED') =>
  new Date(must(await platform.execute(`mutation($id: ID!, $d: RecommendationDecision!) { decideRecommendation(id: $id, decision: $d) { decidedAt } }`, { id: recommendationId, d: decision }, { token: customerToken })).decideRecommendation.decidedAt);

describe('delivering the report to the customer, through the gateway', () => {
  it('e-mails the link, texts it only to a customer who agreed to texts, reminds the one who did not open it, follows up a decline, and analytics counts the follow-up that turned into an approval', async () => {
    const robin = await customer('Robin', { sms: true, email: true }, '+13035550181');
    const sam = await customer('Sam', { sms: false, email: true }, '+13035550182');
    const robinReport = await sentInspection(robin.id);
    const samReport = await sentInspection(sam.id);

    // The shops subgraph hears of each report from the inspections subgraph's event, then sends on its next run.
    await expect.poll(async () => (await deliveries(samReport.id)).length, { timeout: 20_000 }).toBe(2);
    await expect.poll(async () => (await deliveries(robinReport.id)).length, { timeout: 20_000 }).toBe(2);
    await messaging.scheduler.runDue(new Date());

    expect(mailsTo(robin.email).map((m) => m.text)).toEqual([expect.stringContaining(robinReport.url)]);
    expect(mailsTo(sam.email).map((m) => m.text)).toEqual([expect.stringContaining(samReport.url)]);
    expect(textsTo(robin.phone).map((r) => r.form.get('Body'))).toEqual([`Harbor Tire Downtown: your vehicle inspection is ready. Review and approve the work here: ${robinReport.url}`]);
    expect(textsTo(sam.phone)).toEqual([]);
    expect(await deliveries(samReport.id)).toEqual([
      { kind: 'REPORT', channel: 'EMAIL', status: 'SENT', recipient: sam.email, failureReason: null },
      { kind: 'REPORT', channel: 'SMS', status: 'NOT_SENT', recipient: null, failureReason: 'The customer has not agreed to text messages.' },
    ]);
    // The link works: it is the customer's way in.
    const robinToken = await openReport(new URL(robinReport.url).hash.slice(1));

    // Robin opened the report, Sam did not: a day later only Sam is reminded, with the same link.
    const shopsDb = platform.subgraphs.shops!.runtime.db.dataSource;
    await expect.poll(async () => (await shopsDb.query(`SELECT opened_at FROM shops.customer_report WHERE inspection_id = $1`, [robinReport.id]))[0]?.opened_at ?? null, { timeout: 20_000 }).not.toBeNull();
    await messaging.scheduler.runDue(new Date(samReport.sentAt.getTime() + 24 * 3_600_000 + 60_000));
    expect(mailsTo(sam.email).map((m) => m.subject)).toEqual(['Your vehicle inspection from Harbor Tire Downtown', 'Reminder: your vehicle inspection from Harbor Tire Downtown']);
    expect(mailsTo(sam.email)[1].text).toContain(samReport.url);
    expect(mailsTo(robin.email)).toHaveLength(1);

    // Robin declines the tire: 30 days later a follow-up goes out by both channels Robin agreed to.
    const declinedAt = await decide(robinToken, robinReport.recommendationId, 'DECLINED');
    await expect.poll(async () => Number((await shopsDb.query(`SELECT count(*) FROM shops.follow_up WHERE inspection_id = $1`, [robinReport.id]))[0].count), { timeout: 20_000 }).toBe(2);
    const followUpAt = new Date(declinedAt.getTime() + 30 * dayMs);
    await messaging.scheduler.runDue(followUpAt);
    expect(mailsTo(robin.email).map((m) => m.subject)).toEqual(['Your vehicle inspection from Harbor Tire Downtown', 'Harbor Tire Downtown: the work we recommended for your vehicle']);
    expect(textsTo(robin.phone)).toHaveLength(2);

    // Robin comes back and approves the work on the next inspection: the follow-up turned into an approval.
    const nextVisit = await sentInspection(robin.id);
    const nextToken = await openReport(nextVisit.token);
    const approvedAt = await decide(nextToken, nextVisit.recommendationId, 'APPROVED');
    const metrics = `query($s: ID!, $from: String!, $to: String!) { shop(id: $s) { metrics(range: { from: $from, to: $to }) { totals { followUpsSent followUpApprovals } } } }`;
    const range = { s: org.shopId, from: localDay(declinedAt), to: localDay(new Date(followUpAt.getTime() + dayMs)) };
    await expect
      .poll(async () => (await platform.execute(metrics, range, { token: org.ownerToken })).data?.shop?.metrics.totals ?? null, { timeout: 20_000 })
      .toEqual({ followUpsSent: 1, followUpApprovals: 1 });
    const approvalDay = await platform.execute(metrics, { s: org.shopId, from: localDay(approvedAt), to: localDay(approvedAt) }, { token: org.ownerToken });
    expect(approvalDay.data?.shop.metrics.totals).toEqual({ followUpsSent: 0, followUpApprovals: 1 });

    // The 90-day follow-up was cancelled by that approval.
    await messaging.scheduler.runDue(new Date(declinedAt.getTime() + 91 * dayMs));
    expect(mailsTo(robin.email).filter((m) => m.subject === 'Harbor Tire Downtown: the work we recommended for your vehicle')).toHaveLength(1);
  });
});
