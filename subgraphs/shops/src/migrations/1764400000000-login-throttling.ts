import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One spelling per e-mail (as the service now normalizes them), and the addresses each user signed in from. */
export class LoginThrottling1764400000000 implements MigrationInterface {
  name = 'LoginThrottling1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE shops.staff_user SET email = lower(normalize(btrim(email), NFKC)) WHERE email <> lower(normalize(btrim(email), NFKC))`);
    await q.query(`CREATE TABLE shops.login_address (
      user_id uuid NOT NULL REFERENCES shops.staff_user(id),
      address text NOT NULL,
      first_seen_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      PRIMARY KEY (user_id, address)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE shops.login_address`);
  }
}
