import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sign-ups confirmed by e-mail, invitations instead of passwords chosen by managers, and the messages that carry both. */
export class SignUpAndInvitations1764400100000 implements MigrationInterface {
  name = 'SignUpAndInvitations1764400100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE shops.staff_message (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      recipient text NOT NULL,
      kind text NOT NULL,
      subject text NOT NULL,
      body text NOT NULL,
      action_url text,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      attempts integer NOT NULL DEFAULT 0,
      last_error text
    )`);
    await q.query(`CREATE INDEX staff_message_recipient ON shops.staff_message (recipient, created_at)`);
    await q.query(`CREATE INDEX staff_message_unsent ON shops.staff_message (created_at) WHERE sent_at IS NULL`);
    await q.query(`CREATE TABLE shops.pending_sign_up (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      organization_name text NOT NULL,
      owner_name text NOT NULL,
      password_hash text NOT NULL,
      shop jsonb NOT NULL,
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      confirmed_at timestamptz
    )`);
    await q.query(`CREATE TABLE shops.staff_invitation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES shops.organization(id),
      shop_id uuid NOT NULL REFERENCES shops.shop(id),
      email text NOT NULL,
      name text NOT NULL,
      role text NOT NULL CHECK (role IN ('OWNER', 'MANAGER', 'ADVISOR', 'TECHNICIAN')),
      invited_by uuid NOT NULL REFERENCES shops.staff_user(id),
      token_hash text NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      accepted_at timestamptz,
      user_id uuid REFERENCES shops.staff_user(id)
    )`);
    await q.query(`CREATE INDEX staff_invitation_shop ON shops.staff_invitation (shop_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['staff_invitation', 'pending_sign_up', 'staff_message']) await q.query(`DROP TABLE shops.${table}`);
  }
}
