import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '@cip/platform/testing';
import { shopsSubgraph } from '../src/app';
import { AuditLog } from '../src/domain/audit';
import { AuditRetention } from '../src/domain/audit-retention';
import { verifyArchiveCopy } from '../src/domain/audit-verify';
import { auditVerify, withClient } from './audit-support';
import { addStaff, login, password, signUp, type SeededOrg } from './seed';

let shops: TestSubgraph;
let org: SeededOrg;
let staleOwnerToken: string;
beforeAll(async () => {
  shops = await startTestSubgraph(shopsSubgraph);
  org = await signUp(shops, 'Retention Row Auto');
  staleOwnerToken = await login(shops, org.ownerEmail);
  const enrollment = must(await shops.execute(`mutation { enrollTotp { secret } }`, {}, { token: org.ownerToken })).enrollTotp;
  must(await shops.execute(`mutation($c: String!) { confirmTotp(code: $c) }`, { c: await generate({ secret: enrollment.secret }) }, { token: org.ownerToken }));
});
afterAll(() => shops?.close());

const dayMs = 86_400_000;
const setRetention = (token: string, days: number | null) =>
  shops.execute(`mutation($d: Int) { setAuditRetention(days: $d) { days archives { firstSeq lastSeq count lastHash archiveDigest } } }`, { d: days }, { token });
const retention = () => new AuditRetention(shops.runtime.db.dataSource, new AuditLog(shops.runtime.db.dataSource), shops.runtime.logger);
const latestEntries = async () =>
  must(await shops.execute(`{ auditLog(first: 5) { entries { seq id operation prevHash details } } }`, {}, { token: org.ownerToken })).auditLog.entries as { seq: number; id: string; operation: string; prevHash: string; details: Record<string, unknown> | null }[];
