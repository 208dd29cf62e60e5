import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createEventTables } from '@cip/platform';

export class Initial1764208800000 implements MigrationInterface {
  name = 'Initial1764208800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE vehicles.decoded_vin (
      vin char(17) PRIMARY KEY,
      fields jsonb NOT NULL,
      sources jsonb NOT NULL,
      decoded_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE vehicles.vehicle (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      shop_id uuid NOT NULL,
      customer_id uuid NOT NULL,
      vin char(17) NOT NULL,
      model_year integer,
      make text,
      manufacturer text,
      model text,
      trim text,
      series text,
      body_class text,
      vehicle_type text,
      drive_type text,
      fuel_type_primary text,
      fuel_type_secondary text,
      electrification_level text,
      engine_cylinders integer,
      displacement_liters double precision,
      gvwr text,
      template_category text NOT NULL CHECK (template_category IN ('EV_HYBRID', 'DIESEL', 'LIGHT_TRUCK', 'MOTORCYCLE', 'STANDARD')),
      plate text,
      plate_state text,
      data_sources jsonb NOT NULL DEFAULT '[]',
      decoded_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX vehicle_shop_vin ON vehicles.vehicle (shop_id, vin)`);
    await q.query(`CREATE INDEX vehicle_customer ON vehicles.vehicle (customer_id)`);
    await q.query(`CREATE TABLE vehicles.mileage_reading (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      vehicle_id uuid NOT NULL REFERENCES vehicles.vehicle(id),
      shop_id uuid NOT NULL,
      miles integer NOT NULL CHECK (miles >= 0),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      recorded_by uuid
    )`);
    await q.query(`CREATE INDEX mileage_reading_vehicle ON vehicles.mileage_reading (vehicle_id, recorded_at)`);
    await q.query(`CREATE TABLE vehicles.template_override (
      shop_id uuid NOT NULL,
      category text NOT NULL CHECK (category IN ('EV_HYBRID', 'DIESEL', 'LIGHT_TRUCK', 'MOTORCYCLE', 'STANDARD')),
      org_id uuid NOT NULL,
      template_id text NOT NULL,
      updated_by uuid NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (shop_id, category)
    )`);
    await createEventTables(q, 'vehicles');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['processed_events', 'outbox', 'template_override', 'mileage_reading', 'vehicle', 'decoded_vin']) {
      await q.query(`DROP TABLE vehicles.${table}`);
    }
  }
}
