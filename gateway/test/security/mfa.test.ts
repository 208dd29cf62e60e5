import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { addStaff, must, password, signUp, type SeededOrg } from '../support/seed';

/** Issue 16, MFA: authenticator codes, recovery codes, two-step sign-in, the organization policy and step-up. */
let platform: TestPlatform;
let org: SeededOrg;
beforeAll(async () => {
  platform = await startTestPlatform({ only: ['shops'] });
  org = await signUp(platform, 'Second Factor Motors');
});
afterAll(() => platform?.close());

type Result = { status: number; data?: Record<string, any>; errors?: { message: string; extensions?: Record<string, any> }[] };
const codeOf = (result: Result) => result.errors?.[0]?.extensions?.code;
/** The authenticator app's code `steps` periods from now. */
const codeAt = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
const login = (email: string) => platform.execute(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: password });
const readShop = (token: string) => platform.execute(`query($id: ID!) { shop(id: $id) { id } }`, { id: org.shopId }, { token });
const verify = (token: string, code: string) => platform.execute(`mutation($c: String!) { verifyMfa(code: $c) }`, { c: code }, { token });
const completeLogin = (challenge: string, code: string) =>
  platform.execute(`mutation($ch: String!, $c: String!) { completeMfaLogin(challenge: $ch, code: $c) { accessToken user { id } } }`, { ch: challenge, c: code });

async function enroll(token: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const enrollment = must(await platform.execute(`mutation { enrollTotp { secret otpauthUri qrCodeDataUrl } }`, {}, { token })).enrollTotp;
  expect(new URL(enrollment.otpauthUri).searchParams.get('secret')).toBe(enrollment.secret);
  expect(enrollment.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
  const recoveryCodes = must(await platform.execute(`mutation($c: String!) { confirmTotp(code: $c) }`, { c: await codeAt(enrollment.secret) }, { token })).confirmTotp;
  return { secret: enrollment.secret, recoveryCodes };
}

let ownerSecret: string;
let ownerRecoveryCodes: string[];
let staleOwnerToken: string;

describe('multi-factor authentication', () => {
  it('enrolls an authenticator app and makes sign-in two steps, refusing reused, distant and wrong codes', async () => {
    staleOwnerToken = must(await login(org.ownerEmail)).login.accessToken;
    ({ secret: ownerSecret, recoveryCodes: ownerRecoveryCodes } = await enroll(org.ownerToken));
    expect(ownerRecoveryCodes).toHaveLength(10);
    expect(new Set(ownerRecoveryCodes).size).toBe(10);
    const [{ count }] = await platform.subgraphs.shops!.runtime.db.dataSource.query(
      `SELECT count(*)::int AS count FROM shops.recovery_code WHERE code_hash = ANY($1::text[])`,
      [ownerRecoveryCodes],
    );
    expect(count).toBe(0);

    const first = await login(org.ownerEmail);
    expect(codeOf(first)).toBe('MFA_REQUIRED');
    expect(first.data?.login ?? null).toBeNull();
    const challenge = first.errors![0].extensions!.mfaChallenge as string;
    expect(challenge).toEqual(expect.any(String));

    const wrong = await completeLogin(challenge, '000000');
    expect(wrong.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', serviceName: 'shops' });
    expect(codeOf(await completeLogin(challenge, await codeAt(ownerSecret, 2)))).toBe('UNAUTHENTICATED');
    const next = await codeAt(ownerSecret, 1);
    const session = must(await completeLogin(challenge, next)).completeMfaLogin;
    expect(session.user.id).toBe(org.ownerId);
    expect(codeOf(await readShop(session.accessToken))).toBeUndefined();

    const again = (await login(org.ownerEmail)).errors![0].extensions!.mfaChallenge as string;
    expect(codeOf(await completeLogin(again, next))).toBe('UNAUTHENTICATED');
    const used = await completeLogin(challenge, await codeAt(ownerSecret, 1));
    expect(used.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'MFA_CHALLENGE_EXPIRED', serviceName: 'shops' });
  });

  it('lets each recovery code sign in once', async () => {
    const challenge = (await login(org.ownerEmail)).errors![0].extensions!.mfaChallenge as string;
    must(await completeLogin(challenge, ownerRecoveryCodes[0].toLowerCase()));
    const retry = (await login(org.ownerEmail)).errors![0].extensions!.mfaChallenge as string;
    expect(codeOf(await completeLogin(retry, ownerRecoveryCodes[0]))).toBe('UNAUTHENTICATED');
    const status = must(await platform.execute(`{ mfaStatus { totpEnabled recoveryCodesLeft } }`, {}, { token: org.ownerToken })).mfaStatus;
    expect(status).toEqual({ totpEnabled: true, recoveryCodesLeft: 9 });
  });

  it('answers MFA_REQUIRED to a role change without a factor verified in the last 10 minutes, and lets it through after verifyMfa', async () => {
    const colleague = await addStaff(platform, org, 'ADVISOR');
    const change = `mutation($s: ID!, $u: ID!) { setStaffRole(shopId: $s, userId: $u, role: TECHNICIAN) { id } }`;
    const refused = await platform.execute(change, { s: org.shopId, u: colleague.userId }, { token: staleOwnerToken });
    expect(codeOf(refused)).toBe('MFA_REQUIRED');
    const [{ role }] = await platform.subgraphs.shops!.runtime.db.dataSource.query(`SELECT role FROM shops.shop_role WHERE user_id = $1`, [colleague.userId]);
    expect(role).toBe('ADVISOR');

    expect(codeOf(await verify(staleOwnerToken, 'WRONG-CODES'))).toBe('UNAUTHENTICATED');
    must(await verify(staleOwnerToken, ownerRecoveryCodes[1]));
    must(await platform.execute(change, { s: org.shopId, u: colleague.userId }, { token: staleOwnerToken }));
  });

  it('with the policy on, keeps a manager without a factor out of shop data until they enroll one', async () => {
    const manager = await addStaff(platform, org, 'MANAGER');
    const technician = await addStaff(platform, org, 'TECHNICIAN');
    expect(codeOf(await readShop(manager.token))).toBeUndefined();

    // The owner's first session verified its factor when it confirmed the app, minutes ago: step-up holds.
    must(await platform.execute(`mutation { setMfaPolicy(policy: OWNERS_AND_MANAGERS) }`, {}, { token: org.ownerToken }));

    expect(codeOf(await readShop(manager.token))).toBe('NOT_FOUND');
    expect(must(await platform.execute(`{ mfaStatus { enrollmentRequired } }`, {}, { token: manager.token })).mfaStatus.enrollmentRequired).toBe(true);
    const fresh = must(await login(manager.email)).login.accessToken;
    expect(codeOf(await readShop(fresh))).toBe('NOT_FOUND');
    expect(codeOf(await readShop(technician.token))).toBeUndefined();

    await enroll(manager.token);
    expect(codeOf(await readShop(manager.token))).toBeUndefined();
    expect(must(await platform.execute(`{ mfaStatus { enrollmentRequired } }`, {}, { token: manager.token })).mfaStatus.enrollmentRequired).toBe(false);
  });
});
