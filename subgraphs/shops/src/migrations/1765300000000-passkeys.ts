import type { MigrationInterface, QueryRunner } from 'typeorm';

/** WebAuthn passkeys as second factors: the credential's public key and the signature counter last seen. */
export class Passkeys1765300000000 implements MigrationInterface {
  name = 'Passkeys1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE shops.passkey (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES shops.staff_user(id),
      credential_id text NOT NULL UNIQUE,
      public_key bytea NOT NULL,
      sign_count bigint NOT NULL DEFAULT 0 CHECK (sign_count >= 0),
      transports text[] NOT NULL DEFAULT '{}',
      name text NOT NULL,
      backed_up boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz
    )`);
    await q.query(`CREATE INDEX passkey_user ON shops.passkey (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE shops.passkey`);
  }
}
