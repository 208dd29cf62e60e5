import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Customer messages: per-shop templates and settings, the reports sent, each message's delivery, follow-ups, and the durable job table that times them. */
export class CustomerMessages1765000000000 implements MigrationInterface {
  name = 'CustomerMessages1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE shops.message_template (
      shop_id uuid NOT NULL REFERENCES shops.shop(id) ON DELETE CASCADE,
      kind text NOT NULL,
      org_id uuid NOT NULL,
      email_subject text NOT NULL,
      email_body text NOT NULL,
      sms_body text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (shop_id, kind)
    )`);
    await q.query(`CREATE TABLE shops.message_settings (
      shop_id uuid PRIMARY KEY REFERENCES shops.shop(id) ON DELETE CASCADE,
      org_id uuid NOT NULL,
      reminder_after_hours integer,
      follow_up_days integer[] NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE shops.customer_report (
      inspection_id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      shop_id uuid NOT NULL,
      customer_id uuid NOT NULL,
      sealed_url text NOT NULL,
      expires_at timestamptz NOT NULL,
      sent_at timestamptz NOT NULL,
      opened_at timestamptz,
      closed_at timestamptz
    )`);
    await q.query(`CREATE TABLE shops.follow_up (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      shop_id uuid NOT NULL,
      inspection_id uuid NOT NULL,
      customer_id uuid NOT NULL,
      after_days integer NOT NULL,
      due_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'PENDING',
      sent_at timestamptz,
      converted_at timestamptz,
      UNIQUE (inspection_id, after_days)
    )`);
    await q.query(`CREATE INDEX follow_up_customer ON shops.follow_up (shop_id, customer_id) WHERE converted_at IS NULL`);
    await q.query(`CREATE TABLE shops.customer_message (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      shop_id uuid NOT NULL,
      inspection_id uuid NOT NULL,
      customer_id uuid NOT NULL,
      follow_up_id uuid REFERENCES shops.follow_up(id),
      kind text NOT NULL,
      channel text NOT NULL,
      recipient text,
      status text NOT NULL,
      failure_reason text,
      attempts integer NOT NULL DEFAULT 0,
      provider_id text,
      dedupe_key text NOT NULL UNIQUE,
      queued_at timestamptz NOT NULL,
      last_attempt_at timestamptz,
      next_attempt_at timestamptz,
      sent_at timestamptz,
      delivered_at timestamptz,
      failed_at timestamptz
    )`);
    await q.query(`CREATE INDEX customer_message_inspection ON shops.customer_message (inspection_id, queued_at)`);
    await q.query(`CREATE UNIQUE INDEX customer_message_provider ON shops.customer_message (channel, provider_id) WHERE provider_id IS NOT NULL`);
    await q.query(`CREATE TABLE shops.scheduled_job (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL,
      dedupe_key text NOT NULL UNIQUE,
      payload jsonb NOT NULL,
      inspection_id uuid,
      due_at timestamptz NOT NULL,
      state text NOT NULL DEFAULT 'PENDING',
      runs integer NOT NULL DEFAULT 0,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    )`);
    await q.query(`CREATE INDEX scheduled_job_due ON shops.scheduled_job (due_at) WHERE state = 'PENDING'`);
    await q.query(`CREATE INDEX scheduled_job_inspection ON shops.scheduled_job (inspection_id, kind) WHERE state = 'PENDING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['scheduled_job', 'customer_message', 'follow_up', 'customer_report', 'message_settings', 'message_template']) {
      await q.query(`DROP TABLE shops.${table}`);
    }
  }
}
