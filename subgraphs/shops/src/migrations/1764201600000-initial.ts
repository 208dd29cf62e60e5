import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createEventTables } from '@cip/platform';

export class Initial1764201600000 implements MigrationInterface {
  name = 'Initial1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE shops.organization (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE shops.shop (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES shops.organization(id),
      name text NOT NULL,
      address jsonb NOT NULL,
      timezone text NOT NULL,
      labor_rate_cents integer NOT NULL CHECK (labor_rate_cents >= 0),
      currency char(3) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX shop_org ON shops.shop (org_id)`);
    await q.query(`CREATE TABLE shops.staff_user (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES shops.organization(id),
      email text NOT NULL UNIQUE,
      name text NOT NULL,
      password_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX staff_user_org ON shops.staff_user (org_id)`);
    await q.query(`CREATE TABLE shops.shop_role (
      user_id uuid NOT NULL REFERENCES shops.staff_user(id),
      shop_id uuid NOT NULL REFERENCES shops.shop(id),
      org_id uuid NOT NULL REFERENCES shops.organization(id),
      role text NOT NULL CHECK (role IN ('OWNER', 'MANAGER', 'ADVISOR', 'TECHNICIAN')),
      PRIMARY KEY (user_id, shop_id)
    )`);
    await q.query(`CREATE INDEX shop_role_shop ON shops.shop_role (shop_id)`);
    await q.query(`CREATE TABLE shops.refresh_token (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES shops.staff_user(id),
      family_id uuid NOT NULL,
      token_hash text NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      revoked_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX refresh_token_family ON shops.refresh_token (family_id)`);
    await q.query(`CREATE TABLE shops.customer (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES shops.organization(id),
      shop_id uuid NOT NULL REFERENCES shops.shop(id),
      first_name text NOT NULL,
      last_name text NOT NULL,
      phone text,
      email text,
      sms_consent boolean NOT NULL DEFAULT false,
      email_consent boolean NOT NULL DEFAULT false,
      consent_updated_at timestamptz,
      tags text[] NOT NULL DEFAULT '{}',
      notes text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX customer_shop_name ON shops.customer (shop_id, last_name, first_name)`);
    await createEventTables(q, 'shops');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['processed_events', 'outbox', 'customer', 'refresh_token', 'shop_role', 'staff_user', 'shop', 'organization']) {
      await q.query(`DROP TABLE shops.${table}`);
    }
  }
}
