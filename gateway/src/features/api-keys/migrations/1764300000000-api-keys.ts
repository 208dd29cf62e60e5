import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createEventTables, dropEventTables } from '@cip/platform/core';

/** Partner API keys as the gateway learns them from the partners subgraph's events (hashes only). */
export class ApiKeys1764300000000 implements MigrationInterface {
  name = 'ApiKeys1764300000000';

  async up(q: QueryRunner) {
    await createEventTables(q, 'gateway');
    await q.query(`CREATE TABLE gateway.api_key (
      id text PRIMARY KEY,
      partner_id text NOT NULL,
      key_hash text UNIQUE,
      prefix text,
      plan text NOT NULL DEFAULT 'standard',
      issued_at timestamptz,
      revoked_at timestamptz
    )`);
    await q.query(`CREATE TABLE gateway.partner_shops (
      partner_id text PRIMARY KEY,
      shop_ids text[] NOT NULL,
      as_of timestamptz NOT NULL
    )`);
  }

  async down(q: QueryRunner) {
    await q.query('DROP TABLE gateway.partner_shops');
    await q.query('DROP TABLE gateway.api_key');
    await dropEventTables(q, 'gateway');
  }
}