const signIn = () => shops.execute(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { __typename } }`, { e: org.ownerEmail, p: password });
const liveSeqs = () =>
  withClient(shops.database.url, async (client) => (await client.query(`SELECT seq::int AS seq FROM shops.audit_entry WHERE chain = $1 ORDER BY seq`, [org.orgId])).rows.map((row) => row.seq as number));

let archived: { firstSeq: number; lastSeq: number; count: number; lastHash: string; archiveDigest: string };
let archive: string;

describe('audit retention', () => {
  it('is changed only by an owner with a recent second factor, within 30 to 3650 days, and the change is audited with the value before it', async () => {
    const manager = await addStaff(shops, org, 'MANAGER');
    expect((await setRetention(manager.token, 90)).errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect((await setRetention(staleOwnerToken, 90)).errors?.[0]).toMatchObject({ extensions: { code: 'MFA_REQUIRED' } });
    expect((await setRetention(org.ownerToken, 7)).errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(must(await shops.execute(`{ auditRetention { days archives { lastSeq } } }`, {}, { token: org.ownerToken })).auditRetention).toEqual({ days: null, archives: [] });

    expect(must(await setRetention(org.ownerToken, 90)).setAuditRetention.days).toBe(90);
    expect(must(await setRetention(org.ownerToken, 30)).setAuditRetention).toEqual({ days: 30, archives: [] });
    expect((await latestEntries())[0]).toMatchObject({ operation: 'audit.retention_changed', details: { previousDays: 90, days: 30 } });
  });

  it('archives entries past the retention into a checkpoint and deletes them, and audit:verify still passes', async () => {
    await signIn();
    const before = await liveSeqs();
    expect(await retention().archiveDue(new Date())).toBe(0);

    expect(await retention().archiveDue(new Date(Date.now() + 31 * dayMs))).toBe(before.length);
    const [checkpoint] = must(await shops.execute(`{ auditRetention { archives { firstSeq lastSeq count lastHash archiveDigest } } }`, {}, { token: org.ownerToken })).auditRetention.archives;
    archived = checkpoint;
    expect(archived).toMatchObject({ firstSeq: 1, lastSeq: before[before.length - 1], count: before.length });
    // What is left is the record of the archiving itself, which continues the chain from the checkpoint.
    expect(await liveSeqs()).toEqual([archived.lastSeq + 1]);
    const [archivedEntry] = await latestEntries();
    expect(archivedEntry).toMatchObject({ operation: 'audit.archived', prevHash: archived.lastHash, details: { firstSeq: 1, seq: archived.lastSeq, archiveDigest: archived.archiveDigest } });

    const verified = await auditVerify(shops.database.url);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/all intact/);
  });

  it('still refuses a DELETE of any entry no checkpoint of the same transaction covers, and any change to a checkpoint', async () => {
    const before = await liveSeqs();
    await withClient(shops.database.url, async (client) => {
      await expect(client.query(`DELETE FROM shops.audit_entry`)).rejects.toThrow(/append-only/);
      await expect(client.query(`DELETE FROM shops.audit_entry WHERE chain = $1`, [org.orgId])).rejects.toThrow(/append-only/);
      await expect(client.query(`UPDATE shops.audit_checkpoint SET last_hash = 'x'`)).rejects.toThrow(/append-only/);
      await expect(client.query(`DELETE FROM shops.audit_checkpoint`)).rejects.toThrow(/append-only/);
      // A checkpoint made up to cover a deletion is refused unless it holds those very entries.
      const next = archived.lastSeq + 1;
      const forged = client.query(
        `INSERT INTO shops.audit_checkpoint (chain, first_seq, seq, last_hash, count, archive_digest, prev_checkpoint_hash, checkpoint_hash, archive)
         SELECT chain, seq, seq, 'not-its-hash', 1, encode(sha256(''::bytea), 'hex'), '', '', '' FROM shops.audit_entry WHERE chain = $1 AND seq = $2`,
        [org.orgId, next],
      );
      await expect(forged).rejects.toThrow(/must cover entries the log holds/);
    });
    expect(await liveSeqs()).toEqual(before);
  });

  it('gives the archive back to an owner with a recent factor, and verifies a copy against its checkpoint, naming an altered, missing or moved entry', async () => {
    const exportArchive = (token: string) => shops.execute(`mutation($s: Int!) { exportAuditArchive(lastSeq: $s) { format entries content } }`, { s: archived.lastSeq }, { token });
    expect((await exportArchive(staleOwnerToken)).errors?.[0]).toMatchObject({ extensions: { code: 'MFA_REQUIRED' } });
    const exported = must(await exportArchive(org.ownerToken)).exportAuditArchive;
    expect(exported).toMatchObject({ format: 'JSON_LINES', entries: archived.count });
    archive = exported.content;
    expect((await latestEntries())[0]).toMatchObject({ operation: 'exportAuditArchive' });

    const dir = await mkdtemp(join(tmpdir(), 'audit-archive-'));
    const intactFile = join(dir, 'intact.jsonl');
    await writeFile(intactFile, archive);
    const intact = await auditVerify(shops.database.url, ['--archive', intactFile]);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain(`entries 1–${archived.lastSeq}, matches its checkpoint`);

    const lines = archive.trimEnd().split('\n');
    const second = JSON.parse(lines[1]);
    const alteredFile = join(dir, 'altered.jsonl');
    await writeFile(alteredFile, [lines[0], JSON.stringify({ ...second, clientAddress: '192.0.2.1' }), ...lines.slice(2)].join('\n') + '\n');
    const altered = await auditVerify(shops.database.url, ['--archive', alteredFile]);
    expect(altered.code).toBe(1);
    expect(altered.stderr).toContain(`audit chain ${org.orgId} is broken at entry 2 (id ${second.id})`);
    expect(altered.stderr).toContain('changed');

    const manager = shops.runtime.db.dataSource.manager;
    const missing = await verifyArchiveCopy(manager, [lines[0], ...lines.slice(2)].join('\n') + '\n');
    expect(missing.broken).toMatchObject({ seq: 3, reason: expect.stringContaining('where entry 2 should') });
    const moved = await verifyArchiveCopy(manager, [lines[0], lines[2], lines[1], ...lines.slice(3)].join('\n') + '\n');
    expect(moved.broken).toMatchObject({ seq: 3, id: JSON.parse(lines[2]).id });
    const cut = await verifyArchiveCopy(manager, lines.slice(0, -1).join('\n') + '\n');
    expect(cut.broken).toMatchObject({ seq: archived.lastSeq, id: null });
  });

  it('still catches an entry changed after the pruning, and names it', async () => {
    const target = await withClient(shops.database.url, async (client) => {
      const { rows } = await client.query(`SELECT seq::int AS seq, id FROM shops.audit_entry WHERE chain = $1 ORDER BY seq OFFSET 1 LIMIT 1`, [org.orgId]);
      await client.query(`ALTER TABLE shops.audit_entry DISABLE TRIGGER audit_entry_append_only`);
      await client.query(`UPDATE shops.audit_entry SET operation = 'nothing happened' WHERE chain = $1 AND id = $2`, [org.orgId, rows[0].id]);
      await client.query(`ALTER TABLE shops.audit_entry ENABLE TRIGGER audit_entry_append_only`);
      return rows[0] as { seq: number; id: string };
    });
    expect(target.seq).toBeGreaterThan(archived.lastSeq);
    const tampered = await auditVerify(shops.database.url);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain(`audit chain ${org.orgId} is broken at entry ${target.seq} (id ${target.id})`);
  });
});

function must<T extends { data?: Record<string, any> | null; errors?: readonly unknown[] }>(result: T): Record<string, any> {
  if (result.errors?.length || !result.data) throw new Error(JSON.stringify(result.errors));
  return result.data;
}
