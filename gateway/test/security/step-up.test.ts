import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../subgraphs/partners/src/context';
import { seedProgram, type SeededProgram } from '../../../subgraphs/partners/test/seed';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { addStaff, login, must, signUp, type SeededOrg } from '../support/seed';

/**
 * Issue 16, step-up: every sensitive change (roles, MFA, data export, partner settings, webhook endpoints)
 * answers MFA_REQUIRED to a session of a user with a second factor that verified none in the last 10
 * minutes, changes nothing, and goes through once the same token verified one.
 */
let platform: TestPlatform;
let org: SeededOrg;
let program: SeededProgram;
/** Sessions signed in before the owner enrolled a factor: none has verified one, so each is stale. */
let staleTokens: string[];
let staleToken: string;
let recoveryCodes: string[];
/** The next stale session, for the next change to try. */
const nextStale = () => {
  staleToken = staleTokens.pop()!;
};
beforeAll(async () => {
  platform = await startTestPlatform({ only: ['shops', 'inspections', 'partners'] });
  org = await signUp(platform, 'Step Up Motors');
  program = await seedProgram(createServices(platform.subgraphs.partners!.runtime.db.dataSource), { name: 'Step Up Tires' });
  staleTokens = [];
  for (let i = 0; i < 9; i++) staleTokens.push(await login(platform, org.ownerEmail));
  const enrollment = must(await platform.execute(`mutation { enrollTotp { secret } }`, {}, { token: org.ownerToken })).enrollTotp;
  const code = await generate({ secret: enrollment.secret });
  recoveryCodes = must(await platform.execute(`mutation($c: String!) { confirmTotp(code: $c) }`, { c: code }, { token: org.ownerToken })).confirmTotp;
});
afterAll(() => platform?.close());

