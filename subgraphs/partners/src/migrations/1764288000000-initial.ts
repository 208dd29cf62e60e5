import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createEventTables } from '@cip/platform';

export class Initial1764288000000 implements MigrationInterface {
  name = 'Initial1764288000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE partners.partner (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('TIRE_DISTRIBUTOR', 'WARRANTY_PROVIDER', 'LENDER', 'FLUIDS', 'ROADSIDE', 'OTHER')),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE partners.api_key (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partner_id uuid NOT NULL REFERENCES partners.partner(id),
      prefix text NOT NULL UNIQUE,
      key_hash char(64) NOT NULL UNIQUE,
      plan text NOT NULL,
      label text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz
    )`);
    await q.query(`CREATE INDEX api_key_partner ON partners.api_key (partner_id)`);
    await q.query(`CREATE TABLE partners.program (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partner_id uuid NOT NULL REFERENCES partners.partner(id),
      name text NOT NULL,
      description text NOT NULL,
      currency char(3) NOT NULL,
      shared_fields text[] NOT NULL DEFAULT '{}',
      tier_window_days integer NOT NULL CHECK (tier_window_days BETWEEN 1 AND 366),
      education_incentive_cents integer NOT NULL DEFAULT 0 CHECK (education_incentive_cents >= 0),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX program_partner ON partners.program (partner_id)`);
    await q.query(`CREATE TABLE partners.program_tier_level (
      program_id uuid NOT NULL REFERENCES partners.program(id),
      tier text NOT NULL CHECK (tier IN ('BRONZE', 'SILVER', 'GOLD', 'PLATINUM')),
      min_revenue_cents bigint NOT NULL CHECK (min_revenue_cents >= 0),
      min_conversion_bp integer NOT NULL CHECK (min_conversion_bp BETWEEN 0 AND 10000),
      min_education_bp integer NOT NULL CHECK (min_education_bp BETWEEN 0 AND 10000),
      multiplier_bp integer NOT NULL CHECK (multiplier_bp BETWEEN 0 AND 100000),
      PRIMARY KEY (program_id, tier)
    )`);
    await q.query(`CREATE TABLE partners.partner_product (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      program_id uuid NOT NULL REFERENCES partners.program(id),
      partner_id uuid NOT NULL REFERENCES partners.partner(id),
      sku text NOT NULL,
      name text NOT NULL,
      description text NOT NULL,
      unit_price_cents integer NOT NULL CHECK (unit_price_cents >= 0),
      currency char(3) NOT NULL,
      education_topic text,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (program_id, sku)
    )`);
    await q.query(`CREATE TABLE partners.commission_rule (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      program_id uuid NOT NULL REFERENCES partners.program(id),
      version integer NOT NULL CHECK (version >= 1),
      kind text NOT NULL CHECK (kind IN ('PERCENTAGE', 'FLAT_PER_UNIT', 'TIERED')),
      basis_points integer CHECK (basis_points BETWEEN 0 AND 10000),
      flat_cents integer CHECK (flat_cents >= 0),
      brackets jsonb,
      order_cap_cents bigint CHECK (order_cap_cents >= 0),
      monthly_cap_cents bigint CHECK (monthly_cap_cents >= 0),
      effective_from timestamptz NOT NULL,
      effective_until timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (program_id, version),
      CHECK (effective_until IS NULL OR effective_until > effective_from),
      CHECK ((kind = 'PERCENTAGE') = (basis_points IS NOT NULL)),
      CHECK ((kind = 'FLAT_PER_UNIT') = (flat_cents IS NOT NULL)),
      CHECK ((kind = 'TIERED') = (brackets IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX commission_rule_in_force ON partners.commission_rule (program_id, effective_from DESC, version DESC)`);
    await q.query(`CREATE TABLE partners.enrollment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      program_id uuid NOT NULL REFERENCES partners.program(id),
      partner_id uuid NOT NULL REFERENCES partners.partner(id),
      shop_id uuid NOT NULL,
      org_id uuid NOT NULL,
      enrolled_at timestamptz NOT NULL,
      ended_at timestamptz,
      CHECK (ended_at IS NULL OR ended_at >= enrolled_at)
    )`);
    await q.query(`CREATE UNIQUE INDEX enrollment_active ON partners.enrollment (program_id, shop_id) WHERE ended_at IS NULL`);
    await q.query(`CREATE INDEX enrollment_shop ON partners.enrollment (shop_id)`);
    await q.query(`CREATE INDEX enrollment_partner ON partners.enrollment (partner_id)`);
    await q.query(`CREATE TABLE partners.tier_assignment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      program_id uuid NOT NULL REFERENCES partners.program(id),
      shop_id uuid NOT NULL,
      tier text NOT NULL CHECK (tier IN ('BRONZE', 'SILVER', 'GOLD', 'PLATINUM')),
      multiplier_bp integer NOT NULL,
      effective_from timestamptz NOT NULL,
      window_start timestamptz NOT NULL,
      revenue_cents bigint NOT NULL,
      presented_count integer NOT NULL,
      converted_count integer NOT NULL,
      approved_count integer NOT NULL,
      educated_count integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX tier_assignment_in_force ON partners.tier_assignment (program_id, shop_id, effective_from DESC)`);
    await q.query(`CREATE TABLE partners.offer (
      recommendation_id text PRIMARY KEY,
      inspection_id text NOT NULL,
      shop_id uuid NOT NULL,
      org_id uuid NOT NULL,
      program_id uuid NOT NULL REFERENCES partners.program(id),
      partner_id uuid NOT NULL REFERENCES partners.partner(id),
      product_id uuid NOT NULL REFERENCES partners.partner_product(id),
      currency char(3) NOT NULL,
      presented_at timestamptz,
      total_cents bigint,
      quantity integer,
      decision text CHECK (decision IN ('APPROVED', 'DECLINED')),
      decided_at timestamptz,
      education_viewed boolean NOT NULL DEFAULT false,
      refunded_at timestamptz
    )`);
    await q.query(`CREATE INDEX offer_program_shop_presented ON partners.offer (program_id, shop_id, presented_at)`);
    await q.query(`CREATE INDEX offer_program_shop_decided ON partners.offer (program_id, shop_id, decided_at)`);
    await q.query(`CREATE TABLE partners.statement (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      shop_id uuid NOT NULL,
      org_id uuid NOT NULL,
      partner_id uuid NOT NULL REFERENCES partners.partner(id),
      period date NOT NULL CHECK (extract(day FROM period) = 1),
      currency char(3) NOT NULL,
      status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
      closed_at timestamptz,
      accrued_cents bigint,
      incentive_cents bigint,
      reversed_cents bigint,
      adjustment_cents bigint,
      payable_cents bigint,
      lines jsonb,
      UNIQUE (shop_id, partner_id, period, currency),
      CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL AND payable_cents IS NOT NULL AND lines IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX statement_partner ON partners.statement (partner_id, period)`);
    await q.query(`CREATE TABLE partners.ledger_entry (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigserial NOT NULL UNIQUE,
      shop_id uuid NOT NULL,
      org_id uuid NOT NULL,
      partner_id uuid NOT NULL REFERENCES partners.partner(id),
      program_id uuid NOT NULL REFERENCES partners.program(id),
      recommendation_id text NOT NULL,
      inspection_id text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('ACCRUAL', 'REVERSAL')),
      commission_cents bigint NOT NULL,
      incentive_cents bigint NOT NULL,
      amount_cents bigint GENERATED ALWAYS AS (commission_cents + incentive_cents) STORED,
      currency char(3) NOT NULL,
      period date NOT NULL CHECK (extract(day FROM period) = 1),
      sale_month date NOT NULL,
      occurred_at timestamptz NOT NULL,
      adjustment boolean NOT NULL,
      rule_id uuid REFERENCES partners.commission_rule(id),
      tier text,
      multiplier_bp integer,
      source_event_id uuid NOT NULL,
      source_event_type text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT ledger_entry_one_per_source_event UNIQUE (source_event_id, kind),
      CHECK ((kind = 'ACCRUAL') = (commission_cents >= 0 AND incentive_cents >= 0)),
      CHECK (period >= date_trunc('month', occurred_at AT TIME ZONE 'UTC')::date),
      CHECK (adjustment = (period > date_trunc('month', occurred_at AT TIME ZONE 'UTC')::date))
    )`);
    await q.query(`CREATE INDEX ledger_statement ON partners.ledger_entry (shop_id, partner_id, period)`);
    await q.query(`CREATE INDEX ledger_recommendation ON partners.ledger_entry (recommendation_id)`);
    await q.query(`CREATE INDEX ledger_monthly_cap ON partners.ledger_entry (program_id, shop_id, sale_month)`);
    await q.query(`CREATE INDEX ledger_order_cap ON partners.ledger_entry (program_id, inspection_id)`);

    // History is append-only: the database refuses, whatever the caller, to rewrite it.
    await q.query(`CREATE FUNCTION partners.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
      END $$`);
    for (const table of ['ledger_entry', 'commission_rule', 'tier_assignment']) {
      await q.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON partners.${table}
        FOR EACH ROW EXECUTE FUNCTION partners.refuse_change()`);
    }
    await q.query(`CREATE FUNCTION partners.refuse_closed_statement_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'CLOSED' THEN
          RAISE EXCEPTION 'statement % is closed', OLD.id USING ERRCODE = 'restrict_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER statement_closed_is_immutable BEFORE UPDATE OR DELETE ON partners.statement
      FOR EACH ROW EXECUTE FUNCTION partners.refuse_closed_statement_change()`);
    await q.query(`CREATE FUNCTION partners.refuse_entry_in_closed_period() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM partners.statement s
                   WHERE s.shop_id = NEW.shop_id AND s.partner_id = NEW.partner_id AND s.period = NEW.period
                     AND s.currency = NEW.currency AND s.status = 'CLOSED') THEN
          RAISE EXCEPTION 'period % is closed for shop % and partner %', NEW.period, NEW.shop_id, NEW.partner_id
            USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER ledger_entry_open_period BEFORE INSERT ON partners.ledger_entry
      FOR EACH ROW EXECUTE FUNCTION partners.refuse_entry_in_closed_period()`);
    await createEventTables(q, 'partners');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'processed_events', 'outbox', 'ledger_entry', 'statement', 'offer', 'tier_assignment', 'enrollment', 'commission_rule',
      'partner_product', 'program_tier_level', 'program', 'api_key', 'partner',
    ]) {
      await q.query(`DROP TABLE partners.${table}`);
    }
    for (const fn of ['refuse_change', 'refuse_closed_statement_change', 'refuse_entry_in_closed_period']) {
      await q.query(`DROP FUNCTION partners.${fn}()`);
    }
  }
}
