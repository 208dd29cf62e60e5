import type { MigrationInterface, QueryRunner } from 'typeorm';

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
  'partner_revenue_cents',
];

/** Shop rollups per calendar month, summed from the daily ones, so year-long ranges read 12 rows per shop, not 365. */
export class MonthlyRollups1764306000000 implements MigrationInterface {
  name = 'MonthlyRollups1764306000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE analytics.shop_monthly (
      shop_id text NOT NULL,
      month date NOT NULL,
      org_id text NOT NULL,
      ${measures.map((column) => `${column} bigint NOT NULL DEFAULT 0`).join(',\n      ')},
      PRIMARY KEY (shop_id, month)
    )`);
    await q.query(`INSERT INTO analytics.shop_monthly (shop_id, month, org_id, ${measures.join(', ')})
      SELECT shop_id, date_trunc('month', day)::date, max(org_id), ${measures.map((c) => `sum(${c})`).join(', ')}
        FROM analytics.shop_daily GROUP BY shop_id, date_trunc('month', day)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE analytics.shop_monthly`);
  }
}
