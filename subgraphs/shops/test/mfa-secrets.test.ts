import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testConfig, type TestSubgraph } from '@cip/platform/testing';
import { shopsSubgraph } from '../src/app';
import { SealedTotpSecrets1765200000000 } from '../src/migrations/1765200000000-sealed-totp-secrets';
import { password, signUp } from './seed';

/** Authenticator-app secrets are kept sealed (AES-256-GCM under MFA_SECRET_KEY), and keys rotate. */
let shops: TestSubgraph;
beforeAll(async () => {
  shops = await startTestSubgraph(shopsSubgraph);
});
afterAll(() => shops?.close());

type Result = { data?: Record<string, any> | null; errors?: readonly any[] };
const codeOf = (result: Result) => result.errors?.[0]?.extensions?.code;
function must(result: Result): Record<string, any> {
  if (result.errors?.length || !result.data) throw new Error(JSON.stringify(result.errors));
  return result.data;
}
const codeAt = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

async function withClient<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: shops.database.url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
const storedSecret = (userId: string) =>
  withClient(async (client) => (await client.query(`SELECT secret FROM shops.totp_factor WHERE user_id = $1`, [userId])).rows[0]?.secret as string);

/** An owner with a confirmed authenticator app. */
async function enrolledOwner(subgraph: TestSubgraph = shops) {
  const org = await signUp(subgraph, 'Sealed Secrets Garage');
  const { secret } = must(await subgraph.execute(`mutation { enrollTotp { secret } }`, {}, { token: org.ownerToken })).enrollTotp;
  must(await subgraph.execute(`mutation($c: String!) { confirmTotp(code: $c) }`, { c: await codeAt(secret) }, { token: org.ownerToken }));
  return { ...org, secret: secret as string };
}

/** The password step then the authenticator step, as a user signs in; the second step's outcome. */
async function signIn(subgraph: TestSubgraph, email: string, code: string): Promise<Result> {
  const first = await subgraph.execute(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: password });
  expect(codeOf(first)).toBe('MFA_REQUIRED');
  const challenge = (first.errors![0] as any).extensions.mfaChallenge as string;
  return subgraph.execute(`mutation($ch: String!, $c: String!) { completeMfaLogin(challenge: $ch, code: $c) { accessToken } }`, { ch: challenge, c: code });
}

describe('authenticator secrets at rest', () => {
  it('keeps only a sealed value in the database, from which sign-in with a code still works', async () => {
    const owner = await enrolledOwner();
    const stored = await storedSecret(owner.ownerId);
    expect(stored).toMatch(/^aes256gcm:[\w-]{8}:[\w-]{16}:[\w-]+$/);
    expect(stored).not.toContain(owner.secret);
    expect(Buffer.from(stored.split(':')[3], 'base64url').toString('latin1')).not.toContain(owner.secret);
    await expect(withClient((client) => client.query(`UPDATE shops.totp_factor SET secret = $2 WHERE user_id = $1`, [owner.ownerId, owner.secret]))).rejects.toThrow(
      /totp_factor_secret_sealed/,
    );

    expect(must(await signIn(shops, owner.ownerEmail, await codeAt(owner.secret, 1))).completeMfaLogin.accessToken).toEqual(expect.any(String));
  });

  it('refuses a tampered secret with SECRET_UNREADABLE and signs no one in', async () => {
    const owner = await enrolledOwner();
    const stored = await storedSecret(owner.ownerId);
    const body = Buffer.from(stored.split(':')[3], 'base64url');
    body[0] ^= 0x01;
    const tampered = [...stored.split(':').slice(0, 3), body.toString('base64url')].join(':');
    await withClient((client) => client.query(`UPDATE shops.totp_factor SET secret = $2 WHERE user_id = $1`, [owner.ownerId, tampered]));

    const refused = await signIn(shops, owner.ownerEmail, await codeAt(owner.secret, 1));
    expect(codeOf(refused)).toBe('SECRET_UNREADABLE');
    expect(refused.data?.completeMfaLogin ?? null).toBeNull();
    expect(JSON.stringify(refused.errors)).not.toMatch(/aes|decipher|auth tag/i);

    // A sealed value copied from another user's row is refused as well: each is bound to its owner.
    const other = await enrolledOwner();
    await withClient((client) => client.query(`UPDATE shops.totp_factor SET secret = $2 WHERE user_id = $1`, [other.ownerId, stored]));
    expect(codeOf(await signIn(shops, other.ownerEmail, await codeAt(owner.secret, 1)))).toBe('SECRET_UNREADABLE');
  });

  it('after a key rotation reads secrets sealed under the previous key and seals new ones under the new key', async () => {
    const before = await enrolledOwner();
    const oldKey = testConfig('shops').mfa.secretKeys.current.toString('base64');
    const newKey = randomBytes(32).toString('base64');
    const rotated = await startTestSubgraph(shopsSubgraph, { database: shops.database, config: testConfig('shops', { MFA_SECRET_KEY: newKey, MFA_SECRET_KEYS_PREVIOUS: oldKey }) });
    const withoutOld = await startTestSubgraph(shopsSubgraph, { database: shops.database, config: testConfig('shops', { MFA_SECRET_KEY: newKey }) });
    try {
      must(await signIn(rotated, before.ownerEmail, await codeAt(before.secret, 1)));
      const after = await enrolledOwner(rotated);
      const [oldId, newId] = [await storedSecret(before.ownerId), await storedSecret(after.ownerId)].map((value) => value.split(':')[1]);
      expect(newId).not.toBe(oldId);
      must(await signIn(withoutOld, after.ownerEmail, await codeAt(after.secret, 1)));
      expect(codeOf(await signIn(withoutOld, before.ownerEmail, await codeAt(before.secret, 1)))).toBe('SECRET_UNREADABLE');
    } finally {
      await rotated.close();
      await withoutOld.close();
    }
  });

  it('seals the plain secrets an earlier version stored when migrating, and sign-in keeps working', async () => {
    const owner = await enrolledOwner();
    const runner = shops.runtime.db.dataSource.createQueryRunner();
    try {
      await runner.query(`ALTER TABLE shops.totp_factor DROP CONSTRAINT totp_factor_secret_sealed`);
      await runner.query(`UPDATE shops.totp_factor SET secret = $2 WHERE user_id = $1`, [owner.ownerId, owner.secret]);
      await new SealedTotpSecrets1765200000000().up(runner);
    } finally {
      await runner.release();
    }
    const stored = await storedSecret(owner.ownerId);
    expect(stored).toMatch(/^aes256gcm:/);
    expect(stored).not.toContain(owner.secret);
    must(await signIn(shops, owner.ownerEmail, await codeAt(owner.secret, 1)));
  });
});
