import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhook endpoints, their durable deliveries, every attempt, and notices to owners. */
export class Webhooks1764300000001 implements MigrationInterface {
  name = 'Webhooks1764300000001';

  async up(q: QueryRunner) {
    await q.query(`CREATE TABLE gateway.webhook_endpoint (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      owner jsonb NOT NULL,
      shop_ids text[] NOT NULL,
      url text NOT NULL,
      event_types text[] NOT NULL,
      selection text,
      secret text NOT NULL,
      previous_secret text,
      previous_secret_until timestamptz,
      status text NOT NULL DEFAULT 'active',
      consecutive_failures integer NOT NULL DEFAULT 0,
      disabled_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE gateway.webhook_delivery (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      endpoint_id uuid NOT NULL REFERENCES gateway.webhook_endpoint (id),
      event_id uuid NOT NULL,
      event_type text NOT NULL,
      payload jsonb NOT NULL,
      status text NOT NULL DEFAULT 'pending',
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      lease_until timestamptz,
      last_status_code integer,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      delivered_at timestamptz,
      UNIQUE (endpoint_id, event_id)
    )`);
    await q.query(`CREATE INDEX webhook_delivery_due ON gateway.webhook_delivery (next_attempt_at) WHERE status IN ('pending', 'delivering')`);
    await q.query(`CREATE TABLE gateway.webhook_attempt (
      id bigserial PRIMARY KEY,
      delivery_id uuid NOT NULL REFERENCES gateway.webhook_delivery (id),
      attempted_at timestamptz NOT NULL DEFAULT now(),
      status_code integer,
      latency_ms integer NOT NULL,
      error text,
      succeeded boolean NOT NULL
    )`);
    await q.query(`CREATE INDEX webhook_attempt_delivery ON gateway.webhook_attempt (delivery_id, attempted_at)`);
    await q.query(`CREATE TABLE gateway.webhook_notification (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      endpoint_id uuid NOT NULL REFERENCES gateway.webhook_endpoint (id),
      owner jsonb NOT NULL,
      kind text NOT NULL,
      message text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner) {
    await q.query('DROP TABLE gateway.webhook_notification');
    await q.query('DROP TABLE gateway.webhook_attempt');
    await q.query('DROP TABLE gateway.webhook_delivery');
    await q.query('DROP TABLE gateway.webhook_endpoint');
  }
}
