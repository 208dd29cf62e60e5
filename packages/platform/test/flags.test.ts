import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../src/logger';
import { openDatabase } from '../src/db/data-source';
import { eventTablesMigration } from '../src/events/outbox';
import { FlagAdmin } from '../src/flags/admin';
import { flagCatalog } from '../src/flags/catalog';
import { PlatformFlags } from '../src/flags/client';
import { createTestDatabase, testConfig, type TestDatabase } from '../src/testing';
import type { DataSource } from 'typeorm';
import type { Principal } from '../src/auth/principal';

const [trends, notice, photoReport, quotas] = [flagCatalog[0], flagCatalog[1], flagCatalog[2], flagCatalog[3]];
const operator: Principal = { kind: 'operator', operator: 'ada', expiresAt: Date.now() + 3_600_000 };
const logger = createLogger('silent');

let database: TestDatabase;
let service: DataSource;
const opened: PlatformFlags[] = [];

async function flagsProcess(overrides: Record<string, string> = {}, options: { pollMs?: number; url?: string } = {}) {
  const config = testConfig('analytics', overrides);
  const flags = await PlatformFlags.open({ databaseUrl: options.url ?? database.url, config, logger, pollMs: options.pollMs });
  opened.push(flags);
  return flags;
}

let writer: PlatformFlags;
let admin: FlagAdmin;

beforeAll(async () => {
  database = await createTestDatabase('flags');
  service = (await openDatabase({ url: database.url, schema: 'analytics', entities: [], migrations: [eventTablesMigration('analytics', 1764302400000)] })).dataSource;
  writer = await flagsProcess();
  admin = new FlagAdmin({ dataSource: service, outboxSchema: 'analytics', flags: writer });
});
afterAll(async () => {
  for (const flags of opened) await flags.close();
  await service?.destroy();
  await database?.drop();
});

const until = (flags: PlatformFlags, version: number) => vi.waitFor(() => expect(flags.appliedVersion).toBeGreaterThanOrEqual(version), { timeout: 20_000, interval: 20 });

