import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createEventTables, dropEventTables } from '@cip/platform';

/** The measures both rollup tables keep; shops also keep partner revenue. */
const measures = [
  'inspections_started',
  'inspections_completed',
  'inspections_sent',
  'items_green',
  'items_yellow',
  'items_red',
  'presented_count',
  'presented_cents',
  'approved_count',
  'approved_cents',
  'declined_count',
  'declined_cents',
  'refunded_count',
  'refunded_cents',
  'closed_with_approval',
  'closed_approved_cents',
  'responses',
  'response_ms_sum',
];
const rollupColumns = (withPartnerRevenue: boolean) =>
  [...measures, ...(withPartnerRevenue ? ['partner_revenue_cents'] : [])].map((column) => `${column} bigint NOT NULL DEFAULT 0`).join(',\n      ');

export class Initial1764302400000 implements MigrationInterface {
  name = 'Initial1764302400000';

  async up(q: QueryRunner): Promise<void> {
    await createEventTables(q, 'analytics');
    await q.query(`CREATE TABLE analytics.shop_profile (
      shop_id text PRIMARY KEY,
      org_id text NOT NULL,
      name text,
      timezone text NOT NULL DEFAULT 'UTC',
      currency char(3) NOT NULL DEFAULT 'USD',
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX shop_profile_org ON analytics.shop_profile (org_id)`);
    await q.query(`CREATE TABLE analytics.fact_event (
      event_id uuid PRIMARY KEY,
      type text NOT NULL,
      org_id text NOT NULL,
      shop_id text,
      subject_id text NOT NULL,
      inspection_id text,
      technician_id text,
      occurred_at timestamptz NOT NULL,
      local_day date,
      supersede_key text,
      current boolean NOT NULL DEFAULT true,
      amount_cents bigint NOT NULL DEFAULT 0,
      item_count integer NOT NULL DEFAULT 0,
      items_green integer NOT NULL DEFAULT 0,
      items_yellow integer NOT NULL DEFAULT 0,
      items_red integer NOT NULL DEFAULT 0,
      response_ms bigint,
      currency char(3),
      payload jsonb NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX fact_event_shop_day ON analytics.fact_event (shop_id, local_day)`);
    await q.query(`CREATE INDEX fact_event_supersede ON analytics.fact_event (supersede_key) WHERE supersede_key IS NOT NULL`);
    await q.query(`CREATE INDEX fact_event_age ON analytics.fact_event (occurred_at, event_id)`);
    await q.query(`CREATE TABLE analytics.fact_event_archive (
      LIKE analytics.fact_event INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
      archived_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (event_id)
    )`);
    await q.query(`CREATE INDEX fact_event_archive_shop_day ON analytics.fact_event_archive (shop_id, local_day)`);
    await q.query(`CREATE INDEX fact_event_archive_supersede ON analytics.fact_event_archive (supersede_key) WHERE supersede_key IS NOT NULL`);
    await q.query(`CREATE VIEW analytics.all_facts AS
      SELECT event_id, type, org_id, shop_id, subject_id, inspection_id, technician_id, occurred_at, local_day, supersede_key, current,
             amount_cents, item_count, items_green, items_yellow, items_red, response_ms, currency
        FROM analytics.fact_event
      UNION ALL
      SELECT event_id, type, org_id, shop_id, subject_id, inspection_id, technician_id, occurred_at, local_day, supersede_key, current,
             amount_cents, item_count, items_green, items_yellow, items_red, response_ms, currency
        FROM analytics.fact_event_archive`);
    await q.query(`CREATE TABLE analytics.shop_daily (
      shop_id text NOT NULL,
      day date NOT NULL,
      org_id text NOT NULL,
      ${rollupColumns(true)},
      PRIMARY KEY (shop_id, day)
    )`);
    await q.query(`CREATE TABLE analytics.technician_daily (
      shop_id text NOT NULL,
      technician_id text NOT NULL,
      day date NOT NULL,
      org_id text NOT NULL,
      ${rollupColumns(false)},
      PRIMARY KEY (technician_id, shop_id, day)
    )`);
    await q.query(`CREATE INDEX technician_daily_shop_day ON analytics.technician_daily (shop_id, day)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE analytics.technician_daily`);
    await q.query(`DROP TABLE analytics.shop_daily`);
    await q.query(`DROP VIEW analytics.all_facts`);
    await q.query(`DROP TABLE analytics.fact_event_archive`);
    await q.query(`DROP TABLE analytics.fact_event`);
    await q.query(`DROP TABLE analytics.shop_profile`);
    await dropEventTables(q, 'analytics');
  }
}
