import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The platform schema's flag tables: the current state of each flag, its history, and experiment exposures. */
export class FlagTables1764590000000 implements MigrationInterface {
  name = 'FlagTables1764590000000';

  async up(runner: QueryRunner) {
    await runner.query(`CREATE SEQUENCE platform.feature_flag_versions`);
    await runner.query(`CREATE TABLE platform.feature_flags (
      key text PRIMARY KEY,
      state jsonb NOT NULL,
      scheduled_state jsonb,
      scheduled_at timestamptz,
      owner text NOT NULL,
      expires_at timestamptz,
      version bigint NOT NULL,
      reason text NOT NULL,
      updated_by text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE platform.feature_flag_changes (
      version bigint PRIMARY KEY,
      key text NOT NULL,
      state jsonb NOT NULL,
      scheduled_state jsonb,
      scheduled_at timestamptz,
      owner text NOT NULL,
      expires_at timestamptz,
      reason text NOT NULL,
      changed_by text NOT NULL,
      changed_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE INDEX feature_flag_changes_key ON platform.feature_flag_changes (key, version)`);
    await runner.query(`CREATE TABLE platform.experiment_exposures (
      flag_key text NOT NULL,
      unit_id text NOT NULL,
      variant text NOT NULL,
      exposed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (flag_key, unit_id)
    )`);
  }

  async down(runner: QueryRunner) {
    await runner.query(`DROP TABLE platform.experiment_exposures`);
    await runner.query(`DROP TABLE platform.feature_flag_changes`);
    await runner.query(`DROP TABLE platform.feature_flags`);
    await runner.query(`DROP SEQUENCE platform.feature_flag_versions`);
  }
}

export const flagMigrations = [FlagTables1764590000000];
