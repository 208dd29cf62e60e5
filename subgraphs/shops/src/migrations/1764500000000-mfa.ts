import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Second factors (TOTP), recovery codes, sign-in challenges, the organization's MFA policy, and when each login last verified a factor. */
export class Mfa1764500000000 implements MigrationInterface {
  name = 'Mfa1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE shops.organization ADD COLUMN mfa_policy text NOT NULL DEFAULT 'OFF'
      CHECK (mfa_policy IN ('OFF', 'OWNERS_AND_MANAGERS', 'ALL_STAFF'))`);
    await q.query(`ALTER TABLE shops.refresh_token ADD COLUMN mfa_verified_at timestamptz`);
    await q.query(`CREATE TABLE shops.totp_factor (
      user_id uuid PRIMARY KEY REFERENCES shops.staff_user(id),
      secret text NOT NULL,
      confirmed_at timestamptz,
      last_time_step bigint,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE shops.recovery_code (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES shops.staff_user(id),
      code_hash text NOT NULL UNIQUE,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX recovery_code_user ON shops.recovery_code (user_id)`);
    await q.query(`CREATE TABLE shops.mfa_challenge (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES shops.staff_user(id),
      token_hash text NOT NULL UNIQUE,
      client_address text NOT NULL,
      attempts int NOT NULL DEFAULT 0,
      expires_at timestamptz NOT NULL,
      completed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE shops.mfa_challenge`);
    await q.query(`DROP TABLE shops.recovery_code`);
    await q.query(`DROP TABLE shops.totp_factor`);
    await q.query(`ALTER TABLE shops.refresh_token DROP COLUMN mfa_verified_at`);
    await q.query(`ALTER TABLE shops.organization DROP COLUMN mfa_policy`);
  }
}
