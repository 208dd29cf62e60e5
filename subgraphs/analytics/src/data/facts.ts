import { EntitySchema, type EntityManager } from 'typeorm';
import { measures, partnerRevenue } from './metrics';

/** A shop as analytics knows it from `shop.created`: its local day decides which rollup day a fact lands in. */
export interface ShopProfile {
  shopId: string;
  orgId: string;
  name: string | null;
  timezone: string;
  currency: string;
  updatedAt: Date;
}

export const ShopProfileEntity = new EntitySchema<ShopProfile>({
  name: 'ShopProfile',
  tableName: 'shop_profile',
  columns: {
    shopId: { type: 'text', primary: true, name: 'shop_id' },
    orgId: { type: 'text', name: 'org_id' },
    name: { type: 'text', nullable: true },
    timezone: { type: 'text' },
    currency: { type: 'char', length: 3 },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
  },
});

/** One domain event as a fact: the business instant it describes and the measures it carries. */
export interface Fact {
  eventId: string;
  type: string;
  orgId: string;
  shopId: string | null;
  subjectId: string;
  inspectionId: string | null;
  technicianId: string | null;
  occurredAt: Date;
  localDay: string | null;
  /** Facts sharing a key describe the same thing (one inspection's completion, one recommendation's decision); only the latest counts. */
  supersedeKey: string | null;
  current: boolean;
  amountCents: number;
  itemCount: number;
  itemsGreen: number;
  itemsYellow: number;
  itemsRed: number;
  responseMs: number | null;
  currency: string | null;
  payload: Record<string, unknown>;
  recordedAt: Date;
}

const factColumns = {
  eventId: { type: 'uuid', primary: true, name: 'event_id' },
  type: { type: 'text' },
  orgId: { type: 'text', name: 'org_id' },
  shopId: { type: 'text', name: 'shop_id', nullable: true },
  subjectId: { type: 'text', name: 'subject_id' },
  inspectionId: { type: 'text', name: 'inspection_id', nullable: true },
  technicianId: { type: 'text', name: 'technician_id', nullable: true },
  occurredAt: { type: 'timestamptz', name: 'occurred_at' },
  localDay: { type: 'date', name: 'local_day', nullable: true },
  supersedeKey: { type: 'text', name: 'supersede_key', nullable: true },
  current: { type: 'boolean' },
  amountCents: { type: 'bigint', name: 'amount_cents' },
  itemCount: { type: 'integer', name: 'item_count' },
  itemsGreen: { type: 'integer', name: 'items_green' },
  itemsYellow: { type: 'integer', name: 'items_yellow' },
  itemsRed: { type: 'integer', name: 'items_red' },
  responseMs: { type: 'bigint', name: 'response_ms', nullable: true },
  currency: { type: 'char', length: 3, nullable: true },
  payload: { type: 'jsonb' },
  recordedAt: { type: 'timestamptz', name: 'recorded_at' },
} as const;

export const FactEventEntity = new EntitySchema<Fact>({ name: 'FactEvent', tableName: 'fact_event', columns: factColumns });

export const ArchivedFactEntity = new EntitySchema<Fact & { archivedAt: Date }>({
  name: 'ArchivedFact',
  tableName: 'fact_event_archive',
  columns: { ...factColumns, archivedAt: { type: 'timestamptz', name: 'archived_at' } },
});

/** A rollup row: the measures of one shop (and, for technician rollups, one technician) on one local day. */
export interface ShopDay {
  shopId: string;
  day: string;
  orgId: string;
}

const measureColumns = (withPartnerRevenue: boolean) =>
  Object.fromEntries(
    [...measures, ...(withPartnerRevenue ? [partnerRevenue] : [])].map((m) => [m.key, { type: 'bigint' as const, name: m.column }]),
  );

export const ShopDailyEntity = new EntitySchema<ShopDay>({
  name: 'ShopDaily',
  tableName: 'shop_daily',
  columns: {
    shopId: { type: 'text', primary: true, name: 'shop_id' },
    day: { type: 'date', primary: true },
    orgId: { type: 'text', name: 'org_id' },
    ...measureColumns(true),
  },
});

export const ShopMonthlyEntity = new EntitySchema<Omit<ShopDay, 'day'> & { month: string }>({
  name: 'ShopMonthly',
  tableName: 'shop_monthly',
  columns: {
    shopId: { type: 'text', primary: true, name: 'shop_id' },
    month: { type: 'date', primary: true },
    orgId: { type: 'text', name: 'org_id' },
    ...measureColumns(true),
  },
});

export const TechnicianDailyEntity = new EntitySchema<ShopDay & { technicianId: string }>({
  name: 'TechnicianDaily',
  tableName: 'technician_daily',
  columns: {
    technicianId: { type: 'text', primary: true, name: 'technician_id' },
    shopId: { type: 'text', primary: true, name: 'shop_id' },
    day: { type: 'date', primary: true },
    orgId: { type: 'text', name: 'org_id' },
    ...measureColumns(false),
  },
});