type Result = { errors?: { extensions?: Record<string, any> }[] };
const codeOf = (result: Result) => result.errors?.[0]?.extensions?.code;
const stale = (query: string, variables: Record<string, unknown> = {}) => platform.execute(query, variables, { token: staleToken });
const rows = (sql: string, params: unknown[], subgraph: 'shops' | 'partners' = 'shops') => platform.subgraphs[subgraph]!.runtime.db.dataSource.query(sql, params);
const webhooks = (path: string, init: { method?: string; body?: unknown } = {}) =>
  fetch(platform.gatewayUrl.replace(/\/graphql$/, `/webhooks/v1${path}`), {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${staleToken}` },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  }).then(async (response) => ({ status: response.status, body: (await response.json()) as any }));

/** Runs `attempt` with the stale session, then steps that session up with a recovery code and runs it again. */
async function refusedThenAllowed<T>(attempt: () => Promise<T>, refusal: (outcome: T) => unknown, unchanged: () => Promise<void>): Promise<T> {
  expect(refusal(await attempt())).toBe('MFA_REQUIRED');
  await unchanged();
  must(await platform.execute(`mutation($c: String!) { verifyMfa(code: $c) }`, { c: recoveryCodes.pop() }, { token: staleToken }));
  return attempt();
}

describe('step-up on sensitive changes', () => {
  it('role changes: setStaffRole and inviteStaffMember', async () => {
    nextStale();
    const colleague = await addStaff(platform, org, 'ADVISOR');
    const roleOf = async () => (await rows(`SELECT role FROM shops.shop_role WHERE user_id = $1`, [colleague.userId]))[0].role;
    const setRole = () => stale(`mutation($s: ID!, $u: ID!) { setStaffRole(shopId: $s, userId: $u, role: TECHNICIAN) { id } }`, { s: org.shopId, u: colleague.userId });
    must(await refusedThenAllowed(setRole, codeOf, async () => expect(await roleOf()).toBe('ADVISOR')));
    expect(await roleOf()).toBe('TECHNICIAN');

    nextStale();
    const invite = () =>
      stale(`mutation($s: ID!) { inviteStaffMember(shopId: $s, input: { email: "new.hire@example.com", name: "New Hire", role: ADVISOR }) { email } }`, { s: org.shopId });
    const invitations = async () => (await rows(`SELECT count(*)::int AS n FROM shops.staff_invitation WHERE shop_id = $1`, [org.shopId]))[0].n;
    const before = await invitations();
    must(await refusedThenAllowed(invite, codeOf, async () => expect(await invitations()).toBe(before)));
    expect(await invitations()).toBe(before + 1);
  });

  it('MFA changes: new recovery codes and the organization policy', async () => {
    nextStale();
    const regenerate = () => stale(`mutation { regenerateRecoveryCodes }`);
    const left = async () => (await rows(`SELECT count(*)::int AS n FROM shops.recovery_code WHERE user_id = $1 AND used_at IS NULL`, [org.ownerId]))[0].n;
    const before = await left();
    const fresh = must(await refusedThenAllowed(regenerate, codeOf, async () => expect(await left()).toBe(before))).regenerateRecoveryCodes;
    expect(fresh).toHaveLength(10);
    recoveryCodes = fresh;

    nextStale();
    const policy = () => stale(`mutation { setMfaPolicy(policy: ALL_STAFF) }`);
    const stored = async () => (await rows(`SELECT mfa_policy FROM shops.organization WHERE id = $1`, [org.orgId]))[0].mfa_policy;
    expect(must(await refusedThenAllowed(policy, codeOf, async () => expect(await stored()).toBe('OFF'))).setMfaPolicy).toBe('ALL_STAFF');
    must(await stale(`mutation { setMfaPolicy(policy: OFF) }`));
    expect(await stored()).toBe('OFF');
  });

  it('data export: the audit log', async () => {
    nextStale();
    const exported = async () => (await rows(`SELECT count(*)::int AS n FROM shops.audit_entry WHERE org_id = $1 AND type = 'EXPORT'`, [org.orgId]))[0].n;
    const before = await exported();
    const exportLog = () => stale(`mutation { exportAuditLog(format: CSV) { format entries } }`);
    const answer = must(await refusedThenAllowed(exportLog, codeOf, async () => expect(await exported()).toBe(before))).exportAuditLog;
    expect(answer.format).toBe('CSV');
  });

  it('partner settings: joining and leaving a partner program', async () => {
    nextStale();
    const enrollments = async () => (await rows(`SELECT count(*)::int AS n FROM partners.enrollment WHERE shop_id = $1`, [org.shopId], 'partners'))[0].n;
    const enroll = () => stale(`mutation($s: ID!, $p: ID!) { enrollInPartnerProgram(shopId: $s, programId: $p) { enrolledAt } }`, { s: org.shopId, p: program.program.id });
    must(await refusedThenAllowed(enroll, codeOf, async () => expect(await enrollments()).toBe(0)));
    expect(await enrollments()).toBe(1);

    nextStale();
    const leave = () => stale(`mutation($s: ID!, $p: ID!) { leavePartnerProgram(shopId: $s, programId: $p) { endedAt } }`, { s: org.shopId, p: program.program.id });
    const open = async () => (await rows(`SELECT count(*)::int AS n FROM partners.enrollment WHERE shop_id = $1 AND ended_at IS NULL`, [org.shopId], 'partners'))[0].n;
    must(await refusedThenAllowed(leave, codeOf, async () => expect(await open()).toBe(1)));
    expect(await open()).toBe(0);
  });

  it('webhook endpoints: registering one and rotating its secret, while listing them needs nothing', async () => {
    nextStale();
    const { body: catalog } = await webhooks('/event-types');
    const registration = { url: 'http://127.0.0.1:9/hooks', eventTypes: [catalog.eventTypes[0].name] };
    const owned = async () => (await webhooks('/endpoints')).body.endpoints.length;
    expect(await owned()).toBe(0);
    const register = () => webhooks('/endpoints', { method: 'POST', body: registration });
    const created = await refusedThenAllowed(
      register,
      (answer) => (answer.status === 403 ? answer.body.errors[0].extensions.code : answer.status),
      async () => expect(await owned()).toBe(0),
    );
    expect(created.status).toBe(201);

    nextStale();
    const rotate = () => webhooks(`/endpoints/${created.body.endpoint.id}/rotate-secret`, { method: 'POST' });
    const rotated = await refusedThenAllowed(rotate, (answer) => (answer.status === 403 ? answer.body.errors[0].extensions.code : answer.status), async () => undefined);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(created.body.secret);
  });
});
