import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../subgraphs/shops/src/domain/audit';
import { AuditRetention } from '../../../subgraphs/shops/src/domain/audit-retention';
import { verifyAuditLog } from '../../../subgraphs/shops/src/domain/audit-verify';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { addStaff, login, must, signUp, type SeededOrg } from '../support/seed';

let platform: TestPlatform;
let org: SeededOrg;
let staleToken: string;
let recoveryCodes: string[];
beforeAll(async () => {
  platform = await startTestPlatform({ only: ['shops'] });
  org = await signUp(platform, 'Retention Gateway Auto');
  staleToken = await login(platform, org.ownerEmail);
  const enrollment = must(await platform.execute(`mutation { enrollTotp { secret } }`, {}, { token: org.ownerToken })).enrollTotp;
  recoveryCodes = must(await platform.execute(`mutation($c: String!) { confirmTotp(code: $c) }`, { c: await generate({ secret: enrollment.secret }) }, { token: org.ownerToken })).confirmTotp;
});
afterAll(() => platform?.close());

const dayMs = 86_400_000;
const setRetention = (token: string) => platform.execute(`mutation { setAuditRetention(days: 30) { days } }`, {}, { token });
const auditLog = async () =>
  must(await platform.execute(`{ auditLog(first: 200) { entries { seq actorId operation outcome prevHash } } }`, {}, { token: org.ownerToken })).auditLog.entries as { seq: number; actorId: string | null; operation: string; outcome: string; prevHash: string }[];

describe('audit retention through the gateway', () => {
  it('is set by an owner after a step-up, recorded in the log, and archives old entries so the log continues from the checkpoint', async () => {
    const manager = await addStaff(platform, org, 'MANAGER');
    expect((await setRetention(manager.token)).errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect((await setRetention(staleToken)).errors?.[0]).toMatchObject({ extensions: { code: 'MFA_REQUIRED' } });
    must(await platform.execute(`mutation($c: String!) { verifyMfa(code: $c) }`, { c: recoveryCodes[0] }, { token: staleToken }));
    expect(must(await setRetention(staleToken)).setAuditRetention.days).toBe(30);
    // The refusals above are entries of their own (the stale session's by the owner too): wait for the change itself.
    await expect.poll(async () => (await auditLog()).find((e) => e.operation === 'setAuditRetention' && e.outcome === 'SUCCESS')?.actorId, { timeout: 20_000 }).toBe(org.ownerId);

    const dataSource = platform.subgraphs.shops!.runtime.db.dataSource;
    const archived = await new AuditRetention(dataSource, new AuditLog(dataSource), platform.subgraphs.shops!.runtime.logger).archiveDue(new Date(Date.now() + 31 * dayMs));

    const { archives } = must(await platform.execute(`{ auditRetention { days archives { firstSeq lastSeq count lastHash } } }`, {}, { token: org.ownerToken })).auditRetention;
    expect(archives).toEqual([{ firstSeq: 1, lastSeq: archived, count: archived, lastHash: expect.any(String) }]);
    // The oldest entry left records the archiving and continues the chain from the checkpoint.
    const oldest = (await auditLog()).at(-1);
    expect(oldest).toMatchObject({ seq: archived + 1, operation: 'audit.archived', prevHash: archives[0].lastHash });
    expect((await verifyAuditLog(dataSource.manager)).breaks).toEqual([]);

    const exported = must(await platform.execute(`mutation($s: Int!) { exportAuditArchive(lastSeq: $s) { entries content } }`, { s: archived }, { token: staleToken })).exportAuditArchive;
    expect(exported.entries).toBe(archived);
    expect(exported.content.split('\n').filter(Boolean).map((line: string) => JSON.parse(line).operation)).toContain('setAuditRetention');
  });
});