describe('feature flags', () => {
  it('answer the code default while nothing is stored, and when the store cannot be reached at all', async () => {
    const unreachable = await flagsProcess({}, { url: 'postgres://nobody@127.0.0.1:1/none' });
    expect(unreachable.value(trends, { userId: 'u1' })).toBe(false);
    expect(unreachable.value(quotas)).toEqual(quotas.defaultValue);
    expect(await unreachable.client.getBooleanValue(trends.key, trends.defaultValue, { targetingKey: 'u1' })).toBe(false);
    expect(writer.evaluate(notice)).toEqual({ value: '', reason: 'DEFAULT' });
  });

  it('roll out to 20 % of 10,000 units within 1 %, the same units in every process and after a restart', async () => {
    const other = await flagsProcess();
    const { stored } = await admin.set(operator, {
      key: trends.key,
      state: { enabled: true, unit: 'userId', rules: [], fallthrough: { value: true, percentage: 20 } },
      reason: 'first fifth of users',
    });
    await Promise.all([until(writer, stored!.version), until(other, stored!.version)]);
    const units = Array.from({ length: 10_000 }, (_, i) => `user-${i}`);
    const here = units.map((userId) => writer.value(trends, { userId }));
    const share = here.filter(Boolean).length / units.length;
    expect(share).toBeGreaterThanOrEqual(0.19);
    expect(share).toBeLessThanOrEqual(0.21);
    expect(units.map((userId) => other.value(trends, { userId }))).toEqual(here);

    await other.close();
    const restarted = await flagsProcess();
    const through = await Promise.all(units.slice(0, 500).map((targetingKey) => restarted.client.getBooleanValue(trends.key, false, { targetingKey, userId: targetingKey })));
    expect(through).toEqual(here.slice(0, 500));
  });

  it('target organizations, shops, users, roles and plans, first matching rule first', async () => {
    const { stored } = await admin.set(operator, {
      key: notice.key,
      state: {
        enabled: true,
        rules: [
          { when: { orgIds: ['org-a'], roles: ['OWNER'] }, serve: { value: 'owners of A' } },
          { when: { shopIds: ['shop-b'] }, serve: { value: 'shop B' } },
          { when: { userIds: ['user-c'] }, serve: { value: 'user C' } },
          { when: { plans: ['premium'] }, serve: { value: 'premium partners' } },
        ],
      },
      reason: 'targeted notice',
    });
    await until(writer, stored!.version);
    expect(writer.value(notice, { orgId: 'org-a', role: 'OWNER', shopId: 'shop-b' })).toBe('owners of A');
    expect(writer.value(notice, { orgId: 'org-a', role: 'ADVISOR', shopId: 'shop-b' })).toBe('shop B');
    expect(writer.value(notice, { userId: 'user-c' })).toBe('user C');
    expect(writer.value(notice, { plan: 'premium' })).toBe('premium partners');
    expect(writer.evaluate(notice, { userId: 'user-d' })).toEqual({ value: '', reason: 'DEFAULT' });
  });

  it('split units between weighted variants by the hash of flag key and unit', async () => {
    const { stored } = await admin.set(operator, {
      key: photoReport.key,
      state: { enabled: true, unit: 'targetingKey', fallthrough: { variants: [{ name: 'control', value: 'control', weight: 50 }, { name: 'photos', value: 'photos', weight: 50 }] } },
      reason: 'report layout experiment',
    });
    await until(writer, stored!.version);
    const details = await writer.client.getStringDetails(photoReport.key, 'control', { targetingKey: 'inspection-1' });
    expect(details.reason).toBe('SPLIT');
    expect(details.variant).toBe(details.value);
    const photos = Array.from({ length: 4_000 }, (_, i) => writer.value(photoReport, { targetingKey: `inspection-${i}` })).filter((v) => v === 'photos').length;
    expect(photos / 4_000).toBeGreaterThan(0.46);
    expect(photos / 4_000).toBeLessThan(0.54);
  });

  it('refuse a value the flag schema refuses, with a message, and store nothing', async () => {
    const before = await writer.refresh().then(() => writer.appliedVersion);
    for (const [state, message] of [
      [{ enabled: true, fallthrough: { value: { standard: { perMinute: -5, perDay: 10 } } } }, /perMinute/],
      [{ enabled: true, fallthrough: { value: { premium: { perMinute: 5, perDay: 10 } } } }, /standard/],
      [{ enabled: true, fallthrough: { variants: [{ name: 'a', value: 1, weight: 60 }, { name: 'b', value: 2, weight: 60 }] } }, /add up to 100/],
      [{ enabled: 'yes' }, /enabled/],
    ] as const) {
      await expect(admin.set(operator, { key: quotas.key, state, reason: 'bad value' })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message });
    }
    await expect(admin.set(operator, { key: 'no.such-flag', state: { enabled: true }, reason: 'typo' })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(admin.set({ kind: 'staff', userId: 'u', orgId: 'o', roles: {}, expiresAt: 0 }, { key: trends.key, state: { enabled: false }, reason: 'not mine' })).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    const [row] = (await service.query(`SELECT count(*)::int AS n FROM analytics.outbox WHERE envelope->'data'->>'key' = $1`, [quotas.key])) as { n: number }[];
    expect(row!.n).toBe(0);
    await writer.refresh();
    expect(writer.appliedVersion).toBe(before);
    expect(writer.value(quotas)).toEqual(quotas.defaultValue);
  });

  it('emit each change as a catalog event with the reason and the operator, and switch scheduled changes at their time', async () => {
    const activateAt = new Date(Date.now() + 60_000);
    const { stored } = await admin.set(operator, { key: notice.key, state: { enabled: true, fallthrough: { value: 'later' } }, reason: 'scheduled notice', activateAt, expiresAt: new Date(Date.now() - 1) });
    await until(writer, stored!.version);
    expect(writer.value(notice, { userId: 'user-d' })).toBe('');
    expect(writer.provider.resolve(notice.key, '', { userId: 'user-d' }, activateAt.getTime()).value).toBe('later');
    const events = (await service.query(`SELECT envelope FROM analytics.outbox WHERE type = 'feature_flag.changed' ORDER BY seq`)) as { envelope: { data: Record<string, unknown> } }[];
    expect(events.at(-1)!.envelope.data).toMatchObject({ key: notice.key, reason: 'scheduled notice', operator: 'ada', scheduledAt: activateAt.toISOString(), version: stored!.version });
    expect((await admin.stale(operator)).map((flag) => flag.key)).toEqual([notice.key]);
  });

  it('reach a process whose push channel is down at its next poll', async () => {
    const deaf = await flagsProcess({ REDIS_URL: 'redis://127.0.0.1:1' }, { pollMs: 300 });
    const seen: string[] = [];
    deaf.onChange((change) => seen.push(change.via));
    const { stored } = await admin.set(operator, { key: trends.key, state: { enabled: false }, reason: 'off again' });
    await until(deaf, stored!.version);
    expect(seen).toEqual(['poll']);
    expect(deaf.value(trends, { userId: 'user-1' })).toBe(false);
  });
});
