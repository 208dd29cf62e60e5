import { generate } from 'otplib';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '@cip/platform/testing';
import { shopsSubgraph } from '../src/app';
import { verifyAuditLog } from '../src/domain/audit-verify';
import { auditVerify as verifyAudit, withClient as withDatabase } from './audit-support';
import { addStaff, login, password, signUp, type SeededOrg } from './seed';

let shops: TestSubgraph;
let org: SeededOrg;
beforeAll(async () => {
  shops = await startTestSubgraph(shopsSubgraph);
  org = await signUp(shops, 'Ledger Lane Auto');
});
afterAll(() => shops?.close());

const auditVerify = () => verifyAudit(shops.database.url);
const withClient = <T>(use: (client: pg.Client) => Promise<T>) => withDatabase(shops.database.url, use);

const loginFrom = (email: string, address: string) =>
  shops.execute(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: password }, { headers: { 'cip-client-address': address, 'cip-client-user-agent': 'Ledger/1.0', 'cip-request-id': 'req-ledger-1' } });

const auditLog = (token: string, args = '') =>
  shops.execute(`{ auditLog${args} { entries { seq actorKind actorId type operation targetIds outcome clientAddress userAgent requestId prevHash hash } endCursor } }`, {}, { token });

describe('the audit log', () => {
  it("appends a sign-in to the organization's chain, with the client the gateway saw", async () => {
    must(await loginFrom(org.ownerEmail, '198.51.100.23'));
    const entries = must(await auditLog(org.ownerToken)).auditLog.entries;
    expect(entries[0]).toMatchObject({
      actorKind: 'USER',
      actorId: org.ownerId,
      type: 'SECURITY',
      operation: 'login.succeeded',
      outcome: 'SUCCESS',
      clientAddress: '198.51.100.23',
      userAgent: 'Ledger/1.0',
      requestId: 'req-ledger-1',
    });
    const bySeq = [...entries].sort((a, b) => a.seq - b.seq);
    expect(bySeq.map((e: { seq: number }) => e.seq)).toEqual(bySeq.map((_: unknown, i: number) => i + 1));
    for (let i = 1; i < bySeq.length; i++) expect(bySeq[i].prevHash).toBe(bySeq[i - 1].hash);
  });

  it('is read by owners only, paged and filtered by actor and type', async () => {
    const advisor = await addStaff(shops, org, 'ADVISOR');
    must(await loginFrom(advisor.email, '198.51.100.24'));
    expect((await auditLog(advisor.token)).errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });

    const mine = must(await auditLog(org.ownerToken, `(actorId: "${advisor.userId}", type: SECURITY)`)).auditLog.entries;
    expect(mine.map((e: { operation: string; actorId: string }) => [e.operation, e.actorId])).toEqual([['login.succeeded', advisor.userId]]);

    const first = must(await auditLog(org.ownerToken, '(first: 1)')).auditLog;
    expect(first.entries).toHaveLength(1);
    const second = must(await auditLog(org.ownerToken, `(first: 1, after: "${first.endCursor}")`)).auditLog;
    expect(second.entries[0].seq).toBe(first.entries[0].seq - 1);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of an entry in the database itself', async () => {
    await withClient(async (client) => {
      for (const statement of [`UPDATE shops.audit_entry SET operation = 'nothing' WHERE seq = 1`, `DELETE FROM shops.audit_entry WHERE seq = 1`, `TRUNCATE shops.audit_entry`]) {
        await expect(client.query(statement)).rejects.toThrow(/append-only/);
      }
      const { rows } = await client.query(`SELECT count(*)::int AS count FROM shops.audit_entry WHERE org_id = $1 AND seq = 1`, [org.orgId]);
      expect(rows[0].count).toBe(1);
    });
  });

  it('exports as CSV or JSON lines only after a recent second factor, and audits the export', async () => {
    const staleToken = await login(shops, org.ownerEmail);
    const enrollment = must(await shops.execute(`mutation { enrollTotp { secret } }`, {}, { token: org.ownerToken })).enrollTotp;
    must(await shops.execute(`mutation($c: String!) { confirmTotp(code: $c) }`, { c: await generate({ secret: enrollment.secret }) }, { token: org.ownerToken }));

    const exportAs = (token: string, format: string) => shops.execute(`mutation { exportAuditLog(format: ${format}) { format entries content } }`, {}, { token, headers: { 'cip-client-address': '198.51.100.30' } });
    expect((await exportAs(staleToken, 'JSON_LINES')).errors?.[0]).toMatchObject({ extensions: { code: 'MFA_REQUIRED' } });

    const lines = must(await exportAs(org.ownerToken, 'JSON_LINES')).exportAuditLog;
    const exported = lines.content.trim().split('\n').map((line: string) => JSON.parse(line));
    expect(exported).toHaveLength(lines.entries);
    expect(exported.map((e: { seq: number }) => e.seq)).toEqual(exported.map((_: unknown, i: number) => i + 1));
    expect(exported.some((e: { operation: string }) => e.operation === 'login.succeeded')).toBe(true);

    const csv = must(await exportAs(org.ownerToken, 'CSV')).exportAuditLog.content.trim().split('\r\n');
    expect(csv[0].split(',')).toEqual(expect.arrayContaining(['seq', 'actorKind', 'actorId', 'operation', 'prevHash', 'hash']));
    // The first export is an entry of its own, so the second holds one entry more.
    expect(csv).toHaveLength(1 + lines.entries + 1);

    const exports = must(await auditLog(org.ownerToken, '(type: EXPORT)')).auditLog.entries;
    expect(exports.map((e: { operation: string; actorId: string; clientAddress: string }) => [e.operation, e.actorId, e.clientAddress])).toEqual([
      ['exportAuditLog', org.ownerId, '198.51.100.30'],
      ['exportAuditLog', org.ownerId, '198.51.100.30'],
    ]);
  });

  it('verifies one moment of a live log: an entry appended while verification runs is not taken for tampering', async () => {
    await withClient(async (blocker) => {
      const entriesOfOrg = async () => (await blocker.query(`SELECT count(*)::int AS n FROM shops.audit_entry WHERE org_id = $1`, [org.orgId])).rows[0].n as number;
      // Verification reads the chains' heads, then waits on the checkpoints this holds; an entry is appended meanwhile.
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE shops.audit_checkpoint IN ACCESS EXCLUSIVE MODE');
      const verification = verifyAuditLog(shops.runtime.db.dataSource.manager);
      await expect.poll(async () => (await blocker.query(`SELECT 1 FROM pg_locks WHERE relation = 'shops.audit_checkpoint'::regclass AND NOT granted`)).rowCount).toBeGreaterThan(0);
      const before = await entriesOfOrg();
      await shops.execute(`mutation($e: String!) { login(email: $e, password: "not the password") { accessToken } }`, { e: org.ownerEmail });
      await expect.poll(entriesOfOrg).toBeGreaterThan(before);
      await blocker.query('COMMIT');
      expect((await verification).breaks).toEqual([]);
    });
  });

  it('passes audit:verify while intact, and fails naming the row changed directly in PostgreSQL', async () => {
    const intact = await auditVerify();
    expect(intact.stderr).toBe('');
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/all intact/);

    const target = await withClient(async (client) => {
      const { rows } = await client.query(`SELECT seq::int AS seq, id FROM shops.audit_entry WHERE org_id = $1 ORDER BY seq OFFSET 1 LIMIT 1`, [org.orgId]);
      // Someone with the owner's rights on the table turns the guard off to rewrite history.
      await client.query(`ALTER TABLE shops.audit_entry DISABLE TRIGGER audit_entry_append_only`);
      await client.query(`UPDATE shops.audit_entry SET client_address = '192.0.2.1' WHERE id = $1`, [rows[0].id]);
      await client.query(`ALTER TABLE shops.audit_entry ENABLE TRIGGER audit_entry_append_only`);
      return rows[0] as { seq: number; id: string };
    });
    const tampered = await auditVerify();
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain(`audit chain ${org.orgId} is broken at entry ${target.seq} (id ${target.id})`);
    expect(tampered.stderr).toContain('changed');
  });
});

function must<T extends { data?: Record<string, any> | null; errors?: readonly unknown[] }>(result: T): Record<string, any> {
  if (result.errors?.length || !result.data) throw new Error(JSON.stringify(result.errors));
  return result.data;
}
