import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createEventTables } from '@cip/platform';
import { builtInTemplates } from './built-in-templates';

export class Initial1764205200000 implements MigrationInterface {
  name = 'Initial1764205200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE inspections.template (
      id text PRIMARY KEY,
      org_id uuid,
      shop_id uuid,
      name text NOT NULL,
      description text NOT NULL DEFAULT '',
      based_on_id text REFERENCES inspections.template(id),
      version integer NOT NULL CHECK (version >= 1),
      sections jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((shop_id IS NULL) = (org_id IS NULL))
    )`);
    await q.query(`CREATE INDEX template_shop ON inspections.template (shop_id)`);
    await q.query(`CREATE TABLE inspections.template_version (
      template_id text NOT NULL REFERENCES inspections.template(id),
      version integer NOT NULL,
      sections jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (template_id, version)
    )`);
    await q.query(`CREATE TABLE inspections.inspection (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      shop_id uuid NOT NULL,
      vehicle_id uuid NOT NULL,
      customer_id uuid NOT NULL,
      technician_id uuid,
      template_id text NOT NULL REFERENCES inspections.template(id),
      template_version integer NOT NULL,
      previous_inspection_id uuid REFERENCES inspections.inspection(id),
      repair_order_number text,
      status text NOT NULL CHECK (status IN ('DRAFT', 'IN_PROGRESS', 'COMPLETED', 'SENT', 'CLOSED')),
      currency char(3) NOT NULL,
      share_token_hash text UNIQUE,
      share_expires_at timestamptz,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      completed_at timestamptz,
      sent_at timestamptz,
      closed_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (template_id, template_version) REFERENCES inspections.template_version(template_id, version)
    )`);
    await q.query(`CREATE INDEX inspection_shop_created ON inspections.inspection (shop_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX inspection_vehicle_created ON inspections.inspection (vehicle_id, created_at DESC)`);
    await q.query(`CREATE INDEX inspection_customer_created ON inspections.inspection (customer_id, created_at DESC)`);
    await q.query(`CREATE INDEX inspection_technician_created ON inspections.inspection (technician_id, created_at DESC)`);
    await q.query(`CREATE TABLE inspections.inspection_item (
      inspection_id uuid NOT NULL REFERENCES inspections.inspection(id),
      item_key text NOT NULL,
      position integer NOT NULL,
      section_key text NOT NULL,
      section_name text NOT NULL,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('CONDITION', 'MEASUREMENT')),
      unit text,
      thresholds jsonb,
      condition text NOT NULL DEFAULT 'NOT_INSPECTED' CHECK (condition IN ('GREEN', 'YELLOW', 'RED', 'NOT_INSPECTED')),
      measurement double precision,
      notes text NOT NULL DEFAULT '',
      inspected_by uuid,
      inspected_at timestamptz,
      PRIMARY KEY (inspection_id, item_key)
    )`);
    await q.query(`CREATE TABLE inspections.inspection_media (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      inspection_id uuid NOT NULL REFERENCES inspections.inspection(id),
      shop_id uuid NOT NULL,
      item_key text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('PHOTO', 'VIDEO')),
      content_type text NOT NULL,
      byte_size bigint NOT NULL CHECK (byte_size > 0),
      storage_key text NOT NULL UNIQUE,
      caption text NOT NULL DEFAULT '',
      uploaded_at timestamptz,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (inspection_id, item_key) REFERENCES inspections.inspection_item(inspection_id, item_key)
    )`);
    await q.query(`CREATE INDEX inspection_media_inspection ON inspections.inspection_media (inspection_id)`);
    await q.query(`CREATE TABLE inspections.recommendation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      inspection_id uuid NOT NULL REFERENCES inspections.inspection(id),
      org_id uuid NOT NULL,
      shop_id uuid NOT NULL,
      item_key text,
      position integer NOT NULL,
      title text NOT NULL,
      description text NOT NULL DEFAULT '',
      urgency text NOT NULL CHECK (urgency IN ('IMMEDIATE', 'SOON', 'MONITOR')),
      labor_hours double precision NOT NULL DEFAULT 0 CHECK (labor_hours >= 0),
      parts_cents integer NOT NULL DEFAULT 0 CHECK (parts_cents >= 0),
      labor_cents integer NOT NULL DEFAULT 0 CHECK (labor_cents >= 0),
      quantity integer NOT NULL DEFAULT 1 CHECK (quantity >= 1),
      partner_product_id text,
      decision text CHECK (decision IN ('APPROVED', 'DECLINED')),
      decided_at timestamptz,
      decided_by text CHECK (decided_by IN ('CUSTOMER', 'STAFF')),
      education_viewed_at timestamptz,
      refunded_at timestamptz,
      refund_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (inspection_id, item_key) REFERENCES inspections.inspection_item(inspection_id, item_key)
    )`);
    await q.query(`CREATE INDEX recommendation_inspection ON inspections.recommendation (inspection_id, position)`);
    await q.query(`CREATE TABLE inspections.vehicle_template (
      vehicle_id uuid PRIMARY KEY,
      template_id text NOT NULL,
      event_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE TABLE inspections.media_signing_key (
      id integer PRIMARY KEY CHECK (id = 1),
      secret text NOT NULL
    )`);
    await q.query(`INSERT INTO inspections.media_signing_key (id, secret)
      VALUES (1, encode(sha256((gen_random_uuid()::text || gen_random_uuid()::text || clock_timestamp()::text)::bytea), 'hex'))`);
    for (const template of builtInTemplates) {
      await q.query(`INSERT INTO inspections.template (id, name, description, version, sections) VALUES ($1, $2, $3, 1, $4)`, [
        template.id,
        template.name,
        template.description,
        JSON.stringify(template.sections),
      ]);
      await q.query(`INSERT INTO inspections.template_version (template_id, version, sections) VALUES ($1, 1, $2)`, [template.id, JSON.stringify(template.sections)]);
    }
    await createEventTables(q, 'inspections');
  }

  async down(q: QueryRunner): Promise<void> {
    const tables = ['processed_events', 'outbox', 'media_signing_key', 'vehicle_template', 'recommendation', 'inspection_media', 'inspection_item', 'inspection', 'template_version', 'template'];
    for (const table of tables) await q.query(`DROP TABLE inspections.${table}`);
  }
}
