import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A recommendation's entries by (recommendation, seq): its last entry (is its commission held?) is one
 * index descent, instead of a walk back through the whole ledger's seq index, which the planner chose for
 * `ORDER BY seq DESC LIMIT 1` and which grew with every entry. It also serves every lookup by
 * recommendation alone, so it replaces that index.
 */
export class LedgerRecommendationSeq1765500000000 implements MigrationInterface {
  name = 'LedgerRecommendationSeq1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ledger_recommendation_seq ON partners.ledger_entry (recommendation_id, seq)`);
    await q.query(`DROP INDEX partners.ledger_recommendation`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ledger_recommendation ON partners.ledger_entry (recommendation_id)`);
    await q.query(`DROP INDEX partners.ledger_recommendation_seq`);
  }
}