export type NewFact = Omit<Fact, 'localDay' | 'current' | 'recordedAt'>;

const localDayOf = (shopParam: string, instant: string) =>
  `(${instant} AT TIME ZONE coalesce((SELECT timezone FROM analytics.shop_profile WHERE shop_id = ${shopParam}), 'UTC'))::date`;

/** Which facts a rollup statement reads: one shop's days, one shop entirely, or everything. */
export type RollupScope = { shopId: string; days: string[] } | { shopId: string } | 'all';

/**
 * Facts and the rollups computed from them. Incremental maintenance and the full rebuild run the same
 * aggregate statements, scoped differently, so a rebuild reproduces exactly what ingestion left.
 */
export class FactRepository {
  /** Records the fact; false when it was already recorded (a redelivery). */
  async insert(manager: EntityManager, fact: NewFact): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `/* facts.insert */ INSERT INTO analytics.fact_event
         (event_id, type, org_id, shop_id, subject_id, inspection_id, technician_id, occurred_at, local_day, supersede_key,
          amount_cents, item_count, items_green, items_yellow, items_red, response_ms, currency, payload)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, ${localDayOf('$4', '$8::timestamptz')}, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [
        fact.eventId,
        fact.type,
        fact.orgId,
        fact.shopId,
        fact.subjectId,
        fact.inspectionId,
        fact.technicianId,
        fact.occurredAt.toISOString(),
        fact.supersedeKey,
        fact.amountCents,
        fact.itemCount,
        fact.itemsGreen,
        fact.itemsYellow,
        fact.itemsRed,
        fact.responseMs,
        fact.currency,
        JSON.stringify(fact.payload),
      ],
    );
    return rows.length > 0;
  }

  /** The local day of a recorded fact (in the shop's time zone as known now). */
  async localDay(manager: EntityManager, eventId: string): Promise<string | null> {
    const rows: { day: string | null }[] = await manager.query(
      `/* facts.localDay */ SELECT to_char(local_day, 'YYYY-MM-DD') AS day FROM analytics.all_facts WHERE event_id = $1`,
      [eventId],
    );
    return rows[0]?.day ?? null;
  }

  /**
   * Marks the latest fact under `key` (by business time, then event id) as the one that counts, in the
   * live and the archive table, and returns the local days of every fact under the key: their rollups change.
   */
  async settleSupersede(manager: EntityManager, key: string): Promise<string[]> {
    const winner = `(SELECT event_id FROM analytics.all_facts WHERE supersede_key = $1 ORDER BY occurred_at DESC, event_id DESC LIMIT 1)`;
    const days: { day: string }[] = await manager.query(
      `/* facts.settleSupersede */ WITH live AS (
         UPDATE analytics.fact_event SET current = (event_id = ${winner}) WHERE supersede_key = $1 RETURNING local_day
       ), archived AS (
         UPDATE analytics.fact_event_archive SET current = (event_id = ${winner}) WHERE supersede_key = $1 RETURNING local_day
       )
       SELECT DISTINCT to_char(local_day, 'YYYY-MM-DD') AS day FROM (SELECT local_day FROM live UNION ALL SELECT local_day FROM archived) d
        WHERE local_day IS NOT NULL`,
      [key],
    );
    return days.map((d) => d.day);
  }

  /** Records the shop's time zone and moves its facts to the local days that zone gives. */
  async upsertProfile(manager: EntityManager, profile: Omit<ShopProfile, 'updatedAt'>): Promise<void> {
    await manager.query(
      `/* facts.upsertProfile */ INSERT INTO analytics.shop_profile (shop_id, org_id, name, timezone, currency) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (shop_id) DO UPDATE SET org_id = excluded.org_id, name = excluded.name, timezone = excluded.timezone,
         currency = excluded.currency, updated_at = now()`,
      [profile.shopId, profile.orgId, profile.name, profile.timezone, profile.currency],
    );
    for (const table of ['fact_event', 'fact_event_archive']) {
      await manager.query(
        `/* facts.relocalize */ UPDATE analytics.${table} SET local_day = (occurred_at AT TIME ZONE $2)::date WHERE shop_id = $1`,
        [profile.shopId, profile.timezone],
      );
    }
  }

  /** Recomputes the shop (daily and monthly) and technician rollups in `scope` from the facts (live and archived). */
  async recompute(manager: EntityManager, scope: RollupScope): Promise<void> {
    const params: unknown[] = [];
    let where = 'shop_id IS NOT NULL AND local_day IS NOT NULL';
    let target = '';
    if (scope !== 'all') {
      params.push(scope.shopId);
      where += ' AND shop_id = $1';
      target = 'WHERE shop_id = $1';
      if ('days' in scope) {
        params.push(scope.days);
        where += ' AND local_day = ANY($2::date[])';
        target += ' AND day = ANY($2::date[])';
      }
    }
    const shopMeasures = [...measures, partnerRevenue];
    await manager.query(`/* rollups.clearShops */ DELETE FROM analytics.shop_daily ${target}`, params);
    await manager.query(
      `/* rollups.computeShops */ INSERT INTO analytics.shop_daily (shop_id, day, org_id, ${shopMeasures.map((m) => m.column).join(', ')})
       SELECT shop_id, local_day, max(org_id), ${shopMeasures.map((m) => m.sql).join(', ')}
         FROM analytics.all_facts WHERE ${where} GROUP BY shop_id, local_day`,
      params,
    );
    const monthTarget = target.replace('day = ANY($2::date[])', "month = ANY(SELECT date_trunc('month', d)::date FROM unnest($2::date[]) d)");
    const monthSource = target.replace('day = ANY($2::date[])', "date_trunc('month', day)::date = ANY(SELECT date_trunc('month', d)::date FROM unnest($2::date[]) d)");
    await manager.query(`/* rollups.clearMonths */ DELETE FROM analytics.shop_monthly ${monthTarget}`, params);
    await manager.query(
      `/* rollups.computeMonths */ INSERT INTO analytics.shop_monthly (shop_id, month, org_id, ${shopMeasures.map((m) => m.column).join(', ')})
       SELECT shop_id, date_trunc('month', day)::date, max(org_id), ${shopMeasures.map((m) => `sum(${m.column})`).join(', ')}
         FROM analytics.shop_daily ${monthSource} GROUP BY shop_id, date_trunc('month', day)`,
      params,
    );
    await manager.query(`/* rollups.clearTechnicians */ DELETE FROM analytics.technician_daily ${target}`, params);
    await manager.query(
      `/* rollups.computeTechnicians */ INSERT INTO analytics.technician_daily (technician_id, shop_id, day, org_id, ${measures.map((m) => m.column).join(', ')})
       SELECT technician_id, shop_id, local_day, max(org_id), ${measures.map((m) => m.sql).join(', ')}
         FROM analytics.all_facts WHERE ${where} AND technician_id IS NOT NULL GROUP BY technician_id, shop_id, local_day`,
      params,
    );
  }

  /** Re-derives every fact's local day and which facts count, then every rollup: the rebuild from facts. */
  async rebuild(manager: EntityManager): Promise<void> {
    for (const table of ['fact_event', 'fact_event_archive']) {
      await manager.query(
        `/* facts.rebuildDays */ UPDATE analytics.${table} f
            SET local_day = (f.occurred_at AT TIME ZONE coalesce((SELECT timezone FROM analytics.shop_profile p WHERE p.shop_id = f.shop_id), 'UTC'))::date`,
      );
      await manager.query(
        `/* facts.rebuildCurrent */ UPDATE analytics.${table} f
            SET current = (f.supersede_key IS NULL OR f.event_id = (
              SELECT a.event_id FROM analytics.all_facts a WHERE a.supersede_key = f.supersede_key ORDER BY a.occurred_at DESC, a.event_id DESC LIMIT 1))`,
      );
    }
    await this.recompute(manager, 'all');
  }

  /**
   * Moves up to `batchSize` facts that occurred before `cutoff` to the archive in one statement (one
   * transaction): a fact is in exactly one of the two tables at every instant. Returns how many moved.
   */
  async archiveBatch(manager: EntityManager, cutoff: Date, batchSize: number): Promise<number> {
    const rows: { count: string }[] = await manager.query(
      `/* facts.archiveBatch */ WITH doomed AS (
         SELECT event_id FROM analytics.fact_event WHERE occurred_at < $1 ORDER BY occurred_at, event_id LIMIT $2 FOR UPDATE SKIP LOCKED
       ), moved AS (
         DELETE FROM analytics.fact_event f USING doomed WHERE f.event_id = doomed.event_id RETURNING f.*
       ), inserted AS (
         INSERT INTO analytics.fact_event_archive
           (event_id, type, org_id, shop_id, subject_id, inspection_id, technician_id, occurred_at, local_day, supersede_key, current,
            amount_cents, item_count, items_green, items_yellow, items_red, response_ms, currency, payload, recorded_at)
         SELECT event_id, type, org_id, shop_id, subject_id, inspection_id, technician_id, occurred_at, local_day, supersede_key, current,
                amount_cents, item_count, items_green, items_yellow, items_red, response_ms, currency, payload, recorded_at
           FROM moved
         RETURNING 1
       )
       SELECT count(*) AS count FROM inserted`,
      [cutoff.toISOString(), batchSize],
    );
    return Number(rows[0]?.count ?? 0);
  }

  async counts(manager: EntityManager): Promise<{ live: number; archived: number }> {
    const [row]: { live: string; archived: string }[] = await manager.query(
      `/* facts.counts */ SELECT (SELECT count(*) FROM analytics.fact_event) AS live, (SELECT count(*) FROM analytics.fact_event_archive) AS archived`,
    );
    return { live: Number(row.live), archived: Number(row.archived) };
  }
}
